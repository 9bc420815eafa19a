import { test as base, expect, type Page } from '@playwright/test';

export { expect };

/**
 * Console errors that are the app working as meant: the browser logs every non-2xx response (a
 * wrong password is a 401), and an email's HTML is shown in a frame sandboxed against all scripts,
 * so when anything (Playwright's own probes of each frame, at times) tries to run one there,
 * Chromium logs that it blocked it.
 */
const EXPECTED_CONSOLE_ERROR =
  /^Failed to load resource: the server responded with a status of \d+|^Blocked script execution in 'about:srcdoc' because the document's frame is sandboxed and the 'allow-scripts' permission is not set\.$/;

export const test = base.extend<{ noPageErrors: void; releaseSeat: void }>({
  /** Every test talks to the server global-setup started, whose port is only known at run time. */
  // eslint-disable-next-line no-empty-pattern
  baseURL: async ({}, use) => {
    const url = process.env.LANTERN_E2E_BASE_URL;
    if (!url) throw new Error('LANTERN_E2E_BASE_URL is not set: global-setup did not start the office server');
    await use(url);
  },
  /** A page that throws, or logs an error (React logs the crashes its error boundary catches), fails the test. */
  noPageErrors: [
    async ({ page }, use) => {
      const errors: string[] = [];
      page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
      page.on('console', (message) => {
        if (message.type() === 'error' && !EXPECTED_CONSOLE_ERROR.test(message.text())) errors.push(`console: ${message.text()}`);
      });
      await use();
      expect(errors).toEqual([]);
    },
    { auto: true },
  ],
  /**
   * Whoever the page is still signed in as is signed out when the test ends: the e2e server runs on
   * a 3-seat trial, and a seat a finished test kept would refuse a later test's user.
   */
  releaseSeat: [
    async ({ page, request }, use) => {
      await use();
      const token = await storedToken(page).catch(() => null);
      if (token) await request.post('/api/v1/auth.logout', { data: {}, headers: { Authorization: `Bearer ${token}` } }).catch(() => undefined);
    },
    { auto: true },
  ],
});

export async function signIn(page: Page, username: string, password: string) {
  await page.goto('/');
  await page.getByRole('textbox', { name: 'Username', exact: true }).fill(username);
  await page.getByRole('textbox', { name: 'Password', exact: true }).fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('heading', { level: 1, name: /^Welcome, / })).toBeVisible();
}

export async function signOut(page: Page) {
  await page.getByRole('button', { name: 'Account menu' }).click();
  await page.getByRole('menuitem', { name: 'Sign out' }).click();
  await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
}

/** The bearer token the app keeps for the signed-in user (the spec compiles without DOM types). */
export function storedToken(page: Page): Promise<string | null> {
  return page.evaluate(() =>
    (globalThis as unknown as { localStorage: { getItem(key: string): string | null } }).localStorage.getItem('lantern.token'),
  );
}

/** Full-page screenshots go to test-results/screenshots/ for a person to look at. */
export async function screenshot(page: Page, name: string) {
  // Let transitions (theme switch, menus closing) settle so the picture shows the resting state,
  // and leave out passing notifications, which would cover the header.
  await page.waitForTimeout(300);
  await page.locator('.mantine-Notifications-root').evaluateAll((roots) => {
    for (const root of roots) (root as unknown as { style: { visibility: string } }).style.visibility = 'hidden';
  });
  await page.screenshot({ path: `test-results/screenshots/${name}.png`, fullPage: true });
  await page.locator('.mantine-Notifications-root').evaluateAll((roots) => {
    for (const root of roots) (root as unknown as { style: { visibility: string } }).style.visibility = '';
  });
}
