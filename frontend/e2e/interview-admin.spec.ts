import { expect, test, type Page } from '@playwright/test';

// Runs against `bullpen dev --demo`: in "Sales rep, Prishtina", Ilir Berisha and Drita Shala have scored past
// first interviews, among them Liridon Hoxha's, held two days ago and complete. Reads only: compare.spec.ts
// (which runs earlier) may have shortlisted Liridon, so his stage is not asserted, and Hana Osmani is left to
// interviews.spec.ts.
const OPENING = 'Sales rep, Prishtina';
const PANEL = ['Ilir Berisha', 'Drita Shala'];

async function login(page: Page, email: string) {
  await page.goto('/login');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password', { exact: true }).fill('bullpen-demo');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('navigation', { name: 'Main navigation' })).toBeVisible();
}

/** The ID of a candidate's application to an opening, looked up with the page's session. */
async function applicationId(page: Page, opening: string, name: string): Promise<number> {
  const openings: { id: number; title: string }[] = (await (await page.request.get('/api/v1/openings')).json()).items ?? [];
  const o = openings.find((x) => x.title === opening);
  expect(o, `opening ${opening}`).toBeTruthy();
  const res = await page.request.get(`/api/v1/openings/${o!.id}/applications`);
  expect(res.ok()).toBeTruthy();
  const items: { id: number; candidate: { name: string } }[] = (await res.json()).items ?? [];
  const app = items.find((a) => a.candidate.name === name);
  expect(app, `application of ${name}`).toBeTruthy();
  return app!.id;
}

test('a recruiter reads how each interviewer scores against the panel', async ({ page }) => {
  await login(page, 'recruiter@bullpen.demo');
  await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Calibration' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Interviewer calibration' })).toBeVisible();

  const table = page.getByTestId('calibration-table');
  for (const name of PANEL) {
    const row = table.getByRole('row').filter({ has: page.getByRole('rowheader', { name, exact: true }) });
    await expect(row).toBeVisible();
    await expect(row.getByTestId('calibration-scorecards')).toHaveText(/^[1-9]\d*$/);
  }
  await expect(page.getByRole('heading', { name: 'What the measures mean' })).toBeVisible();
  await expect(page.getByText('Scorecards still owed for interviews that have ended.')).toBeVisible();

  // Their scorecards are in this opening: filtering by it keeps them.
  await page.getByRole('combobox', { name: 'Opening' }).click();
  await page.getByRole('option', { name: OPENING }).click();
  await expect(page).toHaveURL(/\/calibration\?opening=\d+$/);
  for (const name of PANEL) {
    await expect(table.getByRole('rowheader', { name, exact: true })).toBeVisible();
  }
});

test("a recruiter sees a candidate's complete first interview: the panel scored and the result", async ({ page }) => {
  await login(page, 'recruiter@bullpen.demo');
  const id = await applicationId(page, OPENING, 'Liridon Hoxha');
  await page.goto(`/applications/${id}`);
  await expect(page.getByRole('heading', { level: 1, name: 'Liridon Hoxha' })).toBeVisible();

  const section = page.getByTestId('interviews');
  await expect(section.getByRole('heading', { level: 2, name: 'Interviews' })).toBeVisible();
  const interview = section
    .getByRole('article', { name: 'First interview (role-play)' })
    .filter({ hasText: 'Result complete' })
    .first();
  await expect(interview).toBeVisible();

  // Both interviewers have scored him, and the panel's combined result shows.
  for (const name of PANEL) {
    await expect(interview.getByRole('listitem').filter({ hasText: name })).toContainText('Scored');
  }
  const result = interview.getByTestId('interview-result');
  await expect(result).toContainText(/Panel result: \d[.\d]* overall/);
  await expect(result.getByRole('row').filter({ hasText: 'Overall' })).toBeVisible();
  await expect(result.getByRole('columnheader', { name: 'Spread' })).toBeVisible();

  // A complete interview links its kit and is no longer rescheduled or cancelled.
  await expect(interview.getByRole('link', { name: 'Open interview kit' })).toHaveAttribute('href', /^\/interviews\/\d+$/);
  await expect(interview.getByRole('button', { name: 'Reschedule' })).toHaveCount(0);
  await expect(interview.getByRole('button', { name: 'Cancel interview' })).toHaveCount(0);
});

test('a tampered interview link opens a clear message, not the interview', async ({ page }) => {
  await page.goto('/i/not-a-real-link');
  await expect(page.getByRole('heading', { name: 'This link does not work' })).toBeVisible();
  await expect(page.getByTestId('interview-problem')).toBeVisible();
  await expect(page.getByRole('button', { name: "I'll be there" })).toHaveCount(0);
});
