import { startTestSmtpServer, type TestSmtpServer } from '../helpers/smtp-server';
import { expect, screenshot, signIn, signOut, test } from './fixtures';
import { ADMIN } from './support/accounts';
import { pageScreenshot } from './support/admin';
import { Api, runId } from './support/customers';
import { useLanguage } from './support/sales';
import { appDateTime, closedPort, emlWithAttachment } from './support/service';

const RUN = runId();
const HOUR_MS = 3_600_000;
/** A support user of this spec's own (other specs own sally, victor, otto, sam and the seat users). */
const SUE = { username: 'sue-support', displayName: 'Sue Support', password: 'sue-Passw0rd', role: 'support' } as const;
const IMAP_PASSWORD = `imap-secret-${RUN}`;

let smtp: TestSmtpServer;
let savedSettings: Record<string, unknown>;
test.beforeAll(async ({ request }) => {
  smtp = await startTestSmtpServer();
  const api = await Api.signIn(request);
  savedSettings = await api.call('cases.settings.get');
});
test.afterAll(async ({ request }) => {
  // The e2e server is shared by every spec: give the service desk its settings back.
  const api = await Api.signIn(request);
  await api.call('cases.settings.update', savedSettings);
  await api.call('auth.logout');
  await smtp.close();
});

interface CaseRow {
  id: string;
  createdAt: string;
  resolutionDueAt: string | null;
  status: string;
}

test('an admin sets the urgent resolution target and a new urgent case is due by it', async ({ page, request }) => {
  const api = await Api.signIn(request);
  await signIn(page, ADMIN.username, ADMIN.password);
  await page.goto('/#/settings');
  await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Service levels' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Service levels' })).toBeVisible();

  // Open the office around the clock, so the due time is plain arithmetic whatever the hour of the run.
  const hours = page.getByRole('table', { name: 'Working hours' });
  for (const day of ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday']) {
    // Mantine draws the switch over its input: check the input itself.
    await hours.getByRole('switch', { name: `${day}: Open` }).check({ force: true });
    await hours.getByRole('textbox', { name: `${day}: From` }).fill('00:00');
    await hours.getByRole('textbox', { name: `${day}: To` }).fill('24:00');
  }
  await page.getByRole('textbox', { name: 'Urgent: Resolution' }).fill('3');
  await page.getByRole('textbox', { name: 'Urgent: First response' }).fill('0.5');

  // The page says what that means before anything is saved.
  const preview = page.getByTestId('due-preview-urgent');
  await expect(preview).toContainText('An urgent case created now is due for a first response by');
  const expectedPreview = await appDateTime(page, new Date(Date.now() + 3 * HOUR_MS).toISOString());
  await expect(preview).toContainText(expectedPreview.slice(0, -4)); // the minute may tick over while the page renders
  await screenshot(page, 'service-admin-levels-en');

  // A holiday today stops the clock until tomorrow: the preview moves, and comes back when it is removed.
  const today = new Date().toISOString().slice(0, 10);
  const before = await preview.textContent();
  await page.getByLabel('Date', { exact: true }).fill(today);
  await page.getByRole('button', { name: 'Add holiday' }).click();
  await expect(page.getByRole('button', { name: `Remove holiday ${today}` })).toBeVisible();
  await expect(preview).not.toHaveText(before!);
  await page.getByRole('button', { name: `Remove holiday ${today}` }).click();
  await expect(page.getByTestId('holidays')).toHaveText('No holidays set.');
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByText('Settings saved.')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Save' })).toBeDisabled();

  // A new urgent case is due three business hours after it was opened (the default was eight).
  const urgent = await api.call<CaseRow>('cases.create', { subject: `Line down ${RUN}`, priority: 'urgent' });
  expect(Date.parse(urgent.resolutionDueAt!) - Date.parse(urgent.createdAt)).toBe(3 * HOUR_MS);
  await page.goto(`/#/cases/${urgent.id}`);
  await expect(page.getByRole('heading', { level: 1, name: `Line down ${RUN}` })).toBeVisible();
  await expect(page.getByTestId('case-sla')).toContainText(await appDateTime(page, urgent.resolutionDueAt!));

  // Change it again: the next urgent case follows the new target.
  await page.goto('/#/settings/service-levels');
  await page.getByRole('textbox', { name: 'Urgent: Resolution' }).fill('5');
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByRole('button', { name: 'Save' })).toBeDisabled();
  const later = await api.call<CaseRow>('cases.create', { subject: `Line down again ${RUN}`, priority: 'urgent' });
  expect(Date.parse(later.resolutionDueAt!) - Date.parse(later.createdAt)).toBe(5 * HOUR_MS);
  await api.call('auth.logout');
  await signOut(page);
});

