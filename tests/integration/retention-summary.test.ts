import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { ADMIN_PASSWORD, startTestBackend, TestClock, type TestBackend } from '../helpers/backend';

/* eslint-disable @typescript-eslint/no-explicit-any */
const DAY = 86_400_000;

interface Rules {
  openComplaintsAtLeast: number;
  satisfactionBelow: number;
  casesIn90DaysAtLeast: number;
  noContactDays: number;
  minSignals: number;
}

/**
 * The at-risk list as session 2 computed it, one grouped pass over every recent case: the answer
 * the account_retention summary (migration 0008) must keep giving after any write.
 */
function atRiskFromCases(db: Database.Database, now: Date, rules: Rules, limit: number) {
  const at = (days: number) => new Date(now.getTime() - days * DAY).toISOString();
  const silentBefore = at(rules.noContactDays);
  const rows = db
    .prepare(
      `SELECT account_id,
         sum(type = 'complaint' AND status NOT IN ('resolved', 'closed')) AS open_complaints,
         avg(CASE WHEN created_at >= @since THEN satisfaction END) AS satisfaction_avg,
         count(CASE WHEN created_at >= @since THEN satisfaction END) AS satisfaction_count,
         sum(created_at >= @since90) AS cases_90,
         max(created_at) AS last_case_at
       FROM cases
       WHERE deleted_at IS NULL AND account_id IS NOT NULL AND duplicate_of_id IS NULL
         AND (created_at >= @since OR (type = 'complaint' AND status NOT IN ('resolved', 'closed')))
       GROUP BY account_id`,
    )
    .all({ since: at(365), since90: at(90) }) as any[];
  const lastActivity = (accountId: string): string | null => {
    const activity = db.prepare('SELECT max(occurred_at) FROM activities WHERE account_id = ? AND deleted_at IS NULL AND occurred_at <= ?').pluck().get(accountId, now.toISOString()) as string | null;
    const email = db
      .prepare('SELECT max(m.received_at) FROM cases c JOIN case_messages m ON m.case_id = c.id WHERE c.account_id = ? AND c.deleted_at IS NULL')
      .pluck()
      .get(accountId) as string | null;
    return activity === null || email === null ? (activity ?? email) : activity > email ? activity : email;
  };
  const items: any[] = [];
  for (const stats of rows) {
    let hits = 0;
    if (stats.open_complaints >= rules.openComplaintsAtLeast) hits++;
    if (stats.satisfaction_avg !== null && stats.satisfaction_avg < rules.satisfactionBelow) hits++;
    if (stats.cases_90 >= rules.casesIn90DaysAtLeast) hits++;
    if (hits < rules.minSignals && hits + 1 >= rules.minSignals && (stats.last_case_at ?? '') < silentBefore) {
      if ((lastActivity(stats.account_id) ?? '') < silentBefore) hits++;
    }
    if (hits < rules.minSignals) continue;
    const name = db.prepare('SELECT name FROM accounts WHERE id = ? AND deleted_at IS NULL').pluck().get(stats.account_id) as string | undefined;
    if (name === undefined) continue;
    const activity = lastActivity(stats.account_id);
    const last = activity === null || stats.last_case_at === null ? (activity ?? stats.last_case_at) : activity > stats.last_case_at ? activity : stats.last_case_at;
    const days = last === null ? null : Math.floor((now.getTime() - Date.parse(last)) / DAY);
    const avg = stats.satisfaction_avg;
    const reasons: string[] = [];
    if (stats.open_complaints >= rules.openComplaintsAtLeast) reasons.push('openComplaints');
    if (avg !== null && avg < rules.satisfactionBelow) reasons.push('lowSatisfaction');
    if (stats.cases_90 >= rules.casesIn90DaysAtLeast) reasons.push('manyCases');
    if (days !== null && days >= rules.noContactDays) reasons.push('noContact');
    if (reasons.length < rules.minSignals) continue;
    items.push({
      accountId: stats.account_id,
      accountName: name,
      openComplaints: stats.open_complaints,
      averageSatisfaction: avg === null ? null : Math.round(avg * 100) / 100,
      satisfactionResponses: stats.satisfaction_count,
      casesLast90Days: stats.cases_90,
      lastContactAt: last,
      daysSinceLastContact: days,
      atRisk: true,
      reasons,
    });
  }
  const severity = (s: any) => s.reasons.length * 1000 + s.openComplaints * 10 + (5 - (s.averageSatisfaction ?? 5));
  items.sort((a, b) => severity(b) - severity(a) || a.accountName.localeCompare(b.accountName));
  return items.slice(0, limit);
}

