import { expect, test, type APIRequestContext, type Page } from '@playwright/test';

// Runs against `bullpen dev --demo`: opening 1, "Sales rep, Prishtina", is open and has a questionnaire. The
// candidate has no account; what Bullpen e-mails them is read from the outbox through the API, as the admin.
const OPENING = 'Sales rep, Prishtina';
const PASSWORD = 'bullpen-demo';

/** A small file that passes the server's check of a PDF (its first bytes). */
const CV = { name: 'cv.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4\n% Lirije Hoti, CV\n%%EOF\n') };

/** The path of the questionnaire link Bullpen e-mailed to `to` (the link's host is BULLPEN_BASE_URL's). */
async function questionnaireLink(request: APIRequestContext, to: string): Promise<string> {
  const session = await request.post('/api/v1/session', { data: { email: 'admin@bullpen.demo', password: PASSWORD } });
  expect(session.ok()).toBeTruthy();
  let link = '';
  // The application workflow sends the e-mail a moment after the 201.
  await expect
    .poll(
      async () => {
        const res = await request.get('/api/v1/outbox');
        const items: { to: string; text: string }[] = (await res.json()).items ?? [];
        link = items.find((m) => m.to === to)?.text.match(/https?:\/\/\S+\/q\/\S+/)?.[0] ?? '';
        return link;
      },
      { timeout: 15_000 },
    )
    .not.toBe('');
  return new URL(link).pathname;
}

async function chooseCV(page: Page) {
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'CV' }).click();
  await (await chooser).setFiles(CV);
}

test('a candidate applies, answers the questionnaire in their language, and the link then says it is done', async ({
  page,
  request,
}) => {
  test.setTimeout(60_000);
  const email = `lirije.hoti.${Date.now()}@example.com`;
  const posts: string[] = [];
  page.on('request', (r) => {
    if (r.method() === 'POST' && r.url().includes('/api/v1/public/')) posts.push(r.url());
  });

  await page.goto('/apply/1');
  await expect(page.getByRole('heading', { level: 1, name: OPENING })).toBeVisible();
  await expect(page.getByTestId('opening-description')).toContainText('Sell our business services');

  await page.getByRole('textbox', { name: 'Full name' }).fill('Lirije Hoti');
  await page.getByRole('textbox', { name: 'E-mail' }).fill(email);
  await page.getByRole('textbox', { name: 'Phone' }).fill('call me');
  await page.getByRole('textbox', { name: 'City or town' }).fill('Prishtina');
  // She reads the page in English but wants Bullpen's e-mails, and so the questionnaire, in Albanian.
  await page.getByRole('radio', { name: 'Shqip' }).check();
  await chooseCV(page);

  // No consent: the form says so next to the box, and nothing is sent.
  await page.getByRole('button', { name: 'Send my application' }).click();
  await expect(page.getByText('Please agree to the use of your details so that we can consider your application.')).toBeVisible();
  expect(posts).toEqual([]);

  // With consent the server checks the rest and names the phone number, next to its field.
  await page.getByRole('checkbox', { name: /I agree that my details and CV are stored/ }).check();
  await page.getByRole('button', { name: 'Send my application' }).click();
  const phone = page.getByRole('textbox', { name: 'Phone' });
  await expect(page.getByText('Use only digits, spaces and + - ( ) .')).toBeVisible();
  await expect(phone).toHaveAttribute('aria-invalid', 'true');
  expect(posts).toHaveLength(1);

  await phone.fill('+383 44 123 456');
  await page.getByRole('button', { name: 'Send my application' }).click();
  const done = page.getByTestId('apply-done');
  await expect(done.getByRole('heading', { name: 'Thank you, Lirije!' })).toBeVisible();
  await expect(done).toContainText('We will write to you by e-mail about the next step.');

  // The same e-mail again gets the same answer (a stranger learns nothing); it is not filed twice.
  await page.goto('/apply/1');
  await page.getByRole('textbox', { name: 'Full name' }).fill('Lirije Hoti');
  await page.getByRole('textbox', { name: 'E-mail' }).fill(email);
  await page.getByRole('checkbox', { name: /I agree/ }).check();
  await page.getByRole('button', { name: 'Send my application' }).click();
  await expect(page.getByTestId('apply-done').getByRole('heading', { name: 'Thank you, Lirije!' })).toBeVisible();

  // The e-mailed link opens the questionnaire, in the language she chose.
  const link = await questionnaireLink(request, email);
  await page.goto(link);
  await expect(page.getByRole('heading', { level: 1, name: 'Përshëndetje, Lirije Hoti' })).toBeVisible();
  await expect(page.getByText(OPENING, { exact: true })).toBeVisible();
  await expect(page.getByTestId('questionnaire-due')).toContainText('Ju lutemi përgjigjuni deri më');

  // A required question left out is named next to it.
  await page.getByRole('button', { name: 'Dërgo përgjigjet' }).click();
  const experience = page.getByRole('radiogroup', { name: /How much experience in sales/ });
  await expect(page.getByText('Ju lutemi përgjigjuni kësaj pyetjeje.')).toHaveCount(3);

  await experience.getByRole('radio', { name: 'One to three years' }).check();
  await page.getByRole('textbox', { name: /How many phone calls/ }).fill('45');
  await page.getByRole('radiogroup', { name: /negotiating price/ }).getByText('4', { exact: true }).click();
  await page.getByRole('checkbox', { name: 'By phone' }).check();
  await page.getByRole('textbox', { name: /Why do you want to work in sales/ }).fill('Më pëlqen të flas me njerëz.');
  await expect(page.getByText('Ju lutemi përgjigjuni kësaj pyetjeje.')).toHaveCount(0);
  await page.getByRole('button', { name: 'Dërgo përgjigjet' }).click();
  await expect(page.getByRole('heading', { name: 'Faleminderit!' })).toBeVisible();
  await expect(page.getByTestId('questionnaire-done')).toContainText('Përgjigjet tuaja u morën');
  await expect(page.getByTestId('questionnaire-done')).not.toContainText('%');

  // The link works once: opened again, it says the questionnaire is answered.
  await page.goto(link);
  await expect(page.getByRole('heading', { name: 'Keni përgjigjur tashmë' })).toBeVisible();
  await expect(page.getByTestId('questionnaire-problem')).toContainText('Këtij pyetësori i jeni përgjigjur tashmë.');
  await expect(page.getByRole('button', { name: 'Dërgo përgjigjet' })).toHaveCount(0);
});

