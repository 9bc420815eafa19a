import { expect, screenshot, signIn, test } from './fixtures';
import { ADMIN } from './support/accounts';
import { Api, runId } from './support/customers';
import { useLanguage } from './support/sales';

test.use({ viewport: { width: 1440, height: 1000 } });

const RUN = runId();

interface Report {
  rows: { key: string | null; label: string }[];
  rest: { groups: number; wonAmount: number } | null;
}

test('the sales report by account lists the top accounts and sums the others into one row, in English and Chinese', async ({ page, request }) => {
  const api = await Api.signIn(request);
  // Twelve accounts that outsell whatever else the other specs create: the top ten of them are
  // listed, the other two (and every other account with deals) make "Other accounts".
  for (let i = 1; i <= 12; i++) {
    const account = await api.call<{ id: string }>('accounts.create', { name: `Summit ${String(i).padStart(2, '0')} ${RUN}` });
    await api.call('opportunities.create', {
      name: `Summit order ${i} ${RUN}`,
      accountId: account.id,
      stage: 'Closed Won',
      amount: 900_000 - i * 10_000,
      engageDate: '2026-05-01',
      closeDate: '2026-06-15',
    });
    if (i % 3 === 0) await api.call('opportunities.create', { name: `Summit renewal ${i} ${RUN}`, accountId: account.id, stage: 'Proposal', amount: 50_000 });
  }
  const expected = await api.call<Report>('reports.sales', { groupBy: 'account', limit: 10 });
  expect(expected.rows.slice(0, 10).map((row) => row.label)).toEqual(Array.from({ length: 10 }, (_, i) => `Summit ${String(i + 1).padStart(2, '0')} ${RUN}`));
  expect(expected.rest?.groups).toBeGreaterThanOrEqual(2);

  await signIn(page, ADMIN.username, ADMIN.password);
  await page.goto('/#/reports/sales');
  await expect(page.getByRole('heading', { level: 1, name: 'Sales report' })).toBeVisible();
  await page.getByRole('combobox', { name: 'Group by' }).click();
  await page.getByRole('option', { name: 'Account', exact: true }).click();
  await page.getByRole('combobox', { name: 'Show' }).click();
  await page.getByRole('option', { name: 'Top 10', exact: true }).click();

  const table = page.getByTestId('sales-report');
  const other = table.getByRole('row').filter({ hasText: 'Other accounts' });
  await expect(other).toHaveText(new RegExp(`^Other accounts \\(${expected.rest!.groups.toLocaleString('en-US')}\\)`));
  // The top ten, then (when there are any) the deals without an account, then the others, then the totals.
  const labels = await table.locator('tbody tr td:first-child').allTextContents();
  expect(labels.slice(0, 10)).toEqual(expected.rows.slice(0, 10).map((row) => row.label));
  expect(labels.at(-1)).toMatch(/^Other accounts/);
  expect(labels.length).toBe(expected.rows.length + 1);
  await expect(table.locator('tfoot')).toContainText('Total');
  await screenshot(page, 'sales-report-accounts-en');

  await useLanguage(page, 'zh-CN');
  await expect(page.getByRole('heading', { level: 1, name: '销售报表' })).toBeVisible();
  await page.getByRole('combobox', { name: '分组依据' }).click();
  await page.getByRole('option', { name: '客户', exact: true }).click();
  await page.getByRole('combobox', { name: '显示' }).click();
  await page.getByRole('option', { name: '前 10 个', exact: true }).click();
  await expect(table.getByRole('row').filter({ hasText: '其他客户' })).toHaveText(new RegExp(`^其他客户（${expected.rest!.groups.toLocaleString('zh-CN')} 个）`));
  await expect(table.locator('tbody tr')).toHaveCount(expected.rows.length + 1);
  await screenshot(page, 'sales-report-accounts-zh');
  await useLanguage(page, 'en');
});
