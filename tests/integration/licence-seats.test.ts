import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { createBackend } from '../../electron/core/backend';
import { silentLogger } from '../../electron/core/context';
import { SEAT_LEASE_MS } from '../../electron/core/licence/seats';
import { ADMIN_PASSWORD, startTestBackend, type TestBackend } from '../helpers/backend';
import { expectAppError } from '../helpers/expect-error';
import { issueTestLicence, TEST_PUBLIC_KEYS } from '../helpers/licence';
import { startTestServer, type TestServer } from '../helpers/server';

const PASSWORD = 'password-123';

/** A backend on a licence of `seats` seats, with users alice, bob and carol who have not signed in yet. */
async function officeWithSeats(seats: number): Promise<TestBackend> {
  const t = await startTestBackend();
  await t.backend.dispatch(t.admin, 'licence.install', { text: issueTestLicence({ licenceId: `L-${seats}-SEATS`, seats, issuedAt: t.clock.now().toISOString() }) });
  for (const [username, displayName] of [['alice', 'Alice Smith'], ['bob', 'Bob Jones'], ['carol', 'Carol Wu']]) {
    await t.backend.dispatch(t.admin, 'users.create', { username: username!, displayName: displayName!, password: PASSWORD, role: 'sales' });
  }
  // The admin's own seat is given back so each test starts with every seat free.
  await t.backend.dispatch(t.admin, 'auth.logout', {});
  return t;
}

async function sessionsOf(t: TestBackend, username: string): Promise<number> {
  const db = new Database(t.backend.dbPath, { readonly: true });
  try {
    return db.prepare('SELECT count(*) FROM sessions s JOIN users u ON u.id = s.user_id WHERE u.username = ?').pluck().get(username) as number;
  } finally {
    db.close();
  }
}

