import { existsSync, mkdirSync, readdirSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import iconv from 'iconv-lite';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createBackend } from '../../electron/core/backend';
import { silentLogger } from '../../electron/core/context';
import { ADMIN_PASSWORD, TestClock, startTestBackend, type TestBackend } from '../helpers/backend';
import { expectAppError } from '../helpers/expect-error';
import { startTestServer } from '../helpers/server';
import { makeTempDir } from '../helpers/temp';

/* eslint-disable @typescript-eslint/no-explicit-any */
const fixture = (name: string) => readFileSync(join(__dirname, '..', 'fixtures', 'mail', name), 'utf8');

/** A plain-text message; headers given as [name, value] pairs are added as written. */
function mail(from: string, subject: string, body: string, headers: Record<string, string> = {}): string {
  const lines = [`From: ${from}`, 'To: support@office.example', `Subject: ${subject}`, 'Date: Wed, 25 Nov 2026 10:00:00 +0000'];
  for (const [name, value] of Object.entries(headers)) lines.push(`${name}: ${value}`);
  return `${lines.join('\r\n')}\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n${body}\r\n`;
}

describe('capturing email into cases', () => {
  let t: TestBackend;
  beforeEach(async () => {
    t = await startTestBackend();
  });
  afterEach(() => t.close());

  const call = (method: string, input: unknown, ctx = t.admin) => t.backend.call(ctx, method, input) as Promise<any>;
  const count = (table: string) => {
    const db = new Database(t.backend.dbPath, { readonly: true });
    try {
      return db.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number;
    } finally {
      db.close();
    }
  };

  it('links a known sender to their contact and account, threads the reply by its token, and stores a message once', async () => {
    const account = await call('accounts.create', { name: 'Acme' });
    const ann = await call('contacts.create', { firstName: 'Ann', lastName: 'Lee', email: 'Ann.Lee@acme.example', accountId: account.id });
    const raw = mail('Ann Lee <ann.lee@acme.example>', 'Printer keeps jamming', 'Since Monday the printer jams.', { 'Message-ID': '<p1@acme.example>' });

    const first = await call('cases.captureEmail', { raw });
    expect(first).toMatchObject({ created: true, alreadyCaptured: false, threadedBy: null, contactId: ann.id, duplicateCandidates: [] });
    const opened = await call('cases.get', { id: first.caseId });
    expect(opened).toMatchObject({
      number: 'CASE-000001',
      subject: 'Printer keeps jamming',
      description: 'Since Monday the printer jams.',
      origin: 'email',
      status: 'new',
      contactId: ann.id,
      accountId: account.id,
      customerEmail: 'ann.lee@acme.example',
      assigneeId: null, // in the unassigned queue
    });

    const again = await call('cases.captureEmail', { raw });
    expect(again).toMatchObject({ caseId: first.caseId, created: false, alreadyCaptured: true });

    const reply = mail('Ann Lee <ann.lee@acme.example>', `RE: Printer keeps jamming [${opened.number}]`, 'Still jamming today.', {
      'Message-ID': '<p2@acme.example>',
    });
    const threaded = await call('cases.captureEmail', { raw: reply });
    expect(threaded).toMatchObject({ caseId: first.caseId, created: false, threadedBy: 'token' });

    // A reply without the token still finds its case through References.
    const viaHeaders = mail('Ann Lee <ann.lee@acme.example>', 'Re: the printer', 'And again.', {
      'Message-ID': '<p3@acme.example>',
      References: '<unknown@elsewhere> <p2@acme.example>',
    });
    expect(await call('cases.captureEmail', { raw: viaHeaders })).toMatchObject({ caseId: first.caseId, threadedBy: 'headers' });

    const thread = await call('cases.thread', { id: first.caseId });
    expect(thread.items.map((i: any) => [i.kind, i.direction, i.messageId])).toEqual([
      ['email', 'in', 'p1@acme.example'],
      ['email', 'in', 'p2@acme.example'],
      ['email', 'in', 'p3@acme.example'],
    ]);
    expect(count('cases')).toBe(1);
    expect(count('case_messages')).toBe(3);
    // The account's last contact is the latest message.
    expect(await call('accounts.retention', { id: account.id })).toMatchObject({ daysSinceLastContact: 0, lastContactAt: '2026-11-26T09:00:00.000Z' });
  });

  it('reopens a resolved case when the customer writes again, and resumes a paused clock', async () => {
    const first = await call('cases.captureEmail', { raw: mail('bob@stone.example', 'Chairs late', 'Where are they?', { 'Message-ID': '<c1@stone.example>' }) });
    const opened = await call('cases.get', { id: first.caseId });
    const waiting = await call('cases.update', { id: opened.id, version: opened.version, patch: { status: 'pending_customer' } });
    expect(waiting.slaPausedSince).not.toBeNull();
    await call('cases.captureEmail', { raw: mail('bob@stone.example', `Re: Chairs late [${opened.number}]`, 'Here is the order number.') });
    const resumed = await call('cases.get', { id: opened.id });
    expect(resumed).toMatchObject({ status: 'open', slaPausedSince: null });
    const resolved = await call('cases.update', { id: opened.id, version: resumed.version, patch: { status: 'resolved' } });
    await call('cases.captureEmail', { raw: mail('bob@stone.example', `Re: Chairs late [${opened.number}]`, 'They still have not come.') });
    expect(await call('cases.get', { id: opened.id })).toMatchObject({ status: 'open', reopenCount: 1, version: resolved.version + 1 });
  });

  it('makes a contact for an unknown sender, or none when the admin says so', async () => {
    const made = await call('cases.captureEmail', { raw: fixture('chinese-complaint.eml') });
    const contact = await call('contacts.get', { id: made.contactId });
    expect(contact).toMatchObject({ lastName: '王芳', firstName: null, email: 'wang.fang@huaxia.example' });
    expect(await call('cases.get', { id: made.caseId })).toMatchObject({ subject: '打印机一直卡纸', contactId: contact.id });

    await call('cases.settings.update', { unknownSender: 'none' });
    const anonymous = await call('cases.captureEmail', { raw: fixture('no-message-id.eml') });
    expect(anonymous.contactId).toBeNull();
    expect(await call('cases.get', { id: anonymous.caseId })).toMatchObject({ contactId: null, customerEmail: 'bob@stone.example' });
    // Without a Message-ID the content identifies the message: still stored once.
    expect(await call('cases.captureEmail', { raw: fixture('no-message-id.eml') })).toMatchObject({ alreadyCaptured: true, caseId: anonymous.caseId });

    await call('cases.settings.update', { unknownSender: 'lead' });
    const asLead = await call('cases.captureEmail', { raw: mail('Kim Park <kim@newco.example>', 'Do you ship to Korea?', 'Hi') });
    expect(asLead.contactId).toBeNull();
    expect(await call('leads.get', { id: asLead.leadId })).toMatchObject({ firstName: 'Kim', lastName: 'Park', email: 'kim@newco.example', source: 'email' });
    expect(await call('cases.get', { id: asLead.caseId })).toMatchObject({ leadId: asLead.leadId, contactId: null });
    const again = await call('cases.captureEmail', { raw: mail('kim@newco.example', 'Also: prices?', 'Hi') });
    expect(again.leadId).toBe(asLead.leadId);
  });

  it('offers a second complaint in other words as a possible duplicate when it arrives', async () => {
    const account = await call('accounts.create', { name: 'Huaxia Trading' });
    await call('contacts.create', { lastName: '王芳', email: 'wang.fang@huaxia.example', accountId: account.id });
    const first = await call('cases.captureEmail', { raw: fixture('chinese-complaint.eml') });
    const second = await call('cases.captureEmail', {
      raw: mail('=?UTF-8?B?546L6Iqz?= <wang.fang@huaxia.example>', '打印机又卡纸了', '我们办公室的打印机还是卡纸，请帮忙。', { 'Message-ID': '<jam-2@huaxia.example>' }),
    });
    expect(second.created).toBe(true);
    expect(second.duplicateCandidates).toEqual([expect.objectContaining({ id: first.caseId, score: expect.any(Number) })]);
    const marked = await call('cases.markDuplicate', { id: second.caseId, duplicateOfId: first.caseId });
    expect(marked.case.status).toBe('closed');
    expect((await call('cases.thread', { id: first.caseId })).items.filter((i: any) => i.kind === 'email')).toHaveLength(2);
    // A later reply to the duplicate lands on the original.
    const later = await call('cases.captureEmail', {
      raw: mail('wang.fang@huaxia.example', '还没修好', '还是卡纸', { 'In-Reply-To': '<jam-2@huaxia.example>', 'Message-ID': '<jam-3@huaxia.example>' }),
    });
    expect(later).toMatchObject({ caseId: first.caseId, threadedBy: 'headers' });
  });

  it('previews what a capture would do without storing anything', async () => {
    const account = await call('accounts.create', { name: 'Acme' });
    const ann = await call('contacts.create', { lastName: 'Lee', email: 'ann@acme.example', accountId: account.id });
    const first = await call('cases.captureEmail', { raw: mail('ann@acme.example', 'Printer keeps jamming', 'It jams on every page.', { 'Message-ID': '<pv-1@acme.example>' }) });
    const before = [count('cases'), count('case_messages'), count('contacts')];
    const preview = await call('cases.previewEmail', { raw: mail('Ann <ann@acme.example>', 'Paper jam on the printer again', 'The printer is jamming again.') });
    expect(preview).toMatchObject({
      from: { address: 'ann@acme.example', name: 'Ann' },
      contactId: ann.id,
      accountId: account.id,
      threadCaseId: null,
      alreadyCapturedCaseId: null,
      duplicateCandidates: [expect.objectContaining({ id: first.caseId })],
    });
    expect(await call('cases.previewEmail', { raw: mail('ann@acme.example', 'x', 'y', { 'Message-ID': '<pv-1@acme.example>' }) })).toMatchObject({
      alreadyCapturedCaseId: first.caseId,
    });
    expect([count('cases'), count('case_messages'), count('contacts')]).toEqual(before);
  });

  it('captures a batch in one go, each message on its own', async () => {
    const good = mail('bob@stone.example', 'Chairs late', 'Where are they?', { 'Message-ID': '<batch-1@stone.example>' });
    const { items } = await call('cases.captureEmails', { raws: [good, fixture('no-sender.eml'), good, mail('eve@x.example', 'Hello', 'Hi')] });
    expect(items.map((i: any) => [i.result?.created ?? null, i.result?.alreadyCaptured ?? null, i.error?.code ?? null])).toEqual([
      [true, false, null],
      [null, null, 'VALIDATION'],
      [false, true, null],
      [true, false, null],
    ]);
    expect(count('cases')).toBe(2);
  });

  it('stores a batch together: a Message-ID twice in it once, a reply to a message of the same batch on its case, a malformed one reported', async () => {
    const original = mail('Bob Stone <bob@stone.example>', 'Chairs late', 'Where are they?', { 'Message-ID': '<together-1@stone.example>' });
    const reply = mail('bob@stone.example', 'Re: Chairs late', 'Any news?', { 'Message-ID': '<together-2@stone.example>', 'In-Reply-To': '<together-1@stone.example>' });
    const other = mail('eve@x.example', 'Invoice question', 'Which address?', { 'Message-ID': '<together-3@x.example>' });
    const { items } = await call('cases.captureEmails', { raws: [original, reply, original, fixture('not-an-email.eml'), other] });
    expect(items.map((i: any) => [i.result?.created ?? null, i.result?.alreadyCaptured ?? null, i.result?.threadedBy ?? null, i.error?.code ?? null])).toEqual([
      [true, false, null, null],
      [false, false, 'headers', null],
      [false, true, null, null],
      [null, null, null, 'VALIDATION'],
      [true, false, null, null],
    ]);
    expect(items[3].error.message).toMatch(/not an email message we can read/);
    expect(items[1].result.caseId).toBe(items[0].result.caseId);
    expect(items[2].result.caseId).toBe(items[0].result.caseId);
    expect([count('cases'), count('case_messages'), count('contacts')]).toEqual([2, 3, 2]);
    const numbers = await Promise.all([items[0], items[4]].map(async (i: any) => (await call('cases.get', { id: i.result.caseId })).number));
    expect(numbers).toEqual(['CASE-000001', 'CASE-000002']);
  });

  it('makes the cases of a big batch findable in search, by subject, number and sender, like cases captured one by one', async () => {
    const raws = Array.from({ length: 12 }, (_, i) =>
      mail(`sender${i}@batch.example`, i === 7 ? '打印机一直卡纸' : `Broken widget number ${i}`, 'Details inside.', { 'Message-ID': `<big-${i}@batch.example>` }),
    );
    const { items } = await call('cases.captureEmails', { raws });
    expect(items.every((i: any) => i.result?.created)).toBe(true);
    const found = async (q: string) => ((await call('search.global', { q, types: ['cases'], limit: 50 })).groups[0]?.items ?? []).map((r: any) => r.id);
    expect(await found('widget')).toHaveLength(11);
    expect(await found('卡纸')).toEqual([items[7].result.caseId]);
    expect(await found(items[3].result.caseNumber)).toEqual([items[3].result.caseId]);
    expect(await found('sender5@batch.example')).toEqual([items[5].result.caseId]);
    // A reply in a later batch keeps its case findable once.
    await call('cases.captureEmails', { raws: [mail('sender3@batch.example', `Re: [${items[3].result.caseNumber}] Broken widget number 3`, 'Any news?'), ...raws] });
    expect(await found(items[3].result.caseNumber)).toEqual([items[3].result.caseId]);
  });

  it('stores none of a batch when storing fails in the middle of it, and uses no case number', async () => {
    const db = new Database(t.backend.dbPath);
    db.exec("CREATE TRIGGER fail_capture BEFORE INSERT ON case_messages WHEN NEW.subject = 'explode' BEGIN SELECT RAISE(ABORT, 'disk gremlin'); END");
    db.close();
    const raws = [mail('a@x.example', 'first', 'x'), mail('b@x.example', 'explode', 'x'), mail('c@x.example', 'third', 'x')];
    await expectAppError(call('cases.captureEmails', { raws }), 'INTERNAL');
    expect([count('cases'), count('contacts'), count('case_messages')]).toEqual([0, 0, 0]);
    expect((await call('cases.create', { subject: 'next' })).number).toBe('CASE-000001');
  });

  it('reads GB2312/GBK mail, HTML-only mail and a "Lee, Ann" sender as mail clients show them', async () => {
    const gbk = Buffer.concat([
      Buffer.from(
        [
          `From: =?GBK?B?${iconv.encode('王芳', 'gbk').toString('base64')}?= <wang.fang@huaxia.example>`,
          `Subject: =?GB2312?B?${iconv.encode('发票金额错误', 'gb2312').toString('base64')}?=`,
          'Content-Type: text/plain; charset=GBK',
          'Content-Transfer-Encoding: 8bit',
          '',
          '',
        ].join('\r\n'),
      ),
      iconv.encode('上个月的发票重复收费了，请核对后退款。', 'gbk'),
    ]);
    // The API takes text; GBK bytes arrive as they are through the watched folder (or IMAP).
    const inbox = join(t.dataDir, 'gbk-inbox');
    mkdirSync(inbox);
    await call('cases.settings.update', { inboxFolder: inbox });
    writeFileSync(join(inbox, 'gbk.eml'), gbk);
    const old = new Date(Date.now() - 60_000);
    utimesSync(join(inbox, 'gbk.eml'), old, old);
    expect(await call('mailboxes.scanFolder', {})).toMatchObject({ captured: 1, failed: [] });
    const cases = (await call('cases.list', { filter: { customerEmail: { eq: 'wang.fang@huaxia.example' } } })).items;
    const fromFile = cases.find((c: any) => c.subject === '发票金额错误');
    expect(fromFile).toMatchObject({ description: '上个月的发票重复收费了，请核对后退款。' });
    expect(await call('contacts.get', { id: fromFile.contactId })).toMatchObject({ lastName: '王芳' });

    const htmlOnly = await call('cases.captureEmail', {
      raw: 'From: "Lee, Ann" <ann.lee@acme.example>\r\nSubject: Portal down\r\nContent-Type: text/html; charset=utf-8\r\n\r\n<p>The portal shows <b>error 500</b>.</p><script>steal()</script>\r\n',
    });
    expect(await call('cases.get', { id: htmlOnly.caseId })).toMatchObject({ description: 'The portal shows error 500.' });
    expect((await call('cases.thread', { id: htmlOnly.caseId })).items[0].html).not.toContain('script');
    expect(await call('contacts.get', { id: htmlOnly.contactId })).toMatchObject({ firstName: 'Ann', lastName: 'Lee' });

    const unquoted = await call('cases.captureEmail', { raw: mail('Stone, Bob <bob@stone.example>', 'Chairs', 'Late') });
    expect(await call('contacts.get', { id: unquoted.contactId })).toMatchObject({ firstName: 'Bob', lastName: 'Stone', email: 'bob@stone.example' });
  });

  it('hands captured cases round robin to the chosen support users when the admin turns it on', async () => {
    const a = await t.userWithRole('support', 'ava');
    const b = await t.userWithRole('support', 'ben');
    await call('cases.settings.update', { roundRobin: { enabled: true, userIds: [a.id, b.id] } });
    const owners = [];
    for (let i = 0; i < 3; i++) {
      const captured = await call('cases.captureEmail', { raw: mail(`p${i}@x.example`, `Question ${i}`, 'Hi') });
      owners.push((await call('cases.get', { id: captured.caseId })).assigneeId);
    }
    expect(owners).toEqual([a.id, b.id, a.id]);
    expect((await call('cases.queue', { name: 'mine' }, a.ctx)).items).toHaveLength(2);
  });

  it('lists an attachment over the size limit without keeping its bytes', async () => {
    await call('cases.settings.update', { maxAttachmentMb: 1 });
    const big = Buffer.alloc(1024 * 1024 + 10, 7).toString('base64').replace(/.{76}/g, '$&\r\n');
    const raw = [
      'From: ann@acme.example',
      'Subject: Huge scan',
      'Content-Type: multipart/mixed; boundary="b"',
      '',
      '--b',
      'Content-Type: text/plain',
      '',
      'See the scan.',
      '--b',
      'Content-Type: application/octet-stream; name="scan.tif"',
      'Content-Disposition: attachment; filename="scan.tif"',
      'Content-Transfer-Encoding: base64',
      '',
      big,
      '--b--',
      '',
    ].join('\r\n');
    const captured = await call('cases.captureEmail', { raw });
    const email = (await call('cases.thread', { id: captured.caseId })).items[0];
    expect(email.attachments).toEqual([expect.objectContaining({ filename: 'scan.tif', stored: false, sizeBytes: 1024 * 1024 + 10 })]);
    await expectAppError(call('cases.attachment', { id: email.attachments[0].id }), 'NOT_FOUND');
  });

  it('shows HTML without anything that could run, and keeps the attachment', async () => {
    const captured = await call('cases.captureEmail', { raw: fixture('html-with-script.eml') });
    const thread = await call('cases.thread', { id: captured.caseId });
    const email = thread.items[0];
    expect(email.html).toContain('<b>INV-2231</b>');
    expect(email.html).toContain('href="https://acme.example/billing"');
    for (const bad of ['<script', 'onload', 'onerror', 'javascript:', '<iframe', 'tracker.example', 'stolen']) expect(email.html).not.toContain(bad);
    expect(email.text).toContain('charged twice');
    expect(email.attachments).toEqual([expect.objectContaining({ filename: 'statement.pdf', contentType: 'application/pdf', stored: true })]);
    const file = await call('cases.attachment', { id: email.attachments[0].id });
    expect(Buffer.from(file.dataBase64, 'base64').toString()).toMatch(/^%PDF-1\.4/);
  });

  it('refuses a malformed message with a clear error and stores nothing', async () => {
    for (const name of ['not-an-email.eml', 'no-sender.eml']) {
      const error = await expectAppError(call('cases.captureEmail', { raw: fixture(name) }), 'VALIDATION');
      expect(error.message).toMatch(/not an email message we can read/);
      expect(error.details).toEqual([expect.objectContaining({ path: 'raw' })]);
    }
    await expectAppError(call('cases.captureEmail', { raw: '' }), 'VALIDATION');
    expect([count('cases'), count('contacts'), count('case_messages'), count('activities')]).toEqual([0, 0, 0, 0]);
  });

  it('rolls everything back when storing fails halfway', async () => {
    const db = new Database(t.backend.dbPath);
    db.exec("CREATE TRIGGER fail_capture BEFORE INSERT ON case_messages WHEN NEW.subject = 'explode' BEGIN SELECT RAISE(ABORT, 'disk gremlin'); END");
    db.close();
    await expectAppError(call('cases.captureEmail', { raw: mail('new.person@example.com', 'explode', 'x') }), 'INTERNAL');
    expect([count('cases'), count('contacts'), count('case_messages'), count('activities')]).toEqual([0, 0, 0, 0]);
    expect((await call('cases.create', { subject: 'next' })).number).toBe('CASE-000001');
  });

  it('captures the watched folder into cases and moves each file to processed/ or failed/', async () => {
    const inbox = join(t.dataDir, 'dropbox');
    mkdirSync(inbox);
    await expectAppError(call('cases.settings.update', { inboxFolder: 123 }), 'VALIDATION');
    await call('cases.settings.update', { inboxFolder: inbox });
    writeFileSync(join(inbox, 'a.eml'), fixture('html-with-script.eml'));
    writeFileSync(join(inbox, 'b.eml'), fixture('html-with-script.eml'));
    writeFileSync(join(inbox, 'c.eml'), fixture('no-sender.eml'));
    writeFileSync(join(inbox, 'notes.txt'), 'not mail');
    const old = new Date(Date.now() - 60_000);
    for (const name of ['a.eml', 'b.eml', 'c.eml']) utimesSync(join(inbox, name), old, old);
    writeFileSync(join(inbox, 'd.eml'), fixture('chinese-complaint.eml')); // still being written: left for the next scan

    const result = await call('mailboxes.scanFolder', {});
    expect(result).toMatchObject({ captured: 1, alreadyCaptured: 1, failed: [expect.objectContaining({ file: 'c.eml' })] });
    expect(readdirSync(join(inbox, 'processed')).sort()).toEqual(['a.eml', 'b.eml']);
    expect(readdirSync(join(inbox, 'failed')).sort()).toEqual(['c.eml', 'c.eml.error.txt']);
    expect(readdirSync(inbox).sort()).toEqual(['d.eml', 'failed', 'notes.txt', 'processed']);
    expect(count('cases')).toBe(1);
  });
});

