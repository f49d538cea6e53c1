import { expect, request, test } from '@playwright/test';
import { login } from './session';

// Runs against `bullpen dev --demo`. Elira Dervishi (rep1) makes an integration token for her phone system,
// which then reads her profile and activity with it (no cookie, no CSRF token); once she revokes it, it is
// refused. It logs no activity: other specs count Elira's.

test('a rep makes an integration token, her phone system uses it, and she revokes it', async ({ page, baseURL }) => {
  const name = `Phone system e2e ${Date.now()}`;
  await login(page, 'rep1@bullpen.demo');
  await page.getByRole('button', { name: /^Account menu for / }).click();
  await page.getByRole('menuitem', { name: 'Integrations' }).click();
  await expect(page).toHaveURL(/\/integrations$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Integrations' })).toBeVisible();

  // A name is required.
  await page.getByRole('button', { name: 'New token' }).click();
  const form = page.getByRole('dialog', { name: 'New integration token' });
  await form.getByRole('button', { name: 'Make the token' }).click();
  await expect(form.getByText('Say where the token is used')).toBeVisible();
  await form.getByLabel('Name').fill(name);
  await form.getByRole('button', { name: 'Make the token' }).click();

  // The secret, shown once, with a curl command that uses it against this server.
  const shown = page.getByRole('dialog', { name: `Token “${name}” made` });
  await expect(shown.getByText('Copy it now: it will not be shown again')).toBeVisible();
  const token = await shown.getByLabel('Your token').inputValue();
  expect(token).toMatch(/^bpt_[A-Za-z0-9_-]{20,}$/);
  const origin = new URL(baseURL ?? page.url()).origin;
  await expect(shown.locator('pre')).toContainText(`Authorization: Bearer ${token}`);
  await expect(shown.locator('pre')).toContainText(`${origin}/api/v1/activities`);
  await shown.getByRole('button', { name: 'Done' }).click();
  await expect(shown).toBeHidden();

  const row = page.getByTestId('tokens-table').getByRole('row').filter({ hasText: name });
  await expect(row).toContainText('Never used');
  await expect(row).toContainText('Active');
  await expect(page.getByText(token)).toHaveCount(0);

  // The phone system: no cookies, only the bearer token.
  const phone = await request.newContext({ baseURL: origin, extraHTTPHeaders: { Authorization: `Bearer ${token}` } });
  try {
    const me = await phone.get('/api/v1/me');
    expect(me.status()).toBe(200);
    expect((await me.json()).user.name).toBe('Elira Dervishi');
    const activities = await phone.get('/api/v1/activities?rep=me');
    expect(activities.status()).toBe(200);
    expect(Array.isArray((await activities.json()).items)).toBe(true);
    // A token may not manage tokens.
    expect((await phone.get('/api/v1/me/tokens')).status()).toBe(403);

    await page.reload();
    await expect(row).toContainText('Active');
    await expect(row).not.toContainText('Never used');

    await row.getByRole('button', { name: `Revoke “${name}”` }).click();
    const confirm = page.getByRole('dialog', { name: `Revoke “${name}”?` });
    await confirm.getByRole('button', { name: 'Revoke', exact: true }).click();
    await expect(confirm).toBeHidden();
    await expect(row).toContainText('Revoked');
    await expect(row.getByRole('button', { name: /^Revoke/ })).toHaveCount(0);

    expect((await phone.get('/api/v1/me')).status()).toBe(401);
    expect((await phone.get('/api/v1/activities?rep=me')).status()).toBe(401);
  } finally {
    await phone.dispose();
  }
  await expect(page.getByRole('alert').filter({ hasText: 'Something went wrong' })).toHaveCount(0);
});
