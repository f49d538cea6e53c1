import { expect, test, type Page } from '@playwright/test';
import { login } from './session';

// Runs against `bullpen dev --demo`. Every page is served with a Content-Security-Policy that lets it run only
// the UI's own scripts and talk only to this origin; the pages must work under it. The admin and a rep walk
// through the main screens, and the browser reports no violation of the policy on any of them.

/** Collects every CSP violation the page reports, from the console and from the DOM event. */
function watchViolations(page: Page): string[] {
  const seen: string[] = [];
  page.on('console', (m) => {
    if (/Content Security Policy/i.test(m.text())) seen.push(m.text());
  });
  page.on('pageerror', (e) => seen.push(`page error: ${e.message}`));
  return seen;
}

async function visit(page: Page, path: string) {
  const res = await page.goto(path);
  expect(res?.headers()['content-security-policy'], path).toContain("frame-ancestors 'none'");
  expect(res?.headers()['x-content-type-options'], path).toBe('nosniff');
  // The page has drawn its content (the shell's menu) and finished loading its data.
  await expect(page.getByRole('button', { name: /^Account menu for / })).toBeVisible();
  await page.waitForLoadState('networkidle');
}

test('the admin walks the main screens without a policy violation', async ({ page }) => {
  const violations = watchViolations(page);
  await login(page, 'admin@bullpen.demo');
  for (const path of ['/openings', '/plans', '/users', '/audit', '/outbox', '/reports', '/scenarios', '/pay-plans', '/offers', '/teams', '/integrations']) {
    await visit(page, path);
  }
  await page.goto('/openings');
  await page.getByRole('link', { name: /sales/i }).first().click();
  await page.waitForLoadState('networkidle');
  expect(violations).toEqual([]);
});

test('a head and a rep see their dashboards and homes without a policy violation', async ({ browser }) => {
  for (const [email, paths] of [
    ['head@bullpen.demo', ['/dashboard', '/team', '/clients', '/greetings', '/pay-statements']],
    ['rep1@bullpen.demo', ['/home', '/clients', '/log', '/my-month', '/pay-statements']],
  ] as const) {
    const context = await browser.newContext();
    const page = await context.newPage();
    const violations = watchViolations(page);
    await login(page, email);
    for (const path of paths) await visit(page, path);
    expect(violations, email).toEqual([]);
    await context.close();
  }
});

test('the public pages work under the policy', async ({ page }) => {
  const violations = watchViolations(page);
  const res = await page.goto('/login');
  expect(res?.headers()['content-security-policy']).toContain("script-src 'self'");
  await expect(page.getByRole('button', { name: 'Sign in' })).toBeVisible();
  await page.goto('/q/not-a-real-link');
  await expect(page.getByText(/link/i).first()).toBeVisible();
  expect(violations).toEqual([]);
});