describe('capturing across a restart', () => {
  it('stores a message captured before the restart only once', async () => {
    const temp = makeTempDir();
    const start = () =>
      createBackend({ dataDir: temp.dir, logger: silentLogger, clock: new TestClock(), requireSetupCode: false, firstAdmin: { username: 'admin', password: ADMIN_PASSWORD } });
    const login = async (backend: Awaited<ReturnType<typeof start>>) => {
      const session = await backend.dispatch({ token: null, address: '10.0.0.1', transport: 'test' }, 'auth.login', { username: 'admin', password: ADMIN_PASSWORD });
      return { token: session.token, address: '10.0.0.1', transport: 'test' as const };
    };
    const raw = mail('ann@acme.example', 'Printer', 'Jams', { 'Message-ID': '<restart-1@acme.example>' });
    try {
      const before = await start();
      const first = (await before.call(await login(before), 'cases.captureEmail', { raw })) as any;
      before.close();
      const after = await start();
      try {
        const second = (await after.call(await login(after), 'cases.captureEmail', { raw })) as any;
        expect(second).toMatchObject({ caseId: first.caseId, alreadyCaptured: true });
        expect(existsSync(join(temp.dir, 'lantern.db'))).toBe(true);
      } finally {
        after.close();
      }
    } finally {
      temp.cleanup();
    }
  });
});

describe('capturing email over the HTTPS API', () => {
  it('answers a malformed message with 400 VALIDATION naming the field, and lists the service methods in OpenAPI', async () => {
    const server = await startTestServer();
    try {
      const bad = await server.api('cases.captureEmail', { raw: 'no headers here' });
      expect(bad.status).toBe(400);
      expect(bad.body.error).toMatchObject({ code: 'VALIDATION', details: [{ path: 'raw' }] });
      const good = await server.api('cases.captureEmail', { raw: mail('ann@acme.example', 'Hello', 'Hi') });
      expect(good.status).toBe(200);
      expect(good.body).toMatchObject({ created: true, caseNumber: 'CASE-000001' });
      const openapi = await server.http('GET', '/api/v1/openapi.json');
      for (const method of ['cases.captureEmail', 'cases.reply', 'cases.markDuplicate', 'mailboxes.pollNow', 'reports.atRisk']) {
        expect(openapi.body.paths[`/api/v1/${method}`], method).toBeDefined();
      }
    } finally {
      server.close();
    }
  });
});