test('an answer template is added, used in a reply that sets the case pending, and attachments download', async ({ page, request }) => {
  const api = await Api.signIn(request);
  const address = `mia.${RUN}@willow.example`;
  await api.call('contacts.create', { firstName: 'Mia', lastName: `Chen ${RUN}`, email: address });
  const captured = await api.call<{ caseId: string }>('cases.captureEmail', {
    raw: emlWithAttachment({
      from: `Mia Chen <${address}>`,
      subject: `Invoice ${RUN} is wrong`,
      messageId: `invoice-${RUN}@willow.example`,
      text: 'The attached invoice charges us twice.',
      file: { name: `invoice-${RUN}.txt`, type: 'text/plain', content: `INVOICE ${RUN}\nline 1: 2 x tea\n` },
    }),
  });

  await signIn(page, ADMIN.username, ADMIN.password);
  // Outgoing mail through the SMTP page, checked with its test button against a real SMTP server.
  await page.goto('/#/settings/smtp');
  await expect(page.getByRole('heading', { level: 1, name: 'Outgoing mail (SMTP)' })).toBeVisible();
  await page.getByRole('textbox', { name: 'SMTP server' }).fill('127.0.0.1');
  await page.getByRole('textbox', { name: 'Port' }).fill(String(smtp.port));
  await page.getByRole('textbox', { name: 'User name' }).fill('mailer');
  await page.getByLabel('Password', { exact: true }).fill('smtp-secret');
  await page.getByRole('textbox', { name: 'From address' }).fill('support@office.example');
  await page.getByRole('textbox', { name: 'From name' }).fill('Office Support');
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByText('Settings saved.')).toBeVisible();
  await expect(page.getByLabel('Password', { exact: true })).toHaveAttribute('placeholder', 'unchanged');
  await expect(page.getByLabel('Password', { exact: true })).toHaveValue('');
  const testMail = smtp.nextMail();
  await page.getByRole('textbox', { name: 'Send to' }).fill(`it.${RUN}@office.example`);
  await page.getByRole('button', { name: 'Send test' }).click();
  expect((await testMail).envelope.to).toEqual([`it.${RUN}@office.example`]);
  await expect(page.getByText(`Test message sent to it.${RUN}@office.example.`)).toBeVisible();
  await screenshot(page, 'service-admin-smtp-en');

  // Add the template.
  await page.goto('/#/settings/answer-templates');
  await expect(page.getByRole('heading', { level: 1, name: 'Answer templates' })).toBeVisible();
  await page.getByRole('button', { name: 'New template' }).click();
  const dialog = page.getByRole('dialog', { name: 'New template' });
  await dialog.getByRole('textbox', { name: 'Name', exact: true }).fill(`Invoice check ${RUN}`);
  await dialog.getByRole('textbox', { name: 'Text' }).fill('Dear {{contact.firstName}},\nwe are checking invoice {{case.number}} and will write again today.');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('cell', { name: `Invoice check ${RUN}`, exact: true })).toBeVisible();
  await screenshot(page, 'service-admin-templates-en');

  // Use it on the case, setting the case to wait for the customer with the same click.
  await page.goto(`/#/cases/${captured.caseId}`);
  await expect(page.getByRole('heading', { level: 1, name: `Invoice ${RUN} is wrong` })).toBeVisible();
  const number = (await page.getByTestId('case-number').textContent())!;
  await page.getByRole('combobox', { name: 'Template' }).click();
  await page.getByRole('option', { name: `Invoice check ${RUN}` }).click();
  await expect(page.getByRole('textbox', { name: 'Message' })).toHaveAttribute('placeholder', /we are checking invoice \{\{case\.number\}\}/);
  await page.getByRole('combobox', { name: 'Then set the case to' }).click();
  await page.getByRole('option', { name: 'Pending customer' }).click();
  const reply = smtp.nextMail();
  await page.getByRole('button', { name: 'Send and set Pending customer' }).click();
  const mail = await reply;
  expect(mail.envelope.to).toEqual([address]);
  expect(mail.parsed.text).toContain(`Dear Mia,\nwe are checking invoice ${number} and will write again today.`);
  await expect(page.getByTestId('case-status')).toHaveText('Pending customer');
  expect((await api.call<CaseRow>('cases.get', { id: captured.caseId })).status).toBe('pending_customer');

  // The attachment of the customer's email downloads with its own name and bytes.
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: `Download invoice-${RUN}.txt` }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe(`invoice-${RUN}.txt`);
  const stream = await download.createReadStream();
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  expect(Buffer.concat(chunks).toString('utf8')).toBe(`INVOICE ${RUN}\nline 1: 2 x tea\n`);
  await pageScreenshot(page, 'service-admin-case-reply-en');
  await api.call('auth.logout');
  await signOut(page);
});

