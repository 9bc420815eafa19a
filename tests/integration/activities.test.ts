import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startTestBackend, type TestBackend } from '../helpers/backend';
import { expectAppError } from '../helpers/expect-error';

describe('activities', () => {
  let t: TestBackend;
  beforeEach(async () => {
    t = await startTestBackend();
  });
  afterEach(() => t.close());
  const call = (method: string, input: unknown, ctx = t.admin) => t.backend.call(ctx, method, input) as Promise<any>; // eslint-disable-line @typescript-eslint/no-explicit-any

  it("logs a call on a contact and shows it on the account's timeline", async () => {
    const account = await call('accounts.create', { name: 'Umbrella' });
    const contact = await call('contacts.create', { lastName: 'Wesker', accountId: account.id });
    const logged = await call('activities.create', {
      type: 'call',
      subject: 'Discussed renewal',
      status: 'done',
      relatedType: 'contacts',
      relatedId: contact.id,
      startAt: '2026-11-25T10:00:00+01:00',
    });
    expect(logged).toMatchObject({ accountId: account.id, status: 'done', completedAt: expect.any(String), startAt: '2026-11-25T09:00:00.000Z' });
    await call('activities.create', { type: 'note', subject: 'Prefers email', relatedType: 'accounts', relatedId: account.id });
    const timeline = await call('activities.list', { filter: { accountId: account.id } });
    expect(timeline.items.map((a: { subject: string }) => a.subject)).toEqual(['Prefers email', 'Discussed renewal']);
    expect(timeline.items[0].status).toBe('done');
  });

  it('completing a task records when; reopening clears it', async () => {
    const task = await call('activities.create', { type: 'task', subject: 'Send quote', dueAt: '2026-11-27T12:00:00Z' });
    expect(task).toMatchObject({ status: 'open', completedAt: null, priority: 'normal' });
    const done = await call('activities.update', { id: task.id, version: 1, patch: { status: 'done' } });
    expect(done.completedAt).toBe(t.clock.now().toISOString());
    const reopened = await call('activities.update', { id: task.id, version: 2, patch: { status: 'open' } });
    expect(reopened.completedAt).toBeNull();
  });

  it('sorts my work into overdue, today, upcoming and done recently, in my time zone', async () => {
    // The test clock stands at 2026-11-26 09:00 UTC = 17:00 in Shanghai.
    await call('activities.create', { type: 'task', subject: 'late', dueAt: '2026-11-25T08:00:00Z' });
    await call('activities.create', { type: 'task', subject: 'tonight', dueAt: '2026-11-26T14:00:00Z' });
    await call('activities.create', { type: 'call', subject: 'tomorrow', dueAt: '2026-11-26T17:00:00Z' });
    const finished = await call('activities.create', { type: 'task', subject: 'finished', dueAt: '2026-11-20T08:00:00Z' });
    await call('activities.update', { id: finished.id, version: 1, patch: { status: 'done' } });
    const { ctx: other } = await t.userWithRole('sales');
    await call('activities.create', { type: 'task', subject: 'not mine', dueAt: '2026-11-25T08:00:00Z' }, other);

    const subjects = (list: { subject: string }[]) => list.map((a) => a.subject);
    const shanghai = await call('activities.myWork', { timeZone: 'Asia/Shanghai' });
    expect(subjects(shanghai.overdue)).toEqual(['late']);
    expect(subjects(shanghai.today)).toEqual(['tonight']);
    expect(subjects(shanghai.upcoming)).toEqual(['tomorrow']);
    expect(subjects(shanghai.doneRecently)).toEqual(['finished']);
    // In New York (04:00) the same instants fall on other days.
    const newYork = await call('activities.myWork', { timeZone: 'America/New_York' });
    expect(subjects(newYork.today)).toEqual(['tonight', 'tomorrow']);
    await expectAppError(call('activities.myWork', { timeZone: 'Mars/Olympus' }), 'VALIDATION');
  });

  it('relates only to live records and needs both relatedType and relatedId', async () => {
    await expectAppError(call('activities.create', { type: 'note', subject: 'x', relatedType: 'contacts' }), 'VALIDATION');
    await expectAppError(call('activities.create', { type: 'note', subject: 'x', relatedType: 'contacts', relatedId: 'nope' }), 'VALIDATION');
    const error = await expectAppError(
      call('activities.create', { type: 'meeting', subject: 'x', startAt: '2026-11-26T10:00:00Z', endAt: '2026-11-26T09:00:00Z' }),
      'VALIDATION',
    );
    expect(error.details).toEqual([{ path: 'endAt', message: 'Before the start' }]);
  });
});
