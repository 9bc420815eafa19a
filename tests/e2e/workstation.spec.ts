/**
 * The desktop app's connection settings and update notice, in Chromium against the real office
 * server. The Electron shell cannot run here, so its preload is stood in for: `window.lanternDesktop`
 * is built in the page from functions Playwright exposes, and those run the very modules the main
 * process runs (electron/workstation/probe.ts over a real TLS connection to the e2e server).
 */
import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import type { ConnectionState, UpdaterStatus } from '../../shared/desktop-bridge';
import { probeServer } from '../../electron/workstation/probe';
import { ADMIN } from './support/accounts';
import { expect, test } from './fixtures';

/** What `npm run serve` printed for the e2e server (global-setup logs its output here). */
function printedFingerprint(): string {
  const log = readFileSync('test-results/office-server.log', 'utf8');
  const match = /Certificate SHA-256 fingerprint: (\S+)/.exec(log);
  if (!match) throw new Error('the e2e server did not print its certificate fingerprint');
  return match[1]!;
}

interface StandIn {
  useServerCalls: Array<[string, string]>;
}

/** The preload's bridge, for a page in a browser: the same shape, backed by the main process's modules. */
async function standInDesktop(page: Page, connection: ConnectionState, pinned: string | null = null): Promise<StandIn> {
  const standIn: StandIn = { useServerCalls: [] };
  await page.exposeFunction('__lanternProbe', (url: string) => probeServer(url, pinned));
  await page.exposeFunction('__lanternUseServer', async (url: string, fingerprint: string) => {
    standIn.useServerCalls.push([url, fingerprint]);
    const probe = await probeServer(url, fingerprint);
    return probe.ok ? { ok: true } : { ok: false, message: probe.message };
  });
  await page.addInitScript((state) => {
    const w = globalThis as unknown as Record<string, unknown> & { __lanternProbe: unknown; __lanternUseServer: unknown };
    const listeners = new Set<(status: unknown) => void>();
    w.__emitUpdateStatus = (status: unknown) => listeners.forEach((listener) => listener(status));
    w.lanternDesktop = Object.freeze({
      connection: state,
      probeServer: w.__lanternProbe,
      useServer: w.__lanternUseServer,
      useThisComputer: async () => ({ ok: true }),
      onUpdateStatus(listener: (status: unknown) => void) {
        listeners.add(listener);
        return () => listeners.delete(listener);
      },
      installUpdate: async () => {
        w.__installRequested = true;
      },
    });
  }, connection);
  return standIn;
}

async function emitUpdateStatus(page: Page, status: UpdaterStatus) {
  await page.evaluate((s) => (globalThis as unknown as { __emitUpdateStatus(s: unknown): void }).__emitUpdateStatus(s), status);
}

test('first start: choose the office server, compare its fingerprint, trust it (English and 简体中文)', async ({ page, baseURL }) => {
  const fingerprint = printedFingerprint();
  const standIn = await standInDesktop(page, { mode: 'unset' });
  await page.goto('/');
  await expect(page.getByRole('heading', { name: 'Where is your data?' })).toBeVisible();
  await page.getByRole('radio', { name: 'Office server' }).check();
  await page.getByRole('textbox', { name: 'Office server address' }).fill(baseURL!.replace('https://', ''));
  await page.getByRole('button', { name: 'Check server' }).click();

  const result = page.getByTestId('probe-result');
  await expect(result).toContainText('Lantern CRM office server found');
  await expect(result.getByTestId('fingerprint')).toHaveText(fingerprint);
  const connect = page.getByRole('button', { name: 'Trust this certificate and connect' });
  await expect(connect).toBeDisabled(); // not before someone says the fingerprints match
  await page.screenshot({ path: 'test-results/screenshots/workstation-setup-en.png', fullPage: true });

  await page.getByRole('checkbox', { name: /I compared the fingerprint/ }).check();
  await connect.click();
  await expect.poll(() => standIn.useServerCalls).toEqual([[baseURL, fingerprint]]);

  await page.getByRole('button', { name: 'Language' }).click();
  await page.getByRole('menuitem', { name: '简体中文' }).click();
  await expect(page.getByRole('heading', { name: '数据保存在哪里？' })).toBeVisible();
  await expect(page.getByRole('button', { name: '信任此证书并连接' })).toBeVisible();
  await page.screenshot({ path: 'test-results/screenshots/workstation-setup-zh.png', fullPage: true });
});

