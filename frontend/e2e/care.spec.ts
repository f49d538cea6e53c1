import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { login, PASSWORD } from './session';

// Runs against `bullpen dev --demo`, which other specs share. The demo gives Elira Dervishi (rep1) three clients
// with founding days and contacts, and runs the morning's care run at load (it plans a few seconds after the
// server starts): she has greetings for the next days (Albania's national days, Alba Trade's anniversary) and one
// due today, the birthday of Hotel Drini's owner, whose e-card has already gone. Elira writes a personal line and
// sees it in the e-card, completes a greeting call, and is told plainly when it is too early for one; the
// birthday card's unsubscribe link works and a forged one says it does not; the occasions calendar reads and an
// admin adds and removes a company occasion. Elira's clients and their owner stay as they are.
const RUN = `${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}`;

interface Greeting {
  id: number;
  account_id: number;
  account: string;
  occasion_name: string;
  day: string;
  call_done_at: string | null;
  cards_sent_at: string | null;
  design: string;
  personal_line: string;
  call_note: string;
}

/** The server's days are UTC days. */
const utcDay = (offset = 0) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

/** The signed-in user's own greetings, once the care run has planned them. */
async function myGreetings(page: Page): Promise<Greeting[]> {
  let items: Greeting[] = [];
  await expect
    .poll(
      async () => {
        const res = await page.request.get('/api/v1/greetings?owner=me');
        items = res.ok() ? ((await res.json()).items ?? []) : [];
        return items.length;
      },
      { timeout: 30_000, message: 'the care run plans greetings at load' },
    )
    .toBeGreaterThan(0);
  return items;
}

async function signIn(api: APIRequestContext, email: string): Promise<string> {
  const res = await api.post('/api/v1/session', { data: { email, password: PASSWORD } });
  expect(res.status(), await res.text()).toBe(200);
  return (await res.json()).csrf_token as string;
}

/** The row of one greeting in the Greetings table. */
const greetingRow = (page: Page, g: Greeting) =>
  page.getByTestId('greeting-row').filter({ hasText: g.account }).filter({ has: page.getByRole('link', { name: g.occasion_name, exact: true }) });

test('Elira writes a personal line on a greeting and sees it in the e-card preview', async ({ page }) => {
  test.setTimeout(60_000);
  await login(page, 'rep1@bullpen.demo');
  const mine = await myGreetings(page);
  const g = mine.find((x) => !x.cards_sent_at && !x.call_done_at);
  expect(g, 'a greeting whose cards have not gone').toBeTruthy();
  if (!g) return;

  await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Greetings' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Greetings' })).toBeVisible();
  const row = greetingRow(page, g);
  await expect(row).toHaveCount(1);
  await row.getByRole('link', { name: g.occasion_name, exact: true }).click();

  await expect(page).toHaveURL(new RegExp(`/greetings/${g.id}$`));
  await expect(page.getByRole('heading', { level: 1, name: g.occasion_name })).toBeVisible();
  await expect(page.getByTestId('greeting-details').getByRole('link', { name: g.account })).toHaveAttribute('href', `/clients/${g.account_id}`);

  const line = `Thank you for a great year together (${RUN}).`;
  const preview = page.getByTestId('card-preview');
  await page.getByLabel('Personal line').fill(line);
  await page.getByRole('radiogroup', { name: 'Design' }).getByText('Minimal', { exact: true }).click();
  await expect(page.getByText('Unsaved changes')).toBeVisible();
  await expect(preview).toHaveAttribute('src', /design=minimal/);
  await page.getByRole('button', { name: 'Save the card' }).click();
  await expect(page.getByText('E-card saved')).toBeVisible();

  // The preview is loaded again and shows what was saved, in either language.
  const card = page.frameLocator('iframe[title="E-card preview"]');
  await expect(card.getByText(line)).toBeVisible();
  await page.getByRole('radiogroup', { name: 'Language' }).getByText('Albanian', { exact: true }).click();
  await expect(preview).toHaveAttribute('src', /locale=sq/);
  await expect(card.getByText(line)).toBeVisible();

  const saved = (await (await page.request.get(`/api/v1/greetings/${g.id}`)).json()) as Greeting;
  expect(saved.personal_line).toBe(line);
  expect(saved.design).toBe('minimal');
  await expect(page.getByRole('alert').filter({ hasText: 'Something went wrong' })).toHaveCount(0);
});

