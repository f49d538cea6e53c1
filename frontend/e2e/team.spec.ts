import { expect, test, type Page } from '@playwright/test';

// Runs against `bullpen dev --demo`. The department head opens Team and Pay statements: the demo has no
// employee until an offer is accepted (offers.spec.ts may have hired one), and no pay statement until a month
// closes, so both pages show their lists or their empty states, without errors. A rep's My month explains
// that it fills in once their first month has closed.
const PASSWORD = 'bullpen-demo';

async function login(page: Page, email: string) {
  await page.goto('/login');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password', { exact: true }).fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('button', { name: /^Account menu for / })).toBeVisible();
}

test('the department head opens Team and Pay statements', async ({ page }) => {
  await login(page, 'head@bullpen.demo');
  const nav = page.getByRole('navigation', { name: 'Main navigation' });

  await nav.getByRole('link', { name: 'Team' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Team' })).toBeVisible();
  await expect(page.getByText('No employees yet').or(page.getByTestId('team-table'))).toBeVisible();
  await expect(page.getByRole('alert')).toHaveCount(0);
  if (await page.getByTestId('team-table').isVisible()) {
    await page.getByTestId('team-row').first().getByRole('link').click();
    await expect(page.getByRole('heading', { level: 2, name: 'Pay plan' })).toBeVisible();
    await expect(page.getByTestId('month-progress')).toBeVisible();
    // Notices (no plan set yet) are alerts too; what must not appear is an error.
    await expect(page.getByRole('alert').filter({ hasText: 'Something went wrong' })).toHaveCount(0);
  }

  await nav.getByRole('link', { name: 'Pay statements' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Pay statements' })).toBeVisible();
  await expect(page.getByText(/^No pay statements for /)).toBeVisible();
  await expect(page.getByRole('link', { name: 'Export CSV' })).toHaveAttribute('href', /\/api\/v1\/pay-statements\.csv\?month=\d{4}-\d{2}$/);
  await expect(page.getByRole('button', { name: /^Approve all drafts/ })).toBeDisabled();
  await expect(page.getByRole('alert')).toHaveCount(0);
});

test('a rep without a closed month sees My month explain itself', async ({ page }) => {
  await login(page, 'rep1@bullpen.demo');
  const nav = page.getByRole('navigation', { name: 'Main navigation' });
  await expect(nav.getByRole('link', { name: 'Team' })).toHaveCount(0);
  await nav.getByRole('link', { name: 'My month' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'My month' })).toBeVisible();
  await expect(page.getByText('Nothing to show yet')).toBeVisible();
  await expect(page.getByRole('alert')).toHaveCount(0);
});
