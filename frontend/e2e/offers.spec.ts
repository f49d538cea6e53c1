import { expect, test, type APIRequestContext, type Page } from '@playwright/test';

// Runs against `bullpen dev --demo`, after compare.spec.ts has taken Liridon Hoxha of "Sales rep, Prishtina"
// (two seats, no pay limits, every department head approves) to the second interview. The recruiter drafts
// his offer from the EUR sales rep template; Besnik Hoxha, the department head, approves it from the Offers
// inbox; the candidate opens the link Bullpen e-mailed him (read from the outbox as the admin) and accepts;
// the recruiter then finds him hired. The tests build on each other, so they run in order.
const OPENING = 'Sales rep, Prishtina';
const CANDIDATE = 'Liridon Hoxha';
const CANDIDATE_EMAIL = 'liridon.hoxha@example.com';
const PASSWORD = 'bullpen-demo';

test.describe.configure({ mode: 'serial' });

async function login(page: Page, email: string) {
  await page.goto('/login');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password', { exact: true }).fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('navigation', { name: 'Main navigation' })).toBeVisible();
}

async function openCandidate(page: Page) {
  await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Openings' }).click();
  await page.getByTestId('openings-table').getByRole('link', { name: OPENING }).click();
  await expect(page.getByRole('heading', { level: 1, name: OPENING })).toBeVisible();
  await page.getByRole('article', { name: CANDIDATE, exact: true }).getByText(CANDIDATE, { exact: true }).click();
  await page.getByRole('link', { name: 'Open candidate page' }).click();
  await expect(page.getByRole('heading', { level: 1, name: CANDIDATE })).toBeVisible();
}