test('a link that was tampered with opens a clear message, not a form', async ({ page }) => {
  await page.goto('/q/not-a-real-link');
  await expect(page.getByRole('heading', { name: 'This link does not work' })).toBeVisible();
  await expect(page.getByTestId('questionnaire-problem')).toContainText('This link is not valid.');
});

test('the reports page charts the pipeline and exports it as CSV', async ({ page }) => {
  await page.goto('/login');
  await page.getByLabel('Email').fill('recruiter@bullpen.demo');
  await page.getByLabel('Password', { exact: true }).fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Reports' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Reports' })).toBeVisible();

  const stages = page.getByTestId('report-stages');
  await expect(stages.getByRole('heading', { name: 'Candidates per stage' })).toBeVisible();
  await expect(page.getByTestId('stage-chart').getByRole('img')).toHaveAttribute('aria-label', /Applied: In stage now \d+, Reached \d+/);
  await expect(stages.getByRole('row').filter({ hasText: 'Screening' })).toBeVisible();
  await expect(page.getByTestId('report-sources').getByRole('cell', { name: 'Referral' })).toBeVisible();

  const csv = page.getByRole('link', { name: 'Export CSV' });
  await expect(csv).toHaveAttribute('href', '/api/v1/reports/pipeline.csv');
  await page.getByRole('combobox', { name: 'Opening' }).click();
  await page.getByRole('option', { name: OPENING }).click();
  await expect(page).toHaveURL(/\/reports\?opening=1$/);
  await expect(csv).toHaveAttribute('href', '/api/v1/reports/pipeline.csv?opening_id=1');

  // The link downloads with the session the page has.
  const res = await page.request.get((await csv.getAttribute('href'))!);
  expect(res.status()).toBe(200);
  expect(res.headers()['content-disposition']).toContain('bullpen-pipeline-report-opening-1.csv');
  expect(await res.text()).toMatch(/^section,name,applications,reached/);
});
