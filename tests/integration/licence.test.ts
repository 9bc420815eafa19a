import { afterEach, describe, expect, it } from 'vitest';
import { createBackend } from '../../electron/core/backend';
import { silentLogger } from '../../electron/core/context';
import { serverFingerprintReader } from '../../electron/core/licence/fingerprint';
import { ensureCertificate } from '../../electron/server/tls';
import { ADMIN_PASSWORD, startTestBackend, type TestBackend } from '../helpers/backend';
import { expectAppError } from '../helpers/expect-error';
import { issueTestLicence, TEST_PUBLIC_KEYS } from '../helpers/licence';

const DAY = 24 * 60 * 60 * 1000;
/** Sessions that outlive the days these tests skip. */
const LONG_SESSIONS = 400 * DAY;

describe('installing a licence', () => {
  let t: TestBackend;
  afterEach(() => t.close());

  it('installs a licence file and shows its seats and terms to everyone', async () => {
    t = await startTestBackend({ licence: 'trial' });
    expect(await t.backend.dispatch(t.admin, 'licence.status', {})).toMatchObject({ state: 'trial', seats: { limit: 3, inUse: 1 } });
    const status = await t.backend.dispatch(t.admin, 'licence.install', { text: issueTestLicence({ seats: 2, licensee: 'Acme Ltd' }) });
    expect(status).toMatchObject({ state: 'licensed', writable: true, seats: { limit: 2, inUse: 1 }, licence: { licensee: 'Acme Ltd', seats: 2 } });
    const { ctx } = await t.userWithRole('sales');
    expect((await t.backend.dispatch(ctx, 'licence.status', {})).licence?.licensee).toBe('Acme Ltd');
  });

  it('refuses an edited file and one signed by another key, saying why, and keeps the licence it had', async () => {
    t = await startTestBackend({ licence: 'trial' });
    const edited = issueTestLicence({ seats: 2 }).replace('"seats": 2', '"seats": 50');
    const error = await expectAppError(t.backend.dispatch(t.admin, 'licence.install', { text: edited }), 'VALIDATION');
    expect(error.message).toMatch(/^The licence was not installed\. The licence file does not match its signature/);
    expect(error.details).toEqual([{ path: 'text', message: 'edited' }]);
    const forged = await expectAppError(t.backend.dispatch(t.admin, 'licence.install', { text: issueTestLicence({}, { forged: true }) }), 'VALIDATION');
    expect(forged.details).toEqual([{ path: 'text', message: 'edited' }]);
    const unknown = await expectAppError(t.backend.dispatch(t.admin, 'licence.install', { text: issueTestLicence({}, { keyId: 'home-made' }) }), 'VALIDATION');
    expect(unknown.message).toMatch(/key this version of Lantern CRM does not know/);
    expect((await t.backend.dispatch(t.admin, 'licence.status', {})).state).toBe('trial');
  });

  it('refuses a licence dated in the future and one that has already expired', async () => {
    t = await startTestBackend({ licence: 'trial' });
    const future = await expectAppError(
      t.backend.dispatch(t.admin, 'licence.install', { text: issueTestLicence({ issuedAt: '2027-03-01T00:00:00.000Z' }) }),
      'VALIDATION',
    );
    expect(future.message).toMatch(/issued on 2027-03-01.*later than this computer's clock/);
    const expired = await expectAppError(t.backend.dispatch(t.admin, 'licence.install', { text: issueTestLicence({ expiresAt: '2026-11-01' }) }), 'VALIDATION');
    expect(expired.message).toMatch(/expired on 2026-11-01/);
  });

  it('lets only an administrator install a licence', async () => {
    t = await startTestBackend();
    const { ctx } = await t.userWithRole('manager');
    await expectAppError(t.backend.dispatch(ctx, 'licence.install', { text: issueTestLicence() }), 'FORBIDDEN');
  });

  it('accepts a licence bound to this office server and refuses one bound to another', async () => {
    t = await startTestBackend({ licence: 'trial' });
    const tls = await ensureCertificate(t.dataDir);
    // The backend reads the fingerprint from the very file the server writes.
    expect(serverFingerprintReader(t.dataDir)()).toBe(tls.fingerprint);
    const other = tls.fingerprint.replace(/^../, tls.fingerprint.startsWith('00') ? '11' : '00');
    const error = await expectAppError(t.backend.dispatch(t.admin, 'licence.install', { text: issueTestLicence({ serverFingerprint: other }) }), 'VALIDATION');
    expect(error.message).toMatch(/for another office server/);
    expect(error.message).toContain(tls.fingerprint);
    const status = await t.backend.dispatch(t.admin, 'licence.install', { text: issueTestLicence({ serverFingerprint: tls.fingerprint }) });
    expect(status).toMatchObject({ state: 'licensed', serverFingerprint: tls.fingerprint });
  });

  it('keeps the licence across a restart, and records the install in the audit trail', async () => {
    t = await startTestBackend({ licence: 'trial' });
    await t.backend.dispatch(t.admin, 'licence.install', { text: issueTestLicence({ licenceId: 'L-KEEP', seats: 9 }) });
    const audit = await t.backend.dispatch(t.admin, 'admin.audit', {});
    expect(audit.items[0]).toMatchObject({ table: 'licence', recordId: 'L-KEEP', op: 'update', username: 'admin' });
    t.backend.close();
    const again = await createBackend({ dataDir: t.dataDir, logger: silentLogger, clock: t.clock, requireSetupCode: false, licencePublicKeys: TEST_PUBLIC_KEYS });
    try {
      expect(again.licenceStatus()).toMatchObject({ state: 'licensed', seats: { limit: 9 } });
    } finally {
      again.close();
    }
  });
});

describe('when the licence does not allow changes', () => {
  let t: TestBackend;
  afterEach(() => t.close());

  it('after the 30-day trial, writes fail with LICENSE while reads, sign-in and export keep working', async () => {
    t = await startTestBackend({ licence: 'trial', sessionTtlMs: LONG_SESSIONS });
    const { ctx, id } = await t.userWithRole('sales', 'kim');
    t.clock.advance(30 * DAY + 1000);
    const newUser = { username: 'lee', displayName: 'Lee', password: 'password-123', role: 'sales' } as const;
    const refused = await expectAppError(t.backend.dispatch(t.admin, 'users.create', newUser), 'LICENSE');
    expect(refused.message).toMatch(/^The 30-day trial ended on 2026-12-26\. Install a licence .* read-only until this is fixed: everything can still be read and exported\.$/);
    expect(refused.details).toMatchObject({ state: 'trial-ended' });
    // Reading still works, and so does signing in, and getting people in: a forgotten password can be reset.
    expect((await t.backend.dispatch(ctx, 'users.list', {})).items.map((u) => u.username)).toContain('kim');
    const again = await t.login('admin', ADMIN_PASSWORD);
    expect((await t.backend.dispatch(again, 'licence.status', {})).writable).toBe(false);
    await t.backend.dispatch(t.admin, 'users.update', { id, version: 1, patch: { password: 'new-password-9' } });
    await expect(t.login('kim', 'new-password-9')).resolves.toBeTruthy();
    // Installing a licence puts it right at once.
    await t.backend.dispatch(t.admin, 'licence.install', { text: issueTestLicence({ issuedAt: t.clock.now().toISOString() }) });
    expect((await t.backend.dispatch(t.admin, 'users.create', newUser)).username).toBe('lee');
  });

  it('an expired licence turns the office read-only on the day after its last day', async () => {
    t = await startTestBackend({ licence: 'trial', sessionTtlMs: LONG_SESSIONS });
    await t.backend.dispatch(t.admin, 'licence.install', { text: issueTestLicence({ expiresAt: '2026-11-27' }) });
    await t.userWithRole('sales');
    t.clock.advance(2 * DAY);
    const error = await expectAppError(t.userWithRole('sales'), 'LICENSE');
    expect(error.message).toMatch(/expired on 2026-11-27/);
  });

  it('a clock turned back by more than a day stops writes, even after a restart, until a newer licence vouches for the time', async () => {
    t = await startTestBackend({ sessionTtlMs: LONG_SESSIONS });
    t.clock.advance(20 * DAY);
    await t.backend.dispatch(t.admin, 'auth.me', {}); // the server sees day 20
    t.backend.close();
    t.clock.advance(-3 * DAY);
    const restarted = await createBackend({ dataDir: t.dataDir, logger: silentLogger, clock: t.clock, requireSetupCode: false, licencePublicKeys: TEST_PUBLIC_KEYS });
    try {
      const session = await restarted.dispatch(t.anonymous, 'auth.login', { username: 'admin', password: ADMIN_PASSWORD });
      const admin = { ...t.anonymous, token: session.token };
      const error = await expectAppError(
        restarted.dispatch(admin, 'users.create', { username: 'late', displayName: 'Late', password: 'password-123', role: 'sales' }),
        'LICENSE',
      );
      expect(error.message).toMatch(/clock .* is more than a day behind the latest time Lantern CRM has seen/);
      // Re-installing the same licence does not reset the mark; a newly issued one does.
      await restarted.dispatch(admin, 'licence.install', { text: issueTestLicence() });
      expect((await restarted.dispatch(admin, 'licence.status', {})).state).toBe('clock-behind');
      await restarted.dispatch(admin, 'licence.install', { text: issueTestLicence({ issuedAt: t.clock.now().toISOString() }) });
      expect((await restarted.dispatch(admin, 'licence.status', {})).state).toBe('licensed');
    } finally {
      restarted.close();
    }
  });
});
