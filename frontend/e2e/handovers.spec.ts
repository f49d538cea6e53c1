import { expect, test, type APIRequestContext } from '@playwright/test';
import { login, PASSWORD } from './session';

// Runs against `bullpen dev --demo`, which other specs share: Elira Dervishi's clients must stay hers, so this
// spec makes its own reps. Through the API the admin adds two sales reps; the first adds a client and logs a
// call, which makes her its owner. In the browser the department head proposes the handover of her clients,
// gives the client to the second rep (saving a change on the way, approving another unsaved one), approves,
// and the client page names the new owner.
const RUN = `${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}`;
const LEAVING = `Besa Kelmendi ${RUN}`;
const TAKING = `Arben Dushku ${RUN}`;
const CLIENT = `Besa Trade ${RUN}`;
const REASON = 'Moves to the Durrës office at the end of the month.';

async function signIn(api: APIRequestContext, email: string, password: string): Promise<string> {
  const res = await api.post('/api/v1/session', { data: { email, password } });
  expect(res.status(), await res.text()).toBe(200);
  return (await res.json()).csrf_token as string;
}

async function post<T>(api: APIRequestContext, csrf: string, path: string, data: unknown): Promise<T> {
  const res = await api.post(path, { data, headers: { 'X-CSRF-Token': csrf } });
  expect(res.status(), `${path}: ${await res.text()}`).toBe(201);
  return (await res.json()) as T;
}

test.beforeAll(async ({ playwright, baseURL }) => {
  const admin = await playwright.request.newContext({ baseURL });
  const rep = await playwright.request.newContext({ baseURL });
  try {
    const csrf = await signIn(admin, 'admin@bullpen.demo', PASSWORD);
    const password = 'handover-test-password';
    const leavingEmail = `handover-leaving-${RUN}@bullpen.demo`;
    await post(admin, csrf, '/api/v1/users', { email: leavingEmail, name: LEAVING, password, roles: ['sales_rep'] });
    await post(admin, csrf, '/api/v1/users', { email: `handover-taking-${RUN}@bullpen.demo`, name: TAKING, password, roles: ['sales_rep'] });

    const repCsrf = await signIn(rep, leavingEmail, password);
    const account = await post<{ id: number }>(rep, repCsrf, '/api/v1/accounts', { name: CLIENT, city: 'Tiranë', industry: 'Wholesale' });
    await post(rep, repCsrf, '/api/v1/activities', { account_id: account.id, kind: 'call', notes: 'First call: introduced the range.' });
  } finally {
    await admin.dispose();
    await rep.dispose();
  }
});

test('the department head hands a rep’s clients over and approves the handover', async ({ page }) => {
  await login(page, 'head@bullpen.demo');
  await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Handovers' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Handovers' })).toBeVisible();

  // Propose: the form asks for the rep and a reason.
  await page.getByRole('button', { name: 'New handover' }).click();
  const dialog = page.getByRole('dialog', { name: 'New handover' });
  await dialog.getByRole('button', { name: 'Propose handover' }).click();
  await expect(dialog.getByText('Choose the rep whose clients move')).toBeVisible();
  await expect(dialog.getByText('Give the reason for the handover')).toBeVisible();
  await dialog.getByRole('combobox', { name: 'Rep whose clients move' }).fill(RUN);
  await page.getByRole('option', { name: `${LEAVING} — 1 client` }).click();
  await dialog.getByRole('textbox', { name: 'Reason' }).fill(REASON);
  await dialog.getByRole('button', { name: 'Propose handover' }).click();

  // The handover page: who leaves, why, and the client proposed to a rep.
  await expect(page.getByRole('heading', { level: 1, name: `Handover: ${LEAVING}` })).toBeVisible();
  await expect(page.getByTestId('handover-status')).toHaveText('Proposed');
  await expect(page.getByTestId('handover-reason')).toHaveText(REASON);
  const rows = page.getByTestId('handover-client-row');
  await expect(rows).toHaveCount(1);
  await expect(rows.getByRole('link', { name: CLIENT })).toBeVisible();
  const owner = page.getByRole('combobox', { name: `New owner of ${CLIENT}` });
  await expect(owner).toHaveValue(/^.+ — \d+ clients?$/);
  await expect(owner).not.toHaveValue(new RegExp(`^${LEAVING}`));

  // A change, saved: Elira for now (nothing moves until it is approved).
  await owner.click();
  await page.getByRole('option', { name: /^Elira Dervishi — \d+ clients$/ }).click();
  await expect(page.getByText('You have unsaved changes.')).toBeVisible();
  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.getByText('Changes saved')).toBeVisible();
  await expect(page.getByText('You have unsaved changes.')).toBeHidden();

  // Then the rep who takes the clients, left unsaved: approving saves it first.
  await owner.click();
  await page.getByRole('option', { name: `${TAKING} — 0 clients` }).click();
  const load = page.getByTestId('handover-load');
  await expect(load.getByRole('row').filter({ hasText: TAKING })).toContainText('+1');
  await page.getByRole('button', { name: 'Approve handover' }).click();
  const confirm = page.getByRole('dialog', { name: 'Approve the handover?' });
  await expect(confirm).toContainText(`${LEAVING}'s client moves to its new owner now.`);
  await expect(confirm).toContainText('Your unsaved changes are saved first.');
  await confirm.getByRole('button', { name: 'Approve and move 1 client' }).click();

  // Approved, by whom, read-only.
  await expect(page.getByTestId('handover-status')).toHaveText('Approved');
  await expect(page.getByTestId('handover-approved')).toContainText('Approved by Besnik Hoxha on');
  await expect(page.getByRole('button', { name: 'Approve handover' })).toHaveCount(0);
  await expect(page.getByRole('combobox', { name: `New owner of ${CLIENT}` })).toHaveCount(0);
  await expect(rows).toContainText(TAKING);

  // In the list, under Approved.
  await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Handovers' }).click();
  await page.getByRole('radiogroup', { name: 'Show handovers' }).getByText('Approved', { exact: true }).click();
  await expect(page).toHaveURL(/\/handovers\?status=approved$/);
  await expect(page.getByTestId('handovers-table').getByRole('row').filter({ hasText: LEAVING })).toContainText('Approved');

  // The client has its new owner.
  await page.getByTestId('handovers-table').getByRole('link', { name: new RegExp(`^${LEAVING}`) }).click();
  await rows.getByRole('link', { name: CLIENT }).click();
  await expect(page.getByRole('heading', { level: 1, name: CLIENT })).toBeVisible();
  await expect(page.getByTestId('owner-badge')).toContainText(`Owned by ${TAKING} since`);
  await expect(page.getByRole('alert').filter({ hasText: 'Something went wrong' })).toHaveCount(0);
});
