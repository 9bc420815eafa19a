import type { APIRequestContext, Page } from '@playwright/test';
import { screenshot } from '../fixtures';
import { Api } from './customers';

/** Users the admin spec creates for itself (other specs own sally, victor and otto). */
export const SAM = { username: 'sam', displayName: 'Sam Sales', password: 'sam-Passw0rd', role: 'sales' } as const;
export const SEAT_USERS = [
  { username: 'seat-ann', displayName: 'Ann Seat', password: 'ann-Passw0rd', role: 'support' },
  { username: 'seat-bob', displayName: 'Bob Seat', password: 'bob-Passw0rd', role: 'support' },
  { username: 'seat-cat', displayName: 'Cat Seat', password: 'cat-Passw0rd', role: 'support' },
] as const;

/** Signs someone in through the API (taking a seat) and returns their client; `signOut` frees it. */
export async function signedInViaApi(request: APIRequestContext, user: { username: string; password: string }) {
  const api = await Api.signIn(request, user.username, user.password);
  return { api, signOut: () => api.call('auth.logout') };
}

/** A full-page screenshot from the top: scrolled down, the fixed header would be drawn mid-page. */
export async function pageScreenshot(page: Page, name: string) {
  await page.evaluate(() => (globalThis as unknown as { scrollTo(x: number, y: number): void }).scrollTo(0, 0));
  await screenshot(page, name);
}
