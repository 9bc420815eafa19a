import type { Page } from '@playwright/test';
import { expect, signIn, signOut, test } from './fixtures';
import { ADMIN } from './support/accounts';
import { pageScreenshot as screenshot, SAM, SEAT_USERS, signedInViaApi } from './support/admin';
import { Api } from './support/customers';

// The e2e server runs on the default trial (3 seats): every test signs its extra users out again.
test.describe.configure({ mode: 'serial' });

async function openAdminPage(page: Page, name: string) {
  const nav = page.getByRole('navigation', { name: 'Main navigation' });
  if ((await nav.getByRole('link', { name }).count()) === 0) await nav.getByRole('button', { name: 'Settings' }).click();
  await nav.getByRole('link', { name }).click();
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
}

async function useLanguage(page: Page, language: 'en' | 'zh-CN') {
  await page.evaluate((lang) => {
    (globalThis as unknown as { localStorage: { setItem(k: string, v: string): void } }).localStorage.setItem('lantern.language', lang);
  }, language);
  await page.reload();
}

test('the admin sees the trial, the seats in use, and frees a seat', async ({ page, request }) => {
  const admin = await Api.signIn(request);
  await admin.ensureUser(SEAT_USERS[0]);
  await signIn(page, ADMIN.username, ADMIN.password);
  await openAdminPage(page, 'Licence & seats');

  await expect(page.getByTestId('info-state')).toContainText('Trial');
  await expect(page.getByTestId('info-state')).toContainText('Changes allowed');
  await expect(page.getByTestId('info-seats')).toContainText(/\d of 3/);
  await expect(page.getByTestId('info-trial-days')).toContainText(/\d+/);
  await expect(page.getByTestId(`seat-row-${ADMIN.username}`)).toContainText('(you)');
  // Your own seat is freed by signing out: no button offers what the server would refuse.
  await expect(page.getByTestId(`seat-row-${ADMIN.username}`).getByRole('button')).toHaveCount(0);

  const ann = await signedInViaApi(request, SEAT_USERS[0]);
  await page.reload();
  const annRow = page.getByTestId(`seat-row-${SEAT_USERS[0].username}`);
  await expect(annRow).toContainText(SEAT_USERS[0].displayName);
  await expect(page.getByTestId('info-seats')).toContainText('2 of 3');
  await screenshot(page, 'admin-licence-en');

  await annRow.getByRole('button', { name: `Free the seat of ${SEAT_USERS[0].username}` }).click();
  await expect(page.getByText(`${SEAT_USERS[0].displayName} was signed out and the seat is free.`)).toBeVisible();
  await expect(annRow).toHaveCount(0);
  // Freeing the seat ended Ann's session: her token no longer works.
  await expect(ann.api.call('auth.me')).rejects.toThrow(/UNAUTHENTICATED/);

  await useLanguage(page, 'zh-CN');
  await expect(page.getByRole('heading', { level: 1, name: '许可证与席位' })).toBeVisible();
  await expect(page.getByTestId('info-state')).toContainText('试用');
  await screenshot(page, 'admin-licence-zh');
  await useLanguage(page, 'en');
});

test('a bad licence file is refused with its reason', async ({ page }) => {
  await signIn(page, ADMIN.username, ADMIN.password);
  await openAdminPage(page, 'Licence & seats');
  // Mantine's FileInput is a button that opens the system's file chooser.
  const choosing = page.waitForEvent('filechooser');
  await page.getByLabel('Licence file').click();
  await (await choosing).setFiles({
    name: 'edited.lic',
    mimeType: 'text/plain',
    buffer: Buffer.from('this is not a licence file'),
  });
  await page.getByRole('button', { name: 'Install licence' }).click();
  const alert = page.getByRole('alert').filter({ hasText: 'The licence was not installed' });
  await expect(alert).toBeVisible();
  await expect(page.getByTestId('info-state')).toContainText('Trial');
});

