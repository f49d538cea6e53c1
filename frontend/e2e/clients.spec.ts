import { expect, test } from '@playwright/test';
import { login } from './session';

// Runs against `bullpen dev --demo`. Elira Dervishi, a sales rep, logs her first call with a new client from
// her phone: she types the client's name in Log activity, which adds the client and, with the call, makes
// her its owner. The Clients list then shows her as the owner; the sales manager sees the owner and the call
// on the client's page, but no form to log work there (only the owner logs on a client). In order.
const CLIENT = 'Kafe Dukagjini';
const REP = 'Elira Dervishi';
const NOTES = 'Spoke to the owner about coffee machines for both bars.';

test.describe.configure({ mode: 'serial' });

test.describe('on a phone', () => {
  test.use({ viewport: { width: 375, height: 740 } });

  test('a rep adds a new client by typing its name and logs the first call', async ({ page }) => {
    await login(page, 'rep1@bullpen.demo');
    await page.getByRole('button', { name: 'Open navigation' }).click();
    await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Log activity' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Log activity' })).toBeVisible();

    const form = page.getByRole('form', { name: 'Log an activity' });
    const today = page.getByRole('region', { name: 'Today', exact: true });
    await expect(today).toContainText('Nothing logged today');

    await form.getByRole('combobox', { name: 'Client' }).fill(CLIENT);
    await page.getByRole('option', { name: `Add “${CLIENT}” as a new client` }).click();
    // A new client: only a call can be logged, and it makes the caller the owner.
    await expect(form).toContainText(`“${CLIENT}” is not a client yet`);
    await expect(form.getByRole('radio', { name: 'Call' })).toBeChecked();
    await expect(form.getByRole('radio', { name: 'Meeting' })).toBeDisabled();
    await expect(form.getByLabel('Amount')).toHaveCount(0);
    await form.getByLabel('Notes').fill(NOTES);

    // Nothing overflows the phone's width.
    const overflow = await page.evaluate<number>('document.documentElement.scrollWidth - document.documentElement.clientWidth');
    expect(overflow).toBeLessThanOrEqual(0);

    await form.getByRole('button', { name: 'Log it' }).click();
    await expect(page.getByText(`Your first call with ${CLIENT}: you own this client now.`)).toBeVisible();

    // The form keeps the client (now hers) and is ready for the next one; the call is under Today.
    await expect(form.getByRole('combobox', { name: 'Client' })).toHaveValue(CLIENT);
    await expect(form.getByLabel('Notes')).toHaveValue('');
    await expect(form.getByRole('radio', { name: 'Meeting' })).toBeEnabled();
    const call = today.getByRole('listitem').filter({ hasText: CLIENT });
    await expect(call).toHaveCount(1);
    await expect(call).toContainText('Call');
    await expect(call).toContainText(NOTES);

    // The Clients list names her as the owner.
    await page.getByRole('button', { name: 'Open navigation' }).click();
    await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Clients' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Clients' })).toBeVisible();
    await page.getByRole('searchbox', { name: 'Search clients by name' }).fill('dukagjini');
    const row = page.getByTestId('clients-table').getByRole('row').filter({ hasText: CLIENT });
    await expect(row).toHaveCount(1);
    await expect(row).toContainText(REP);
  });
});

test('the sales manager sees who owns the client and its call, with no form to log on it', async ({ page }) => {
  await login(page, 'manager@bullpen.demo');
  await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Clients' }).click();
  await page.getByTestId('clients-table').getByRole('link', { name: CLIENT }).click();

  await expect(page.getByRole('heading', { level: 1, name: CLIENT })).toBeVisible();
  await expect(page.getByTestId('owner-badge')).toContainText(`Owned by ${REP} since`);
  const history = page.getByRole('region', { name: 'Activity', exact: true });
  const call = history.getByRole('listitem').filter({ hasText: NOTES });
  await expect(call).toContainText('Call');
  await expect(call).toContainText(REP);

  await expect(page.getByText(`${REP} owns this client`)).toBeVisible();
  await expect(page.getByRole('form')).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Log it' })).toHaveCount(0);
});