test('a server showing another certificate than the trusted one is refused, with both fingerprints', async ({ page, baseURL }) => {
  const printed = printedFingerprint();
  const trusted = printed.split(':').reverse().join(':'); // what this computer trusted before: not the server's
  const refusal = await probeServer(baseURL!, trusted);
  if (refusal.ok) throw new Error('the changed certificate was not refused');
  await standInDesktop(page, {
    mode: 'server',
    serverUrl: baseURL!,
    fingerprint: trusted,
    certificateChanged: { message: refusal.message, expected: refusal.expected!, presented: refusal.presented! },
  }, trusted);
  await page.goto('/');
  await expect(page.getByRole('heading', { name: "The office server's certificate has changed" })).toBeVisible();
  const result = page.getByTestId('probe-result');
  await expect(result).toContainText('shows a different certificate from the one this computer trusted, so nothing was sent to it');
  await expect(result.getByTestId('fingerprint')).toHaveText([trusted, printed]);
  // The sign-in page (and with it every call to that server) is not shown.
  await expect(page.getByRole('button', { name: 'Sign in' })).toHaveCount(0);
  await page.screenshot({ path: 'test-results/screenshots/workstation-certificate-changed-en.png', fullPage: true });
  await page.getByRole('button', { name: 'Language' }).click();
  await page.getByRole('menuitem', { name: '简体中文' }).click();
  await expect(page.getByRole('heading', { name: '办公室服务器的证书已更改' })).toBeVisible();
  await expect(result).toContainText('因此没有向它发送任何内容');
  await page.screenshot({ path: 'test-results/screenshots/workstation-certificate-changed-zh.png', fullPage: true });
});

test('a workstation signs in to the server, hears the updater, and an older version is told to update before writing', async ({ page, baseURL }) => {
  await standInDesktop(page, { mode: 'server', serverUrl: baseURL!, fingerprint: printedFingerprint() });
  // An older workstation build: its calls say so, as the app's own header does.
  await page.route('**/api/v1/**', (route) => route.continue({ headers: { ...route.request().headers(), 'x-lantern-version': '0.0.1' } }));
  await page.goto('/');
  await page.getByRole('textbox', { name: 'Username', exact: true }).fill(ADMIN.username);
  await page.getByRole('textbox', { name: 'Password', exact: true }).fill(ADMIN.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('heading', { level: 1, name: /^Welcome, / })).toBeVisible();

  // Settings > Connection shows where this computer's data is.
  await page.getByRole('button', { name: 'Settings' }).click();
  await page.getByRole('link', { name: 'Connection' }).click();
  await expect(page.getByTestId('current-connection')).toHaveText(`Office server at ${baseURL}`);
  await page.screenshot({ path: 'test-results/screenshots/workstation-settings-en.png', fullPage: true });

  // A write from the older version: refused, and the notice says to update.
  await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Accounts' }).click();
  await page.getByRole('button', { name: 'New account' }).click();
  const create = page.getByRole('dialog', { name: 'New account' });
  await create.getByRole('textbox', { name: 'Name' }).fill('Written by an old version');
  await create.getByRole('button', { name: 'Create' }).click();
  const mismatch = page.locator('.mantine-Notification-root', { hasText: 'Update this app' });
  await expect(mismatch).toContainText('Update this app before making changes');

  await emitUpdateStatus(page, { kind: 'downloading', version: '0.2.0', releaseNotes: null, percent: 42 });
  const notice = page.locator('.mantine-Notification-root', { hasText: 'Update 0.2.0' });
  await expect(notice).toContainText('Downloading from the office server… 42%');
  await expect(notice.getByRole('progressbar')).toHaveAttribute('aria-valuenow', '42');
  await page.screenshot({ path: 'test-results/screenshots/workstation-update-progress-en.png' });
  await emitUpdateStatus(page, { kind: 'ready', version: '0.2.0', releaseNotes: 'Faster lists.' });
  await notice.getByRole('button', { name: 'Restart to update' }).click();
  await expect.poll(() => page.evaluate(() => (globalThis as unknown as { __installRequested?: boolean }).__installRequested)).toBe(true);
  await page.screenshot({ path: 'test-results/screenshots/workstation-update-ready-en.png' });
});