/** The path of the offer link Bullpen e-mailed to `to`, read from the outbox as the admin. */
async function offerLink(request: APIRequestContext, to: string): Promise<string> {
  const session = await request.post('/api/v1/session', { data: { email: 'admin@bullpen.demo', password: PASSWORD } });
  expect(session.ok()).toBeTruthy();
  let link = '';
  // The application workflow sends the offer a moment after the approval.
  await expect
    .poll(
      async () => {
        const res = await request.get('/api/v1/outbox');
        const items: { to: string; text: string }[] = (await res.json()).items ?? [];
        link = items.find((m) => m.to === to && /\/o\//.test(m.text))?.text.match(/https?:\/\/\S+\/o\/[^\s)>"]+/)?.[0] ?? '';
        return link;
      },
      { timeout: 20_000 },
    )
    .not.toBe('');
  return new URL(link).pathname;
}

test('the recruiter drafts an offer from the EUR sales rep pay plan', async ({ page }) => {
  test.setTimeout(60_000);
  await login(page, 'recruiter@bullpen.demo');
  await openCandidate(page);

  const offers = page.getByRole('region', { name: 'Offers' });
  await expect(offers).toContainText('No offer yet');
  await offers.getByRole('button', { name: 'Draft offer' }).click();

  const dialog = page.getByRole('dialog', { name: `Offer for ${CANDIDATE}` });
  await expect(dialog).toBeVisible();
  await dialog.getByRole('combobox', { name: 'Pay plan template' }).click();
  await page.getByRole('option', { name: 'Sales rep (EUR)' }).click();

  // The template's terms fill the form, and the pay table shows the three ramp months, then the rest of the year.
  await expect(dialog.getByRole('textbox', { name: 'Base salary', exact: true })).toHaveValue(/700/);
  await expect(dialog.getByRole('textbox', { name: 'Base during the ramp' })).toHaveValue(/900/);
  const table = dialog.getByTestId('pay-table');
  await expect(table).toBeVisible();
  await expect(table.getByTestId('pay-row')).toHaveCount(12);
  await expect(table.getByTestId('pay-row').filter({ hasText: 'ramp' })).toHaveCount(3);
  await expect(table).toContainText('First year');
  await expect(dialog.getByLabel('Days to answer')).toHaveValue('7');

  await dialog.getByRole('button', { name: 'Send for approval' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByText(`The offer for ${CANDIDATE} is waiting for approval.`)).toBeVisible();

  const card = offers.getByTestId('offer-card');
  await expect(card).toHaveCount(1);
  await expect(card.getByTestId('offer-status')).toHaveText('Awaiting approval');
  await expect(card).toContainText('3 months at €900 + 2%, then €700 + 5%');
  await expect(card.getByTestId('offer-approvals')).toContainText('0 of 1 approval');
  await expect(card.getByTestId('offer-approvals')).toContainText('Waiting for: Besnik Hoxha');
  // One live offer at a time.
  await expect(offers.getByRole('button', { name: 'Draft offer' })).toHaveCount(0);
  await expect(page.getByTestId('stage-badge').first()).toHaveText('Offer');
});

test('the department head approves the offer from the Offers inbox', async ({ page }) => {
  test.setTimeout(60_000);
  await login(page, 'head@bullpen.demo');
  const nav = page.getByRole('navigation', { name: 'Main navigation' });
  await expect(nav.getByRole('link', { name: /Offers/ })).toBeVisible();
  await nav.getByRole('link', { name: /Offers/ }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Offers' })).toBeVisible();

  const waiting = page.getByTestId('offers-waiting');
  const row = waiting.getByTestId('offer-row').filter({ hasText: CANDIDATE });
  await expect(row).toHaveCount(1);
  await expect(row).toContainText(OPENING);
  await row.getByRole('link', { name: CANDIDATE }).click();

  await expect(page.getByRole('heading', { level: 1, name: `Offer for ${CANDIDATE}` })).toBeVisible();
  await expect(page.getByTestId('pay-table')).toBeVisible();
  await expect(page.getByTestId('offer-breaches')).toHaveCount(0);

  // A rejection needs a comment; the head approves instead.
  const decision = page.getByTestId('offer-decision');
  await decision.getByRole('button', { name: 'Reject offer' }).click();
  await expect(decision.getByText('Say why you reject the offer')).toBeVisible();
  await decision.getByRole('button', { name: 'Approve offer' }).click();
  await expect(page.getByText(`You approved the offer for ${CANDIDATE}.`)).toBeVisible();
  await expect(page.getByTestId('offer-status').first()).toHaveText('Sent to the candidate');
  await expect(page.getByTestId('offer-approvals')).toContainText('Besnik Hoxha approved');
  await expect(page.getByTestId('offer-decision')).toHaveCount(0);

  // Nothing waits for him any more.
  await nav.getByRole('link', { name: /Offers/ }).click();
  await expect(page.getByTestId('offer-row').filter({ hasText: CANDIDATE }).first()).toBeVisible();
  await expect(page.getByTestId('offers-waiting')).toHaveCount(0);
  await expect(page.getByText('Nothing waits for you')).toBeVisible();
});

test('the candidate opens the e-mailed link and accepts the offer', async ({ page, request }) => {
  test.setTimeout(60_000);
  const link = await offerLink(request, CANDIDATE_EMAIL);
  await page.goto(link);
  await expect(page.getByRole('heading', { level: 1, name: `Hello, ${CANDIDATE}` })).toBeVisible();
  await expect(page.getByText(OPENING).first()).toBeVisible();
  await expect(page.getByText('For your first 3 months: a base salary of €900 a month plus 2% commission')).toBeVisible();
  await expect(page.getByTestId('pay-table')).toBeVisible();
  await expect(page.getByTestId('offer-expires')).toBeVisible();

  // Accepting asks for a confirmation first; going back changes nothing.
  await page.getByRole('button', { name: 'Accept the offer' }).click();
  const confirm = page.getByTestId('offer-confirm');
  await expect(confirm).toContainText('Accept this offer?');
  await confirm.getByRole('button', { name: 'Back' }).click();
  await expect(confirm).toHaveCount(0);
  await page.getByRole('button', { name: 'Accept the offer' }).click();
  await page.getByTestId('offer-confirm').getByRole('button', { name: 'Yes, I accept' }).click();

  await expect(page.getByTestId('offer-outcome')).toContainText('You accepted the offer');
  await expect(page.getByRole('button', { name: 'Accept the offer' })).toHaveCount(0);

  // The link opens the answer again, but cannot be used twice.
  await page.goto(link);
  await expect(page.getByTestId('offer-outcome').or(page.getByTestId('offer-problem'))).toBeVisible();
  await expect(page.getByRole('button', { name: 'Accept the offer' })).toHaveCount(0);
});

test('a forged offer link opens a clear message', async ({ page }) => {
  await page.goto('/o/not-a-real-link');
  await expect(page.getByTestId('offer-problem')).toBeVisible();
  await expect(page.getByRole('heading', { name: 'This link does not work' })).toBeVisible();
});

test('the recruiter sees the candidate hired', async ({ page }) => {
  test.setTimeout(60_000);
  await login(page, 'recruiter@bullpen.demo');
  await openCandidate(page);
  // The hire (a seat taken, the employee invited) runs in the workflows: wait for it.
  await expect(async () => {
    await page.reload();
    await expect(page.getByTestId('stage-badge').first()).toHaveText('Hired', { timeout: 2_000 });
  }).toPass({ timeout: 30_000 });
  const card = page.getByRole('region', { name: 'Offers' }).getByTestId('offer-card');
  await expect(card.getByTestId('offer-status')).toHaveText('Accepted');
  await expect(card).toContainText('the seat is filled');
});
