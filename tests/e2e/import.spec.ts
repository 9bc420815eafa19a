import { readFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import { expect, signIn, signOut, test } from './fixtures';
import { ADMIN } from './support/accounts';
import { Api, runId, waitForList } from './support/customers';
import { pageScreenshot } from './support/admin';
import { BAD_EMAIL, downloadedCsv, dropFile, RITA, useLanguage, writeContactsCsv, writeGbkContactsCsv } from './support/import';

// One story in order: the import the first test makes is the one the later tests look at.
test.describe.configure({ mode: 'serial' });

const RUN = runId();
const LAST_NAME = `Importa${RUN}`;
const ROWS = 200;
const BAD_ROW = 137;
const TEMPLATE = `Trade show ${RUN}`;

/** The wizard's job panel (the recent imports below have states and undo buttons too). */
const jobPanel = (page: Page) => page.getByTestId('import-job');

test('import contacts through the wizard, download the rejected row, export the list, undo the import', async ({ page }) => {
  test.setTimeout(120_000);
  const file = await writeContactsCsv(LAST_NAME, ROWS, BAD_ROW);
  await signIn(page, ADMIN.username, ADMIN.password);
  await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Contacts' }).click();
  await page.getByRole('link', { name: 'Import' }).click();
  await expect(page).toHaveURL(/#\/import\?type=contacts$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Import' })).toBeVisible();
  await expect(page.getByRole('combobox', { name: 'Record type' })).toHaveValue('Contacts');
  await pageScreenshot(page, 'import-1-file-en');

  // (b) Preview: the backend found the encoding, the delimiter and every row.
  await page.getByTestId('import-file-input').setInputFiles(file.path);
  await expect(page.getByTestId('preview-rows')).toHaveText(`${ROWS} rows`);
  await expect(page.getByTestId('preview-delimiter')).toHaveText('Delimiter: ,');
  await expect(page.getByRole('combobox', { name: 'Encoding' })).toHaveValue('UTF-8');
  await expect(page.getByRole('table', { name: file.name })).toContainText('Person1');
  await pageScreenshot(page, 'import-2-preview-en');
  await page.getByRole('button', { name: 'Next' }).click();

  // (c) Mapping: the suggestions are chosen already; matching by email updates existing people.
  await expect(page.getByRole('combobox', { name: 'Field for column Email' })).toHaveValue('Email');
  await expect(page.getByRole('combobox', { name: 'Field for column Last Name' })).toHaveValue('Last name (required)');
  await expect(page.getByRole('combobox', { name: 'Field for column Job Title' })).toHaveValue('Job title');
  await expect(page.getByRole('combobox', { name: 'Match existing records by' })).toHaveValue('Email');
  await expect(page.getByRole('radio', { name: 'Update it' })).toBeChecked();
  await page.getByRole('textbox', { name: 'Save this mapping as' }).fill(TEMPLATE);
  await page.getByRole('button', { name: 'Save mapping' }).click();
  await expect(page.getByText(`Mapping “${TEMPLATE}” saved.`)).toBeVisible();
  await pageScreenshot(page, 'import-3-mapping-en');

  // (d) Progress, then (e) the summary: 199 in, the bad email out with its reason.
  await page.getByRole('button', { name: 'Start import' }).click();
  await expect(page).toHaveURL(/job=/);
  await expect(page.getByRole('progressbar', { name: 'Import' })).toBeVisible();
  await pageScreenshot(page, 'import-4-progress-en');
  await expect(jobPanel(page).getByTestId('import-state')).toHaveText('Done', { timeout: 30_000 });
  await expect(page.getByRole('progressbar', { name: 'Import' })).toHaveAttribute('aria-valuenow', '100');
  await expect(jobPanel(page).getByTestId('import-count-created')).toContainText('199');
  await expect(jobPanel(page).getByTestId('import-count-failed')).toContainText('1');
  await expect(jobPanel(page).getByTestId('import-summary')).toContainText('1 rejected');
  await expect(page.getByText(`Line ${BAD_ROW + 1}:`)).toBeVisible();
  await pageScreenshot(page, 'import-5-done-en');

  const rejectedDownload = page.waitForEvent('download');
  await jobPanel(page).getByRole('button', { name: 'Download rejected rows' }).click();
  const [header, ...rejected] = await downloadedCsv(await rejectedDownload);
  expect(header).toEqual(['First Name', 'Last Name', 'Email', 'Phone', 'Job Title', 'reason']);
  expect(rejected).toHaveLength(1);
  expect(rejected[0]!.slice(0, 3)).toEqual([`Person${BAD_ROW}`, LAST_NAME, BAD_EMAIL]);
  expect(rejected[0]![5]).toMatch(/email/i);

  // Export the contacts list as it is filtered: exactly the 199 imported people.
  await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Contacts' }).click();
  await page.getByRole('searchbox', { name: 'Quick filter' }).fill(LAST_NAME);
  await waitForList(page, 'Contacts');
  await expect(page.getByRole('grid', { name: 'Contacts' })).toContainText(`Person1 ${LAST_NAME}`);
  await page.getByRole('button', { name: 'Export' }).click();
  await pageScreenshot(page, 'export-menu-en');
  const exportDownload = page.waitForEvent('download');
  await page.getByRole('menuitem', { name: 'CSV' }).click();
  const exported = await exportDownload;
  expect(exported.suggestedFilename()).toMatch(/\.csv$/);
  const [exportHeader, ...exportedRows] = await downloadedCsv(exported);
  expect(exportedRows).toHaveLength(ROWS - 1);
  const emailColumn = exportHeader!.indexOf('email');
  expect(emailColumn).toBeGreaterThanOrEqual(0);
  expect(new Set(exportedRows.map((row) => row[emailColumn]))).toContain(`${LAST_NAME.toLowerCase()}.1@example.com`);

  // The same view as Excel and as vCards: one card per contact.
  await page.getByRole('button', { name: 'Export' }).click();
  const xlsxDownload = page.waitForEvent('download');
  await page.getByRole('menuitem', { name: 'Excel (.xlsx)' }).click();
  const xlsx = await xlsxDownload;
  expect(xlsx.suggestedFilename()).toMatch(/\.xlsx$/);
  expect((await readFile(await xlsx.path())).subarray(0, 2).toString('latin1')).toBe('PK');
  await page.getByRole('button', { name: 'Export' }).click();
  const vcardDownload = page.waitForEvent('download');
  await page.getByRole('menuitem', { name: 'vCard (.vcf)' }).click();
  const cards = (await readFile(await (await vcardDownload).path())).toString('utf8');
  expect(cards.match(/^BEGIN:VCARD/gm)).toHaveLength(ROWS - 1);

  // Undo from the recent imports: one click and a confirmation, and the people are gone.
  await page.goto('/#/import');
  const recent = page.getByRole('table', { name: 'Recent imports' });
  await recent.getByRole('link', { name: file.name }).first().click();
  await expect(jobPanel(page).getByTestId('import-state')).toHaveText('Done');
  await jobPanel(page).getByRole('button', { name: 'Undo import' }).click();
  const confirm = page.getByRole('dialog', { name: 'Undo this import?' });
  await expect(confirm).toContainText('The 199 records it created are removed');
  await confirm.getByRole('button', { name: 'Undo import' }).click();
  await expect(jobPanel(page).getByTestId('import-state')).toHaveText('Undone', { timeout: 30_000 });
  await expect(jobPanel(page).getByRole('button', { name: 'Undo import' })).toHaveCount(0);
  await expect(recent.getByTestId('recent-import').first()).toContainText('Undone');
  await pageScreenshot(page, 'import-6-undone-en');

  await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Contacts' }).click();
  await page.getByRole('searchbox', { name: 'Quick filter' }).fill(LAST_NAME);
  await waitForList(page, 'Contacts');
  await expect(page.getByText('Nothing matches these filters.')).toBeVisible();
});

test('the wizard in 简体中文: a GBK file from Chinese Excel, dropped on the page', async ({ page }) => {
  const file = await writeGbkContactsCsv(RUN, 20, 3);
  await signIn(page, ADMIN.username, ADMIN.password);
  await useLanguage(page, 'zh-CN');
  await page.goto('/#/contacts');
  await expect(page.getByRole('button', { name: '导出' })).toBeVisible();
  await page.getByRole('link', { name: '导入' }).click();
  await expect(page.getByRole('heading', { level: 1, name: '导入' })).toBeVisible();
  await pageScreenshot(page, 'import-1-file-zh');

  await dropFile(page, page.getByRole('button', { name: 'CSV 文件拖放区' }), file.path, file.name);
  // The backend found GB18030 (GBK's superset): the Chinese text reads right.
  await expect(page.getByRole('combobox', { name: '编码' })).toHaveValue('GB18030');
  await expect(page.getByTestId('preview-rows')).toHaveText('20 行');
  await expect(page.getByRole('table', { name: file.name })).toContainText(`王${RUN}`);
  await expect(page.getByRole('table', { name: file.name })).toContainText('采购经理');
  await pageScreenshot(page, 'import-2-preview-zh');
  await page.getByRole('button', { name: '下一步' }).click();

  // Chinese headers get their fields suggested; the mapping saved in English is on offer.
  await expect(page.getByRole('combobox', { name: '列 邮箱 对应的字段' })).toHaveValue('邮箱');
  await expect(page.getByRole('combobox', { name: '列 姓 对应的字段' })).toHaveValue('姓（必填）');
  await expect(page.getByRole('combobox', { name: '列 手机 对应的字段' })).toHaveValue('手机');
  await page.getByRole('combobox', { name: '已保存的映射' }).click();
  await expect(page.getByRole('option', { name: TEMPLATE })).toBeVisible();
  await page.keyboard.press('Escape');
  await pageScreenshot(page, 'import-3-mapping-zh');

  await page.getByRole('button', { name: '开始导入' }).click();
  await expect(jobPanel(page).getByTestId('import-state')).toHaveText('已完成', { timeout: 30_000 });
  await expect(jobPanel(page).getByTestId('import-count-created')).toContainText('19');
  await expect(jobPanel(page).getByTestId('import-summary')).toContainText('拒绝 1 行');
  // Why, in the wizard's language: the field as the mapping step names it, in the list and the file.
  await expect(jobPanel(page).getByText('第 4 行：邮箱：不是有效的邮箱地址')).toBeVisible();
  await pageScreenshot(page, 'import-5-done-zh');
  const rejectedDownload = page.waitForEvent('download');
  await jobPanel(page).getByRole('button', { name: '下载被拒绝的行' }).click();
  const [header, rejected] = await downloadedCsv(await rejectedDownload);
  expect(header).toEqual(['姓', '名', '邮箱', '手机', '职位', '原因']);
  expect(rejected).toEqual([`王${RUN}`, '敏', BAD_EMAIL, '138 0013 8003', '采购经理', '邮箱：不是有效的邮箱地址']);
  await jobPanel(page).getByRole('button', { name: '撤销导入' }).click();
  await page.getByRole('dialog', { name: '撤销这次导入？' }).getByRole('button', { name: '撤销导入' }).click();
  await expect(jobPanel(page).getByTestId('import-state')).toHaveText('已撤销', { timeout: 30_000 });
  await pageScreenshot(page, 'import-6-undone-zh');
});

test('the wizard offers what the backend imports: users are matched to skip or create, never updated', async ({ page }) => {
  await signIn(page, ADMIN.username, ADMIN.password);
  await page.goto('/#/import?type=users');
  await expect(page.getByRole('combobox', { name: 'Record type' })).toHaveValue('Users');
  await page.getByTestId('import-file-input').setInputFiles({
    name: `team-${RUN}.csv`,
    mimeType: 'text/csv',
    buffer: Buffer.from(`Name,Username,Manager\nImport Agent ${RUN},agent.${RUN.toLowerCase()},${ADMIN.username}\n`),
  });
  await page.getByRole('button', { name: 'Next' }).click();
  await expect(page.getByRole('combobox', { name: 'Field for column Name' })).toHaveValue('Display name (required)');
  await expect(page.getByRole('combobox', { name: 'Field for column Manager' })).toHaveValue('Manager (by name or username)');
  await expect(page.getByRole('combobox', { name: 'Match existing records by' })).toHaveValue('Username');
  await expect(page.getByRole('radio', { name: 'Skip the row' })).toBeChecked();
  await expect(page.getByRole('radio', { name: 'Update it' })).toHaveCount(0);
  await page.getByRole('button', { name: 'Start import' }).click();
  await expect(jobPanel(page).getByTestId('import-state')).toHaveText('Done', { timeout: 30_000 });
  await expect(jobPanel(page).getByTestId('import-count-created')).toContainText('1');
});

test('a read-only user exports but sees no Import button and cannot open the wizard', async ({ page, request }) => {
  const admin = await Api.signIn(request);
  await admin.ensureUser(RITA);
  await signIn(page, RITA.username, RITA.password);
  await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Contacts' }).click();
  await waitForList(page, 'Contacts');
  await expect(page.getByRole('button', { name: 'Export' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Import' })).toHaveCount(0);
  await page.goto('/#/import?type=contacts');
  await expect(page.getByRole('heading', { name: 'Not allowed' })).toBeVisible();
  await signOut(page);
});
