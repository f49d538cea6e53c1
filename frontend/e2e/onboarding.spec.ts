import { expect, test, type Locator } from '@playwright/test';
import { login } from './session';

// Runs against `bullpen dev --demo`. The demo hired Elira Dervishi (rep1) two months ago, so her onboarding
// checklist (the sales rep's template: seven tasks from day -3 to day 30) is written and every task is past due,
// none done. Elira ticks one of her own tasks off on My month; the sales manager ticks one of the manager's on
// her employee page. Each picks the first open task of its kind, so the spec does not depend on which are done.

/** Ticks off the first open task matching `selector` in the card and checks it shows done. */
async function tickFirstOpen(card: Locator, selector: string, doneBy: RegExp) {
  const task = card.locator(`[data-testid="onboarding-task"][data-done="false"]${selector}`).first();
  await expect(task).toBeVisible();
  const key = await task.getAttribute('data-key');
  expect(key).toBeTruthy();
  const before = await card.getByTestId('onboarding-progress').textContent();
  const done = Number(/^(\d+) of/.exec(before ?? '')?.[1]);
  await expect(task.getByText('Overdue')).toBeVisible();
  const button = task.getByRole('button', { name: /^Mark “.+” done$/ });
  await expect(button).toBeEnabled();
  await button.click();
  await expect(card.page().getByText(/^“.+” is done\.$/)).toBeVisible();
  const row = card.locator(`[data-testid="onboarding-task"][data-key="${key}"]`);
  await expect(row).toHaveAttribute('data-done', 'true');
  await expect(row.getByTestId('onboarding-done')).toHaveText(doneBy);
  await expect(row.getByRole('button', { name: /^Mark / })).toHaveCount(0);
  await expect(row.getByText('Overdue')).toHaveCount(0);
  await expect(card.getByTestId('onboarding-progress')).toHaveText(`${done + 1} of 7 done`);
}

test('a new hire ticks off one of her own onboarding tasks on My month', async ({ page }) => {
  await login(page, 'rep1@bullpen.demo');
  await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'My month' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'My month' })).toBeVisible();
  const card = page.getByRole('region', { name: 'Onboarding' });
  await expect(card).toBeVisible();
  await expect(card.getByRole('progressbar', { name: 'Onboarding' })).toBeVisible();
  await expect(card.getByTestId('onboarding-task')).toHaveCount(7);
  // In due order: the admin's account first (three days before the start), the manager's review last.
  await expect(card.getByTestId('onboarding-task').first()).toHaveAttribute('data-key', 'account');
  await expect(card.getByTestId('onboarding-task').last()).toHaveAttribute('data-key', 'review');
  await expect(card.getByText('Create the Bullpen account and the phone line')).toBeVisible();
  // Her own tasks are highlighted; the manager's and the admin's she may not tick.
  await expect(card.locator('[data-testid="onboarding-task"][data-mine="true"]')).toHaveCount(4);
  const welcome = card.locator('[data-testid="onboarding-task"][data-key="welcome"]');
  await expect(welcome.getByText('Manager', { exact: true })).toBeVisible();
  if ((await welcome.getAttribute('data-done')) === 'false') {
    await expect(welcome.getByRole('button', { name: /^Mark / })).toBeDisabled();
  }
  await tickFirstOpen(card, '[data-mine="true"]', /^Done on .+ by you$/);
  await expect(page.getByRole('alert').filter({ hasText: 'Something went wrong' })).toHaveCount(0);
});

test('the sales manager ticks off a manager’s onboarding task on the hire’s page', async ({ page }) => {
  await login(page, 'manager@bullpen.demo');
  await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Team' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Team' })).toBeVisible();
  await page.getByTestId('team-table').getByRole('link', { name: 'Elira Dervishi' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Elira Dervishi' })).toBeVisible();
  const card = page.getByRole('region', { name: 'Onboarding' });
  await expect(card).toBeVisible();
  // The hire's own tasks are hers to tick: the manager's button stays disabled on an open one.
  const hireTask = card.locator('[data-testid="onboarding-task"][data-done="false"]').filter({ hasText: 'New hire' }).first();
  if ((await hireTask.count()) > 0) await expect(hireTask.getByRole('button', { name: /^Mark / })).toBeDisabled();
  // A task Elira ticked off names her.
  const hersDone = card.locator('[data-testid="onboarding-task"][data-done="true"]').filter({ hasText: 'New hire' });
  if ((await hersDone.count()) > 0) await expect(hersDone.first().getByTestId('onboarding-done')).toHaveText(/ by Elira Dervishi$/);
  await tickFirstOpen(card, '[data-mine="true"]', /^Done on .+ by you$/);
  await expect(page.getByRole('alert').filter({ hasText: 'Something went wrong' })).toHaveCount(0);
});
