import type { Page } from '@playwright/test';
import { expect, signIn, test } from './fixtures';
import { ADMIN } from './support/accounts';
import { pageScreenshot as screenshot, SEAT_USERS, signedInViaApi } from './support/admin';
import { Api, runId } from './support/customers';
import { useLanguage } from './support/sales';

// Restoring replaces the e2e server's shared database, so this spec restores only a backup it took
// itself moments before, and every session (other specs' too) ends: the specs run one at a time.
test.describe.configure({ mode: 'serial' });

const RUN = runId();

async function openBackups(page: Page) {
  await page.goto('/#/settings/backups');
  await expect(page.getByRole('heading', { level: 1, name: /^(Backups|备份)$/ })).toBeVisible();
}

/** The row of one backup in the history, by the id the API gave it. */
const backupRow = (page: Page, id: string) => page.getByTestId(`backup-row-${id}`);

/** The sign-in page after a restore, with the notice that says where the old database went (notifications left visible). */
async function lookAtSignInPage(page: Page, name: string) {
  await page.waitForTimeout(300);
  await page.screenshot({ path: `test-results/screenshots/${name}.png`, fullPage: true });
}

test('the admin backs up, adds a contact, restores from the backups page, signs in again and the contact is gone', async ({ page, request }) => {
  const lastName = `Restore ${RUN}`;
  // Ann exists before the backup, so the restore keeps her for the specs that follow.
  const ann = SEAT_USERS[0];
  const api = await Api.signIn(request);
  await api.ensureUser(ann);
  await signIn(page, ADMIN.username, ADMIN.password);
  await openBackups(page);
  await page.getByRole('button', { name: 'Run backup now' }).click();
  await expect(page.getByTestId('backup-result')).toContainText('Backup made and verified');
  const { items } = await api.call<{ items: { id: string; kind: string }[] }>('backups.list');
  const backup = items.find((b) => b.kind === 'manual')!;

  await page.goto('/#/contacts');
  await page.getByRole('button', { name: 'New contact' }).click();
  const create = page.getByRole('dialog', { name: 'New contact' });
  await create.getByRole('textbox', { name: 'Last name' }).fill(lastName);
  await create.getByRole('button', { name: 'Create' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(lastName);

  // Someone else signed in: the restore is refused, naming them, and nothing changes.
  const other = await signedInViaApi(request, ann);
  try {
    await openBackups(page);
    await backupRow(page, backup.id).getByRole('button', { name: /^Restore the backup of/ }).click();
    const dialog = page.getByRole('dialog');
    await expect(dialog).toContainText('Everyone is signed out, you included');
    await expect(dialog).toContainText(/kept aside first, as a “Before restore” backup \(listed here\) in \/\S+/);
    await screenshot(page, 'backup-restore-confirm-en');
    await dialog.getByRole('button', { name: 'Restore and sign everyone out' }).click();
    await expect(dialog.getByRole('alert')).toContainText(`these people are still signed in: ${ann.displayName} (${ann.username})`);
    await screenshot(page, 'backup-restore-refused-en');
  } finally {
    await other.signOut();
  }

  const dialog = page.getByRole('dialog');
  await dialog.getByRole('button', { name: 'Restore and sign everyone out' }).click();
  // Signed out with everyone else, onto the sign-in page, told where the previous database is kept.
  await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible({ timeout: 30_000 });
  const notice = page.locator('.mantine-Notification-root').filter({ hasText: 'Backup restored' });
  await expect(notice).toContainText(/The database as it was before is kept at \S*lantern-pre-restore-\S+\.db/);
  await lookAtSignInPage(page, 'backup-restore-done-en');
  await expect(api.call('contacts.list')).rejects.toThrow(/401 UNAUTHENTICATED/);

  await signIn(page, ADMIN.username, ADMIN.password);
  await page.goto('/#/contacts');
  await page.getByRole('searchbox', { name: 'Quick filter' }).fill(lastName);
  await expect(page.getByRole('grid', { name: 'Contacts' })).toHaveAttribute('aria-busy', 'false');
  await expect(page.getByRole('grid', { name: 'Contacts' }).getByRole('link', { name: lastName })).toHaveCount(0);
  const again = await Api.signIn(request);
  const found = await again.call<{ items: unknown[] }>('contacts.list', { q: lastName });
  expect(found.items).toEqual([]);

  // The previous database is listed as a "Before restore" backup, and the restore is in the audit.
  await openBackups(page);
  await expect(page.locator('[data-testid^="backup-row-"]').filter({ hasText: 'Before restore' }).first()).toBeVisible();
  const audit = await again.call<{ items: { table: string; op: string; recordId: string }[] }>('admin.audit', { limit: 20 });
  expect(audit.items).toContainEqual(expect.objectContaining({ table: 'backups', op: 'restore', recordId: backup.id }));
  await again.call('auth.logout');
});

test('the same restore in Simplified Chinese', async ({ page }) => {
  await signIn(page, ADMIN.username, ADMIN.password);
  await useLanguage(page, 'zh-CN');
  await openBackups(page);
  await page.getByRole('button', { name: '立即备份' }).click();
  await expect(page.getByTestId('backup-result')).toBeVisible();
  const row = page.locator('[data-testid^="backup-row-"]').filter({ hasText: '手动' }).first();
  await row.getByRole('button', { name: /^恢复 .* 的备份$/ }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog).toContainText('所有人（包括你）都会被退出登录');
  await screenshot(page, 'backup-restore-confirm-zh');
  await dialog.getByRole('button', { name: '恢复并让所有人退出登录' }).click();
  await expect(page.locator('.mantine-Notification-root').filter({ hasText: '备份已恢复' })).toContainText('恢复前的数据库保留在');
  await lookAtSignInPage(page, 'backup-restore-done-zh');
  await useLanguage(page, 'en');
});
