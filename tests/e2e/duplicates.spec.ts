import { expect, screenshot, signIn, test } from './fixtures';
import { ADMIN } from './support/accounts';
import { Api } from './support/customers';
import { candidateLink, candidateRow, contactWithCall, duplicateWarning, openRecordId } from './support/duplicates';
import { useLanguage } from './support/sales';

test.describe.configure({ mode: 'serial' });

/** The two contacts the first test leaves behind (after Undo), for the Chinese screenshots. */
let pair: { johnId: string; johnnyId: string } | null = null;

test('typing a known email warns of the duplicate; merging from the warning keeps both timelines; Undo brings both back', async ({ page, request }) => {
  const api = await Api.signIn(request);
  try {
    const john = await contactWithCall(api, { firstName: 'John', lastName: 'Smith', email: 'john@example.com', title: 'Buyer' }, 'Intro call with John');

    await signIn(page, ADMIN.username, ADMIN.password);
    await page.goto('/#/contacts');
    await page.getByRole('button', { name: 'New contact' }).click();
    const create = page.getByRole('dialog', { name: 'New contact' });
    await create.getByRole('textbox', { name: 'First name' }).fill('Johnny');
    await create.getByRole('textbox', { name: 'Last name' }).fill('Smith');
    await expect(duplicateWarning(create)).toBeHidden();
    await create.getByRole('textbox', { name: 'Email' }).fill('JOHN@EXAMPLE.COM');
    // The warning names the existing contact and why it matched; saving is still possible.
    const warning = duplicateWarning(create);
    await expect(candidateLink(warning, john.id)).toHaveText('John Smith');
    await expect(candidateRow(warning, john.id)).toContainText('same email');
    await screenshot(page, 'duplicates-create-warning-en');
    await create.getByRole('button', { name: 'Create' }).click();
    await expect(create).toBeHidden();
    await expect(page.getByRole('heading', { level: 1, name: 'Johnny Smith' })).toBeVisible();
    const johnnyId = openRecordId(page);
    await api.call('activities.create', { type: 'call', subject: 'Follow-up with Johnny', status: 'done', relatedType: 'contacts', relatedId: johnnyId });
    await api.call('cases.create', { subject: 'Printer jammed', contactId: johnnyId });

    // The new contact's page shows the same warning, with Merge.
    const pageWarning = duplicateWarning(page);
    const row = candidateRow(pageWarning, john.id);
    await row.getByRole('button', { name: 'Merge' }).click();
    const dialog = page.getByRole('dialog', { name: 'Merge duplicates' });
    // The older contact survives by default; its values are picked unless one is chosen.
    await expect(dialog.getByRole('radio', { name: /^John Smith/ })).toBeChecked();
    await expect(dialog.getByRole('radio', { name: 'First name from John Smith' })).toBeChecked();
    await expect(dialog.getByRole('radio', { name: 'Title from John Smith' })).toBeChecked();
    // What moves is said before confirming, and follows the survivor chosen.
    const moves = dialog.getByTestId('merge-moves');
    await expect(moves).toHaveText('Moves 1 case, 1 activity from Johnny Smith to John Smith.');
    await dialog.getByRole('radio', { name: /^Johnny Smith/ }).check();
    await expect(moves).toHaveText('Moves 1 activity from John Smith to Johnny Smith.');
    await dialog.getByRole('radio', { name: /^John Smith/ }).check();
    await expect(moves).toHaveText('Moves 1 case, 1 activity from Johnny Smith to John Smith.');
    await dialog.getByRole('radio', { name: 'First name from Johnny Smith' }).check();
    await screenshot(page, 'duplicates-merge-dialog-en');
    await dialog.getByRole('button', { name: 'Merge 2 records' }).click();
    await expect(dialog).toBeHidden();

    // The survivor: John's record with the picked first name and both contacts' calls.
    await expect(page).toHaveURL(new RegExp(`/contacts/${john.id}$`));
    await expect(page.getByRole('heading', { level: 1, name: 'Johnny Smith' })).toBeVisible();
    const timeline = page.getByRole('region', { name: 'Activity timeline' });
    await expect(timeline.getByTestId('timeline-entry').filter({ hasText: 'Intro call with John' })).toBeVisible();
    await expect(timeline.getByTestId('timeline-entry').filter({ hasText: 'Follow-up with Johnny' })).toBeVisible();
    await expect(page.getByText(/Merged into Johnny Smith\. Related records moved: [1-9]/)).toBeVisible();
    await expect(duplicateWarning(page)).toBeHidden();
    const merged = await api.call<{ deletedAt: string | null }>('contacts.get', { id: johnnyId }).catch(() => ({ deletedAt: 'gone' }));
    expect(merged.deletedAt).not.toBeNull();

    await page.getByRole('button', { name: 'Undo' }).click();
    await expect(page.getByText('Merge undone: the records are back as they were.')).toBeVisible();
    await expect(page.getByRole('heading', { level: 1, name: 'John Smith' })).toBeVisible();
    await expect(timeline.getByTestId('timeline-entry').filter({ hasText: 'Intro call with John' })).toBeVisible();
    await expect(timeline.getByTestId('timeline-entry').filter({ hasText: 'Follow-up with Johnny' })).toBeHidden();
    // Both are back: the duplicate is warned about again, and its page has its own call.
    const back = duplicateWarning(page);
    await candidateLink(back, johnnyId).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Johnny Smith' })).toBeVisible();
    await expect(timeline.getByTestId('timeline-entry').filter({ hasText: 'Follow-up with Johnny' })).toBeVisible();
    await expect(timeline.getByTestId('timeline-entry').filter({ hasText: 'Intro call with John' })).toBeHidden();
    const restored = await api.call<{ email: string; deletedAt: string | null }>('contacts.get', { id: johnnyId });
    expect(restored).toMatchObject({ email: 'JOHN@EXAMPLE.COM', deletedAt: null });
    pair = { johnId: john.id, johnnyId };
  } finally {
    await api.call('auth.logout');
  }
});

