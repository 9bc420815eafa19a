import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ADMIN_PASSWORD, startTestBackend, type TestBackend } from '../helpers/backend';
import { expectAppError } from '../helpers/expect-error';

/* eslint-disable @typescript-eslint/no-explicit-any */
const DAY = 86_400_000;

describe('retention signals', () => {
  let t: TestBackend;
  beforeEach(async () => {
    t = await startTestBackend();
  });
  afterEach(() => t.close());

  const call = (method: string, input: unknown, ctx = t.admin) => t.backend.call(ctx, method, input) as Promise<any>;
  const close = async (id: string, satisfaction: number) => {
    const c = await call('cases.get', { id });
    return call('cases.update', { id, version: c.version, patch: { status: 'closed', satisfaction } });
  };

  it('shows open complaints, satisfaction, recent cases and silence, and flags accounts at risk by the admin’s rules', async () => {
    await t.userWithRole('support', 'sid');
    const quiet = await call('accounts.create', { name: 'Quiet Ltd', type: 'customer' });
    const old = await call('cases.create', { subject: 'How do I export?', accountId: quiet.id });
    await close(old.id, 5);
    await call('activities.create', { type: 'call', subject: 'Check-in call', relatedType: 'accounts', relatedId: quiet.id });

    t.clock.advance(100 * DAY);
    t.admin = await t.login('admin', ADMIN_PASSWORD);
    const angry = await call('accounts.create', { name: 'Angry Inc' });
    const unhappy = await call('accounts.create', { name: 'Unhappy GmbH' });
    const happy = await call('accounts.create', { name: 'Happy Co' });
    const c1 = await call('cases.create', { subject: 'Broken delivery', type: 'complaint', accountId: angry.id });
    await call('cases.create', { subject: 'Rude driver', type: 'complaint', accountId: angry.id });
    await close((await call('cases.create', { subject: 'Slow answer', accountId: unhappy.id })).id, 1);
    await close((await call('cases.create', { subject: 'Thanks', accountId: happy.id })).id, 5);

    expect(await call('accounts.retention', { id: angry.id })).toMatchObject({
      openComplaints: 2,
      averageSatisfaction: null,
      casesLast90Days: 2,
      daysSinceLastContact: 0,
      atRisk: true,
      reasons: ['openComplaints'],
    });
    expect(await call('accounts.retention', { id: quiet.id })).toMatchObject({
      openComplaints: 0,
      averageSatisfaction: 5,
      casesLast90Days: 0,
      daysSinceLastContact: 100,
      reasons: ['noContact'],
    });

    const atRisk = await call('reports.atRisk', {});
    expect(atRisk.items.map((a: any) => a.accountName)).toEqual(['Angry Inc', 'Unhappy GmbH', 'Quiet Ltd']);
    expect(atRisk.items[1]).toMatchObject({ averageSatisfaction: 1, reasons: ['lowSatisfaction'] });

    // Settling a complaint with a good score changes the figures the account page shows.
    await close(c1.id, 4);
    expect(await call('accounts.retention', { id: angry.id })).toMatchObject({ openComplaints: 1, averageSatisfaction: 4, atRisk: false, reasons: [] });

    // The admin tunes the rules.
    await call('cases.settings.update', { atRisk: { openComplaintsAtLeast: 1, satisfactionBelow: 2, casesIn90DaysAtLeast: 2, noContactDays: 365, minSignals: 2 } });
    expect((await call('reports.atRisk', { limit: 5 })).items.map((a: any) => [a.accountName, a.reasons])).toEqual([
      ['Angry Inc', ['openComplaints', 'manyCases']],
    ]);
    const sid = await t.login('sid', 'password-123');
    await expectAppError(call('cases.settings.update', { warnBeforeMinutes: 5 }, sid), 'FORBIDDEN');
    await expectAppError(call('accounts.retention', { id: 'nope' }), 'NOT_FOUND');
  });
});
