import { expect, screenshot, signIn, signOut, test } from './fixtures';
import { ADMIN } from './support/accounts';
import { Api, OTTO, runId } from './support/customers';

// One office, several stories: the account made in the first test is the one the screenshots show.
test.describe.configure({ mode: 'serial' });

const RUN = runId();
const ACCOUNT = `Lantern Test Co ${RUN}`;

test('an account with contacts: log a call, complete a task, edit inline, see history, delete and restore', async ({ page }) => {
  await signIn(page, ADMIN.username, ADMIN.password);
  const nav = page.getByRole('navigation', { name: 'Main navigation' });
  await nav.getByRole('link', { name: 'Accounts' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Accounts' })).toBeVisible();

  await page.getByRole('button', { name: 'New account' }).click();
  const create = page.getByRole('dialog', { name: 'New account' });
  await create.getByRole('textbox', { name: 'Name' }).fill(ACCOUNT);
  await create.getByRole('combobox', { name: 'Type' }).click();
  await page.getByRole('option', { name: 'Customer', exact: true }).click();
  await create.getByRole('textbox', { name: 'Industry' }).fill('Software');
  await create.getByRole('textbox', { name: 'Phone' }).fill('(212) 555-0123');
  await create.getByRole('button', { name: 'Create' }).click();
  await expect(create).toBeHidden();
  await expect(page.getByRole('heading', { level: 1, name: ACCOUNT })).toBeVisible();
  // Stored as E.164 by the backend, shown as stored.
  await expect(page.locator('[data-field="phone"]')).toContainText('+12125550123');

  // Two contacts from the account's own contacts list: the account is filled in already.
  const contacts = page.getByRole('region', { name: 'Contacts' });
  for (const [first, last] of [
    ['Ada', 'Lovelace'],
    ['伟', '王'],
  ]) {
    await contacts.getByRole('button', { name: 'New contact' }).click();
    const dialog = page.getByRole('dialog', { name: 'New contact' });
    await expect(dialog.getByRole('combobox', { name: 'Account' })).toHaveValue(ACCOUNT);
    await dialog.getByRole('textbox', { name: 'First name' }).fill(first!);
    await dialog.getByRole('textbox', { name: 'Last name' }).fill(last!);
    await dialog.getByRole('button', { name: 'Create' }).click();
    await expect(dialog).toBeHidden();
    await expect(contacts.getByRole('link', { name: first === '伟' ? '王伟' : `${first} ${last}` })).toBeVisible();
  }

  // A bad email is refused by the API and the message lands on the field.
  await contacts.getByRole('button', { name: 'New contact' }).click();
  const bad = page.getByRole('dialog', { name: 'New contact' });
  await bad.getByRole('textbox', { name: 'Last name' }).fill('Broken');
  await bad.getByRole('textbox', { name: 'Email' }).fill('not-an-email');
  await bad.getByRole('button', { name: 'Create' }).click();
  await expect(bad.getByText('Not an email address')).toBeVisible();
  await bad.getByRole('button', { name: 'Cancel' }).click();

  const timeline = page.getByRole('region', { name: 'Activity timeline' });
  await timeline.getByRole('button', { name: 'Log a call' }).click();
  const call = page.getByRole('dialog', { name: 'Log a call' });
  await call.getByRole('textbox', { name: 'Subject' }).fill('Discussed the renewal');
  await call.getByRole('textbox', { name: 'Notes' }).fill('They want a 3-year deal.');
  await call.getByRole('button', { name: 'Create' }).click();
  await expect(call).toBeHidden();
  const callEntry = timeline.getByTestId('timeline-entry').filter({ hasText: 'Discussed the renewal' });
  await expect(callEntry).toContainText('Done');

  await timeline.getByRole('button', { name: 'New task' }).click();
  const task = page.getByRole('dialog', { name: 'New task' });
  await task.getByRole('textbox', { name: 'Subject' }).fill('Send the quote');
  await task.getByLabel('Due').fill('2030-01-15T10:00');
  await task.getByRole('button', { name: 'Create' }).click();
  await expect(task).toBeHidden();
  const taskEntry = timeline.getByTestId('timeline-entry').filter({ hasText: 'Send the quote' });
  await expect(taskEntry).toContainText('Open');
  await taskEntry.getByRole('checkbox', { name: 'Mark “Send the quote” done' }).check();
  await expect(taskEntry.getByRole('checkbox', { name: 'Mark “Send the quote” done' })).toBeChecked();
  await expect(taskEntry).toContainText('Done');

  // Inline edit: Enter saves; the history says who changed what from what to what.
  await page.getByRole('button', { name: 'Edit Industry' }).click();
  const industry = page.getByRole('textbox', { name: 'Industry' });
  await industry.fill('Hardware');
  await industry.press('Enter');
  await expect(industry).toBeHidden();
  await expect(page.locator('[data-field="industry"]')).toContainText('Hardware');
  const history = page.getByRole('region', { name: 'History' });
  await expect(history.getByTestId('history-change').first()).toHaveText(/Industry:\s*Software\s*Hardware/);
  await expect(history.getByTestId('history-entry').first()).toContainText('Administrator');

  // Esc cancels without saving.
  await page.getByRole('button', { name: 'Edit Industry' }).click();
  await page.getByRole('textbox', { name: 'Industry' }).fill('Never saved');
  await page.getByRole('textbox', { name: 'Industry' }).press('Escape');
  await expect(page.locator('[data-field="industry"]')).toContainText('Hardware');

  // Delete asks what to do with the contacts.
  await page.getByRole('button', { name: 'Delete' }).click();
  const remove = page.getByRole('dialog', { name: 'Delete account' });
  await expect(remove.getByRole('button', { name: 'Move to recycle bin' })).toBeDisabled();
  await remove.getByRole('radio', { name: 'Delete the contacts too' }).check();
  await remove.getByRole('button', { name: 'Move to recycle bin' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Accounts' })).toBeVisible();

  await nav.getByRole('link', { name: 'Recycle bin' }).click();
  const row = page.getByTestId('bin-row').filter({ hasText: ACCOUNT });
  await expect(row).toContainText('Administrator');
  await expect(row).toContainText('with 2 related records');
  await row.getByRole('button', { name: `Restore ${ACCOUNT}` }).click();
  await expect(row).toHaveCount(0);

  await nav.getByRole('link', { name: 'Accounts' }).click();
  await page.getByRole('searchbox', { name: 'Quick filter' }).fill(ACCOUNT);
  await page.getByRole('grid', { name: 'Accounts' }).getByRole('link', { name: ACCOUNT }).click();
  await expect(page.getByRole('region', { name: 'Contacts' }).getByRole('link', { name: 'Ada Lovelace' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Contacts' }).getByRole('link', { name: '王伟' })).toBeVisible();
});

test('the recycle bin shows deleted leads, deals and cases under their own filter', async ({ page, request }) => {
  const api = await Api.signIn(request);
  const lead = await api.call<{ id: string }>('leads.create', { lastName: `Binned Lead ${RUN}`, company: 'Bin Works' });
  await api.call('leads.delete', { id: lead.id });
  await signIn(page, ADMIN.username, ADMIN.password);
  await page.goto('/#/recycle-bin');
  const filter = page.getByRole('radiogroup', { name: 'Record type' });
  await filter.getByText('Lead', { exact: true }).click();
  await expect(page.getByTestId('bin-row').filter({ hasText: `Binned Lead ${RUN}` })).toBeVisible();
  for (const type of ['Opportunity', 'Case']) await expect(filter.getByText(type, { exact: true })).toBeVisible();
  await filter.getByText('Contact', { exact: true }).click();
  await expect(page.getByTestId('bin-row').filter({ hasText: `Binned Lead ${RUN}` })).toHaveCount(0);
});

test('a contact named like markup shows as text and runs nothing', async ({ page }) => {
  const dialogs: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  const evil = '<img src=x onerror=alert(1)>';
  await signIn(page, ADMIN.username, ADMIN.password);
  await page.goto('/#/contacts');
  await page.getByRole('button', { name: 'New contact' }).click();
  const dialog = page.getByRole('dialog', { name: 'New contact' });
  await dialog.getByRole('textbox', { name: 'Last name' }).fill(evil);
  await dialog.getByRole('textbox', { name: 'Job title' }).fill('<script>alert(2)</script>');
  await dialog.getByRole('button', { name: 'Create' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(evil);
  await expect(page.locator('[data-field="title"]')).toContainText('<script>alert(2)</script>');

  await page.goto('/#/contacts');
  await page.getByRole('searchbox', { name: 'Quick filter' }).fill('<img');
  await expect(page.getByRole('grid', { name: 'Contacts' }).getByRole('link', { name: evil })).toBeVisible();
  await page.waitForTimeout(500);
  expect(await page.locator('img[src="x"]').count()).toBe(0);
  expect(dialogs).toEqual([]);
});

test('two sessions edit one contact: the second save is a clear conflict with a reload, never an overwrite', async ({ browser, request }) => {
  const api = await Api.signIn(request);
  await api.ensureUser(OTTO);
  const contact = await api.call<{ id: string }>('contacts.create', { firstName: 'Grace', lastName: `Hopper ${RUN}`, title: 'Rear admiral' });

  const first = await browser.newContext();
  const second = await browser.newContext();
  const mine = await first.newPage();
  const theirs = await second.newPage();
  await signIn(mine, ADMIN.username, ADMIN.password);
  await signIn(theirs, OTTO.username, OTTO.password);
  await mine.goto(`/#/contacts/${contact.id}`);
  await theirs.goto(`/#/contacts/${contact.id}`);

  await mine.getByRole('button', { name: 'Edit Job title' }).click();
  await mine.getByRole('textbox', { name: 'Job title' }).fill('Commodore');

  await theirs.getByRole('button', { name: 'Edit Job title' }).click();
  await theirs.getByRole('textbox', { name: 'Job title' }).fill('Computer scientist');
  await theirs.getByRole('textbox', { name: 'Job title' }).press('Enter');
  await expect(theirs.locator('[data-field="title"]')).toContainText('Computer scientist');

  // The open editor hears about the other save through the change feed.
  await expect(mine.getByRole('status')).toContainText('Otto Admin saved this record a moment ago — reload to see their changes.');
  await screenshot(mine, 'contact-remote-save-en-light');

  await mine.getByRole('textbox', { name: 'Job title' }).press('Enter');
  const conflict = mine.getByRole('alert').filter({ hasText: 'Not saved: this record changed' });
  await expect(conflict).toBeVisible();
  await screenshot(mine, 'contact-conflict-en-light');
  const stored = await api.call<{ title: string }>('contacts.get', { id: contact.id });
  expect(stored.title).toBe('Computer scientist');

  await conflict.getByRole('button', { name: 'Reload' }).click();
  await expect(mine.getByRole('textbox', { name: 'Job title' })).toHaveValue('Computer scientist');
  await expect(conflict).toBeHidden();
  // Otto's session would otherwise hold a licence seat the other specs need.
  await signOut(theirs);
  await first.close();
  await second.close();
});

test('open lists and record pages follow changes other users make, without a reload', async ({ page, request }) => {
  const api = await Api.signIn(request);
  const marker = `Live${RUN}`;
  const contact = await api.call<{ id: string; version: number }>('contacts.create', { firstName: 'Lin', lastName: `${marker} One`, title: 'Buyer' });
  await signIn(page, ADMIN.username, ADMIN.password);
  await page.goto('/#/contacts');
  await page.getByRole('searchbox', { name: 'Quick filter' }).fill(marker);
  const grid = page.getByRole('grid', { name: 'Contacts' });
  await expect(grid.locator('tbody tr[data-record-id]')).toHaveCount(1);

  await api.call('contacts.create', { firstName: 'Kai', lastName: `${marker} Two` });
  await expect(grid.locator('tbody tr[data-record-id]')).toHaveCount(2, { timeout: 3000 });
  await expect(grid).toContainText(`Kai ${marker} Two`);

  await page.goto(`/#/contacts/${contact.id}`);
  await expect(page.locator('[data-field="title"]')).toContainText('Buyer');
  await api.call('contacts.update', { id: contact.id, version: contact.version, patch: { title: 'Chief buyer' } });
  await expect(page.locator('[data-field="title"]')).toContainText('Chief buyer', { timeout: 3000 });
  await expect(page.getByRole('region', { name: 'History' }).getByTestId('history-change').first()).toHaveText(/Job title:\s*Buyer\s*Chief buyer/);
});

test('the contacts list pages through 300 rows by cursor while rendering only a window of them', async ({ page, request }) => {
  const api = await Api.signIn(request);
  await api.ensureUser(OTTO);
  const marker = `Scroll${RUN}`;
  const names: string[] = [];
  const total = 300;
  for (let start = 0; start < total; start += 25) {
    await Promise.all(
      Array.from({ length: Math.min(25, total - start) }, (_, offset) => {
        const n = start + offset;
        // The first two carry what CSV must escape: a comma, quotes, and Chinese.
        const firstName = n === 0 ? 'Row, "zero"' : n === 1 ? '王' : 'Row';
        const lastName = `${marker} ${String(n).padStart(3, '0')}`;
        names[n] = `${firstName} ${lastName}`;
        return api.call('contacts.create', { firstName, lastName, email: `row${n}.${RUN}@example.com` });
      }),
    );
  }

  await signIn(page, ADMIN.username, ADMIN.password);
  await page.goto('/#/contacts');
  await page.getByRole('searchbox', { name: 'Quick filter' }).fill(marker);
  const grid = page.getByRole('grid', { name: 'Contacts' });
  await expect(grid.locator('tbody tr[data-record-id]').first()).toContainText(names[0]!);

  const seen = new Map<number, { id: string; name: string }>();
  let maxRendered = 0;
  for (let step = 0; step < 300; step++) {
    const rows = await grid.locator('tbody tr[data-record-id]').evaluateAll((trs) =>
      trs.map((tr) => ({
        index: Number(tr.getAttribute('aria-rowindex')),
        id: tr.getAttribute('data-record-id') ?? '',
        name: tr.querySelector('a')?.textContent ?? '',
      })),
    );
    maxRendered = Math.max(maxRendered, rows.length);
    for (const row of rows) {
      const before = seen.get(row.index);
      // The same position must always show the same record: no shifting, no duplicates.
      if (before) expect(before.id).toBe(row.id);
      seen.set(row.index, { id: row.id, name: row.name });
    }
    const atEnd = await page.getByTestId('contacts-scroller').evaluate((el) => el.scrollTop + el.clientHeight >= el.scrollHeight - 2);
    const status = await page.getByTestId('list-status').textContent();
    if (atEnd && status === `${total} rows`) break;
    await page.getByTestId('contacts-scroller').evaluate((el) => el.scrollBy(0, 360));
    await page.waitForTimeout(40);
  }
  const ordered = [...seen.entries()].sort(([a], [b]) => a - b).map(([, row]) => row);
  expect(ordered.map((row) => row.name)).toEqual(names);
  expect(new Set(ordered.map((row) => row.id)).size).toBe(total);
  expect(maxRendered).toBeLessThan(60);

  // Keyboard: Home, down twice, Space selects, Enter opens.
  await page.getByTestId('contacts-scroller').evaluate((el) => el.scrollTo(0, 0));
  await grid.focus();
  await page.keyboard.press('Home');
  await page.keyboard.press('Space');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Space');
  await expect(grid.locator('tr[aria-selected="true"]')).toHaveCount(2);
  await expect(page.getByRole('toolbar', { name: 'Actions on the selected rows' })).toContainText('2 selected');

  // Export the selection: UTF-8 with a BOM, quoted where it must be.
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export CSV' }).click();
  const download = await downloading;
  const csv = await download.createReadStream().then(async (stream) => {
    const chunks: Buffer[] = [];
    for await (const chunk of stream) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks);
  });
  expect([...csv.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const lines = csv.toString('utf8').slice(1).trimEnd().split('\r\n');
  expect(lines[0]).toBe('Name,Job title,Account,Email,Phone,Owner');
  expect(lines[1]).toBe(`"Row, ""zero"" ${marker} 000",,,row0.${RUN}@example.com,,Administrator`);
  expect(lines[2]).toBe(`王 ${marker} 001,,,row1.${RUN}@example.com,,Administrator`);
  expect(lines).toHaveLength(3);

  // Bulk change of owner.
  await page.getByRole('button', { name: 'Change owner' }).click();
  const owner = page.getByRole('dialog', { name: 'Change the owner of 2 records' });
  await owner.getByRole('combobox', { name: 'New owner' }).click();
  await page.getByRole('option', { name: OTTO.displayName }).click();
  await owner.getByRole('button', { name: 'Change owner' }).click();
  await expect(owner).toBeHidden();
  await expect(grid.locator('tbody tr[data-record-id]').nth(0)).toContainText(OTTO.displayName);
  await expect(grid.locator('tbody tr[data-record-id]').nth(1)).toContainText(OTTO.displayName);

  // Enter opens the focused row.
  await grid.focus();
  await page.keyboard.press('End');
  await page.keyboard.press('Home');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(names[1]!);
  await page.goBack();

  // A saved view remembers the filter and the columns; the default view forgets them.
  await page.getByRole('button', { name: 'Columns' }).click();
  await page.getByRole('checkbox', { name: 'City' }).check();
  await page.keyboard.press('Escape');
  await expect(grid.getByRole('columnheader', { name: 'City' })).toBeVisible();
  await page.getByRole('button', { name: 'Default view' }).click();
  await page.getByRole('menuitem', { name: 'Save as new view…' }).click();
  const save = page.getByRole('dialog', { name: 'Save as new view…' });
  await save.getByRole('textbox', { name: 'View name' }).fill(`Scroll rows ${RUN}`);
  await save.getByRole('button', { name: 'Save view' }).click();
  await expect(page.getByRole('button', { name: `Scroll rows ${RUN}` })).toBeVisible();
  await page.getByRole('button', { name: `Scroll rows ${RUN}` }).click();
  await page.getByRole('menuitem', { name: 'Default view' }).click();
  await expect(page.getByRole('searchbox', { name: 'Quick filter' })).toHaveValue('');
  await expect(grid.getByRole('columnheader', { name: 'City' })).toHaveCount(0);
  await page.getByRole('button', { name: 'Default view' }).click();
  await page.getByRole('menuitem', { name: `Scroll rows ${RUN}` }).click();
  await expect(page.getByRole('searchbox', { name: 'Quick filter' })).toHaveValue(marker);
  await expect(grid.getByRole('columnheader', { name: 'City' })).toBeVisible();
  await expect(grid.locator('tbody tr[data-record-id]').first()).toContainText(names[0]!);
});

test('screenshots of the contacts list, an account page and the recycle bin, in both languages and themes', async ({ page, request }) => {
  const api = await Api.signIn(request);
  const old = await api.call<{ id: string }>('accounts.create', { name: `北京老供应商有限公司 ${RUN}`, type: 'former_customer', industry: '制造业' });
  await api.call('contacts.create', { firstName: '伟', lastName: '张', accountId: old.id, title: '采购经理' });
  await api.call('accounts.delete', { id: old.id, contacts: 'delete' });
  const gone = await api.call<{ id: string }>('contacts.create', { firstName: 'Old', lastName: `Lead ${RUN}` });
  await api.call('contacts.delete', { id: gone.id });
  const account = await api.call<{ id: string }>('accounts.create', {
    name: `Acme Trading ${RUN}`,
    type: 'customer',
    industry: 'Wholesale',
    website: 'acme.example.com',
    phone: '+86 21 5555 0100',
    email: 'hello@acme.example.com',
    city: 'Shanghai',
    country: 'China',
    annualRevenue: 12500000,
    employees: 240,
    description: 'Imports kitchenware for 40 retail stores in East China.\nPrefers quarterly reviews.',
  });
  await api.call('accounts.create', { name: `Acme Trading Hangzhou ${RUN}`, parentId: account.id, type: 'customer', city: 'Hangzhou' });
  const people = [
    { firstName: '丽', lastName: '陈', title: '采购总监', email: 'li.chen@acme.example.com', phone: '+86 138 0013 8000' },
    { firstName: 'Marcus', lastName: 'Webb', title: 'Head of Operations', email: 'marcus.webb@acme.example.com' },
    { firstName: 'Sofia', lastName: 'Lindqvist-Hargreaves', title: 'Regional Logistics and Supply Chain Coordinator', email: 'sofia.lindqvist-hargreaves@acme.example.com' },
  ];
  const [chen] = await Promise.all(people.map((person) => api.call<{ id: string }>('contacts.create', { ...person, accountId: account.id })));
  await api.call('activities.create', { type: 'call', subject: 'Quarterly review call', status: 'done', relatedType: 'contacts', relatedId: chen!.id, body: 'Agreed to pilot the new range in 5 stores.' });
  await api.call('activities.create', { type: 'task', subject: 'Send revised price list', dueAt: '2026-01-10T09:00:00Z', relatedType: 'accounts', relatedId: account.id, priority: 'high' });
  await api.call('activities.create', { type: 'meeting', subject: '年度合同续签会议', startAt: '2030-03-02T02:00:00Z', endAt: '2030-03-02T03:00:00Z', relatedType: 'accounts', relatedId: account.id });
  await api.call('activities.create', { type: 'note', subject: 'Warehouse moves to Pudong in spring', relatedType: 'accounts', relatedId: account.id });
  const current = await api.call<{ id: string; version: number }>('accounts.get', { id: account.id });
  await api.call('accounts.update', { id: account.id, version: current.version, patch: { industry: 'Wholesale & retail' } });

  await signIn(page, ADMIN.username, ADMIN.password);
  const settings = async (language: string, scheme: string) => {
    await page.evaluate(
      ([lang, colors]) => {
        const storage = (globalThis as unknown as { localStorage: { setItem(k: string, v: string): void; removeItem(k: string): void } })
          .localStorage;
        storage.setItem('lantern.language', lang!);
        storage.setItem('lantern.colorScheme', colors!);
        // The screenshots show the default view, whatever an earlier test chose.
        storage.removeItem('lantern.list.contacts');
      },
      [language, scheme],
    );
  };
  for (const [language, tag] of [
    ['en', 'en'],
    ['zh-CN', 'zh'],
  ] as const) {
    for (const scheme of ['light', 'dark'] as const) {
      await settings(language, scheme);
      await page.goto('/#/contacts');
      await page.reload();
      await expect(page.locator('html')).toHaveAttribute('data-mantine-color-scheme', scheme);
      await expect(page.getByRole('grid').locator('tbody tr[data-record-id]').first()).toBeVisible();
      await screenshot(page, `contacts-list-${tag}-${scheme}`);

      await page.goto(`/#/accounts/${account.id}`);
      await expect(page.getByTestId('timeline-entry').first()).toBeVisible();
      await expect(page.getByTestId('history-entry').first()).toBeVisible();
      await screenshot(page, `account-page-${tag}-${scheme}`);

      await page.goto('/#/recycle-bin');
      await expect(page.getByTestId('bin-row').first()).toBeVisible();
      await screenshot(page, `recycle-bin-${tag}-${scheme}`);

      await page.goto('/#/');
      await expect(page.getByTestId('my-work-overdue')).toBeVisible();
      await screenshot(page, `home-my-work-${tag}-${scheme}`);
    }
  }
  await settings('en', 'light');
});
