import { expect, test } from '@playwright/test';

// Runs against `bullpen dev --demo`: the admin adds a user, gives them roles, deactivates them.
test('an admin adds a user, changes their roles and deactivates them', async ({ page }) => {
  const stamp = Date.now();
  const email = `e2e.${stamp}@bullpen.demo`;
  const name = `E2E Rep ${stamp}`;

  await page.goto('/login');
  await page.getByLabel('Email').fill('admin@bullpen.demo');
  await page.getByLabel('Password', { exact: true }).fill('bullpen-demo');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Users' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Users' })).toBeVisible();

  await page.getByRole('button', { name: 'Add user' }).click();
  const add = page.getByRole('dialog', { name: 'Add user' });
  await add.getByRole('textbox', { name: 'Email' }).fill(email);
  await add.getByRole('textbox', { name: 'Name' }).fill(name);
  await add.getByRole('textbox', { name: 'Password' }).fill('short');
  await add.getByRole('button', { name: 'Add user' }).click();
  // Too short a password and no role: the form says so and nothing is sent.
  await expect(add.getByText('Use at least 10 characters')).toBeVisible();
  await expect(add.getByText('Choose at least one role')).toBeVisible();
  await add.getByRole('textbox', { name: 'Password' }).fill('a-long-enough-password');
  await add.getByRole('combobox', { name: 'Roles' }).click();
  await page.getByRole('option', { name: 'Sales rep' }).click();
  await page.keyboard.press('Tab'); // leave the roles list, as a keyboard user would
  await add.getByRole('button', { name: 'Add user' }).click();
  await expect(add).toBeHidden();

  const row = page.getByRole('row').filter({ hasText: email });
  await expect(row).toContainText('Sales rep');
  await expect(row).toContainText('Active');

  await row.getByRole('button', { name: `Actions for ${name}` }).click();
  await page.getByRole('menuitem', { name: 'Edit name and roles' }).click();
  const edit = page.getByRole('dialog', { name: `Edit ${email}` });
  await edit.getByRole('combobox', { name: 'Roles' }).click();
  await page.getByRole('option', { name: 'Interviewer' }).click();
  await page.keyboard.press('Tab');
  await edit.getByRole('button', { name: 'Save' }).click();
  await expect(edit).toBeHidden();
  await expect(row).toContainText('Interviewer');

  await row.getByRole('button', { name: `Actions for ${name}` }).click();
  await page.getByRole('menuitem', { name: 'Deactivate' }).click();
  await page.getByRole('dialog', { name: `Deactivate ${name}?` }).getByRole('button', { name: 'Deactivate' }).click();
  await expect(row).toContainText('Deactivated');

  // The outbox is an admin page too; in a fresh demo nothing has been e-mailed yet.
  await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Outbox' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Outbox' })).toBeVisible();

  // The audit log kept the whole story of the new user.
  await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Audit log' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Audit log' })).toBeVisible();
  const entries = page.getByRole('row').filter({ hasText: email });
  await expect(entries.filter({ hasText: 'User added' })).toHaveCount(1);
  await expect(entries.filter({ hasText: 'User changed' })).toHaveCount(2);
  await expect(entries.filter({ hasText: 'User changed' }).first()).toContainText('active: true → false');
});
