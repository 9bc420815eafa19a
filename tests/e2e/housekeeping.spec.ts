import type { Page, Route } from '@playwright/test';
import { expect, signIn, test } from './fixtures';
import { ADMIN } from './support/accounts';
import { pageScreenshot as screenshot } from './support/admin';
import { Api, runId } from './support/customers';
import { useLanguage } from './support/import';

/**
 * Long housekeeping shows how far it is: emptying the recycle bin, a backup, a restore. On the e2e
 * server's small database they finish in milliseconds, so for the in-between screens the page is
 * shown the progress a large office's server reports (the answers of recycleBin.purgeStatus and
 * backups.progress are replaced, and the long call is held); the calls themselves are real, except
 * the restore, which is answered with a refusal so this shared server keeps its database.
 */
test.describe.configure({ mode: 'serial' });

const RUN = runId();
const STARTED = new Date().toISOString();

/** Holds a call until `release`: the page waits for it as it would for a long one. */
async function hold(page: Page, method: string) {
  let held: Route | null = null;
  await page.route(`**/api/v1/${method}`, (route) => {
    held = route;
  });
  return {
    async release(answer?: { status: number; json: unknown }) {
      await expect.poll(() => held !== null).toBe(true);
      if (answer) await held!.fulfill(answer);
      else await held!.continue();
      await page.unroute(`**/api/v1/${method}`);
    },
  };
}

async function reportProgress(page: Page, method: string, json: unknown) {
  await page.unroute(`**/api/v1/${method}`);
  await page.route(`**/api/v1/${method}`, (route) => route.fulfill({ json }));
}

test('emptying the recycle bin shows how far it is and that others keep working, in both languages', async ({ page, request }) => {
  const api = await Api.signIn(request);
  const name = `Purge Me ${RUN}`;
  const contact = await api.call<{ id: string }>('contacts.create', { lastName: name });
  await api.call('contacts.delete', { id: contact.id });
  await signIn(page, ADMIN.username, ADMIN.password);
  await page.goto('/#/recycle-bin');
  const row = page.getByTestId('bin-row').filter({ hasText: name });
  await expect(row).toBeVisible();

  await reportProgress(page, 'recycleBin.purgeStatus', { state: 'running', total: 13_640, processed: 5_120, message: null, startedAt: STARTED, finishedAt: null });
  const purge = await hold(page, 'recycleBin.purge');
  await row.getByRole('button', { name: `Delete ${name} for good` }).click();
  const dialog = page.getByRole('dialog', { name: 'Delete for good?' });
  await dialog.getByRole('button', { name: 'Delete for good' }).click();
  await expect(dialog.getByTestId('purge-progress')).toContainText('Deleted 5,120 of 13,640 records for good…');
  await expect(dialog.getByTestId('purge-progress')).toContainText('everyone can keep working meanwhile');
  await screenshot(page, 'recycle-bin-purge-progress-en');
  // Closed, the page still says the bin is being emptied, and offers no second purge meanwhile.
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId('purge-progress')).toContainText('Deleted 5,120 of 13,640');
  await expect(page.getByRole('button', { name: 'Empty recycle bin' })).toBeDisabled();
  await purge.release();
  await expect(page.getByText('1 record deleted for good.')).toBeVisible();
  await expect(row).toHaveCount(0);

  // Opened while the server is still at it (another tab, another administrator): the page shows it.
  await useLanguage(page, 'zh-CN');
  await expect(page.getByTestId('purge-progress')).toContainText('已彻底删除 5,120 / 13,640 条记录…');
  await screenshot(page, 'recycle-bin-purge-progress-zh');
  await page.unrouteAll({ behavior: 'ignoreErrors' });
  await useLanguage(page, 'en');
  await expect(page.getByTestId('purge-progress')).toHaveCount(0);
});