test('when every seat is taken, the next sign-in names who holds them', async ({ page, request }) => {
  const admin = await Api.signIn(request);
  for (const user of SEAT_USERS) await admin.ensureUser(user);
  // The admin holds one seat; Ann and Bob take the other two.
  const held = [await signedInViaApi(request, SEAT_USERS[0]), await signedInViaApi(request, SEAT_USERS[1])];
  try {
    await page.goto('/');
    await page.getByRole('textbox', { name: 'Username', exact: true }).fill(SEAT_USERS[2].username);
    await page.getByRole('textbox', { name: 'Password', exact: true }).fill(SEAT_USERS[2].password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    const alert = page.getByRole('alert');
    await expect(alert).toContainText('Could not sign in');
    await expect(alert).toContainText(SEAT_USERS[0].displayName);
    await screenshot(page, 'admin-seats-full-login-en');
  } finally {
    for (const seat of held) await seat.signOut();
  }
});

test('the admin runs a backup now, sees it verified, checks the database and gets the restore command', async ({ page }) => {
  await signIn(page, ADMIN.username, ADMIN.password);
  await openAdminPage(page, 'Backups');

  await page.getByRole('button', { name: 'Run backup now' }).click();
  await expect(page.getByTestId('backup-result')).toContainText('Backup made and verified');
  const row = page.locator('[data-testid^="backup-row-"]').filter({ hasText: 'Manual' }).first();
  await expect(row).toContainText('OK');

  await row.getByRole('button', { name: /^Verify the backup of/ }).click();
  await expect(page.getByText(/is intact \(\d+ rows\)/)).toBeVisible();

  const downloading = page.waitForEvent('download');
  await row.getByRole('button', { name: /^Download the backup of/ }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/\.(sqlite|db|sqlite3)$/);

  await page.getByRole('button', { name: 'Check the live database' }).click();
  await expect(page.getByTestId('database-check')).toContainText('The database is healthy');
  await screenshot(page, 'admin-backups-en');

  await row.getByRole('button', { name: /^Restore the backup of/ }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByRole('button', { name: 'Or restore with the admin tool, with the server stopped' }).click();
  await expect(dialog.getByTestId('restore-command')).toContainText(/^npm run admin -- restore \S+ --data \S+$/);
  await screenshot(page, 'admin-backups-restore-en');
  await dialog.getByRole('button', { name: 'Cancel' }).click();

  await useLanguage(page, 'zh-CN');
  await expect(page.getByRole('heading', { level: 1, name: '备份' })).toBeVisible();
  await expect(page.locator('[data-testid^="backup-row-"]').first()).toContainText('正常');
  await screenshot(page, 'admin-backups-zh');
  await useLanguage(page, 'en');
});

test('the admin sees the server status, the audit trail and the update channel', async ({ page }) => {
  await signIn(page, ADMIN.username, ADMIN.password);
  await openAdminPage(page, 'Server status');
  await expect(page.getByTestId('info-version')).toContainText(/\d+\.\d+\.\d+/);
  await expect(page.getByTestId('info-schema')).toContainText(/\d+/);
  await expect(page.getByTestId('info-active-users')).toContainText(/[1-3]/);
  await expect(page.getByTestId('info-last-backup')).toContainText('Manual');
  await screenshot(page, 'admin-server-en');

  await openAdminPage(page, 'Audit');
  await expect(page.getByTestId('audit-row').first()).toBeVisible();
  await expect(page.getByRole('table', { name: 'Audit' })).toContainText('Backup');
  await screenshot(page, 'admin-audit-en');

  await openAdminPage(page, 'Updates');
  await expect(page.getByTestId('update-reason')).toBeVisible();
  const pause = page.getByRole('switch', { name: 'Pause updates' });
  await pause.click();
  await expect(pause).toBeChecked();
  await pause.click();
  await expect(pause).not.toBeChecked();
  await expect(page.getByRole('slider', { name: 'Share of workstations' })).toHaveAttribute('aria-valuenow', '100');
  await screenshot(page, 'admin-updates-en');

  await useLanguage(page, 'zh-CN');
  for (const [path, heading, name] of [
    ['/#/settings/server', '服务器状态', 'admin-server-zh'],
    ['/#/settings/audit', '审计', 'admin-audit-zh'],
    ['/#/settings/updates', '更新', 'admin-updates-zh'],
  ] as const) {
    await page.goto(path);
    await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible();
    await screenshot(page, name);
  }
  await useLanguage(page, 'en');
});

test('a read-only office shows a banner on every page, in both languages', async ({ page }) => {
  // An ended trial cannot be reached on the shared server without moving its clock, so this test
  // rewrites the server's real licence.status answer into the state an ended trial reports.
  await page.route('**/api/v1/licence.status', async (route) => {
    const answer = await route.fetch();
    const status = (await answer.json()) as Record<string, unknown> & { trial: { endsAt: string } | null };
    await route.fulfill({
      response: answer,
      json: {
        ...status,
        state: 'trial-ended',
        writable: false,
        message: 'The 30-day trial has ended: Lantern CRM is read-only. Install a licence to make changes again.',
        trial: status.trial && { ...status.trial, daysLeft: 0 },
      },
    });
  });
  await signIn(page, ADMIN.username, ADMIN.password);
  const banner = page.getByTestId('read-only-banner');
  await expect(banner).toContainText('Lantern CRM is read-only');
  await expect(banner).toContainText('The 30-day trial has ended');
  await openAdminPage(page, 'Licence & seats');
  await expect(page.getByTestId('info-state')).toContainText('Read-only');
  await screenshot(page, 'admin-read-only-en');
  await useLanguage(page, 'zh-CN');
  await expect(banner).toContainText('Lantern CRM 目前为只读');
  await expect(banner).toContainText('30 天试用已于');
  await screenshot(page, 'admin-read-only-zh');
  await useLanguage(page, 'en');
  // A licence.status poll still in flight when the page closes must not fail the test afterwards.
  await page.unrouteAll({ behavior: 'ignoreErrors' });
});

test('a sales user does not see the admin pages', async ({ page, request }) => {
  const admin = await Api.signIn(request);
  await admin.ensureUser(SAM);
  await signIn(page, SAM.username, SAM.password);
  const nav = page.getByRole('navigation', { name: 'Main navigation' });
  await nav.getByRole('button', { name: 'Settings' }).click();
  await expect(nav.getByRole('link', { name: 'Preferences' })).toBeVisible();
  for (const name of ['Licence & seats', 'Backups', 'Server status', 'Audit', 'Updates']) {
    await expect(nav.getByRole('link', { name })).toHaveCount(0);
  }
  await page.goto('/#/settings/backups');
  await expect(page.getByRole('heading', { name: 'Not allowed' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Run backup now' })).toHaveCount(0);
  await signOut(page);
});
