import { expect, test, type Page } from '@playwright/test';

// Runs against `bullpen dev --demo` (demo users share the password below).
const PASSWORD = 'bullpen-demo';
const RECRUITER = 'recruiter@bullpen.demo';
const HEAD = 'head@bullpen.demo';

async function login(page: Page, email: string) {
  await page.goto('/login');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password', { exact: true }).fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('navigation', { name: 'Main navigation' })).toBeVisible();
}

async function logout(page: Page) {
  await page.getByRole('button', { name: /^Account menu for/ }).click();
  await page.getByRole('menuitem', { name: 'Log out' }).click();
  await expect(page.getByRole('heading', { name: 'Sign in to Bullpen' })).toBeVisible();
}

test('a recruiter sizes a plan, a department head approves it, openings appear', async ({ page }) => {
  // Two sign-ins and a workflow round trip: give the whole journey more than the default 30 s.
  test.setTimeout(60_000);
  const title = `E2E team ${Date.now()}`;

  await login(page, RECRUITER);
  await page.getByRole('link', { name: 'New plan' }).click();
  await expect(page.getByRole('heading', { name: 'New staffing plan' })).toBeVisible();

  await page.getByLabel('Title').fill(title);
  await page.getByLabel('Notes').fill('Created by the end-to-end test.');
  // The form starts from the contract's example input: 60 000 a month at 2 500 a deal.
  await expect(page.getByLabel('Monthly revenue target')).toHaveValue(/60[ ,.]?000/);
  await expect(page.getByTestId('reps-needed')).toHaveText('4');
  await expect(page.getByTestId('headcount')).toHaveText('5');
  // The working is rendered from the step codes, with money in the plan currency and fractions as percentages.
  const working = page.getByTestId('working-steps');
  await expect(working.getByRole('listitem').first()).toContainText(
    'A monthly target of €60,000 at €2,500 a deal takes 24 deals a month.',
  );
  await expect(working).toContainText('Winning 25% of qualified meetings, 24 deals take 96 meetings.');
  await expect(working).toContainText('the meetings a rep can hold are the limit');

  // The preview follows the inputs: doubling the target needs more reps.
  await page.getByLabel('Monthly revenue target').fill('120000');
  await expect(page.getByTestId('reps-needed')).not.toHaveText('4');
  await page.getByLabel('Monthly revenue target').fill('60000');
  await expect(page.getByTestId('reps-needed')).toHaveText('4');

  await page.getByRole('button', { name: 'Submit for approval' }).click();
  await expect(page).toHaveURL(/\/plans\/\d+$/);
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
  await expect(page.getByTestId('status-badge').first()).toHaveText('Awaiting approval');
  // The workflow writes "submitted" to the timeline a moment after the 201.
  await expect(page.getByTestId('plan-timeline')).toContainText('Submitted', { timeout: 15_000 });

  await logout(page);
  await login(page, HEAD);

  await page.getByRole('link', { name: /^Approvals/ }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Approvals' })).toBeVisible();
  await page.getByRole('link', { name: title }).click();
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();

  await page.getByLabel('Comment').fill('Looks right for the Tirana volume.');
  await page.getByRole('button', { name: 'Approve' }).click();
  await expect(page.getByTestId('status-badge').first()).toHaveText('Approved');
  await expect(page.getByTestId('plan-timeline')).toContainText('Looks right for the Tirana volume.');

  const planOpenings = page.getByTestId('plan-openings');
  await expect(planOpenings.getByRole('cell', { name: 'Sales manager', exact: true }).first()).toBeVisible({ timeout: 15_000 });
  await expect(planOpenings.getByRole('cell', { name: 'Sales rep', exact: true }).first()).toBeVisible();

  await page.getByRole('link', { name: 'Openings' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Openings' })).toBeVisible();
  const rows = page.getByTestId('openings-table').getByRole('row').filter({ hasText: title });
  await expect(rows).toHaveCount(2);
  await expect(rows.filter({ hasText: 'Sales manager' })).toHaveCount(1);
  await expect(rows.filter({ hasText: 'Sales rep' })).toHaveCount(1);
});

test('an out-of-range plan shows an inline error and is not submitted', async ({ page }) => {
  const title = `E2E invalid ${Date.now()}`;
  const posts: string[] = [];
  page.on('request', (r) => {
    if (r.method() === 'POST' && new URL(r.url()).pathname === '/api/v1/staffing-plans') posts.push(r.url());
  });

  await login(page, RECRUITER);
  await page.getByRole('link', { name: 'New plan' }).click();
  await expect(page.getByRole('heading', { name: 'New staffing plan' })).toBeVisible();
  await page.getByLabel('Title').fill(title);
  const winRate = page.getByLabel('Win rate');
  await winRate.fill('150');
  await winRate.blur();
  // The typed value stays (no silent clamping) and the field says what is wrong.
  await expect(winRate).toHaveValue(/150/);
  await expect(winRate).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByText('Enter a number greater than 0% and at most 100%.')).toBeVisible();
  await expect(page.getByText('Some inputs are out of range; see the messages under the fields.')).toBeVisible();

  await page.getByRole('button', { name: 'Submit for approval' }).click();
  await expect(page).toHaveURL(/\/plans\/new$/);
  await expect(winRate).toHaveAttribute('aria-invalid', 'true');
  expect(posts).toEqual([]);

  // Fixing the value clears the error and brings the preview back.
  await winRate.fill('25');
  await expect(winRate).not.toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByTestId('reps-needed')).toHaveText('4');
});

test('a recruiter does not see the Approvals entry; a department head does', async ({ page }) => {
  await login(page, RECRUITER);
  const nav = page.getByRole('navigation', { name: 'Main navigation' });
  await expect(nav.getByRole('link', { name: 'Staffing plans' })).toBeVisible();
  await expect(nav.getByRole('link', { name: /^Approvals/ })).toHaveCount(0);
  // Typing the address does not help either.
  await page.goto('/approvals');
  await expect(page.getByRole('heading', { level: 1, name: 'Approvals' })).toHaveCount(0);
  await expect(page.getByRole('alert')).toBeVisible();

  await logout(page);
  await login(page, HEAD);
  await expect(nav.getByRole('link', { name: /^Approvals/ })).toBeVisible();
});

test('the language switcher shows the login page in Albanian', async ({ page }) => {
  await page.goto('/login');
  await expect(page.getByRole('heading', { name: 'Sign in to Bullpen' })).toBeVisible();
  await page.getByRole('combobox', { name: 'Language' }).click();
  await page.getByRole('option', { name: 'Shqip' }).click();
  await expect(page.getByRole('heading', { name: 'Hyni në Bullpen' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Hyr' })).toBeVisible();
  await expect(page.getByLabel('Fjalëkalimi', { exact: true })).toBeVisible();
  // The choice is remembered.
  await page.reload();
  await expect(page.getByRole('button', { name: 'Hyr' })).toBeVisible();
});