test('a backup and a restore show their steps as they go, in both languages', async ({ page }) => {
  await signIn(page, ADMIN.username, ADMIN.password);
  await page.goto('/#/settings/backups');
  await expect(page.getByRole('heading', { level: 1, name: 'Backups' })).toBeVisible();

  const backupAt = (language: 'en' | 'zh-CN') => ({
    operation: 'backup',
    state: 'running',
    steps: ['copy', 'verify'],
    step: language === 'en' ? 'verify' : 'copy',
    done: language === 'en' ? 0 : 274_000,
    total: language === 'en' ? 0 : 419_999,
    elapsedSeconds: 83.4,
    stepElapsedSeconds: 61.2,
    startedAt: STARTED,
    finishedAt: null,
    message: null,
  });
  await reportProgress(page, 'backups.progress', backupAt('en'));
  const run = await hold(page, 'backups.run');
  await page.getByRole('button', { name: 'Run backup now' }).click();
  const progress = page.getByTestId('backup-progress');
  await expect(progress).toContainText('Copy the database, page by page (everyone keeps working)');
  await expect(progress).toContainText('Verify the copy (integrity check)');
  await expect(progress).toContainText('1:23 so far');
  await expect(progress).toContainText('this step cannot be counted (1:01 so far');
  await screenshot(page, 'admin-backup-progress-en');
  await page.unroute('**/api/v1/backups.progress');
  await run.release();
  await expect(page.getByTestId('backup-result')).toContainText('Backup made and verified');
  await expect(progress).toHaveCount(0);

  // A restore: the steps, the current one with how far it is. Answered with a refusal: nothing is restored here.
  const row = page.locator('[data-testid^="backup-row-"]').first();
  await reportProgress(page, 'backups.progress', {
    operation: 'restore',
    state: 'running',
    steps: ['checkBackup', 'copyAside', 'verifyAside', 'copyIn', 'open'],
    step: 'copyIn',
    done: 1_080_000_000,
    total: 1_720_000_000,
    elapsedSeconds: 97,
    stepElapsedSeconds: 4.1,
    startedAt: STARTED,
    finishedAt: null,
    message: null,
  });
  const restore = await hold(page, 'backups.restore');
  await row.getByRole('button', { name: /^Restore the backup of/ }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByRole('button', { name: 'Restore and sign everyone out' }).click();
  const steps = dialog.getByTestId('backup-progress');
  await expect(steps).toContainText('Verify the backup before anything changes');
  await expect(steps).toContainText('Put the backup in place');
  await expect(steps).toContainText('62% done');
  await expect(steps).toContainText('1:37 so far');
  await screenshot(page, 'admin-restore-progress-en');
  await restore.release({ status: 409, json: { error: { code: 'CONFLICT', message: 'Not restored: this is the shared e2e server.' } } });
  await expect(dialog.getByRole('alert')).toContainText('Not restored: this is the shared e2e server.');
  await dialog.getByRole('button', { name: 'Cancel' }).click();

  await useLanguage(page, 'zh-CN');
  await expect(page.getByRole('heading', { level: 1, name: '备份' })).toBeVisible();
  await row.getByRole('button', { name: /^恢复 .* 的备份$/ }).click();
  const zhDialog = page.getByRole('dialog');
  const zhRestore = await hold(page, 'backups.restore');
  await zhDialog.getByRole('button', { name: '恢复并让所有人退出登录' }).click();
  await expect(zhDialog.getByTestId('backup-progress')).toContainText('将备份放回原位');
  await expect(zhDialog.getByTestId('backup-progress')).toContainText('已完成 62%');
  await screenshot(page, 'admin-restore-progress-zh');
  await zhRestore.release({ status: 409, json: { error: { code: 'CONFLICT', message: 'Not restored: this is the shared e2e server.' } } });
  await zhDialog.getByRole('button', { name: '取消' }).click();

  await reportProgress(page, 'backups.progress', backupAt('zh-CN'));
  const zhRun = await hold(page, 'backups.run');
  await page.getByRole('button', { name: '立即备份' }).click();
  await expect(progress).toContainText('逐页复制数据库（其他人可照常工作）');
  await expect(progress).toContainText('已完成 65%');
  await screenshot(page, 'admin-backup-progress-zh');
  await page.unroute('**/api/v1/backups.progress');
  await zhRun.release();
  await expect(page.getByTestId('backup-result')).toBeVisible();
  await page.unrouteAll({ behavior: 'ignoreErrors' });
  await useLanguage(page, 'en');
});
