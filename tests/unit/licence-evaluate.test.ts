import { describe, expect, it } from 'vitest';
import { evaluateLicence, type LicenceFacts } from '../../electron/core/licence/evaluate';
import { readLicenceFile } from '../../electron/core/licence/licence-file';
import type { LicenceTerms } from '../../shared/schemas/licence';
import { issueTestLicence, TEST_PUBLIC_KEYS } from '../helpers/licence';

const DAY = 24 * 60 * 60 * 1000;
const START = new Date('2026-11-26T09:00:00.000Z');
const FINGERPRINT = 'AB:CD:EF:01:23:45:67:89:AB:CD:EF:01:23:45:67:89:AB:CD:EF:01:23:45:67:89:AB:CD:EF:01:23:45:67:89';

function facts(overrides: Partial<LicenceFacts> = {}): LicenceFacts {
  return {
    installed: null,
    now: START,
    latestSeenAt: START,
    trialStartedAt: START,
    serverFingerprint: null,
    appVersion: '1.4.0',
    appReleaseDate: '2026-11-20',
    ...overrides,
  };
}

const installed = (terms: Partial<LicenceTerms>) => readLicenceFile(issueTestLicence(terms), TEST_PUBLIC_KEYS);
const at = (days: number) => new Date(START.getTime() + days * DAY);

describe('the trial', () => {
  it('gives 30 days and 3 seats from the first start, then turns read-only', () => {
    expect(evaluateLicence(facts())).toMatchObject({ state: 'trial', writable: true, seatLimit: 3, trial: { daysLeft: 30 } });
    expect(evaluateLicence(facts({ now: at(29.5), latestSeenAt: at(29.5) }))).toMatchObject({ state: 'trial', writable: true, trial: { daysLeft: 1 } });
    const ended = evaluateLicence(facts({ now: at(30), latestSeenAt: at(30) }));
    expect(ended).toMatchObject({ state: 'trial-ended', writable: false, seatLimit: 3 });
    expect(ended.message).toMatch(/trial ended on 2026-12-26.*read-only.*exported/);
  });
});

describe('an installed licence', () => {
  it('grants its seats and says whose it is', () => {
    const result = evaluateLicence(facts({ installed: installed({ seats: 12, licensee: 'Acme' }), now: at(400), latestSeenAt: at(400) }));
    expect(result).toMatchObject({ state: 'licensed', writable: true, seatLimit: 12, problem: null, trial: null });
    expect(result.message).toMatch(/Licensed to Acme: 12 seats/);
  });

  it('expires after its last day, keeping its seats for reading', () => {
    const licence = installed({ seats: 5, expiresAt: '2027-01-31' });
    expect(evaluateLicence(facts({ installed: licence, now: new Date('2027-01-31T23:59:00Z') })).state).toBe('licensed');
    const after = evaluateLicence(facts({ installed: licence, now: new Date('2027-02-01T00:00:01Z') }));
    expect(after).toMatchObject({ state: 'expired', writable: false, seatLimit: 5 });
    expect(after.message).toMatch(/expired on 2027-01-31/);
  });

  it('does not cover a version released after its maintenance ended', () => {
    const result = evaluateLicence(facts({ installed: installed({ maintenanceUntil: '2026-06-30' }) }));
    expect(result).toMatchObject({ state: 'not-covered', writable: false });
    expect(result.message).toMatch(/1\.4\.0, released 2026-11-20.*maintenance ended \(2026-06-30\)/);
  });

  it('works only on the office server it is bound to', () => {
    const bound = installed({ serverFingerprint: FINGERPRINT });
    expect(evaluateLicence(facts({ installed: bound, serverFingerprint: FINGERPRINT.toLowerCase() })).state).toBe('licensed');
    const elsewhere = evaluateLicence(facts({ installed: bound, serverFingerprint: FINGERPRINT.replace('AB', '00') }));
    expect(elsewhere).toMatchObject({ state: 'trial', problem: { reason: 'other-server' } });
    expect(elsewhere.message).toMatch(/installed licence cannot be used: This licence is for another office server/);
    expect(evaluateLicence(facts({ installed: bound, serverFingerprint: null })).problem?.reason).toBe('other-server');
  });

  it('is refused while dated in the future (more than an hour ahead of this clock)', () => {
    expect(evaluateLicence(facts({ installed: installed({ issuedAt: '2026-11-26T09:30:00.000Z' }) })).state).toBe('licensed');
    const result = evaluateLicence(facts({ installed: installed({ issuedAt: '2026-12-25T00:00:00.000Z' }) }));
    expect(result).toMatchObject({ state: 'trial', problem: { reason: 'issued-in-future' } });
  });

  it('falls back to read-only once the trial is over if the installed file is not valid here', () => {
    const result = evaluateLicence(facts({ installed: installed({ serverFingerprint: FINGERPRINT }), serverFingerprint: null, now: at(31), latestSeenAt: at(31) }));
    expect(result).toMatchObject({ state: 'trial-ended', writable: false, problem: { reason: 'other-server' } });
  });
});

describe('the clock', () => {
  it('tolerates a day back (time zones, corrections) but not more', () => {
    const licence = installed({});
    expect(evaluateLicence(facts({ installed: licence, now: at(10 - 0.9), latestSeenAt: at(10) })).writable).toBe(true);
    const back = evaluateLicence(facts({ installed: licence, now: at(8), latestSeenAt: at(10) }));
    expect(back).toMatchObject({ state: 'clock-behind', writable: false, seatLimit: 100 });
    expect(back.message).toMatch(/more than a day behind the latest time Lantern CRM has seen/);
  });

  it('cannot stretch the trial by turning the clock back', () => {
    expect(evaluateLicence(facts({ now: at(5), latestSeenAt: at(35) }))).toMatchObject({ state: 'clock-behind', writable: false });
  });
});
