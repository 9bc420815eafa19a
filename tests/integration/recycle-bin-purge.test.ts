import Database from 'better-sqlite3';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createBackend, DATABASE_FILE, type Backend } from '../../electron/core/backend';
import type { CallContext } from '../../electron/core/context';
import { silentLogger } from '../../electron/core/context';
import { PURGE_STEP } from '../../electron/core/records/recycle-bin-purge';
import { ADMIN_PASSWORD, TestClock } from '../helpers/backend';
import { expectAppError } from '../helpers/expect-error';
import { makeTempDir } from '../helpers/temp';

/* eslint-disable @typescript-eslint/no-explicit-any */

const DEFAULT_STEP = { ...PURGE_STEP };
const nextTurn = () => new Promise((resolve) => setImmediate(resolve));

/**
 * Emptying the recycle bin removes in steps (a short write transaction each) what a user deleted:
 * the records, the activities logged against them, their search and duplicate-key entries, with
 * foreign keys followed; other people's saves get in between steps, and the page shows progress.
 */
describe('emptying the recycle bin in steps', () => {
  let temp: ReturnType<typeof makeTempDir>;
  let backend: Backend;
  let admin: CallContext;
  let other: CallContext;
  let clock: TestClock;

  const open = async () => {
    backend = await createBackend({
      dataDir: temp.dir,
      logger: silentLogger,
      clock,
      requireSetupCode: false,
      firstAdmin: { username: 'admin', password: ADMIN_PASSWORD },
    });
    const anonymous: CallContext = { token: null, address: '10.0.0.1', transport: 'test' };
    admin = { ...anonymous, token: (await backend.dispatch(anonymous, 'auth.login', { username: 'admin', password: ADMIN_PASSWORD })).token };
  };
  const call = (method: string, input: unknown, ctx = admin) => backend.call(ctx, method, input) as Promise<any>;
  /** Read-only look at the file itself: what is left in the tables search and the bin never show. */
  const left = (sql: string, ...params: unknown[]) => {
    const db = new Database(join(temp.dir, DATABASE_FILE), { readonly: true });
    try {
      return db.prepare(sql).pluck().get(...params);
    } finally {
      db.close();
    }
  };
  const anyOf = (ids: string[]) => JSON.stringify(ids);

  beforeEach(async () => {
    temp = makeTempDir();
    clock = new TestClock();
    await open();
    // Four bin entries a step: the bin below takes several steps, and the account's batch spans two.
    Object.assign(PURGE_STEP, { first: 4, min: 4, max: 4 });
    const user = await call('users.create', { username: 'lihua', displayName: 'Li Hua', password: 'password-123', role: 'sales' });
    other = { ...admin, token: (await call('auth.login', { username: user.username, password: 'password-123' }, { token: null, address: '10.0.0.2', transport: 'test' })).token };
  });
  afterEach(() => {
    Object.assign(PURGE_STEP, DEFAULT_STEP);
    backend.close();
    temp.cleanup();
  });

  /** An account deleted with its 5 contacts (one batch of 6), 8 contacts with 2 activities each (one of them binned on its own), a case of a contact. */
  async function fillTheBin() {
    const account = await call('accounts.create', { name: 'Zebulon Holdings Inc', website: 'zebulon.example.com' });
    const staff = [];
    for (let i = 0; i < 5; i++) staff.push(await call('contacts.create', { firstName: `Staff${i}`, lastName: 'Zebulon', accountId: account.id }));
    const contacts = [];
    const activities = [];
    for (let i = 0; i < 8; i++) {
      const contact = await call('contacts.create', { firstName: `Imported${i}`, lastName: 'Zebulon', email: `imported${i}@zebulon.example.com` });
      contacts.push(contact);
      for (const subject of [`Quarterly zebra call ${i}`, `Zebra follow-up ${i}`]) {
        activities.push(await call('activities.create', { type: 'call', subject, relatedType: 'contacts', relatedId: contact.id }));
      }
    }
    const kase = await call('cases.create', { subject: 'Zebra printer jammed', contactId: contacts[0].id });
    const renewal = await call('opportunities.create', { name: 'Zebulon renewal', stage: 'Qualification', accountId: account.id });
    await call('accounts.delete', { id: account.id, contacts: 'delete' });
    clock.advance(1000); // the bin empties oldest first: the account's batch, then the rest
    for (const activity of activities.filter((_, i) => i % 4 === 0)) await call('activities.delete', { id: activity.id });
    for (const contact of contacts) await call('contacts.delete', { id: contact.id });
    return { account, staff, contacts, activities, kase, renewal, entries: 6 + activities.length / 4 + contacts.length };
  }

  it('removes everything in several steps: records, activities about them, search entries, duplicate keys; others save meanwhile', async () => {
    const keeper = await call('contacts.create', { lastName: 'Keeper', email: 'keeper@example.com' });
    await call('activities.create', { type: 'note', subject: 'Zebra note on a live contact', relatedType: 'contacts', relatedId: keeper.id });
    const { account, staff, contacts, activities, kase, renewal, entries } = await fillTheBin();
    // A deal in the bin too: its stage history goes with it (cascade).
    const lost = await call('opportunities.create', { name: 'Lost zebra deal', stage: 'Qualification' });
    await call('opportunities.delete', { id: lost.id });
    expect(left('SELECT count(*) FROM opportunity_stage_history WHERE opportunity_id = ?', lost.id)).toBeGreaterThan(0);
    const gone = [account.id, ...staff.map((c) => c.id), ...contacts.map((c) => c.id), ...activities.map((a) => a.id)];
    expect((await call('search.global', { q: 'zebra call' })).groups).not.toEqual([]);
    const mine = await call('contacts.create', { lastName: 'Saving' }, other);
    const feed: string[] = [];
    backend.onChange((event) => event.op === 'purge' && feed.push(event.table));

    const order: string[] = [];
    const purging = call('recycleBin.purge', { all: true }).then((result) => (order.push('purge answered'), result));
    const seen = [];
    let saved = false;
    for (;;) {
      const status = await call('recycleBin.purgeStatus', {});
      seen.push(status.processed);
      if (!saved && status.processed > 0) {
        // Another user's save while the bin is being emptied: it goes through between two steps.
        saved = true;
        await call('contacts.update', { id: mine.id, version: mine.version, patch: { title: 'Saved meanwhile' } }, other);
        order.push('other user saved');
      }
      if (status.state !== 'running') break;
      await nextTurn();
    }
    const { purged } = await purging;
    expect(purged).toBe(entries + 1);
    expect(order).toEqual(['other user saved', 'purge answered']);
    expect(seen.some((n) => n > 0 && n < entries + 1)).toBe(true);
    expect(await call('recycleBin.purgeStatus', {})).toMatchObject({ state: 'done', total: entries + 1, processed: entries + 1 });
    expect(feed.filter((table) => table === 'contacts').length).toBeGreaterThan(1);

    // Nothing is left behind, in the bin, the tables, the search index or the duplicate keys.
    expect((await call('recycleBin.list', {})).items).toEqual([]);
    expect(left('SELECT count(*) FROM recycle_bin')).toBe(0);
    expect(left('SELECT count(*) FROM contacts WHERE id IN (SELECT value FROM json_each(?))', anyOf(gone))).toBe(0);
    expect(left('SELECT count(*) FROM activities WHERE id IN (SELECT value FROM json_each(?))', anyOf(gone))).toBe(0);
    expect(left('SELECT count(*) FROM accounts WHERE id IN (SELECT value FROM json_each(?))', anyOf(gone))).toBe(0);
    expect(left('SELECT count(*) FROM search_keys WHERE record_id IN (SELECT value FROM json_each(?))', anyOf(gone))).toBe(0);
    expect(left('SELECT count(*) FROM dedup_keys WHERE record_id = ?', account.id)).toBe(0);
    const found = await call('search.global', { q: 'zebra' });
    expect(found.groups.flatMap((g: any) => g.items.map((i: any) => i.title)).sort()).toEqual(['CASE-000001 Zebra printer jammed', 'Zebra note on a live contact']);
    // Of everything named Zebulon only the live deal is found.
    expect((await call('search.global', { q: 'zebulon' })).groups.flatMap((g: any) => g.items.map((i: any) => i.title))).toEqual(['Zebulon renewal']);

    // What hung off them by a foreign key is unlinked, and the audit trail names every record removed.
    expect(await call('cases.get', { id: kase.id })).toMatchObject({ subject: 'Zebra printer jammed', contactId: null });
    expect(await call('opportunities.get', { id: renewal.id })).toMatchObject({ name: 'Zebulon renewal', accountId: null });
    expect(left('SELECT count(*) FROM opportunities WHERE id = ?', lost.id)).toBe(0);
    expect(left('SELECT count(*) FROM opportunity_stage_history WHERE opportunity_id = ?', lost.id)).toBe(0);
    expect(left("SELECT count(DISTINCT record_id) FROM changes WHERE op = 'purge' AND record_id IN (SELECT value FROM json_each(?))", anyOf([...gone, lost.id]))).toBe(gone.length + 1);
    expect((await call('contacts.get', { id: keeper.id })).lastName).toBe('Keeper');
    expect((await call('contacts.get', { id: mine.id }, other)).title).toBe('Saved meanwhile');
  });

  it('refuses a second purge while one runs, and purges only the chosen entry with what was deleted with it', async () => {
    const { account, staff, contacts } = await fillTheBin();
    const purging = call('recycleBin.purge', { all: true });
    const busy = await expectAppError(call('recycleBin.purge', { all: true }), 'CONFLICT');
    expect(busy.message).toMatch(/being emptied already/);
    await purging;

    const { staff: staff2, account: account2, contacts: contacts2 } = await fillTheBin();
    const accountEntry = (await call('recycleBin.list', { type: 'accounts' })).items[0];
    expect(accountEntry).toMatchObject({ id: account2.id, dependants: 5 });
    expect(await call('recycleBin.purge', { entryIds: [accountEntry.entryId] })).toEqual({ purged: 6 });
    expect(left('SELECT count(*) FROM contacts WHERE id IN (SELECT value FROM json_each(?))', anyOf(staff2.map((c) => c.id)))).toBe(0);
    // The other entries are untouched and can still be restored.
    expect((await call('contacts.restore', { id: contacts2[0].id })).deletedAt).toBeNull();
    expect([account.id, ...staff.map((c) => c.id), ...contacts.map((c) => c.id)].every((id) => left('SELECT count(*) FROM contacts WHERE id = ?', id) === 0)).toBe(true);
  });

  it('a purge stopped half-way (the server stopping) leaves whole steps: the account stays listed with the rest of its batch, and purging again finishes', async () => {
    const { account, staff, contacts, activities, entries } = await fillTheBin();
    const purging = call('recycleBin.purge', { all: true });
    purging.catch(() => undefined);
    for (;;) {
      await nextTurn();
      if ((await call('recycleBin.purgeStatus', {})).processed > 0) break;
    }
    backend.close();
    const stopped = await expectAppError(purging, 'CONFLICT');
    expect(stopped.message).toMatch(/The server stopped while emptying the recycle bin: 4 of \d+ records were deleted for good/);

    await open();
    // The first step took four of the account's five contacts (dependants go before their root).
    const bin = (await call('recycleBin.list', { limit: 100 })).items;
    expect(bin.find((item: any) => item.id === account.id)).toMatchObject({ dependants: 1 });
    expect(bin).toHaveLength(1 + activities.length / 4 + contacts.length);
    expect(left('SELECT count(*) FROM contacts WHERE id IN (SELECT value FROM json_each(?))', anyOf(staff.map((c) => c.id)))).toBe(1);
    // Every entry still in the bin has its record, still deleted; every batch still has its root.
    expect(left('SELECT count(*) FROM recycle_bin b WHERE NOT EXISTS (SELECT 1 FROM contacts WHERE id = b.record_id AND deleted_at IS NOT NULL) AND NOT EXISTS (SELECT 1 FROM accounts WHERE id = b.record_id AND deleted_at IS NOT NULL) AND NOT EXISTS (SELECT 1 FROM activities WHERE id = b.record_id AND deleted_at IS NOT NULL)')).toBe(0);
    expect(left('SELECT count(*) FROM recycle_bin b WHERE NOT EXISTS (SELECT 1 FROM recycle_bin r WHERE r.batch_id = b.batch_id AND r.is_root = 1)')).toBe(0);

    expect(await call('recycleBin.purge', { all: true })).toEqual({ purged: entries - 4 });
    expect(left('SELECT count(*) FROM recycle_bin')).toBe(0);
    expect(left('SELECT count(*) FROM contacts')).toBe(0);
  });
});
