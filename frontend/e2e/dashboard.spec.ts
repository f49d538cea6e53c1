import { expect, test, type Page } from '@playwright/test';
import { login } from './session';

// Runs against `bullpen dev --demo`. The demo's sales floor has six weeks of logged work: Elira Dervishi (rep1)
// since the start of last month, four more reps in the Tirana team under Gentian Leka; its openings have
// applications at several stages. The department head reads the dashboard and its hiring tab and changes the
// period; the sales manager gives Elira kudos from the reps table.

async function openDashboard(page: Page) {
  await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Dashboard' }).click();
  await expect(page).toHaveURL(/\/dashboard$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Dashboard' })).toBeVisible();
}

const eliraRow = (page: Page) => page.getByTestId('reps-table').getByRole('row').filter({ hasText: 'Elira Dervishi' });

async function eliraCalls(page: Page): Promise<number> {
  const text = await eliraRow(page).getByTestId('rep-calls').innerText();
  return Number(text.replace(/\D/g, ''));
}

test('the department head reads the dashboard, changes the period and looks at hiring', async ({ page }) => {
  await login(page, 'head@bullpen.demo');
  await openDashboard(page);

  // KPIs with their trend against the previous period, and the activity chart drawn as stacked SVG bars.
  await expect(page.getByTestId('kpi-calls-value')).not.toHaveText('0');
  await expect(page.getByTestId('kpi-calls').getByTestId('kpi-trend')).toBeVisible();
  const chart = page.getByTestId('activity-chart');
  await expect(chart).toBeVisible();
  await expect(chart.locator('svg rect[data-series="calls"]').first()).toBeAttached();
  expect(await chart.locator('svg rect[data-series]').count()).toBeGreaterThan(0);
  await expect(page.getByRole('figure', { name: /^Activity per day\./ })).toBeVisible();
  await page.getByTestId('activity-grouping').getByText('Per week').click();
  await expect(chart).toHaveAttribute('data-grouping', 'week');
  await expect(page.getByRole('figure', { name: /^Activity per week\./ })).toBeVisible();

  // Elira is in the reps table; on the first of the month before her first call she may have none yet.
  await expect(eliraRow(page)).toHaveCount(1);
  const now = new Date();
  if (now.getUTCDate() > 1 || now.getUTCHours() >= 12) expect(await eliraCalls(page)).toBeGreaterThan(0);
  await expect(page.getByRole('link', { name: 'Export CSV' })).toHaveAttribute(
    'href',
    /^\/api\/v1\/dashboard\/reps\.csv\?from=\d{4}-\d{2}-\d{2}&to=\d{4}-\d{2}-\d{2}$/,
  );
  await expect(page.getByTestId('top-period').getByRole('listitem').first()).toBeVisible();
  await expect(page.getByTestId('discipline-reports')).toBeVisible();

  // The figures say when they were computed; Refresh asks the server to compute them again.
  const asOf = page.getByTestId('dashboard-as-of');
  await expect(asOf).toContainText('Figures as of');
  const fresh = page.waitForResponse((r) => r.url().includes('/api/v1/dashboard?') && r.url().includes('fresh=1') && r.ok());
  await page.getByTestId('dashboard-refresh').click();
  await fresh;
  await expect(asOf).toContainText('Figures as of');

  // Last month: a whole month in the URL and the caption; Elira worked all of it.
  await page.getByTestId('period-filter').click();
  await page.getByRole('option', { name: 'Last month' }).click();
  await expect(page).toHaveURL(/[?&]period=last_month/);
  await expect(page.getByTestId('period-caption')).toContainText('compared with');
  await expect(page.getByRole('link', { name: 'Export CSV' })).toHaveAttribute('href', /from=\d{4}-\d{2}-01&/);
  await expect(page.getByTestId('dashboard-sales')).toHaveAttribute('aria-busy', 'false');
  await expect.poll(() => eliraCalls(page)).toBeGreaterThan(0);
  await expect(page.getByTestId('activity-chart').locator('svg rect[data-series]').first()).toBeAttached();

  // And back to this month.
  await page.getByTestId('period-filter').click();
  await page.getByRole('option', { name: 'This month' }).click();
  await expect(page).not.toHaveURL(/period=/);
  await expect(page.getByTestId('dashboard-sales')).toHaveAttribute('aria-busy', 'false');
  await expect(eliraRow(page)).toHaveCount(1);

  // The hiring tab: each opening's funnel, and the competencies as predictors (too few hires in the demo).
  await page.getByRole('tab', { name: 'Hiring' }).click();
  await expect(page).toHaveURL(/[?&]view=hiring/);
  const funnel = page.getByTestId('opening-funnel').filter({ hasText: 'Sales rep, Prishtina' });
  await expect(funnel).toBeVisible();
  await expect(funnel.getByRole('list', { name: 'Stages reached: Sales rep, Prishtina' }).getByRole('listitem').first()).toContainText('Applied');
  expect(await funnel.getByTestId('funnel-bar').count()).toBeGreaterThan(0);
  await expect(page.getByRole('heading', { name: 'Which interview competencies predict good reps' })).toBeVisible();
  await expect(page.getByTestId('predictor').first()).toContainText(/Not enough hires yet|hires\)/);
  await expect(page.getByRole('alert').filter({ hasText: 'Something went wrong' })).toHaveCount(0);
});

test('the sales manager gives a rep kudos from the reps table', async ({ page }) => {
  const message = `Great week on the phones (${Date.now().toString(36)})`;
  await login(page, 'manager@bullpen.demo');
  await openDashboard(page);
  // Sales managers have no hiring tab.
  await expect(page.getByRole('tab', { name: 'Hiring' })).toHaveCount(0);
  await eliraRow(page).getByRole('button', { name: 'Give kudos to Elira Dervishi' }).click();
  const dialog = page.getByRole('dialog');
  const text = dialog.getByRole('textbox', { name: 'Message' });
  await expect(text).toHaveValue('Great work!');
  await text.fill(message);
  await dialog.getByRole('button', { name: 'Send kudos' }).click();
  const notice = page.locator('.mantine-Notification-root').filter({ hasText: 'Kudos sent to Elira Dervishi' });
  await expect(notice).toBeVisible();
  await expect(notice).toContainText(message);
  await expect(dialog).toHaveCount(0);
});