/** account_retention as migration 0008 builds it from scratch at the current anchors: what the triggers must have kept. */
function summaryRebuilt(db: Database.Database) {
  return db
    .prepare(
      `SELECT c.account_id, (SELECT a.deleted_at IS NULL FROM accounts a WHERE a.id = c.account_id) AS account_live,
         sum(c.type = 'complaint' AND c.status NOT IN ('resolved', 'closed')) AS open_complaints,
         max(c.created_at) AS last_case_at,
         max(CASE WHEN c.type = 'complaint' AND c.status NOT IN ('resolved', 'closed') THEN c.created_at END) AS last_open_complaint_at,
         sum(c.created_at >= w.recent_since) AS recent_cases,
         sum(CASE WHEN c.satisfaction IS NOT NULL AND c.created_at >= w.scores_since THEN c.satisfaction ELSE 0 END) AS score_sum,
         sum(c.satisfaction IS NOT NULL AND c.created_at >= w.scores_since) AS score_count
       FROM cases c, retention_window w
       WHERE c.deleted_at IS NULL AND c.duplicate_of_id IS NULL AND c.account_id IS NOT NULL
       GROUP BY c.account_id ORDER BY c.account_id`,
    )
    .all();
}

function summaryKept(db: Database.Database) {
  return db
    .prepare(
      `SELECT account_id, account_live, open_complaints, last_case_at, last_open_complaint_at, recent_cases, score_sum, score_count
       FROM account_retention ORDER BY account_id`,
    )
    .all();
}

/** A small seeded generator, so a failure replays the same way. */
function seeded(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let x = state;
    x = Math.imul(x ^ (x >>> 15), x | 1);
    x ^= x + Math.imul(x ^ (x >>> 7), x | 61);
    return ((x ^ (x >>> 14)) >>> 0) / 4_294_967_296;
  };
  return { int: (min: number, max: number) => min + Math.floor(next() * (max - min + 1)), pick: <T>(items: readonly T[]) => items[Math.floor(next() * items.length)]! };
}

