import { expect, test, type Page } from '@playwright/test';

// Runs against `bullpen dev --demo`: Hana Osmani is at the first interview of "Sales rep, Prishtina", whose
// hiring team has Ilir Berisha as an interviewer. Scorecards are only accepted from the interview's start, so
// this schedules the interview and opens its kit; it does not submit a scorecard.
const OPENING = 'Sales rep, Prishtina';

async function login(page: Page, email: string) {
  await page.goto('/login');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password', { exact: true }).fill('bullpen-demo');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('navigation', { name: 'Main navigation' })).toBeVisible();
}

test('a recruiter schedules a first interview and the interviewer opens its kit', async ({ page }) => {
  test.setTimeout(90_000);
  await login(page, 'recruiter@bullpen.demo');
  await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Openings' }).click();
  await page.getByTestId('openings-table').getByRole('link', { name: OPENING }).click();
  await expect(page.getByRole('heading', { level: 1, name: OPENING })).toBeVisible();
  await page.getByRole('article', { name: 'Hana Osmani', exact: true }).getByText('Hana Osmani', { exact: true }).click();
  await page.getByRole('link', { name: 'Open candidate page' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Hana Osmani' })).toBeVisible();

  await page.getByRole('button', { name: 'Schedule interview' }).click();
  const dialog = page.getByRole('dialog', { name: 'Schedule an interview with Hana Osmani' });
  await expect(dialog).toBeVisible();

  // Without a place (or a scenario, unless the opening's rotation preselected one), the form says what is missing.
  await dialog.getByRole('button', { name: 'Schedule interview' }).click();
  await expect(dialog.getByText('Give a place or a video link.')).toBeVisible();
  if (!(await dialog.getByRole('combobox', { name: 'Role-play scenario' }).inputValue())) {
    await expect(dialog.getByText('The first interview needs a scenario.')).toBeVisible();
  }

  // A few minutes from now (the server wants a time ahead).
  const at = new Date(Date.now() + 5 * 60_000);
  const months = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
  await dialog.getByRole('button', { name: 'Date and time' }).click();
  await page.getByRole('button', { name: `${at.getDate()} ${months[at.getMonth()]} ${at.getFullYear()}`, exact: true }).click();
  await page.getByRole('spinbutton', { name: 'Hours' }).click();
  await page.getByRole('spinbutton', { name: 'Hours' }).pressSequentially(String(at.getHours()).padStart(2, '0'));
  await page.getByRole('spinbutton', { name: 'Minutes' }).pressSequentially(String(at.getMinutes()).padStart(2, '0'));
  await page.getByRole('button', { name: 'Confirm date and time' }).click();

  await dialog.getByLabel('Place').fill('Office, Rruga Garibaldi 4, Prishtina');
  await expect(dialog.getByText('Ilir Berisha')).toBeVisible();
  await dialog.getByRole('combobox', { name: 'Role-play scenario' }).click();
  await page.getByRole('option').first().click();
  await dialog.getByRole('button', { name: 'Schedule interview' }).click();
  await expect(dialog).toBeHidden();

  await page.getByRole('link', { name: 'Open interview kit' }).click();
  await expect(page.getByRole('heading', { level: 1, name: /Interview kit/ })).toBeVisible();
  const persona = page.getByTestId('persona');
  await expect(persona).toBeVisible();
  const kitUrl = new URL(page.url()).pathname;
  const personaTitle = await page.getByRole('heading', { level: 1 }).textContent();
  const personaName = (personaTitle ?? '').replace(/^Interview kit: /, '');
  expect(personaName).not.toBe('');
  await expect(persona.getByText(personaName, { exact: true })).toBeVisible();

  // The language toggle shows the persona in Albanian.
  await page.getByRole('radiogroup', { name: 'Scenario language' }).getByText('Shqip').click();
  await expect(page).toHaveURL(/lang=sq/);

  // Ilir, on the panel, sees the persona and the scorecard form.
  await page.context().clearCookies();
  await login(page, 'interviewer1@bullpen.demo');
  await page.goto(kitUrl);
  await expect(page.getByTestId('persona')).toBeVisible();
  const form = page.locator('[data-testid^="scorecard-form-"]');
  await expect(form).toBeVisible();
  await expect(form.getByRole('radiogroup').first()).toBeVisible();
  await expect(form.getByRole('button', { name: /Submit scorecard|Dërgo kartën/ })).toBeVisible();
});
