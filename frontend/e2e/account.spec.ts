import { expect, test, type Page } from '@playwright/test';

async function changePassword(page: Page, current: string, next: string) {
  await page.getByRole('button', { name: /^Account menu for/ }).click();
  await page.getByRole('menuitem', { name: 'Change password' }).click();
  const d = page.getByRole('dialog', { name: 'Change password' });
  await d.getByRole('textbox', { name: 'Current password', exact: true }).fill(current);
  await d.getByRole('textbox', { name: 'New password', exact: true }).fill(next);
  await d.getByRole('textbox', { name: 'Repeat the new password', exact: true }).fill(next);
  await d.getByRole('button', { name: 'Change password' }).click();
  return d;
}

// A rep changes their password (a wrong current one is refused in the form), then changes it back, so that the
// demo data stays as it was.
test('a user changes their own password', async ({ page }) => {
  await page.goto('/login');
  await page.getByLabel('Email').fill('rep1@bullpen.demo');
  await page.getByLabel('Password', { exact: true }).fill('bullpen-demo');
  await page.getByRole('button', { name: 'Sign in' }).click();

  const d = await changePassword(page, 'not-my-password', 'another-long-password');
  await expect(d.getByText('is not your current password')).toBeVisible();
  await d.getByRole('textbox', { name: 'Current password', exact: true }).fill('bullpen-demo');
  await d.getByRole('button', { name: 'Change password' }).click();
  await expect(d).toBeHidden();
  await expect(page.getByText('Password changed.')).toBeVisible();

  await changePassword(page, 'another-long-password', 'bullpen-demo');
  await expect(page.getByRole('dialog', { name: 'Change password' })).toBeHidden();
});
