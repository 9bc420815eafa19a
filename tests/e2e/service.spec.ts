import { startTestSmtpServer, type TestSmtpServer } from '../helpers/smtp-server';
import { expect, screenshot, signIn, signOut, test } from './fixtures';
import { ADMIN } from './support/accounts';
import { Api, runId } from './support/customers';
import { useLanguage } from './support/sales';
import { eml, importEmails } from './support/service';

const RUN = runId();
const COMPANY = `Harbor Tea ${RUN}`;
const CONTACT = `Rosa Park ${RUN}`;
const ADDRESS = `rosa.${RUN}@harbortea.example`;
const SUBJECT = `Order ${RUN} arrived damaged`;

let smtp: TestSmtpServer;
test.beforeAll(async () => {
  smtp = await startTestSmtpServer();
});
test.afterAll(async () => {
  await smtp.close();
});

interface Retention {
  casesLast90Days: number;
  averageSatisfaction: number | null;
}

test('an email dropped on the cases list becomes a case that is answered, resolved and counted on the account', async ({ page, request }) => {
  const api = await Api.signIn(request);
  const account = await api.call<{ id: string }>('accounts.create', { name: COMPANY });
  await api.call('contacts.create', { firstName: 'Rosa', lastName: `Park ${RUN}`, email: ADDRESS, accountId: account.id });
  const before = await api.call<Retention>('accounts.retention', { id: account.id });
  expect(before).toMatchObject({ casesLast90Days: 0, averageSatisfaction: null });
  // The e2e server has no mail server: cases.reply refuses clearly, so replies go to a real SMTP server on loopback.
  await api.call('smtp.update', {
    host: '127.0.0.1',
    port: smtp.port,
    secure: false,
    username: 'mailer',
    password: 'smtp-secret',
    fromAddress: 'support@office.example',
    fromName: 'Office Support',
  });

  await signIn(page, ADMIN.username, ADMIN.password);
  await expect(page.getByTestId('at-risk-card').getByRole('heading', { name: 'At risk' })).toBeVisible();
  await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Cases' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Cases' })).toBeVisible();

  // Drop the customer's email: the preview says who it is from, then the new case opens.
  const raw = eml({
    from: `Rosa Park <${ADDRESS}>`,
    subject: SUBJECT,
    messageId: `damaged-${RUN}@harbortea.example`,
    text: 'Hello,\nthe tea tins in our order arrived dented and two were open.\nRosa',
  });
  const preview = await importEmails(page, [{ name: 'damaged.eml', raw }]);
  await expect(preview.getByText('Sender is a known contact')).toBeVisible();
  await expect(preview.getByText(`New case from Rosa Park <${ADDRESS}>: “${SUBJECT}”`)).toBeVisible();
  await preview.getByRole('button', { name: 'Import 1 message(s)' }).click();
  await expect(page.getByRole('heading', { level: 1, name: SUBJECT })).toBeVisible();
  await expect(page.getByTestId('case-contact').getByRole('link', { name: CONTACT })).toBeVisible();
  await expect(page.getByTestId('case-account').getByRole('link', { name: COMPANY })).toBeVisible();
  await expect(page.getByTestId('case-status')).toHaveText('New');
  const number = (await page.getByTestId('case-number').textContent())!;
  expect(number).toMatch(/^CASE-\d{6}$/);
  await expect(page.getByTestId('case-thread').getByText('the tea tins in our order arrived dented', { exact: false })).toBeVisible();
  await expect(page.getByTestId('case-sla')).toBeVisible();

  // Reply: it really goes out through the SMTP server, with the case token, and shows on the thread.
  const arriving = smtp.nextMail();
  await page.getByRole('textbox', { name: 'Message' }).fill('Sorry about that, Rosa. A replacement is on its way.');
  await page.getByRole('button', { name: 'Send reply' }).click();
  const mail = await arriving;
  expect(mail.envelope.to).toEqual([ADDRESS]);
  expect(mail.parsed.subject).toContain(`[${number}]`);
  expect(mail.parsed.text).toContain('A replacement is on its way.');
  await expect(page.getByTestId('case-thread').getByText(`Reply to ${ADDRESS}`, { exact: false })).toBeVisible();
  await expect(page.getByTestId('case-status')).not.toHaveText('New');

  // Resolve with a satisfaction score of 4.
  await page.getByRole('button', { name: 'Resolve' }).click();
  const resolve = page.getByRole('dialog', { name: 'Resolve the case' });
  // Mantine's rating hides its radios under the stars: click the fourth star, the radio's label.
  const four = resolve.getByRole('radio', { name: '4', exact: true });
  await resolve.locator(`label[for="${await four.getAttribute('id')}"]`).click();
  await expect(four).toBeChecked();
  await resolve.getByRole('textbox', { name: 'Resolution' }).fill('Replacement sent.');
  await resolve.getByRole('button', { name: 'Resolve' }).click();
  await expect(resolve).toBeHidden();
  await expect(page.getByTestId('case-status')).toHaveText('Resolved');
  await expect(page.getByTestId('case-satisfaction')).toHaveText('4 / 5');
  await expect(page.getByRole('button', { name: 'Reopen' })).toBeVisible();
  await screenshot(page, 'service-case-en');
  const caseUrl = page.url();

  // The account's retention figures count the case and its score.
  await page.getByTestId('case-account').getByRole('link', { name: COMPANY }).click();
  await expect(page.getByRole('heading', { level: 1, name: COMPANY })).toBeVisible();
  await expect(page.getByTestId('retention-cases-90')).toHaveText(String(before.casesLast90Days + 1));
  await expect(page.getByTestId('retention-satisfaction')).toHaveText('4');
  await expect(page.getByTestId('retention-last-contact')).toHaveText('0');
  await screenshot(page, 'service-account-en');

  // The list, in English and in Chinese.
  await page.goto('/#/cases');
  await expect(page.getByRole('grid', { name: 'Cases' })).toHaveAttribute('aria-busy', 'false');
  await expect(page.getByRole('link', { name: SUBJECT })).toBeVisible();
  await screenshot(page, 'service-list-en');
  await useLanguage(page, 'zh-CN');
  await expect(page.getByRole('heading', { level: 1, name: '服务工单' })).toBeVisible();
  await screenshot(page, 'service-list-zh');
  await page.goto(caseUrl);
  await expect(page.getByTestId('case-status')).toHaveText('已解决');
  await screenshot(page, 'service-case-zh');
  await useLanguage(page, 'en');
  await signOut(page);
});

