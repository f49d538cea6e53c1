import { expect, test, type Page } from '@playwright/test';

// Runs against `bullpen dev --demo`: in "Sales rep, Prishtina" (slate size 3, interviewers Ilir Berisha and Drita
// Shala), Liridon Hoxha and Nora Berisha are at the first interview with scorecards from both interviewers, and
// Mimoza Krasniqi with Ilir's scorecard only. Drita submits hers from "My interviews", which completes the
// slate; Rita then compares the three, shortlists Liridon and Nora, rejects Mimoza, and invites the two to a
// group interview. (Hana Osmani, also at the first interview, belongs to interviews.spec.ts.) The tests build
// on each other, so they run in order and stop at the first failure.
const OPENING = 'Sales rep, Prishtina';

test.describe.configure({ mode: 'serial' });

async function login(page: Page, email: string) {
  await page.goto('/login');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password', { exact: true }).fill('bullpen-demo');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('navigation', { name: 'Main navigation' })).toBeVisible();
}

async function openCompareTab(page: Page) {
  await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Openings' }).click();
  await page.getByTestId('openings-table').getByRole('link', { name: OPENING }).click();
  await expect(page.getByRole('heading', { level: 1, name: OPENING })).toBeVisible();
  await page.getByRole('tab', { name: 'Compare' }).click();
  await expect(page).toHaveURL(/tab=compare/);
  const table = page.getByTestId('comparison-table');
  await expect(table).toBeVisible();
  return table;
}

test('an interviewer submits an owed scorecard from My interviews and then sees the panel', async ({ page }) => {
  test.setTimeout(60_000);
  await login(page, 'interviewer2@bullpen.demo');
  await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'My interviews' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'My interviews' })).toBeVisible();

  const owed = page.getByRole('region', { name: 'Scorecards to submit' });
  await owed.getByRole('link', { name: 'Score Mimoza Krasniqi' }).click();
  await expect(page.getByRole('heading', { level: 1, name: /Interview kit/ })).toBeVisible();

  const section = page.getByRole('region', { name: 'Scorecard: Mimoza Krasniqi' });
  const form = section.locator('[data-testid^="scorecard-form-"]');
  await expect(form).toBeVisible();
  // Until Drita's own scorecard is in, Ilir's stays hidden.
  await expect(section.getByText(/hidden until you submit yours/)).toBeVisible();

  // Every competency of the rubric, 3s and 4s; evidence for the first.
  const scores = form.getByRole('radiogroup', { name: /^Score for / });
  const n = await scores.count();
  expect(n).toBeGreaterThan(0);
  for (let i = 0; i < n; i++) {
    await scores.nth(i).getByText(i % 2 ? '3' : '4', { exact: true }).click();
  }
  await form.getByLabel(/^Evidence for /).first().fill('Asked three open questions before naming a price.');
  await form.getByRole('radiogroup', { name: 'Recommendation' }).getByText('Yes', { exact: true }).click();
  await form.getByLabel('Notes').fill('Calm under pressure; a little slow to close.');
  await form.getByRole('button', { name: 'Submit scorecard' }).click();
  await expect(page.getByText('Scorecard saved.')).toBeVisible();

  // Now the panel's result shows, Ilir's scorecard included.
  await expect(section.getByTestId('panel-result')).toBeVisible();
  await expect(section.getByText('Ilir Berisha', { exact: true })).toBeVisible();
  await expect(section.getByRole('button', { name: 'Save changes' })).toBeVisible();

  // Nothing is owed for that interview any more.
  await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'My interviews' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'My interviews' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Scorecards to submit' }).getByRole('link', { name: 'Score Mimoza Krasniqi' })).toHaveCount(0);
});

