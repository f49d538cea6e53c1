import { expect, test, type Page } from '@playwright/test';

// Runs against `bullpen dev --demo`, which holds the six built-in buyer personas in English and Albanian.
// An interviewer reads a scenario's briefs and rubric in either language; a recruiter duplicates a scenario,
// is told next to the field (on its tab) what the server refuses, saves the copy and archives it.
const PERSONAS = [
  'The friendly time-waster',
  'The price haggler',
  'The silent sceptic',
  "The competitor's loyal customer",
  'The committee that cannot decide',
  'The aggressive procurement officer',
];

async function login(page: Page, email: string) {
  await page.goto('/login');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password', { exact: true }).fill('bullpen-demo');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('navigation', { name: 'Main navigation' })).toBeVisible();
}

async function openScenarios(page: Page) {
  await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Scenarios' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Role-play scenarios' })).toBeVisible();
}

test('an interviewer reads a scenario, its hidden brief and its rubric, in English and in Albanian', async ({ page }) => {
  await login(page, 'interviewer1@bullpen.demo');
  await openScenarios(page);
  for (const name of PERSONAS) await expect(page.getByRole('link', { name, exact: true })).toBeVisible();
  // From the gentlest buyer to the hardest.
  const rows = page.getByTestId('scenario-row');
  await expect(rows.first()).toContainText('The friendly time-waster');
  await expect(rows.first().getByRole('img', { name: 'Difficulty 1 of 5' })).toBeVisible();
  await expect(rows.filter({ hasText: 'The aggressive procurement officer' }).getByRole('img', { name: 'Difficulty 5 of 5' })).toBeVisible();
  // Interviewers read scenarios; they do not write them.
  await expect(page.getByText('New scenario')).toHaveCount(0);

  await page.getByRole('link', { name: 'The price haggler', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'The price haggler' })).toBeVisible();
  await expect(page.getByText('15 minutes')).toBeVisible();
  await expect(page.getByRole('region', { name: "Candidate's brief" })).toContainText('Furnizimi Prishtina');
  const hidden = page.getByRole('region', { name: "Interviewer's brief — do not show the candidate" });
  await expect(hidden).toContainText('Hidden constraints');
  await expect(hidden).toContainText('Zyra Plus, has offered €980');
  const rubric = page.getByRole('region', { name: 'Rubric' });
  await expect(rubric.getByRole('columnheader', { name: 'What a 5 looks like' })).toBeVisible();
  await expect(rubric.getByRole('rowheader', { name: 'Objection handling' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Edit' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Archive' })).toHaveCount(0);

  // The Albanian text, while the page itself stays in English.
  const language = page.getByRole('radiogroup', { name: 'Scenario language' });
  await language.getByText('Shqip').click();
  await expect(language.getByRole('radio', { name: 'Shqip' })).toBeChecked();
  await expect(page.getByRole('heading', { level: 1, name: 'Pazarxhiu i çmimit' })).toBeVisible();
  await expect(hidden).toContainText('Zyra Plus, i ka ofruar 980 euro');
  await expect(hidden).toContainText('Hidden constraints');
  await expect(rubric.getByRole('rowheader', { name: 'Trajtimi i kundërshtimeve' })).toBeVisible();
  await language.getByText('English').click();
  await expect(page.getByRole('heading', { level: 1, name: 'The price haggler' })).toBeVisible();
});

test('a recruiter duplicates a scenario, fixes what the server refuses on the Shqip tab, saves and archives it', async ({ page }) => {
  const stamp = Date.now().toString(36);
  const slug = `silent-sceptic-e2e-${stamp}`;
  const name = `The quiet auditor ${stamp}`;

  await login(page, 'recruiter@bullpen.demo');
  await openScenarios(page);
  await expect(page.getByRole('link', { name: 'New scenario' })).toBeVisible();
  await page.getByRole('link', { name: 'The silent sceptic', exact: true }).click();
  await page.getByRole('link', { name: 'Duplicate' }).click();

  await expect(page.getByRole('heading', { level: 1, name: 'New scenario' })).toBeVisible();
  const slugInput = page.getByRole('textbox', { name: 'Slug' });
  await expect(slugInput).toHaveValue('silent-sceptic-copy');
  await slugInput.fill(slug);

  await page.getByRole('tab', { name: 'English' }).click();
  const en = page.getByRole('tabpanel', { name: 'English' });
  const enName = en.getByRole('group', { name: 'Persona' }).getByRole('textbox', { name: 'Name' });
  await expect(enName).toHaveValue('The silent sceptic (copy)');
  await enName.fill(name);

  // An empty Albanian goal: the server refuses it, and the editor opens the Shqip tab at that field.
  await page.getByRole('tab', { name: 'Shqip' }).click();
  const sq = page.getByRole('tabpanel', { name: 'Shqip' });
  await expect(sq.getByRole('group', { name: 'Persona' }).getByRole('textbox', { name: 'Name' })).toHaveValue('Skeptiku i heshtur (kopje)');
  const goal = sq.getByRole('textbox', { name: 'Goal' });
  await goal.fill('');
  await page.getByRole('tab', { name: 'English' }).click();
  await page.getByRole('button', { name: 'Create scenario' }).click();
  await expect(page.getByRole('tab', { name: 'Shqip' })).toHaveAttribute('aria-selected', 'true');
  await expect(goal).toHaveAttribute('aria-invalid', 'true');
  await expect(goal).toHaveAccessibleDescription(/is required/);
  await expect(goal).toBeFocused();
  await expect(page.getByRole('tab', { name: 'Shqip' })).toContainText('1 error');

  await goal.fill('Sukses quhet një takim i dytë me datë, ku drejtori financiar sjell shifrat e vitit të kaluar.');
  await expect(goal).not.toHaveAttribute('aria-invalid', 'true');
  await page.getByRole('button', { name: 'Create scenario' }).click();
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
  await expect(page.getByText(slug)).toBeVisible();

  await openScenarios(page);
  await expect(page.getByRole('link', { name, exact: true })).toBeVisible();
  await expect(page.getByRole('link', { name: 'The silent sceptic', exact: true })).toBeVisible();

  // Archived, the copy leaves the library's list, unless archived scenarios are shown.
  await page.getByRole('link', { name, exact: true }).click();
  await page.getByRole('button', { name: 'Archive' }).click();
  await expect(page.getByText('This scenario is archived')).toBeVisible();
  await openScenarios(page);
  await expect(page.getByRole('link', { name: 'The silent sceptic', exact: true })).toBeVisible();
  await expect(page.getByRole('link', { name, exact: true })).toHaveCount(0);
  const showArchived = page.getByRole('switch', { name: 'Show archived scenarios' });
  await showArchived.click();
  await expect(showArchived).toBeChecked();
  await expect(page.getByTestId('scenario-row').filter({ hasText: name })).toContainText('Archived');
});
