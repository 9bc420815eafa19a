import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ADMIN_PASSWORD, startTestBackend, type TestBackend } from '../helpers/backend';
import { expectAppError } from '../helpers/expect-error';

/* eslint-disable @typescript-eslint/no-explicit-any */
const HOUR = 3_600_000;

describe('cases', () => {
  let t: TestBackend;
  beforeEach(async () => {
    // The test clock starts on Thursday 2026-11-26 09:00 UTC; the office calendar is Mon-Fri 09:00-17:00 UTC.
    t = await startTestBackend();
  });
  afterEach(() => t.close());

  const call = (method: string, input: unknown, ctx = t.admin) => t.backend.call(ctx, method, input) as Promise<any>;
  /** Moves the clock; sessions last 12 hours, so the admin signs in again. */
  const advance = async (ms: number) => {
    t.clock.advance(ms);
    t.admin = await t.login('admin', ADMIN_PASSWORD);
  };

  it('numbers cases CASE-000001 upward and never reuses the number of a purged case', async () => {
    const account = await call('accounts.create', { name: 'Acme' });
    const contact = await call('contacts.create', { firstName: 'Ann', lastName: 'Lee', accountId: account.id });
    const first = await call('cases.create', { subject: 'Printer jams', contactId: contact.id, type: 'problem', priority: 'high' });
    expect(first).toMatchObject({
      number: 'CASE-000001',
      status: 'new',
      origin: 'web',
      priority: 'high',
      contactId: contact.id,
      accountId: account.id, // derived from the contact
      assigneeId: first.ownerId,
      version: 1,
    });
    const second = await call('cases.create', { subject: 'Second' });
    expect(second.number).toBe('CASE-000002');
    await call('cases.delete', { id: second.id });
    await call('recycleBin.purge', { all: true });
    const third = await call('cases.create', { subject: 'Third' });
    expect(third.number).toBe('CASE-000003');
    expect((await call('cases.list', { q: 'case-00000' })).items.map((c: any) => c.number)).toEqual(['CASE-000003', 'CASE-000001']);
    await expectAppError(call('cases.create', { subject: 'x', contactId: 'nope' }), 'VALIDATION');
    await expectAppError(call('cases.update', { id: first.id, version: 1, patch: { number: 'CASE-999999' } }), 'VALIDATION');
  });

  it('gives an urgent case due times from the SLA, and pending customer stops the clock', async () => {
    await call('cases.settings.update', { warnBeforeMinutes: 45 });
    const urgent = await call('cases.create', { subject: 'Production line down', priority: 'urgent' });
    // Urgent defaults: first response in 1 business hour, resolution in 8.
    expect(urgent).toMatchObject({
      firstResponseDueAt: '2026-11-26T10:00:00.000Z',
      resolutionDueAt: '2026-11-26T17:00:00.000Z',
      slaState: 'ok',
      aboutToBreach: false,
    });

    t.clock.advance(0.5 * HOUR); // 09:30: 30 minutes to the first-response target, inside the 45-minute warning window
    expect(await call('cases.get', { id: urgent.id })).toMatchObject({ aboutToBreach: true, slaState: 'warning' });
    const escalated = await call('cases.escalations', {});
    expect(escalated.items).toEqual([expect.objectContaining({ target: 'firstResponse', breached: false, minutesLeft: 30 })]);

    t.clock.advance(HOUR); // 10:30: the first response is late
    const late = await call('cases.get', { id: urgent.id });
    expect(late).toMatchObject({ firstResponseBreached: true, resolutionBreached: false, slaState: 'breached' });
    expect((await call('cases.queue', { name: 'overdue' })).items.map((c: any) => c.id)).toEqual([urgent.id]);

    const waiting = await call('cases.update', { id: urgent.id, version: late.version, patch: { status: 'pending_customer' } });
    expect(waiting).toMatchObject({ slaPausedSince: '2026-11-26T10:30:00.000Z', slaState: 'breached' });
    expect((await call('cases.queue', { name: 'overdue' })).items).toEqual([]);

    await advance(24 * HOUR); // Friday 10:30: the customer answers after 8 business hours
    const resumed = await call('cases.update', { id: urgent.id, version: waiting.version, patch: { status: 'open' } });
    expect(resumed).toMatchObject({
      slaPausedSince: null,
      slaPausedMinutes: 8 * 60,
      // 8 business hours of waiting push the resolution target from Thursday 17:00 to Friday 17:00.
      resolutionDueAt: '2026-11-27T17:00:00.000Z',
      resolutionBreached: false,
    });
  });

  it('shows a paused case as paused, not ticking towards breach', async () => {
    const c = await call('cases.create', { subject: 'Waiting on logs', priority: 'normal' });
    const paused = await call('cases.update', { id: c.id, version: 1, patch: { status: 'pending_customer' } });
    await advance(30 * 24 * HOUR);
    expect(await call('cases.get', { id: paused.id })).toMatchObject({ slaState: 'paused', resolutionBreached: false, aboutToBreach: false });
  });

  it('resolves with a satisfaction score, refuses a score on an open case, and reopens', async () => {
    const c = await call('cases.create', { subject: 'Wrong invoice', type: 'complaint' });
    await expectAppError(call('cases.update', { id: c.id, version: 1, patch: { satisfaction: 5 } }), 'VALIDATION');
    const resolved = await call('cases.update', { id: c.id, version: 1, patch: { status: 'resolved', resolution: 'Credit note sent' } });
    expect(resolved.resolvedAt).toBe('2026-11-26T09:00:00.000Z');
    t.clock.advance(HOUR);
    const closed = await call('cases.update', { id: c.id, version: resolved.version, patch: { status: 'closed', satisfaction: 2 } });
    expect(closed).toMatchObject({ status: 'closed', satisfaction: 2, closedAt: '2026-11-26T10:00:00.000Z', resolvedAt: '2026-11-26T09:00:00.000Z', slaState: 'met' });

    await expectAppError(call('cases.reopen', { id: (await call('cases.create', { subject: 'still new' })).id }), 'VALIDATION');
    const reopened = await call('cases.reopen', { id: c.id, reason: 'Charged again' });
    expect(reopened).toMatchObject({ status: 'open', satisfaction: null, resolvedAt: null, closedAt: null, reopenCount: 1 });
    const thread = await call('cases.thread', { id: c.id });
    expect(thread.items).toEqual([expect.objectContaining({ kind: 'comment', body: 'Reopened: Charged again', visibility: 'internal' })]);
  });

  it('queues: unassigned, mine, team; support takes an unassigned case but cannot take a colleague’s', async () => {
    const manager = await t.userWithRole('manager', 'mia');
    const sam = await t.userWithRole('support', 'sam', manager.id);
    const sue = await t.userWithRole('support', 'sue', manager.id);
    const loose = await call('cases.create', { subject: 'Nobody has this', assigneeId: null });
    expect(loose.assigneeId).toBeNull();
    expect((await call('cases.queue', { name: 'unassigned' }, sam.ctx)).items.map((c: any) => c.id)).toEqual([loose.id]);

    const taken = await call('cases.assign', { id: loose.id, assigneeId: sam.id }, sam.ctx);
    expect(taken).toMatchObject({ assigneeId: sam.id, ownerId: sam.id });
    expect((await call('cases.queue', { name: 'unassigned' }, sam.ctx)).items).toEqual([]);
    expect((await call('cases.queue', { name: 'mine' }, sam.ctx)).items.map((c: any) => c.id)).toEqual([loose.id]);
    await expectAppError(call('cases.assign', { id: loose.id, assigneeId: sue.id }, sue.ctx), 'FORBIDDEN');
    await expectAppError(call('cases.update', { id: loose.id, version: taken.version, patch: { priority: 'low' } }, sue.ctx), 'FORBIDDEN');

    // The manager sees the team's cases and may hand them around within the team.
    expect((await call('cases.queue', { name: 'team' }, manager.ctx)).items.map((c: any) => c.id)).toEqual([loose.id]);
    // A support agent's team is everyone under the same manager.
    expect((await call('cases.queue', { name: 'team' }, sue.ctx)).items.map((c: any) => c.id)).toEqual([loose.id]);
    const moved = await call('cases.assign', { id: loose.id, assigneeId: sue.id }, manager.ctx);
    expect(moved).toMatchObject({ assigneeId: sue.id, ownerId: sue.id });
    const back = await call('cases.assign', { id: loose.id, assigneeId: null }, sue.ctx);
    expect(back).toMatchObject({ assigneeId: null, ownerId: sue.id });
  });

  it('assigns round robin among the chosen support users, skipping inactive ones', async () => {
    const a = await t.userWithRole('support', 'rr-a');
    const b = await t.userWithRole('support', 'rr-b');
    const c = await t.userWithRole('support', 'rr-c');
    await expectAppError(call('cases.settings.update', { roundRobin: { enabled: false, userIds: ['nobody'] } }), 'VALIDATION');
    await call('cases.settings.update', { roundRobin: { enabled: false, userIds: [a.id, b.id, c.id] } });
    const ids: string[] = [];
    for (let i = 0; i < 4; i++) {
      const created = await call('cases.create', { subject: `Case ${i}`, assigneeId: null });
      ids.push((await call('cases.assign', { id: created.id, roundRobin: true })).assigneeId);
    }
    expect(ids).toEqual([a.id, b.id, c.id, a.id]);
    await call('users.deactivate', { id: b.id });
    const next = await call('cases.create', { subject: 'After b left', assigneeId: null });
    expect((await call('cases.assign', { id: next.id, roundRobin: true })).assigneeId).toBe(c.id);
    await expectAppError(call('cases.assign', { id: next.id, roundRobin: true }, a.ctx), 'FORBIDDEN');
  });

  it('offers a reworded complaint of the same contact as a possible duplicate, in English and in Chinese', async () => {
    const account = await call('accounts.create', { name: 'Huaxia Trading' });
    const ann = await call('contacts.create', { firstName: 'Ann', lastName: 'Lee', accountId: account.id });
    const colleague = await call('contacts.create', { firstName: 'Bo', lastName: 'Wu', accountId: account.id });
    const stranger = await call('contacts.create', { lastName: 'Stranger' });
    const original = await call('cases.create', {
      subject: 'Printer keeps jamming',
      description: 'Since Monday the office printer jams on every second page.',
      contactId: ann.id,
      type: 'complaint',
    });
    await call('cases.create', { subject: 'Invoice INV-2231 is wrong', description: 'We were charged twice.', contactId: ann.id });
    await call('cases.create', { subject: 'Printer keeps jamming', description: 'Same words, other customer.', contactId: stranger.id });
    const again = await call('cases.create', {
      subject: 'Paper jam again',
      description: 'The printer in our office is still jamming paper, please help.',
      contactId: colleague.id, // same account, other person
      type: 'complaint',
    });
    const found = await call('cases.duplicates', { id: again.id });
    expect(found.items.map((d: any) => d.id)).toEqual([original.id]);
    expect(found.items[0].score).toBeGreaterThan(0.3);

    const zh1 = await call('cases.create', { subject: '打印机一直卡纸', description: '从周一开始办公室的打印机每隔一页就卡纸。', contactId: stranger.id });
    const zh2 = await call('cases.create', { subject: '打印机又卡纸了', description: '我们办公室的打印机还是卡纸，请帮忙。', contactId: stranger.id });
    const zhFound = await call('cases.duplicates', { id: zh2.id });
    expect(zhFound.items.map((d: any) => d.id)).toContain(zh1.id);

    // Outside the window (14 days by default) a case is no longer a candidate.
    await advance(15 * 24 * HOUR);
    const late = await call('cases.create', { subject: 'Printer keeps jamming again', contactId: ann.id });
    expect((await call('cases.duplicates', { id: late.id })).items.map((d: any) => d.id)).not.toContain(original.id);
  });

  it('marking a duplicate moves its thread onto the original and closes it; unmarking undoes it', async () => {
    const original = await call('cases.create', { subject: 'Printer keeps jamming' });
    const dup = await call('cases.create', { subject: 'Paper jam again' });
    await call('cases.comment', { caseId: dup.id, body: 'Customer called again', visibility: 'internal' });
    const activity = await call('activities.create', { type: 'call', subject: 'Called Ann back', relatedType: 'cases', relatedId: dup.id });

    const marked = await call('cases.markDuplicate', { id: dup.id, duplicateOfId: original.id });
    expect(marked.case).toMatchObject({ status: 'closed', duplicateOfId: original.id, resolution: `Duplicate of ${original.number}` });
    const onOriginal = await call('cases.thread', { id: original.id });
    expect(onOriginal.items.map((i: any) => i.kind === 'comment' ? i.body : i.subject)).toEqual(
      expect.arrayContaining(['Customer called again', 'Called Ann back', `${dup.number} was closed as a duplicate of this case; its thread was moved here.`]),
    );
    expect((await call('cases.thread', { id: dup.id })).items).toEqual([]);
    expect((await call('activities.get', { id: activity.id })).relatedId).toBe(original.id);
    await expectAppError(call('cases.update', { id: dup.id, version: marked.case.version, patch: { status: 'open' } }), 'VALIDATION');
    await expectAppError(call('cases.markDuplicate', { id: original.id, duplicateOfId: original.id }), 'VALIDATION');

    const unmarked = await call('cases.unmarkDuplicate', { id: dup.id });
    expect(unmarked).toMatchObject({ status: 'new', duplicateOfId: null, resolution: null, reopenCount: 0 });
    const dupThread = await call('cases.thread', { id: dup.id });
    expect(dupThread.items.map((i: any) => i.kind === 'comment' ? i.body : i.subject).sort()).toEqual(['Called Ann back', 'Customer called again']);
    expect((await call('activities.get', { id: activity.id })).relatedId).toBe(dup.id);
  });

  it('keeps attachments by content hash, within the size limit', async () => {
    const c = await call('cases.create', { subject: 'Photo of the damage' });
    const data = Buffer.from('not really a jpeg').toString('base64');
    const first = await call('cases.attach', { caseId: c.id, filename: '../../etc/damage.jpg', contentType: 'image/jpeg', dataBase64: data });
    const second = await call('cases.attach', { caseId: c.id, filename: 'copy.jpg', dataBase64: data });
    expect(first.sha256).toBe(second.sha256);
    expect(first.filename).toBe('.._.._etc_damage.jpg');
    const back = await call('cases.attachment', { id: first.id });
    expect(Buffer.from(back.dataBase64, 'base64').toString()).toBe('not really a jpeg');
    await call('cases.settings.update', { maxAttachmentMb: 1 });
    const big = Buffer.alloc(1024 * 1024 + 1).toString('base64');
    await expectAppError(call('cases.attach', { caseId: c.id, filename: 'big.bin', dataBase64: big }), 'VALIDATION');
  });
});