test('the duplicate warning and the merge dialog in Simplified Chinese', async ({ page }) => {
  expect(pair, 'the first test made the two contacts').not.toBeNull();
  const { johnId, johnnyId } = pair!;
  await signIn(page, ADMIN.username, ADMIN.password);
  try {
    await useLanguage(page, 'zh-CN');
    await page.goto(`/#/contacts/${johnnyId}`);
    const zhWarning = duplicateWarning(page, 'zh-CN');
    await expect(zhWarning).toContainText('邮箱相同');
    await candidateRow(zhWarning, johnId).getByRole('button', { name: '合并' }).click();
    const zhDialog = page.getByRole('dialog', { name: '合并重复记录' });
    await expect(zhDialog.getByRole('button', { name: '合并 2 条记录' })).toBeVisible();
    await expect(zhDialog.getByTestId('merge-moves')).toHaveText('将把 Johnny Smith 的 1 个服务工单、1 项活动转移到 John Smith。');
    await screenshot(page, 'duplicates-merge-dialog-zh');
    await zhDialog.getByRole('button', { name: '取消' }).click();
    await page.goto('/#/contacts');
    await page.getByRole('button', { name: '新建联系人' }).click();
    const zhCreate = page.getByRole('dialog', { name: '新建联系人' });
    await zhCreate.getByRole('textbox', { name: '邮箱' }).fill('John@Example.com');
    await expect(candidateLink(duplicateWarning(zhCreate, 'zh-CN'), johnId)).toBeVisible();
    await screenshot(page, 'duplicates-create-warning-zh');
    await zhCreate.getByRole('button', { name: '取消' }).click();
    await page.goto('/#/duplicates');
    await expect(page.getByRole('heading', { level: 1, name: '重复记录' })).toBeVisible();
    await expect(page.getByRole('region', { name: '规则' }).getByRole('switch', { name: '邮箱相同' })).toBeChecked();
    await screenshot(page, 'duplicates-page-zh');
  } finally {
    await useLanguage(page, 'en');
  }
});

test('an administrator scans contacts for duplicates with progress and merges a group from the list', async ({ page, request }) => {
  const api = await Api.signIn(request);
  try {
    const ann = await contactWithCall(api, { firstName: 'Ann', lastName: 'Lee', mobile: '+1 212 555 0177' }, 'Call with Ann');
    const annie = await contactWithCall(api, { firstName: 'Annie', lastName: 'Lee', phone: '(212) 555-0177' }, 'Call with Annie');

    await signIn(page, ADMIN.username, ADMIN.password);
    const nav = page.getByRole('navigation', { name: 'Main navigation' });
    await nav.getByRole('button', { name: 'Settings' }).click();
    await nav.getByRole('link', { name: 'Duplicates' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Duplicates' })).toBeVisible();
    await page.getByRole('button', { name: 'Scan' }).click();
    await expect(page.getByRole('status')).toContainText('duplicate groups found');
    const group = page.getByTestId('duplicate-group').filter({ has: page.locator(`a[href$="/contacts/${annie.id}"]`) });
    await expect(group).toContainText('same phone');
    await expect(group.locator(`a[href$="/contacts/${ann.id}"]`)).toHaveText('Ann Lee');
    await expect(page.getByRole('region', { name: 'Rules' }).getByRole('switch', { name: 'same email' })).toBeChecked();
    await screenshot(page, 'duplicates-page-en');

    await group.getByRole('button', { name: 'Merge' }).click();
    const dialog = page.getByRole('dialog', { name: 'Merge duplicates' });
    await expect(dialog.getByTestId('merge-moves')).toHaveText('Moves 1 activity from Annie Lee to Ann Lee.');
    await dialog.getByRole('button', { name: 'Merge 2 records' }).click();
    await expect(dialog).toBeHidden();
    // The list stays; the group is marked merged and Ann Lee now has both calls.
    await expect(group).toContainText('Merged');
    const calls = await api.call<{ items: { subject: string }[] }>('activities.list', { filter: { relatedId: ann.id } });
    expect(calls.items.map((item) => item.subject).sort()).toEqual(['Call with Ann', 'Call with Annie']);
    await page.getByRole('button', { name: 'Undo' }).click();
    await expect(page.getByText('Merge undone: the records are back as they were.')).toBeVisible();

    // With the phone rule off, Ann and Annie are no longer a group; John and Johnny (same email) still are.
    const rules = page.getByRole('region', { name: 'Rules' });
    await rules.getByRole('switch', { name: 'same phone' }).uncheck();
    await rules.getByRole('button', { name: 'Save rules' }).click();
    await expect(page.getByText('Duplicate rules saved.')).toBeVisible();
    const finished = page.waitForResponse(async (answer) => answer.url().endsWith('/duplicates.scanStatus') && ((await answer.json()) as { state: string }).state === 'done');
    await page.getByRole('button', { name: 'Scan' }).click();
    await finished;
    await expect(page.getByTestId('duplicate-group').filter({ hasText: 'Johnny Smith' })).toBeVisible();
    await expect(group).toBeHidden();
  } finally {
    await api.call('duplicates.updateRules', { rules: [{ type: 'contacts', rule: 'phone', enabled: true }] });
    await api.call('auth.logout');
  }
});