test('a mailbox on a closed port shows its error on its status page and never shows its password', async ({ page, request }) => {
  const api = await Api.signIn(request);
  const port = await closedPort();
  await signIn(page, ADMIN.username, ADMIN.password);
  await page.goto('/#/settings/mailboxes');
  await expect(page.getByRole('heading', { level: 1, name: 'Mailboxes' })).toBeVisible();
  await page.getByRole('button', { name: 'Add mailbox' }).click();
  const dialog = page.getByRole('dialog', { name: 'Add mailbox' });
  await dialog.getByRole('textbox', { name: 'Name', exact: true }).fill(`Support inbox ${RUN}`);
  await dialog.getByRole('textbox', { name: 'IMAP server' }).fill('127.0.0.1');
  await dialog.getByRole('switch', { name: 'TLS (IMAPS)' }).uncheck({ force: true });
  await dialog.getByRole('textbox', { name: 'Port' }).fill(String(port));
  await dialog.getByRole('textbox', { name: 'User name' }).fill('support');
  await dialog.getByLabel(/^Password/).fill(IMAP_PASSWORD);
  await dialog.getByRole('button', { name: 'Save' }).click();

  // Its status page: poll now, and the refused connection is the error, in words.
  await expect(page.getByRole('heading', { level: 1, name: `Support inbox ${RUN}` })).toBeVisible();
  await page.getByRole('button', { name: 'Poll now' }).click();
  const error = page.getByTestId('mailbox-error');
  await expect(error).toBeVisible();
  await expect(error).toContainText('Last error');
  await expect(error).toContainText(/ECONNREFUSED|refused/i);
  await expect(page.getByTestId('info-health').getByTestId('mailbox-health')).toHaveText('Error');
  await expect(page.getByTestId('info-last-poll')).not.toContainText('Never');
  await expect(page.getByTestId('info-captured')).toHaveText('Messages captured0');
  await expect(page.getByTestId('info-password')).toContainText('Stored (hidden)');
  await screenshot(page, 'service-admin-mailbox-en');

  // The password is never sent back: not on the page, not in the edit form, not in the API.
  expect(await page.content()).not.toContain(IMAP_PASSWORD);
  await page.getByRole('button', { name: 'Edit' }).click();
  const edit = page.getByRole('dialog', { name: 'Edit mailbox' });
  await expect(edit.getByLabel('Password', { exact: true })).toHaveValue('');
  await expect(edit.getByLabel('Password', { exact: true })).toHaveAttribute('placeholder', 'unchanged');
  expect(await page.content()).not.toContain(IMAP_PASSWORD);
  await edit.getByRole('button', { name: 'Cancel' }).click();
  const { items } = await api.call<{ items: { id: string; name: string }[] }>('mailboxes.list');
  const mailbox = items.find((item) => item.name === `Support inbox ${RUN}`)!;
  expect(JSON.stringify(await api.call('mailboxes.get', { id: mailbox.id }))).not.toContain(IMAP_PASSWORD);

  // The list shows it failing too.
  await page.getByRole('link', { name: 'Mailboxes' }).first().click();
  await expect(page.getByRole('row', { name: new RegExp(`Support inbox ${RUN}`) }).getByTestId('mailbox-health')).toHaveText('Error');
  await screenshot(page, 'service-admin-mailboxes-en');
  await api.call('mailboxes.delete', { id: mailbox.id });
  await api.call('auth.logout');
  await signOut(page);
});

