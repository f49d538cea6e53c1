import { expect, test, type APIRequestContext } from '@playwright/test';
import { PASSWORD } from './session';

// Runs against `bullpen dev --demo`: opening 1 is open and has a questionnaire. The candidate's e-mails are read
// from the outbox through the API, as the admin; every one carries the link to the candidate's data.
const CV = { name: 'cv.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4\n% Vesa Krasniqi, CV\n%%EOF\n') };

async function adminSession(request: APIRequestContext): Promise<string> {
  const session = await request.post('/api/v1/session', { data: { email: 'admin@bullpen.demo', password: PASSWORD } });
  expect(session.ok()).toBeTruthy();
  return (await (await request.get('/api/v1/me')).json()).csrf_token as string;
}

test('a candidate reads and downloads their data, and deletes it once their application has ended', async ({ page, request }) => {
  test.setTimeout(60_000);
  const name = 'Vesa Krasniqi';
  const email = `vesa.krasniqi.${Date.now()}@example.com`;
  const applied = await request.post('/api/v1/public/openings/1/applications', {
    multipart: { name, email, phone: '+383 45 222 333', consent: 'true', locale: 'en', cv: CV },
  });
  expect(applied.status()).toBe(201);

  const csrf = await adminSession(request);
  let link = '';
  await expect
    .poll(
      async () => {
        const items: { to: string; text: string }[] = (await (await request.get('/api/v1/outbox')).json()).items ?? [];
        link = items.find((m) => m.to === email)?.text.match(/https?:\/\/\S+\/privacy\/\S+/)?.[0] ?? '';
        return link;
      },
      { timeout: 15_000 },
    )
    .not.toBe('');

  // While the application is open the page shows everything, and says why it cannot be deleted yet.
  await page.goto(new URL(link).pathname);
  await expect(page.getByRole('heading', { name: /Your data at / })).toBeVisible();
  await expect(page.getByRole('cell', { name })).toBeVisible();
  await expect(page.getByRole('cell', { name: email })).toBeVisible();
  await expect(page.getByRole('cell', { name: 'cv.pdf' })).toBeVisible();
  await expect(page.getByTestId('privacy-blocked')).toContainText('still in progress');
  await expect(page.getByRole('link', { name: 'Download my data (JSON)' })).toHaveAttribute('href', /\?download=1$/);
  const download = page.waitForEvent('download');
  await page.getByRole('link', { name: 'Download my data (JSON)' }).click();
  expect((await download).suggestedFilename()).toMatch(/^my-data-\d{4}-\d{2}-\d{2}\.json$/);

  // The recruiter rejects the application; the candidate then deletes their data.
  const board = await (await request.get(`/api/v1/openings/1/applications?q=${encodeURIComponent(email)}`)).json();
  const moved = await request.post(`/api/v1/applications/${board.items[0].id}/moves`, {
    headers: { 'X-CSRF-Token': csrf },
    data: { to: 'rejected', reason_code: 'other', reason: 'The role needs German.' },
  });
  expect(moved.status()).toBe(200);
  await page.reload();
  const del = page.getByRole('button', { name: 'Delete my data now' });
  await expect(del).toBeDisabled();
  await page.getByLabel('I understand that this cannot be undone.').check();
  await del.click();
  await expect(page.getByTestId('privacy-deleted')).toContainText('deleted your name, contacts, CV');
  await page.reload();
  await expect(page.getByTestId('privacy-deleted')).toBeVisible();
  await expect(page.getByText(name)).toHaveCount(0);
});
