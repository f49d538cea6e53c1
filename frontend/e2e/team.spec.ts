import { expect, test } from '@playwright/test';
import { login } from './session';

// Runs against `bullpen dev --demo`. The demo hired Elira Dervishi (rep1) two months ago: her Employee
// workflow closes her past months on start, writing their pay statements; she owns three clients with their
// activity and has filed an excuse for this month. The manager accepts the excuse; the department head
// approves last month's statements; Elira reads her month.

test('the sales manager accepts a rep’s excuse from her month', async ({ page }) => {
  await login(page, 'manager@bullpen.demo');
  const nav = page.getByRole('navigation', { name: 'Main navigation' });
  await nav.getByRole('link', { name: 'Team' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Team' })).toBeVisible();
  await page.getByTestId('team-table').getByRole('link', { name: 'Elira Dervishi' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Pay plan' })).toBeVisible();
  await expect(page.getByTestId('month-progress')).toBeVisible();
  await expect(page.getByText('Three days of sick leave in the second week.')).toBeVisible();
  await page.getByRole('button', { name: /^Accept the excuse for / }).click();
  await expect(page.getByText(/^Excuse for .* accepted: no penalty below plan$/)).toBeVisible();
  await expect(page.getByRole('alert').filter({ hasText: 'Something went wrong' })).toHaveCount(0);
});

test('the department head approves last month’s pay statements', async ({ page }) => {
  test.setTimeout(60_000);
  await login(page, 'head@bullpen.demo');
  const nav = page.getByRole('navigation', { name: 'Main navigation' });
  await nav.getByRole('link', { name: 'Pay statements' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Pay statements' })).toBeVisible();
  // The Employee workflow writes them within moments of the demo loading.
  await expect(async () => {
    await page.reload();
    await expect(page.getByTestId('statements-table')).toBeVisible({ timeout: 2_000 });
  }).toPass({ timeout: 30_000 });
  await expect(page.getByTestId('statements-table').getByText('Elira Dervishi')).toBeVisible();
  await expect(page.getByRole('link', { name: 'Export CSV' })).toHaveAttribute('href', /\/api\/v1\/pay-statements\.csv\?month=\d{4}-\d{2}$/);
  await page.getByRole('button', { name: /^Approve all drafts/ }).click();
  await expect(page.getByText('Every statement of this month is approved.')).toBeVisible();
});

test('a rep reads her month', async ({ page }) => {
  await login(page, 'rep1@bullpen.demo');
  const nav = page.getByRole('navigation', { name: 'Main navigation' });
  await expect(nav.getByRole('link', { name: 'Team' })).toHaveCount(0);
  await nav.getByRole('link', { name: 'My month' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'My month' })).toBeVisible();
  await expect(page.getByTestId('month-progress')).toBeVisible();
  await expect(page.getByRole('heading', { name: 'My pay statements' })).toBeVisible();
});