describe('seats', () => {
  let t: TestBackend;
  afterEach(() => t.close());

  it('with 2 seats, a third person signing in gets LICENSE naming who holds the seats', async () => {
    t = await officeWithSeats(2);
    await t.login('alice', PASSWORD);
    await t.login('bob', PASSWORD);
    const error = await expectAppError(t.login('carol', PASSWORD), 'LICENSE');
    expect(error.message).toMatch(/^All 2 seats are in use, by Alice Smith \(alice\) and Bob Jones \(bob\)\. Ask one of them to sign out/);
    expect(error.details).toMatchObject({ reason: 'seats', seats: 2, holders: [{ username: 'alice' }, { username: 'bob' }] });
    // The refused sign-in left no session behind.
    expect(await sessionsOf(t, 'carol')).toBe(0);
  });

  it('one person on a second device shares their seat', async () => {
    t = await officeWithSeats(2);
    await t.login('alice', PASSWORD, '10.0.0.7');
    await t.login('alice', PASSWORD, '10.0.0.8');
    const admin = await t.login('admin', ADMIN_PASSWORD);
    const seats = await t.backend.dispatch(admin, 'seats.list', {});
    expect(seats).toMatchObject({ limit: 2, inUse: 2 });
    await expectAppError(t.login('bob', PASSWORD), 'LICENSE');
    expect(seats.holders.find((h) => h.username === 'alice')).toMatchObject({ sessions: 2, addresses: ['10.0.0.7', '10.0.0.8'] });
  });

  it('signing out gives the seat back at once', async () => {
    t = await officeWithSeats(1);
    const alice = await t.login('alice', PASSWORD);
    await expectAppError(t.login('bob', PASSWORD), 'LICENSE');
    await t.backend.dispatch(alice, 'auth.logout', {});
    await expect(t.login('bob', PASSWORD)).resolves.toBeTruthy();
  });

  it("a crashed app's seat frees itself within the lease time; heartbeats keep a quiet app's seat", async () => {
    t = await officeWithSeats(2);
    const alice = await t.login('alice', PASSWORD);
    await t.login('bob', PASSWORD); // bob's app crashes: no more calls
    t.clock.advance(SEAT_LEASE_MS - 10_000);
    const beat = await t.backend.dispatch(alice, 'seats.heartbeat', {});
    expect(Date.parse(beat.leaseExpiresAt)).toBe(t.clock.now().getTime() + SEAT_LEASE_MS);
    await expectAppError(t.login('carol', PASSWORD), 'LICENSE');
    t.clock.advance(10_001);
    const carol = await t.login('carol', PASSWORD);
    expect((await t.backend.dispatch(carol, 'licence.status', {})).seats).toEqual({ limit: 2, inUse: 2 });
    // Bob comes back: his lease lapsed and the seats are taken, so his session cannot go on.
    const bob = await t.login('bob', PASSWORD).catch((e) => e);
    expect(bob.code).toBe('LICENSE');
  });

  it('a session whose lease lapsed takes a seat again on its next call when one is free', async () => {
    t = await officeWithSeats(2);
    const alice = await t.login('alice', PASSWORD);
    t.clock.advance(SEAT_LEASE_MS + 1);
    await expect(t.backend.dispatch(alice, 'auth.me', {})).resolves.toBeTruthy();
    const bob = await t.login('bob', PASSWORD);
    t.clock.advance(SEAT_LEASE_MS + 1);
    await t.backend.dispatch(bob, 'seats.heartbeat', {});
    await t.login('carol', PASSWORD);
    const error = await expectAppError(t.backend.dispatch(alice, 'auth.me', {}), 'LICENSE');
    expect(error.message).toMatch(/^Your seat was given up after 2 minutes without contact, and all 2 seats are now in use, by Bob Jones \(bob\) and Carol Wu \(carol\)/);
    // Signing out still works without a seat.
    await expect(t.backend.dispatch(alice, 'auth.logout', {})).resolves.toEqual({ ok: true });
  });

  it('an administrator can free a seat, which signs that person out', async () => {
    t = await officeWithSeats(2);
    const adminCtx = await t.login('admin', ADMIN_PASSWORD);
    const alice = await t.login('alice', PASSWORD);
    await expectAppError(t.login('bob', PASSWORD), 'LICENSE');
    const { holders } = await t.backend.dispatch(adminCtx, 'seats.list', {});
    const aliceId = holders.find((h) => h.username === 'alice')!.userId;
    await expectAppError(t.backend.dispatch(alice, 'seats.release', { userId: aliceId }), 'FORBIDDEN');
    await t.backend.dispatch(adminCtx, 'seats.release', { userId: aliceId });
    await expectAppError(t.backend.dispatch(alice, 'auth.me', {}), 'UNAUTHENTICATED');
    await expect(t.login('bob', PASSWORD)).resolves.toBeTruthy();
  });

  it('a restart never hands out more seats than the licence has', async () => {
    t = await officeWithSeats(2);
    await t.login('alice', PASSWORD);
    await t.login('bob', PASSWORD);
    t.backend.close();
    const restarted = await createBackend({ dataDir: t.dataDir, logger: silentLogger, clock: t.clock, requireSetupCode: false, licencePublicKeys: TEST_PUBLIC_KEYS });
    try {
      const error = await expectAppError(restarted.dispatch(t.anonymous, 'auth.login', { username: 'carol', password: PASSWORD }), 'LICENSE');
      expect(error.message).toMatch(/Alice Smith \(alice\) and Bob Jones \(bob\)/);
    } finally {
      restarted.close();
    }
  });

  it("the trial's 3 seats refuse a fourth person signed in at once", async () => {
    t = await startTestBackend({ licence: 'trial' });
    for (const name of ['dan', 'eve']) await t.userWithRole('support', name);
    await t.backend.dispatch(t.admin, 'users.create', { username: 'fay', displayName: 'Fay', password: PASSWORD, role: 'sales' });
    const error = await expectAppError(t.login('fay', PASSWORD), 'LICENSE');
    expect(error.message).toMatch(/^All 3 seats are in use, by Test admin|^All 3 seats are in use/);
    expect(error.message).toContain('Test dan (dan)');
  });
});

describe('seats over HTTPS', () => {
  let s: TestServer;
  afterEach(() => s.close());

  it('answers a sign-in beyond the seats with 402 and the LICENSE body', async () => {
    s = await startTestServer();
    await s.backend.dispatch(s.admin, 'licence.install', { text: issueTestLicence({ seats: 1, issuedAt: s.clock.now().toISOString() }) });
    await s.backend.dispatch(s.admin, 'users.create', { username: 'zoe', displayName: 'Zoe', password: PASSWORD, role: 'sales' });
    const res = await s.api('auth.login', { username: 'zoe', password: PASSWORD }, null);
    expect(res.status).toBe(402);
    expect(res.body.error).toMatchObject({ code: 'LICENSE', message: expect.stringMatching(/All 1 seat is in use, by Administrator \(admin\)/) });
  });
});
