import { expect, test, type Locator, type Page } from '@playwright/test';

// Runs against `bullpen dev --demo`: the opening "Sales rep, Prishtina" has Arben Gashi and Blerta Morina in
// applied, Genta Bytyqi in screening. A recruiter moves candidates on the board with the mouse and with the
// keyboard; a move that skips a stage is refused by the server and the card stays put.
const OPENING = 'Sales rep, Prishtina';

async function login(page: Page, email: string) {
  await page.goto('/login');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password', { exact: true }).fill('bullpen-demo');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('navigation', { name: 'Main navigation' })).toBeVisible();
}

const column = (page: Page, stage: string) => page.getByRole('region', { name: stage, exact: true });
const card = (scope: Page | Locator, name: string) => scope.getByRole('article', { name, exact: true });

/**
 * dnd-kit's keyboard sensor starts listening for the arrow keys on the task after the one that picked the card
 * up (so that the Space that picked it up is not read as a drop); on a busy machine the announcement can come
 * first. A short pause lets the sensor catch up before the first arrow.
 */
async function settle(page: Page) {
  await page.waitForTimeout(300);
}

/** Drags with the mouse in small steps, as a person does, so that dnd-kit's pointer sensor activates. */
async function drag(page: Page, from: Locator, to: Locator) {
  const a = await from.boundingBox();
  const b = await to.boundingBox();
  if (!a || !b) throw new Error('nothing to drag or nowhere to drop');
  const x = a.x + a.width / 2;
  const y = a.y + a.height / 2;
  await page.mouse.move(x, y);
  await page.mouse.down();
  await page.mouse.move(x + 12, y + 4, { steps: 4 });
  await page.mouse.move(b.x + b.width / 2, b.y + 80, { steps: 20 });
  await page.mouse.up();
}

test('a recruiter moves candidates on the board by mouse and keyboard; an illegal drop is refused', async ({ page }) => {
  test.setTimeout(60_000);
  await login(page, 'recruiter@bullpen.demo');
  await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Openings' }).click();
  await page.getByTestId('openings-table').getByRole('link', { name: OPENING }).click();
  await expect(page.getByRole('heading', { level: 1, name: OPENING })).toBeVisible();

  const applied = column(page, 'Applied');
  const questionnaire = column(page, 'Questionnaire');
  const screening = column(page, 'Screening');
  await expect(card(applied, 'Arben Gashi')).toBeVisible();

  // With the mouse: Arben Gashi from applied onto questionnaire, the next stage; the move asks for a reason.
  await drag(page, card(applied, 'Arben Gashi'), questionnaire);
  const arbenMove = page.getByRole('dialog', { name: 'Move Arben Gashi to Questionnaire' });
  await expect(arbenMove).toBeVisible();
  await arbenMove.getByRole('button', { name: 'Move to Questionnaire' }).click();
  await expect(arbenMove.getByText('Say why the candidate moves')).toBeVisible();
  await arbenMove.getByLabel('Reason').fill('Good cover letter: send the questionnaire.');
  await arbenMove.getByRole('button', { name: 'Move to Questionnaire' }).click();
  await expect(arbenMove).toBeHidden();
  await expect(card(questionnaire, 'Arben Gashi')).toBeVisible();
  await expect(card(applied, 'Arben Gashi')).toHaveCount(0);

  // With the keyboard: focus the card's grip, Space picks it up, the right arrow moves it on, Space drops it.
  const grip = card(applied, 'Blerta Morina').getByRole('button', { name: 'Drag Blerta Morina' });
  await grip.focus();
  await page.keyboard.press('Space');
  await expect(page.getByText('Picked up Blerta Morina, in Applied.')).toBeAttached();
  await settle(page);
  await page.keyboard.press('ArrowRight');
  await expect(page.getByText('Blerta Morina is over Questionnaire.')).toBeAttached();
  await page.keyboard.press('Space');
  const blertaMove = page.getByRole('dialog', { name: 'Move Blerta Morina to Questionnaire' });
  await blertaMove.getByLabel('Reason').fill('Referred by the Tirana team.');
  await blertaMove.getByRole('button', { name: 'Move to Questionnaire' }).click();
  await expect(blertaMove).toBeHidden();
  await expect(card(questionnaire, 'Blerta Morina')).toBeVisible();

  // Genta Bytyqi from screening straight onto offer skips three stages: the server refuses, in its own words,
  // and the card stays in screening. No reason is asked for a move that cannot happen.
  const gentaGrip = card(screening, 'Genta Bytyqi').getByRole('button', { name: 'Drag Genta Bytyqi' });
  await gentaGrip.focus();
  await page.keyboard.press('Space');
  // The arrows move the card once it is picked up (before that they would scroll the board).
  await expect(page.getByText('Picked up Genta Bytyqi, in Screening.')).toBeAttached();
  await settle(page);
  for (const stage of ['First interview', 'Shortlist', 'Second interview', 'Offer']) {
    await page.keyboard.press('ArrowRight');
    await expect(page.getByText(`Genta Bytyqi is over ${stage}.`)).toBeAttached();
  }
  await page.keyboard.press('Space');
  await expect(page.getByRole('alert').filter({ hasText: 'Cannot skip' })).toBeVisible();
  await expect(page.getByRole('dialog')).toHaveCount(0);
  await expect(card(screening, 'Genta Bytyqi')).toBeVisible();
  await expect(card(column(page, 'Offer'), 'Genta Bytyqi')).toHaveCount(0);

  // The candidate page keeps the move, who made it and why.
  await card(questionnaire, 'Arben Gashi').getByRole('button', { name: 'Arben Gashi', exact: true }).click();
  const quick = page.getByRole('dialog', { name: 'Arben Gashi' });
  await quick.getByRole('link', { name: 'Open candidate page' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Arben Gashi' })).toBeVisible();
  const timeline = page.getByTestId('application-timeline');
  const move = timeline.getByRole('listitem').filter({ hasText: 'Moved from Applied to Questionnaire' });
  await expect(move).toContainText('Good cover letter: send the questionnaire.');
  await expect(move).toContainText('Rita Krasniqi');
});
