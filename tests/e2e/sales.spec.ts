import { expect, screenshot, signIn, test } from './fixtures';
import { ADMIN } from './support/accounts';
import { Api, runId } from './support/customers';
import { boardColumn, ownerFigures, useLanguage, waitForBoard } from './support/sales';

// Wide enough for all six stages of the default pipeline side by side (drags then need no scrolling).
test.use({ viewport: { width: 1920, height: 1000 } });

const RUN = runId();
const COMPANY = `Blue Harbor ${RUN}`;
const DEAL = `Blue Harbor rollout ${RUN}`;
// A close date no other spec uses, so the board can be narrowed to this one deal's period.
const CLOSE = `2031-0${1 + (parseInt(RUN, 36) % 9)}-17`;

test('a lead becomes a deal that moves across the board to lost, and the sales report counts it', async ({ page, request }) => {
  const api = await Api.signIn(request);
  const me = await api.call<{ user: { id: string; displayName: string } }>('auth.me');
  const before = await ownerFigures(api, me.user.id);

  await signIn(page, ADMIN.username, ADMIN.password);
  const nav = page.getByRole('navigation', { name: 'Main navigation' });
  await nav.getByRole('link', { name: 'Leads' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Leads' })).toBeVisible();

  // Create the lead.
  await page.getByRole('button', { name: 'New lead' }).click();
  const create = page.getByRole('dialog', { name: 'New lead' });
  await create.getByRole('textbox', { name: 'First name' }).fill('Mei');
  await create.getByRole('textbox', { name: 'Last name' }).fill(`Lin ${RUN}`);
  await create.getByRole('textbox', { name: 'Company' }).fill(COMPANY);
  await create.getByRole('textbox', { name: 'Email' }).fill(`mei.${RUN}@blueharbor.example`);
  await create.getByRole('button', { name: 'Create' }).click();
  await expect(create).toBeHidden();
  await expect(page.getByRole('heading', { level: 1, name: `Mei Lin ${RUN}` })).toBeVisible();
  const leadUrl = page.url();

  // Convert it with a new account, contact and opportunity: the app opens the new deal.
  await page.getByRole('button', { name: 'Convert' }).click();
  const convert = page.getByRole('dialog', { name: 'Convert lead' });
  await expect(convert.getByRole('radio', { name: `Create a new account “${COMPANY}”` })).toBeChecked();
  await convert.getByRole('textbox', { name: 'Name' }).fill(DEAL);
  await convert.getByRole('textbox', { name: 'Amount' }).fill('12500');
  await convert.getByLabel('Close date').fill(CLOSE);
  await convert.getByRole('button', { name: 'Convert' }).click();
  await expect(convert).toBeHidden();
  await expect(page.getByRole('heading', { level: 1, name: DEAL })).toBeVisible();
  await expect(page.getByTestId('opportunity-stage')).toHaveText('Prospecting');
  await expect(page.getByTestId('figure-amount')).toHaveText('$12,500.00');
  await expect(page.getByRole('link', { name: COMPANY }).first()).toBeVisible();

  // The lead is read-only now and links to what it became.
  await page.goto(leadUrl);
  const converted = page.getByTestId('lead-converted');
  await expect(converted).toBeVisible();
  await expect(converted.getByRole('link', { name: DEAL })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Convert' })).toHaveCount(0);
  await converted.getByRole('link', { name: DEAL }).click();
  await expect(page.getByRole('heading', { level: 1, name: DEAL })).toBeVisible();

  // Find it on the board, narrowed to its close date.
  await page.getByRole('link', { name: 'Opportunities', exact: true }).first().click();
  await page.getByRole('link', { name: 'Board' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Pipeline' })).toBeVisible();
  await page.getByLabel('Close from').fill(CLOSE);
  await page.getByLabel('Close to').fill(CLOSE);
  await waitForBoard(page);
  const card = (stage: string) => boardColumn(page, stage).getByTestId('board-card').filter({ hasText: DEAL });
  await expect(card('Prospecting')).toBeVisible();

  // Drag to Proposal.
  await card('Prospecting').dragTo(boardColumn(page, 'Proposal'));
  await expect(card('Proposal')).toBeVisible();
  await expect(card('Prospecting')).toHaveCount(0);
  await expect(boardColumn(page, 'Proposal').getByTestId('column-amount')).toContainText('$12,500.00');
  await screenshot(page, 'sales-board-en');

  // Drag to Closed Lost: the reason is asked for, and required.
  await card('Proposal').dragTo(boardColumn(page, 'Closed Lost'));
  const lost = page.getByRole('dialog', { name: `Why was “${DEAL}” lost?` });
  await expect(lost).toBeVisible();
  await lost.getByRole('button', { name: 'Mark as lost' }).click();
  await expect(lost.getByText('Required')).toBeVisible();
  await lost.getByRole('textbox', { name: 'Lost reason' }).fill('Chose a cheaper competitor');
  await lost.getByRole('button', { name: 'Mark as lost' }).click();
  await expect(lost).toBeHidden();
  await expect(card('Closed Lost')).toBeVisible();
  await expect(card('Proposal')).toHaveCount(0);

  // The sales report by owner counts one more lost deal for the admin.
  await nav.getByRole('link', { name: 'Reports' }).click();
  await page.getByRole('link', { name: /Sales report/ }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Sales report' })).toBeVisible();
  const row = page.getByTestId('sales-report').getByRole('row').filter({ hasText: me.user.displayName });
  await expect(row.getByRole('cell').nth(3)).toHaveText(String(before.lost + 1));
  const after = await ownerFigures(api, me.user.id);
  expect(after.lost).toBe(before.lost + 1);
  await screenshot(page, 'sales-report-en');

  // The deal's own page: lost, with the reason and its days in each stage.
  const deal = await api.call<{ items: { id: string }[] }>('opportunities.list', { q: DEAL });
  await page.goto(`/#/opportunities/${deal.items[0]!.id}`);
  await expect(page.getByTestId('opportunity-stage')).toHaveText('Closed Lost');
  await expect(page.locator('[data-field="lostReason"]')).toContainText('Chose a cheaper competitor');
  await expect(page.getByRole('region', { name: 'Days in each stage' })).toContainText('Proposal');
  // Days without a time read as dates in the user's language, and are picked with a date input.
  const [year, month] = CLOSE.split('-').map(Number);
  const closeField = page.locator('[data-field="closeDate"]');
  await expect(closeField).toContainText(`${new Intl.DateTimeFormat('en', { month: 'short', timeZone: 'UTC' }).format(new Date(CLOSE))} 17, ${year}`);
  await expect(closeField).not.toContainText(CLOSE);
  await page.getByRole('button', { name: 'Edit Engage date' }).click();
  const engage = page.getByRole('textbox', { name: 'Engage date', exact: true });
  await expect(engage).toHaveAttribute('type', 'date');
  await engage.fill(`${year}-01-05`);
  await engage.press('Enter');
  await expect(engage).toBeHidden();
  await expect(page.locator('[data-field="engageDate"]')).toContainText(`Jan 5, ${year}`);
  await screenshot(page, 'sales-opportunity-en');

  // The same screens in Simplified Chinese.
  await useLanguage(page, 'zh-CN');
  await expect(page.getByRole('heading', { name: '各阶段停留天数' })).toBeVisible();
  await expect(closeField).toContainText(`${year}年${month}月17日`);
  await screenshot(page, 'sales-opportunity-zh');
  await page.goto('/#/pipeline');
  await expect(page.getByRole('heading', { level: 1, name: '销售看板' })).toBeVisible();
  await waitForBoard(page);
  await screenshot(page, 'sales-board-zh');
  await page.goto('/#/reports/sales');
  await expect(page.getByRole('heading', { level: 1, name: '销售报表' })).toBeVisible();
  await expect(page.getByTestId('sales-report').getByRole('row').filter({ hasText: me.user.displayName })).toBeVisible();
  await screenshot(page, 'sales-report-zh');
  await useLanguage(page, 'en');
});

test('forecast, loyal customers, the pipelines and products settings, and an account’s value all show', async ({ page, request }) => {
  const api = await Api.signIn(request);
  const account = await api.call<{ id: string }>('accounts.create', { name: `Repeat Buyer ${RUN}` });
  for (const [index, amount] of [1200, 800].entries()) {
    await api.call('opportunities.create', { name: `Repeat order ${index + 1} ${RUN}`, accountId: account.id, stage: 'Closed Won', amount, closeDate: `2026-0${index + 1}-15` });
  }
  await api.call('opportunities.create', { name: `Next order ${RUN}`, accountId: account.id, stage: 'Negotiation', amount: 500 });

  await signIn(page, ADMIN.username, ADMIN.password);
  await page.goto(`/#/accounts/${account.id}`);
  const value = page.getByRole('region', { name: 'Customer value' });
  await expect(value).toContainText('$2,000.00');
  await expect(value).toContainText('1 open deal');
  await expect(page.getByRole('region', { name: 'Opportunities' }).getByRole('link', { name: `Next order ${RUN}` })).toBeVisible();

  await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Reports' }).click();
  await page.getByRole('link', { name: /Loyal customers/ }).click();
  await expect(page.getByRole('table', { name: 'Loyal customers' }).getByRole('row').filter({ hasText: `Repeat Buyer ${RUN}` })).toContainText('$2,000.00');

  await page.goto('/#/reports/forecast');
  await expect(page.getByRole('heading', { level: 1, name: 'Forecast' })).toBeVisible();
  await expect(page.getByLabel('From')).not.toHaveValue('');

  await page.goto('/#/settings/pipelines');
  await expect(page.getByRole('heading', { level: 1, name: 'Pipelines' })).toBeVisible();
  await expect(page.getByRole('textbox', { name: 'Stage name' }).first()).toHaveValue('Prospecting');
  await page.goto('/#/settings/products');
  await page.getByRole('textbox', { name: 'Name' }).fill(`Lantern Box ${RUN}`);
  await page.getByRole('textbox', { name: 'List price' }).fill('99.5');
  await page.getByRole('button', { name: 'New product' }).click();
  await expect(page.getByRole('table', { name: 'Products' })).toContainText(`Lantern Box ${RUN}`);
  await screenshot(page, 'sales-products-en');
});