describe('the at-risk list kept by the account_retention summary', () => {
  let t: TestBackend;
  let clock: TestClock;
  let db: Database.Database;
  afterEach(() => {
    db?.close();
    t?.close();
  });

  const start = async () => {
    clock = new TestClock();
    t = await startTestBackend({ clock });
    db = new Database(t.backend.dbPath, { readonly: true });
  };
  /** Time passes (sessions end meanwhile: the admin signs in again). */
  const advance = async (ms: number) => {
    clock.advance(ms);
    t.admin = await t.login('admin', ADMIN_PASSWORD);
  };
  const call = (method: string, input: unknown) => t.backend.call(t.admin, method, input) as Promise<any>;
  const atRisk = async (limit = 20) => (await call('reports.atRisk', { limit })).items as any[];
  const names = async () => (await atRisk()).map((item) => [item.accountName, item.reasons]);
  const setStatus = async (id: string, status: string, satisfaction?: number) => {
    const current = await call('cases.get', { id });
    return call('cases.update', { id, version: current.version, patch: satisfaction === undefined ? { status } : { status, satisfaction } });
  };

  it('changes at once when a case is opened, settled, scored, deleted, restored or merged away, or its account deleted', async () => {
    await start();
    await call('cases.settings.update', { atRisk: { openComplaintsAtLeast: 1, satisfactionBelow: 3, casesIn90DaysAtLeast: 3, noContactDays: 60, minSignals: 1 } });
    const acme = await call('accounts.create', { name: 'Acme' });
    const bolt = await call('accounts.create', { name: 'Bolt' });
    const crane = await call('accounts.create', { name: 'Crane' });
    expect(await names()).toEqual([]);

    const complaint = await call('cases.create', { subject: 'Late again', type: 'complaint', accountId: acme.id });
    expect(await names()).toEqual([['Acme', ['openComplaints']]]);
    await setStatus(complaint.id, 'resolved');
    expect(await names()).toEqual([]);
    await setStatus(complaint.id, 'open');
    expect(await names()).toEqual([['Acme', ['openComplaints']]]);
    await call('cases.delete', { id: complaint.id });
    expect(await names()).toEqual([]);
    await call('cases.restore', { id: complaint.id });
    expect(await names()).toEqual([['Acme', ['openComplaints']]]);

    // A low score on Bolt; it stops counting while its case is marked as a duplicate of another.
    const slow = await setStatus((await call('cases.create', { subject: 'Slow answer', accountId: bolt.id })).id, 'closed', 1);
    expect(await names()).toEqual([['Acme', ['openComplaints']], ['Bolt', ['lowSatisfaction']]]);
    const again = await call('cases.create', { subject: 'Slow answer again', accountId: bolt.id });
    await call('cases.markDuplicate', { id: slow.id, duplicateOfId: again.id });
    expect(await names()).toEqual([['Acme', ['openComplaints']]]);
    await call('cases.unmarkDuplicate', { id: slow.id });
    expect(await names()).toEqual([['Acme', ['openComplaints']], ['Bolt', ['lowSatisfaction']]]);

    // Bolt's account goes to the recycle bin and comes back.
    await call('accounts.delete', { id: bolt.id });
    expect(await names()).toEqual([['Acme', ['openComplaints']]]);
    await call('accounts.restore', { id: bolt.id });
    expect(await names()).toEqual([['Acme', ['openComplaints']], ['Bolt', ['lowSatisfaction']]]);

    // Three questions make Crane busy; one marked as a duplicate of another no longer counts.
    const questions = [];
    for (const subject of ['Printer jams', 'Printer jams again', 'Invoice copy']) questions.push(await call('cases.create', { subject, accountId: crane.id }));
    expect(await names()).toEqual([['Acme', ['openComplaints']], ['Bolt', ['lowSatisfaction']], ['Crane', ['manyCases']]]);
    await call('cases.markDuplicate', { id: questions[1].id, duplicateOfId: questions[0].id });
    expect(await names()).toEqual([['Acme', ['openComplaints']], ['Bolt', ['lowSatisfaction']]]);
    await call('cases.unmarkDuplicate', { id: questions[1].id });
    expect((await names()).map(([name]) => name)).toEqual(['Acme', 'Bolt', 'Crane']);

    // Merging Acme into Crane moves the complaint: Crane now has both signals; undo moves it back.
    const merged = await call('accounts.merge', { targetId: crane.id, sourceIds: [acme.id] });
    expect(await names()).toEqual([['Crane', ['openComplaints', 'manyCases']], ['Bolt', ['lowSatisfaction']]]);
    await call('merges.undo', { id: merged.mergeId });
    expect((await names()).map(([name]) => name)).toEqual(['Acme', 'Bolt', 'Crane']);

    // Removed for good from the recycle bin: the complaint no longer counts anywhere.
    await call('cases.delete', { id: complaint.id });
    await call('recycleBin.purge', { all: true });
    expect((await names()).map(([name]) => name)).toEqual(['Bolt', 'Crane']);

    // Time passes: Crane's cases leave the 90 days, Bolt's score the year; both then went quiet.
    await advance(91 * DAY);
    expect(await names()).toEqual([['Bolt', ['lowSatisfaction', 'noContact']], ['Crane', ['noContact']]]);
    await advance(275 * DAY);
    expect(await names()).toEqual([]);
    expect(summaryKept(db)).toEqual(summaryRebuilt(db));
  });

  it('counts the 90 days to the reader’s clock, also when the server’s clock is put back', async () => {
    await start();
    await call('cases.settings.update', { atRisk: { openComplaintsAtLeast: 5, satisfactionBelow: 1, casesIn90DaysAtLeast: 2, noContactDays: 3650, minSignals: 1 } });
    const acme = await call('accounts.create', { name: 'Acme' });
    const bolt = await call('accounts.create', { name: 'Bolt' });
    await call('cases.create', { subject: 'First', accountId: acme.id });
    await advance(DAY);
    await call('cases.create', { subject: 'Second', accountId: acme.id });
    expect(await names()).toEqual([['Acme', ['manyCases']]]);

    // 90.5 days after the first case it has left the window; a new case moves the anchors past it.
    await advance(89.5 * DAY);
    expect(await names()).toEqual([]);
    await call('cases.create', { subject: 'Elsewhere', accountId: bolt.id });
    expect(await names()).toEqual([]);

    // The clock put back by 23 hours: the first case is within 90 days again, for the reader ...
    await advance(-23 * 3_600_000);
    expect(await names()).toEqual([['Acme', ['manyCases']]]);
    // ... and for the anchors, once a case is written at the corrected time.
    await call('cases.create', { subject: 'Elsewhere again', accountId: bolt.id });
    expect(await names()).toEqual([['Acme', ['manyCases']], ['Bolt', ['manyCases']]]);
    expect(summaryKept(db)).toEqual(summaryRebuilt(db));
    expect(db.prepare('SELECT anchored_at FROM retention_window').pluck().get()).toBe(clock.now().toISOString());
  });

  it('puts the worst accounts first when an account with an old case was in touch since', async () => {
    await start();
    await call('cases.settings.update', { atRisk: { openComplaintsAtLeast: 1, satisfactionBelow: 1, casesIn90DaysAtLeast: 100, noContactDays: 30, minSignals: 1 } });
    const acme = await call('accounts.create', { name: 'Acme' });
    const bolt = await call('accounts.create', { name: 'Bolt' });
    await call('cases.create', { subject: 'Damaged parcel', type: 'complaint', accountId: acme.id });
    await advance(35 * DAY);
    await call('cases.create', { subject: 'Wrong invoice', type: 'complaint', accountId: bolt.id });
    await call('cases.create', { subject: 'Wrong invoice again', type: 'complaint', accountId: bolt.id });
    await advance(5 * DAY);
    // Acme's complaint is 40 days old, but someone called them today: not silent.
    await call('activities.create', { type: 'call', subject: 'Apology call', relatedType: 'accounts', relatedId: acme.id });
    expect((await atRisk(1)).map((item) => [item.accountName, item.reasons, item.daysSinceLastContact])).toEqual([['Bolt', ['openComplaints'], 5]]);
    expect((await atRisk(2)).map((item) => [item.accountName, item.reasons, item.daysSinceLastContact])).toEqual([
      ['Bolt', ['openComplaints'], 5],
      ['Acme', ['openComplaints'], 0],
    ]);
  });

  // Every write path at random, the clock moving forward (and once back, as when a wrong server
  // clock is put right), compared after each step with the grouped pass over the cases, under two
  // sets of rules, for the whole list and its first places.
  it('gives the answer of the grouped pass over the cases after any mix of writes and time', async () => {
    await start();
    const random = seeded(8);
    const strict: Rules = { openComplaintsAtLeast: 2, satisfactionBelow: 3.5, casesIn90DaysAtLeast: 3, noContactDays: 30, minSignals: 2 };
    const loose: Rules = { openComplaintsAtLeast: 1, satisfactionBelow: 3, casesIn90DaysAtLeast: 2, noContactDays: 45, minSignals: 1 };
    // What the test knows is live or in the recycle bin, so that most random writes are ones a user could make.
    const accounts = { live: [] as string[], binned: [] as string[] };
    const cases = { live: [] as string[], binned: [] as string[] };
    const move = (from: string[], to: string[], id: string) => {
      from.splice(from.indexOf(id), 1);
      to.push(id);
    };
    const merges: Array<{ mergeId: string; sourceId: string }> = [];
    const newAccount = async () => accounts.live.push((await call('accounts.create', { name: random.pick(['Acme', 'Bolt', 'Crane', 'Delta', '北京科技', 'Ferro']) + ` ${accounts.live.length}` })).id);
    for (let i = 0; i < 10; i++) await newAccount();

    const always = () => true;
    const some = (pool: unknown[], least = 1) => () => pool.length >= least;
    const createCase = async () => {
      const type = random.pick(['complaint', 'complaint', 'question', 'problem']);
      cases.live.push((await call('cases.create', { subject: 'Trouble', type, accountId: random.pick(accounts.live) })).id);
    };
    const steps: Array<{ weight: number; possible: () => boolean; run: () => Promise<unknown> }> = [
      { weight: 6, possible: always, run: createCase },
      { weight: 3, possible: always, run: () => setStatus(random.pick(cases.live), random.pick(['open', 'pending_customer', 'resolved'])) },
      { weight: 3, possible: always, run: () => setStatus(random.pick(cases.live), 'closed', random.int(1, 5)) },
      {
        weight: 1,
        possible: always,
        run: async () => {
          const id = random.pick(cases.live);
          await call('cases.delete', { id });
          move(cases.live, cases.binned, id);
        },
      },
      {
        weight: 1,
        possible: some(cases.binned),
        run: async () => {
          const id = random.pick(cases.binned);
          await call('cases.restore', { id });
          move(cases.binned, cases.live, id);
        },
      },
      { weight: 1, possible: always, run: () => call('cases.markDuplicate', { id: random.pick(cases.live), duplicateOfId: random.pick(cases.live) }) },
      { weight: 1, possible: always, run: () => call('cases.unmarkDuplicate', { id: random.pick(cases.live) }) },
      {
        weight: 1,
        possible: always,
        run: async () => {
          const id = random.pick(cases.live);
          const current = await call('cases.get', { id });
          return call('cases.update', { id, version: current.version, patch: { accountId: random.pick(accounts.live) } });
        },
      },
      {
        weight: 1,
        possible: some(accounts.live, 4),
        run: async () => {
          const id = random.pick(accounts.live);
          await call('accounts.delete', { id });
          move(accounts.live, accounts.binned, id);
        },
      },
      {
        weight: 1,
        possible: some(accounts.binned),
        run: async () => {
          const id = random.pick(accounts.binned);
          await call('accounts.restore', { id });
          move(accounts.binned, accounts.live, id);
        },
      },
      {
        weight: 1,
        possible: some(accounts.live, 4),
        run: async () => {
          const [targetId, sourceId] = [random.pick(accounts.live), random.pick(accounts.live)];
          merges.push({ mergeId: (await call('accounts.merge', { targetId, sourceIds: [sourceId] })).mergeId, sourceId });
          move(accounts.live, accounts.binned, sourceId);
        },
      },
      {
        weight: 1,
        possible: some(merges),
        run: async () => {
          const merge = merges.pop()!;
          await call('merges.undo', { id: merge.mergeId });
          move(accounts.binned, accounts.live, merge.sourceId);
        },
      },
      { weight: 1, possible: always, run: newAccount },
      { weight: 2, possible: always, run: () => call('activities.create', { type: 'call', subject: 'Check-in', relatedType: 'accounts', relatedId: random.pick(accounts.live) }) },
      {
        weight: 1,
        possible: always,
        run: () =>
          call('activities.create', {
            type: 'meeting',
            subject: 'Review',
            relatedType: 'accounts',
            relatedId: random.pick(accounts.live),
            startAt: new Date(clock.now().getTime() + 5 * DAY).toISOString(),
          }),
      },
      { weight: 2, possible: always, run: () => advance(random.int(1, 25) * DAY + random.int(0, 23) * 3_600_000) },
    ];
    let writes = 0;
    let listed = 0;
    for (let step = 0; step < 160; step++) {
      const possible = steps.filter((candidate) => candidate.possible());
      const action = cases.live.length < 8 ? createCase : random.pick(possible.flatMap((candidate) => Array.from({ length: candidate.weight }, () => candidate.run)));
      // A few random writes are refused (a case marked a duplicate of itself, a merge undone after
      // its account was purged): a refused write changes nothing, which the comparison checks too.
      await action().then(
        () => writes++,
        (error: any) => expect(['VALIDATION', 'CONFLICT', 'NOT_FOUND'], error.message).toContain(error.code),
      );
      if (step === 100) {
        await call('recycleBin.purge', { all: true });
        accounts.binned = [];
        cases.binned = [];
      }
      // The server's clock put back by most of a day: the anchors are then ahead of the reader.
      if (step === 120) await advance(-23 * 3_600_000);
      const rules = step % 2 === 0 ? strict : loose;
      await call('cases.settings.update', { atRisk: rules });
      const expected = atRiskFromCases(db, clock.now(), rules, 200);
      expect(await atRisk(200), `step ${step}`).toEqual(expected);
      expect(await atRisk(3), `step ${step}, first 3`).toEqual(expected.slice(0, 3));
      listed += expected.length;
      expect(summaryKept(db), `step ${step}, summary`).toEqual(summaryRebuilt(db));
    }
    expect(writes).toBeGreaterThan(130);
    expect(listed).toBeGreaterThan(400);
  });
});
