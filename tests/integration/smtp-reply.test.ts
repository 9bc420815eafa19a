import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startTestBackend, type TestBackend } from '../helpers/backend';
import { expectAppError } from '../helpers/expect-error';
import { startTestSmtpServer, type TestSmtpServer } from '../helpers/smtp-server';

/* eslint-disable @typescript-eslint/no-explicit-any */
describe('replying to a case through a real SMTP server', () => {
  let t: TestBackend;
  let smtp: TestSmtpServer;
  beforeEach(async () => {
    t = await startTestBackend();
    smtp = await startTestSmtpServer();
  });
  afterEach(async () => {
    await smtp.close();
    t.close();
  });

  const call = (method: string, input: unknown, ctx = t.admin) => t.backend.call(ctx, method, input) as Promise<any>;
  const configure = (password = 'smtp-secret') =>
    call('smtp.update', { host: '127.0.0.1', port: smtp.port, secure: false, username: 'mailer', password, fromAddress: 'support@office.example', fromName: 'Office Support' });

  it('sends with the case token and In-Reply-To, logs the email on the thread and counts as the first response', async () => {
    const account = await call('accounts.create', { name: 'Acme' });
    await call('contacts.create', { firstName: 'Ann', lastName: 'Lee', email: 'ann@acme.example', accountId: account.id });
    const captured = await call('cases.captureEmail', {
      raw: 'From: Ann Lee <ann@acme.example>\r\nSubject: Printer keeps jamming\r\nMessage-ID: <jam-1@acme.example>\r\n\r\nIt jams.\r\n',
    });
    const settings = await configure();
    expect(settings).toMatchObject({ configured: true, hasPassword: true, username: 'mailer' });
    expect(JSON.stringify(settings)).not.toContain('smtp-secret');
    const db = new Database(t.backend.dbPath, { readonly: true });
    expect(JSON.stringify(db.prepare('SELECT * FROM settings').all())).not.toContain('smtp-secret');
    db.close();

    const support = await t.userWithRole('support', 'sam');
    const template = await call('cases.templates.create', {
      name: 'Engineer on the way',
      body: 'Dear {{contact.firstName}},\n\nan engineer will look at {{case.subject}} ({{case.number}}) tomorrow.\n\n{{user.name}}',
    });
    const arriving = smtp.nextMail();
    const result = await call('cases.reply', { caseId: captured.caseId, templateId: template.id, cc: ['boss@acme.example'], status: 'pending_customer' }, support.ctx);
    const received = await arriving;

    expect(received.envelope.to.sort()).toEqual(['ann@acme.example', 'boss@acme.example']);
    expect(received.parsed.subject).toBe('Re: Printer keeps jamming [CASE-000001]');
    expect(received.parsed.inReplyTo).toBe('<jam-1@acme.example>');
    expect(received.parsed.messageId).toBe(`<${result.messageId}>`);
    expect(received.parsed.text).toContain('Dear Ann,');
    expect(received.parsed.text).toContain('Printer keeps jamming (CASE-000001) tomorrow');
    expect(received.parsed.text).toContain('Test sam');
    expect(received.parsed.from?.value[0]).toMatchObject({ address: 'support@office.example', name: 'Office Support' });

    // Answering an unassigned case takes it; the first response is on record; the clock waits for the customer.
    expect(result.case).toMatchObject({ assigneeId: support.id, status: 'pending_customer', firstResponseAt: '2026-11-26T09:00:00.000Z' });
    const thread = await call('cases.thread', { id: captured.caseId });
    expect(thread.items.map((i: any) => [i.kind, i.direction, i.subject])).toEqual([
      ['email', 'in', 'Printer keeps jamming'],
      ['email', 'out', 'Re: Printer keeps jamming [CASE-000001]'],
    ]);
    const activity = await call('activities.get', { id: result.activityId });
    expect(activity).toMatchObject({ type: 'email', status: 'done', relatedType: 'cases', relatedId: captured.caseId, accountId: account.id });

    // A template's text edited in the compose box (sent as body) gets its placeholders filled too.
    const edited = smtp.nextMail();
    await call('cases.reply', { caseId: captured.caseId, body: 'Hi {{contact.firstName}}, one more thing about {{case.number}}. {{unknown.key}}' }, support.ctx);
    expect((await edited).parsed.text).toContain('Hi Ann, one more thing about CASE-000001. {{unknown.key}}');

    // The customer's answer to our reply threads back by In-Reply-To, and the clock runs again.
    const answer = await call('cases.captureEmail', {
      raw: `From: ann@acme.example\r\nSubject: thanks\r\nIn-Reply-To: <${result.messageId}>\r\nMessage-ID: <jam-2@acme.example>\r\n\r\nOK.\r\n`,
    });
    expect(answer).toMatchObject({ caseId: captured.caseId, threadedBy: 'headers' });
    expect((await call('cases.get', { id: captured.caseId })).status).toBe('open');
  });

  it('says clearly when no server is set, or the server refuses, and logs nothing', async () => {
    const c = await call('cases.create', { subject: 'Question', customerEmail: 'someone@example.com' });
    const missing = await expectAppError(call('cases.reply', { caseId: c.id, body: 'Hello' }), 'VALIDATION');
    expect(missing.message).toMatch(/No outgoing mail server/);
    await configure('wrong-password');
    const refused = await expectAppError(call('cases.reply', { caseId: c.id, body: 'Hello' }), 'VALIDATION');
    expect(refused.message).toMatch(/did not take the reply/);
    expect((await call('cases.thread', { id: c.id })).items).toEqual([]);
    expect((await call('cases.get', { id: c.id })).firstResponseAt).toBeNull();
    const noAddress = await call('cases.create', { subject: 'No address' });
    await expectAppError(call('cases.reply', { caseId: noAddress.id, body: 'Hello' }), 'VALIDATION');
    await expectAppError(call('cases.reply', { caseId: c.id }), 'VALIDATION');
  });

  it('sends a test message, and keeps the stored password when settings change without one', async () => {
    await configure();
    await call('smtp.update', { host: '127.0.0.1', port: smtp.port, secure: false, username: 'mailer', fromAddress: 'help@office.example' });
    const arriving = smtp.nextMail();
    await call('smtp.test', { to: 'admin@office.example' });
    expect((await arriving).parsed.from?.value[0]?.address).toBe('help@office.example');
    const support = await t.userWithRole('support');
    await expectAppError(call('smtp.get', {}, support.ctx), 'FORBIDDEN');
  });
});