test('every service admin page reads in 简体中文', async ({ page, request }) => {
  // Five pages, each rendered and photographed twice over: more than one test's usual minute on a busy machine.
  test.slow();
  await signIn(page, ADMIN.username, ADMIN.password);
  await page.goto('/#/settings/service');
  await expect(page.getByRole('heading', { level: 1, name: 'Service desk' })).toBeVisible();
  await screenshot(page, 'service-admin-settings-en');
  await useLanguage(page, 'zh-CN');
  const pages: [string, string, string][] = [
    ['/#/settings/service-levels', '服务级别', 'levels'],
    ['/#/settings/service', '客服设置', 'settings'],
    ['/#/settings/answer-templates', '回复模板', 'templates'],
    ['/#/settings/mailboxes', '收件邮箱', 'mailboxes'],
    ['/#/settings/smtp', '发件服务器 (SMTP)', 'smtp'],
  ];
  for (const [path, title, name] of pages) {
    await page.goto(path);
    await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
    await expect(page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: title })).toBeVisible();
    await screenshot(page, `service-admin-${name}-zh`);
  }
  // A mailbox whose server refuses: its status page with the error, in Chinese.
  const api = await Api.signIn(request);
  const mailbox = await api.call<{ id: string }>('mailboxes.create', {
    name: `客服邮箱 ${RUN}`,
    host: '127.0.0.1',
    port: await closedPort(),
    tls: false,
    username: 'support',
    password: IMAP_PASSWORD,
  });
  await api.call('mailboxes.pollNow', { id: mailbox.id });
  await page.goto(`/#/settings/mailboxes/${mailbox.id}`);
  await expect(page.getByRole('heading', { level: 1, name: `客服邮箱 ${RUN}` })).toBeVisible();
  await expect(page.getByTestId('mailbox-error')).toContainText('最近错误');
  await expect(page.getByTestId('info-health').getByTestId('mailbox-health')).toHaveText('出错');
  await screenshot(page, 'service-admin-mailbox-zh');
  await api.call('mailboxes.delete', { id: mailbox.id });
  await api.call('auth.logout');
  await useLanguage(page, 'en');
  await signOut(page);
});

test('a support user keeps the answer templates but sees none of the other pages, and the server refuses their methods', async ({ page, request }) => {
  const admin = await Api.signIn(request);
  await admin.ensureUser(SUE);
  await admin.call('auth.logout');

  await signIn(page, SUE.username, SUE.password);
  await page.goto('/#/settings');
  const nav = page.getByRole('navigation', { name: 'Main navigation' });
  await expect(nav.getByRole('link', { name: 'Preferences' })).toBeVisible();
  for (const name of ['Service levels', 'Service desk', 'Mailboxes', 'Outgoing mail (SMTP)']) {
    await expect(nav.getByRole('link', { name })).toHaveCount(0);
  }
  // The people who answer cases write their own answer templates.
  await nav.getByRole('link', { name: 'Answer templates' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Answer templates' })).toBeVisible();
  await page.getByRole('button', { name: 'New template' }).click();
  const dialog = page.getByRole('dialog', { name: 'New template' });
  await dialog.getByRole('textbox', { name: 'Name', exact: true }).fill(`Sue's greeting ${RUN}`);
  await dialog.getByRole('textbox', { name: 'Text' }).fill('Hello {{contact.firstName}}, thank you for waiting.');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('cell', { name: `Sue's greeting ${RUN}`, exact: true })).toBeVisible();
  await page.goto('/#/settings/mailboxes');
  await expect(page.getByRole('heading', { name: 'Not allowed' })).toBeVisible();
  await page.goto('/#/settings/service-levels');
  await expect(page.getByRole('heading', { name: 'Not allowed' })).toBeVisible();

  const sue = await Api.signIn(request, SUE.username, SUE.password);
  for (const [method, input] of [
    ['mailboxes.list', {}],
    ['mailboxes.create', { name: 'x', host: '127.0.0.1', port: 143, tls: false, username: 'x', password: 'x' }],
    ['smtp.get', {}],
    ['cases.settings.update', { warnBeforeMinutes: 5 }],
  ] as const) {
    await expect(sue.call(method, input)).rejects.toThrow(`${method}: 403 FORBIDDEN`);
  }
  await sue.call('auth.logout');
  await signOut(page);
});