test('an email whose HTML carries a script is shown without running it', async ({ page }) => {
  const dialogs: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  await signIn(page, ADMIN.username, ADMIN.password);
  await page.goto('/#/cases');
  const subject = `Invoice ${RUN} charged twice`;
  const raw = eml({
    from: `Ben Ortiz <ben.${RUN}@acme.example>`,
    subject,
    messageId: `script-${RUN}@acme.example`,
    html: `<html><head><script>alert('stolen')</script></head><body onload="alert('onload')">
<p>Our invoice <b>INV-${RUN}</b> was charged twice.</p>
<p><a href="javascript:alert(1)">See the statement</a></p>
<script>window.parent.document.title = 'owned'</script>
</body></html>`,
  });
  const preview = await importEmails(page, [{ name: 'script.eml', raw }]);
  await preview.getByRole('button', { name: 'Import 1 message(s)' }).click();
  await expect(page.getByRole('heading', { level: 1, name: subject })).toBeVisible();

  // The sanitised HTML is in a frame with every sandbox restriction, as srcdoc: no script, no handler left.
  // (The frame's content is read from its attribute: probing a script-less sandboxed frame makes Chromium log blocked scripts.)
  const frame = page.getByTestId('email-frame');
  await expect(frame).toBeVisible();
  await expect(frame).toHaveAttribute('sandbox', '');
  const srcdoc = (await frame.getAttribute('srcdoc')) ?? '';
  expect(srcdoc).toContain(`<b>INV-${RUN}</b>`);
  expect(srcdoc).not.toMatch(/<script|onload|javascript:/i);
  // Nothing of the message's HTML reached the app's own document.
  await expect(page.locator('script', { hasText: 'alert' })).toHaveCount(0);
  await expect(page.locator('b', { hasText: `INV-${RUN}` })).toHaveCount(0);
  await screenshot(page, 'service-email-html-en');
  await page.waitForTimeout(500);
  expect(dialogs).toEqual([]);
  expect(await page.title()).not.toBe('owned');
  await signOut(page);
});

test('two emails imported together: the second complaint is offered as a duplicate, marked, and undone', async ({ page, request }) => {
  const api = await Api.signIn(request);
  const address = `li.wei.${RUN}@lotus.example`;
  await api.call('contacts.create', { firstName: 'Wei', lastName: `Li ${RUN}`, email: address });
  const first = eml({
    from: `Li Wei <${address}>`,
    subject: `Heater ${RUN} stopped working`,
    messageId: `heater-1-${RUN}@lotus.example`,
    text: 'Our heater stopped working this morning and the display shows E4.',
  });
  const second = eml({
    from: `Li Wei <${address}>`,
    subject: `Heater ${RUN} still not working`,
    messageId: `heater-2-${RUN}@lotus.example`,
    text: 'The heater is still not working, the display shows E4 again.',
  });

  await signIn(page, ADMIN.username, ADMIN.password);
  await page.goto('/#/cases');
  const preview = await importEmails(page, [
    { name: 'heater-1.eml', raw: first },
    { name: 'heater-2.eml', raw: second },
  ]);
  await expect(preview.getByText('Sender is a known contact')).toHaveCount(2);
  await preview.getByRole('button', { name: 'Import 2 message(s)' }).click();
  await expect(preview.getByText('Imported 2 of 2')).toBeVisible();
  const links = preview.getByRole('link', { name: /^CASE-\d{6}$/ });
  await expect(links).toHaveCount(2);
  const originalNumber = (await links.first().textContent())!;
  await links.last().click();
  await expect(page.getByRole('heading', { level: 1, name: `Heater ${RUN} still not working` })).toBeVisible();

  // The first complaint is offered as a possible duplicate, with its score.
  const duplicates = page.getByTestId('case-duplicates');
  await expect(duplicates.getByRole('link', { name: new RegExp(`^${originalNumber} · Heater ${RUN} stopped working`) })).toBeVisible();
  await expect(duplicates.getByText(/^\d+% alike$/)).toBeVisible();
  await duplicates.getByRole('button', { name: 'Mark as duplicate of this' }).click();
  const notice = page.getByTestId('duplicate-notice');
  await expect(notice.getByRole('link', { name: `Heater ${RUN} stopped working` })).toBeVisible();
  await expect(page.getByTestId('case-status')).toHaveText('Closed');
  await screenshot(page, 'service-duplicate-en');

  // Undo: the case is open again with its own thread.
  await notice.getByRole('button', { name: 'Undo duplicate' }).click();
  await expect(notice).toBeHidden();
  await expect(page.getByTestId('case-status')).toHaveText('New');
  await expect(page.getByTestId('case-thread').getByText('still not working, the display shows E4 again', { exact: false })).toBeVisible();
  await signOut(page);
});
