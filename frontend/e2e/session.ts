import { expect, type Page } from '@playwright/test';

/** The demo users' password (`bullpen dev --demo`). */
export const PASSWORD = 'bullpen-demo';

/** Signs a demo user in on the login page and waits for the signed-in shell. */
export async function login(page: Page, email: string) {
  await page.goto('/login');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password', { exact: true }).fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('button', { name: /^Account menu for / })).toBeVisible();
}
