import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBackend, type Backend } from '../../electron/core/backend';
import { silentLogger, type CallContext } from '../../electron/core/context';
import { ADMIN_PASSWORD, TestClock } from '../helpers/backend';
import { expectAppError } from '../helpers/expect-error';
import { startDovecot, type TestImapServer } from '../helpers/imap-server';
import { makeTempDir } from '../helpers/temp';

/* eslint-disable @typescript-eslint/no-explicit-any */

// Against a real dovecot started for this file (tests/helpers/imap-server.ts). If dovecot cannot
// start, beforeAll throws and every test here fails: these tests never skip.
describe('polling a real IMAP mailbox into cases', () => {
  let imap: TestImapServer;
  const temp = makeTempDir();
  let backend: Backend;
  let admin: CallContext;

  const start = async () => {
    backend = await createBackend({
      dataDir: temp.dir,
      logger: silentLogger,
      clock: new TestClock(),
      requireSetupCode: false,
      firstAdmin: { username: 'admin', password: ADMIN_PASSWORD },
    });
    const session = await backend.dispatch({ token: null, address: '10.0.0.1', transport: 'test' }, 'auth.login', { username: 'admin', password: ADMIN_PASSWORD });
    admin = { token: session.token, address: '10.0.0.1', transport: 'test' };
  };
  const call = (method: string, input: unknown, ctx = admin) => backend.call(ctx, method, input) as Promise<any>;
  const message = (id: string, subject: string, body = 'Hello.', from = 'Ann Lee <ann@acme.example>') =>
    `From: ${from}\r\nTo: support@office.example\r\nSubject: ${subject}\r\nMessage-ID: <${id}>\r\nDate: Wed, 25 Nov 2026 10:00:00 +0000\r\n\r\n${body}\r\n`;
  const casesCount = () => {
    const db = new Database(backend.dbPath, { readonly: true });
    try {
      return db.prepare('SELECT count(*) FROM cases').pluck().get();
    } finally {
      db.close();
    }
  };
  let mailboxId = '';

  beforeAll(async () => {
    imap = await startDovecot();
    await start();
  });
  afterAll(async () => {
    backend?.close();
    await imap?.stop();
    temp.cleanup();
  });

  it('stores the mailbox password encrypted and never returns it', async () => {
    const mailbox = await call('mailboxes.create', {
      name: 'Support inbox',
      host: imap.host,
      port: imap.port,
      tls: false,
      username: imap.user,
      password: imap.password,
    });
    mailboxId = mailbox.id;
    expect(mailbox).toMatchObject({ hasPassword: true, folder: 'INBOX', enabled: true, status: { lastPollAt: null, messagesCaptured: 0 } });
    expect(JSON.stringify(mailbox)).not.toContain(imap.password);
    const db = new Database(backend.dbPath, { readonly: true });
    const stored = db.prepare('SELECT password_enc FROM mailboxes').pluck().get() as string;
    db.close();
    expect(stored).toMatch(/^v1:/);
    expect(stored).not.toContain(imap.password);
    expect(existsSync(join(temp.dir, 'secrets.key'))).toBe(true);
  });

  it('turns new mail into cases, each message once, and reports its status', async () => {
    await imap.deliver(message('imap-1@acme.example', 'Printer keeps jamming'));
    await imap.deliver(message('imap-2@acme.example', 'Invoice charged twice'));
    const first = await call('mailboxes.pollNow', { id: mailboxId });
    expect(first).toMatchObject({ captured: 2, failed: 0, skipped: 0 });
    expect(first.mailbox.status).toMatchObject({
      polling: false,
      lastError: null,
      messagesCaptured: 2,
      lastUid: 2,
      lastPollAt: expect.any(String),
      lastSuccessAt: expect.any(String),
    });
    expect((await call('cases.list', {})).items.map((c: any) => c.subject).sort()).toEqual(['Invoice charged twice', 'Printer keeps jamming']);

    expect(await call('mailboxes.pollNow', { id: mailboxId })).toMatchObject({ captured: 0, skipped: 0 });
    expect(casesCount()).toBe(2);
  });

  it('threads a reply, and sets aside a message it cannot read without stopping', async () => {
    const printer = (await call('cases.list', { q: 'printer' })).items[0];
    await imap.deliver(message('imap-3@acme.example', `Re: Printer keeps jamming [${printer.number}]`, 'Still jamming.'));
    await imap.deliver('Subject: no sender here\r\nMessage-ID: <broken@nowhere>\r\n\r\nwho am I\r\n');
    await imap.deliver(message('imap-4@acme.example', 'Login broken'));
    const result = await call('mailboxes.pollNow', { id: mailboxId });
    expect(result).toMatchObject({ captured: 2, failed: 1 });
    expect(result.mailbox.status.lastError).toMatch(/UID 4: .*no sender/);
    expect(result.mailbox.status).toMatchObject({ messagesCaptured: 4, messagesFailed: 1, lastUid: 5 });
    expect(readdirSync(join(temp.dir, 'mail-failed'))).toHaveLength(1);
    expect((await call('cases.thread', { id: printer.id })).items).toHaveLength(2);
    expect(casesCount()).toBe(3);
  });

  it('captures each message exactly once across a restart, and after losing its place', async () => {
    backend.close();
    await start();
    await imap.deliver(message('imap-5@acme.example', 'Delivery late'));
    expect(await call('mailboxes.pollNow', { id: mailboxId })).toMatchObject({ captured: 1, skipped: 0 });
    expect(casesCount()).toBe(4);

    // As if the server had renumbered the folder: everything comes again, and nothing is stored twice.
    const db = new Database(backend.dbPath);
    db.prepare("UPDATE mailboxes SET uid_validity = '1', last_uid = 0").run();
    db.close();
    const again = await call('mailboxes.pollNow', { id: mailboxId });
    expect(again).toMatchObject({ captured: 0, skipped: 5, failed: 1 });
    expect(again.mailbox.status.uidValidity).not.toBe('1');
    expect(casesCount()).toBe(4);
  });

  it('records a failed login in the status instead of failing the call', async () => {
    const current = await call('mailboxes.get', { id: mailboxId });
    await call('mailboxes.update', { id: mailboxId, version: current.version, patch: { password: 'wrong' } });
    const result = await call('mailboxes.pollNow', { id: mailboxId });
    expect(result.captured).toBe(0);
    expect(result.mailbox.status.lastError).toMatch(/auth|fail|credential/i);
  });

  it('is for administrators only', async () => {
    const user = await call('users.create', { username: 'sue', displayName: 'Sue', password: 'password-123', role: 'support' });
    const session = await backend.dispatch({ token: null, address: '10.0.0.2', transport: 'test' }, 'auth.login', { username: 'sue', password: 'password-123' });
    const sue: CallContext = { token: session.token, address: '10.0.0.2', transport: 'test' };
    expect(user.role).toBe('support');
    await expectAppError(call('mailboxes.list', {}, sue), 'FORBIDDEN');
    await expectAppError(call('mailboxes.pollNow', { id: mailboxId }, sue), 'FORBIDDEN');
  });
});