test('Elira completes a greeting call from the Greetings page', async ({ page }) => {
  test.setTimeout(60_000);
  await login(page, 'rep1@bullpen.demo');
  const mine = await myGreetings(page);
  // A call may be marked done from the day before the occasion. Tomorrow's first (the demo plans Albania's
  // Independence Day at the end of November), leaving today's birthday call to the home page's spec; else today's.
  const open = mine.filter((x) => !x.call_done_at);
  const g = open.find((x) => x.day === utcDay(1)) ?? open.find((x) => x.day === utcDay());
  expect(g, 'a greeting call due today or tomorrow').toBeTruthy();
  if (!g) return;
  const note = `Called to greet them; they were pleased (${RUN}).`;

  await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Greetings' }).click();
  const row = greetingRow(page, g);
  await expect(row).toHaveCount(1);
  await row.getByRole('button', { name: `Call done: ${g.occasion_name}, ${g.account}` }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('Note').fill(note);
  await dialog.getByRole('button', { name: 'Mark the call done' }).click();
  await expect(page.getByText(`Greeting call to ${g.account} for ${g.occasion_name} marked done`)).toBeVisible();
  await expect(dialog).toHaveCount(0);

  // No longer to do; under Done, with its note on its page.
  await expect(row).toHaveCount(0);
  await page.getByRole('radiogroup', { name: 'Show' }).getByText('Done', { exact: true }).click();
  await expect(row).toHaveCount(1);
  await expect(row.getByTestId('call-status')).toHaveText('Call done');
  await row.getByRole('link', { name: g.occasion_name, exact: true }).click();
  await expect(page.getByTestId('call-done')).toContainText(note);
  await expect(page.getByRole('button', { name: 'Mark the call done' })).toHaveCount(0);
});

test('a greeting call marked done too early is refused in plain words', async ({ page }) => {
  await login(page, 'rep1@bullpen.demo');
  const mine = await myGreetings(page);
  const g = mine.find((x) => !x.call_done_at && x.day > utcDay(1));
  test.skip(!g, 'the demo has no greeting more than a day ahead today');
  if (!g) return;

  await page.goto(`/greetings/${g.id}`);
  await expect(page.getByTestId('call-early-hint')).toContainText('it can be marked done from');
  await page.getByRole('button', { name: 'Mark the call done' }).click();
  await expect(page.getByTestId('call-error')).toContainText(/^Too early: the call is due on .+ and can be marked done from .+\.$/);
  const after = (await (await page.request.get(`/api/v1/greetings/${g.id}`)).json()) as Greeting;
  expect(after.call_done_at).toBeNull();
});

test('the birthday card’s unsubscribe link stops the cards; the client page says so', async ({ page, playwright, baseURL }) => {
  test.setTimeout(60_000);
  // The card went out at load; its unsubscribe link is in the outbox, which the admin reads.
  const admin = await playwright.request.newContext({ baseURL });
  let path = '';
  try {
    await signIn(admin, 'admin@bullpen.demo');
    await expect
      .poll(
        async () => {
          const items: { to: string; text: string }[] = (await (await admin.get('/api/v1/outbox')).json()).items ?? [];
          const link = items.find((m) => m.to === 'teuta@hoteldrini.example')?.text.match(/https?:\/\/\S+\/u\/\S+/)?.[0];
          path = link ? new URL(link).pathname : '';
          return path;
        },
        { timeout: 30_000 },
      )
      .not.toBe('');
  } finally {
    await admin.dispose();
  }

  await page.goto(path);
  await expect(page.getByRole('heading', { level: 1, name: 'Stop greeting cards from Bullpen to Teuta Morina?' })).toBeVisible();
  await page.getByRole('button', { name: 'Stop the greeting cards' }).click();
  await expect(page.getByTestId('unsubscribe-done')).toContainText('No more greeting cards');
  await page.reload();
  await expect(page.getByTestId('unsubscribe-done')).toContainText('Bullpen will send no more greeting cards to Teuta Morina.');

  await login(page, 'rep1@bullpen.demo');
  await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Clients' }).click();
  await page.getByTestId('clients-table').getByRole('link', { name: 'Hotel Drini' }).click();
  const contacts = page.getByRole('region', { name: 'Contacts' });
  await expect(contacts.getByRole('listitem').filter({ hasText: 'Teuta Morina' }).getByTestId('contact-unsubscribed')).toHaveText('Unsubscribed');
});

test('a forged unsubscribe link says clearly that it does not work', async ({ page }) => {
  await page.goto('/u/djEudW5zdWJzY3JpYmUuOTk5.forged-signature');
  const problem = page.getByTestId('unsubscribe-problem');
  await expect(problem).toContainText('This link does not work');
  await expect(problem).toContainText('not valid');
  await expect(page.getByRole('button', { name: 'Stop the greeting cards' })).toHaveCount(0);
});

test('Elira keeps a client’s greetings: its settings, its timeline, a contact’s name day', async ({ page }) => {
  await login(page, 'rep1@bullpen.demo');
  await myGreetings(page);
  await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Clients' }).click();
  await page.getByTestId('clients-table').getByRole('link', { name: 'Alba Trade' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Alba Trade' })).toBeVisible();

  const care = page.getByRole('region', { name: 'Greetings' });
  await expect(care.getByLabel('Public holidays of')).toHaveValue('Albania');
  await expect(care.getByLabel('Founded on')).not.toHaveValue('');
  await expect(care.getByRole('button', { name: 'Save' })).toBeDisabled();
  // The timeline links each greeting to its page.
  const timeline = care.getByTestId('client-greetings-timeline');
  await expect(timeline.getByRole('link').first()).toHaveAttribute('href', /^\/greetings\/\d+$/);

  // The contact's name day, through the edit form.
  await page.getByRole('button', { name: 'Edit Arben Shehu' }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog.getByLabel('Language of greeting cards')).toHaveValue('Albanian');
  await dialog.getByLabel('Name day').fill('2000-07-11');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByText('Arben Shehu saved')).toBeVisible();
  await expect(page.getByRole('region', { name: 'Contacts' }).getByText(/Name day 11 Jul/)).toBeVisible();
});

test('the occasions calendar by country; an admin adds and removes a company occasion', async ({ page }) => {
  await login(page, 'rep1@bullpen.demo');
  await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Occasions' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Occasions' })).toBeVisible();
  await expect(page.getByTestId('occasions-year')).toHaveText(utcDay().slice(0, 4));
  const independence = page.getByTestId('occasion-row').filter({ hasText: 'Independence Day' });
  await expect(independence.first()).toContainText('Public holiday');
  await expect(page.getByRole('button', { name: 'Add occasion' })).toHaveCount(0);
  await page.getByRole('radiogroup', { name: 'Calendar' }).getByText('International', { exact: true }).click();
  await expect(page.getByTestId('occasion-row').filter({ hasText: 'Christmas' }).first()).toBeVisible();
  await expect(independence).toHaveCount(0);

  // An admin adds one for today, sees it under its month, and removes it.
  await page.getByRole('button', { name: /^Account menu for / }).click();
  await page.getByRole('menuitem', { name: 'Log out' }).click();
  await login(page, 'admin@bullpen.demo');
  await page.goto('/occasions');
  const name = `Bullpen day ${RUN}`;
  await page.getByRole('button', { name: 'Add occasion' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('Name in English').fill(name);
  await dialog.getByLabel('Name in Albanian').fill(`Dita e Bullpen ${RUN}`);
  await dialog.getByRole('textbox', { name: 'Date' }).fill(utcDay());
  await dialog.getByRole('switch', { name: 'Every year' }).uncheck();
  await dialog.getByRole('button', { name: 'Add occasion' }).click();
  await expect(page.getByText(`${name} added to the calendar`)).toBeVisible();
  const row = page.getByTestId('occasion-row').filter({ hasText: name });
  await expect(row).toContainText('Company');
  await row.getByRole('button', { name: `Remove ${name}` }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Remove' }).click();
  await expect(page.getByText(`${name} removed from the calendar`)).toBeVisible();
  await expect(row).toHaveCount(0);
});