test('a recruiter compares the slate, shortlists two candidates and rejects the rest', async ({ page }) => {
  test.setTimeout(60_000);
  await login(page, 'recruiter@bullpen.demo');
  const table = await openCompareTab(page);

  await expect(page.getByTestId('slate-banner')).toContainText('3 of 3 candidates have complete first-interview results');
  await expect(page.getByTestId('slate-banner')).toContainText('The shortlist decision is open');
  for (const name of ['Liridon Hoxha', 'Nora Berisha', 'Mimoza Krasniqi']) {
    await expect(table.getByRole('link', { name, exact: true })).toBeVisible();
  }

  // Sorted by overall, highest first, by default; a click turns it round, another turns it back.
  const overall = table.getByRole('columnheader', { name: 'Overall', exact: true });
  await expect(overall).toHaveAttribute('aria-sort', 'descending');
  await overall.getByRole('button').click();
  await expect(overall).toHaveAttribute('aria-sort', 'ascending');
  const ascending = (await table.getByTestId('overall').evaluateAll((cells) => cells.map((c) => Number(c.getAttribute('data-value')))));
  expect(ascending.length).toBeGreaterThanOrEqual(3);
  expect(ascending).toEqual([...ascending].sort((a, b) => a - b));
  await overall.getByRole('button').click();
  await expect(overall).toHaveAttribute('aria-sort', 'descending');
  const descending = await table.getByTestId('overall').evaluateAll((cells) => cells.map((c) => Number(c.getAttribute('data-value'))));
  expect(descending).toEqual([...descending].sort((a, b) => b - a));

  // Each interviewer's recommendation and notes, one row open at a time.
  await table.getByRole('button', { name: "Show Liridon Hoxha's scorecards" }).click();
  const details = table.locator('[data-testid^="details-"]');
  await expect(details.getByText('Ilir Berisha', { exact: true })).toBeVisible();
  await expect(details.getByText('Drita Shala', { exact: true })).toBeVisible();
  await table.getByRole('button', { name: "Hide Liridon Hoxha's scorecards" }).click();
  await expect(details).toHaveCount(0);

  await table.getByRole('checkbox', { name: 'Select Liridon Hoxha' }).check();
  await table.getByRole('checkbox', { name: 'Select Nora Berisha' }).check();
  await page.getByRole('button', { name: 'Shortlist selected' }).click();

  const dialog = page.getByRole('dialog', { name: 'Shortlist 2 candidates' });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByText('The others: Mimoza Krasniqi')).toBeVisible();
  // Rejecting the rest needs a reason code and a reason.
  await dialog.getByRole('textbox', { name: 'Reason', exact: true }).fill('Strongest role-plays of the slate.');
  await dialog.getByRole('radio', { name: 'Reject them' }).check();
  await dialog.getByRole('button', { name: 'Shortlist', exact: true }).click();
  await expect(dialog.getByText('Choose a rejection reason')).toBeVisible();
  await expect(dialog.getByText('Say why the others are rejected')).toBeVisible();
  await dialog.getByRole('combobox', { name: 'Rejection reason' }).click();
  await page.getByRole('option', { name: 'Not shortlisted' }).click();
  await dialog.getByLabel('Reason for the rejection').fill('Two stronger candidates were shortlisted.');
  await dialog.getByRole('button', { name: 'Shortlist', exact: true }).click();

  const results = page.getByRole('dialog', { name: 'The shortlist decision' });
  await expect(results).toBeVisible();
  const outcome = results.getByTestId('shortlist-results');
  await expect(outcome.getByRole('row', { name: /Liridon Hoxha/ })).toContainText('Shortlist');
  await expect(outcome.getByRole('row', { name: /Nora Berisha/ })).toContainText('Shortlist');
  await results.getByRole('button', { name: 'Close' }).click();
  await expect(results).toBeHidden();

  const stage = (name: string) => table.getByRole('row', { name: new RegExp(name) }).getByTestId('stage-badge');
  await expect(stage('Liridon Hoxha')).toHaveText('Shortlist');
  await expect(stage('Nora Berisha')).toHaveText('Shortlist');
  await expect(stage('Mimoza Krasniqi')).toHaveText('Rejected');
});

test('a recruiter invites the shortlist to a group interview', async ({ page }) => {
  test.setTimeout(60_000);
  await login(page, 'recruiter@bullpen.demo');
  const table = await openCompareTab(page);

  // A rejected candidate cannot be selected any more.
  await expect(table.getByRole('checkbox', { name: 'Select Mimoza Krasniqi' })).toBeDisabled();
  await table.getByRole('checkbox', { name: 'Select Liridon Hoxha' }).check();
  await expect(page.getByRole('button', { name: 'Schedule second interview' })).toBeEnabled();
  await table.getByRole('checkbox', { name: 'Select Nora Berisha' }).check();
  await page.getByRole('button', { name: 'Schedule group interview' }).click();

  const dialog = page.getByRole('dialog', { name: /Schedule a group interview with/ });
  await expect(dialog).toBeVisible();
  await dialog.getByRole('button', { name: 'Schedule interview' }).click();
  await expect(dialog.getByText('Choose when the interview starts.')).toBeVisible();
  await expect(dialog.getByText('Give a place or a video link.')).toBeVisible();

  // A few minutes from now (the server wants a time ahead).
  const at = new Date(Date.now() + 5 * 60_000);
  const months = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
  await dialog.getByRole('button', { name: 'Date and time' }).click();
  await page.getByRole('button', { name: `${at.getDate()} ${months[at.getMonth()]} ${at.getFullYear()}`, exact: true }).click();
  await page.getByRole('spinbutton', { name: 'Hours' }).click();
  await page.getByRole('spinbutton', { name: 'Hours' }).pressSequentially(String(at.getHours()).padStart(2, '0'));
  await page.getByRole('spinbutton', { name: 'Minutes' }).pressSequentially(String(at.getMinutes()).padStart(2, '0'));
  await page.getByRole('button', { name: 'Confirm date and time' }).click();

  await dialog.getByLabel('Video link').fill('https://meet.example.com/bullpen-group');
  await expect(dialog.getByText('Ilir Berisha')).toBeVisible();
  await dialog.getByRole('button', { name: 'Schedule interview' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByText(/Group interview with .* scheduled/)).toBeVisible();

  // Both moved on to the second interview, and the table gains the second round's columns.
  const stage = (name: string) => table.getByRole('row', { name: new RegExp(name) }).getByTestId('stage-badge');
  await expect(stage('Liridon Hoxha')).toHaveText('Second interview');
  await expect(stage('Nora Berisha')).toHaveText('Second interview');
  await expect(table.getByRole('columnheader', { name: 'Second or group interview' })).toBeVisible();
});
