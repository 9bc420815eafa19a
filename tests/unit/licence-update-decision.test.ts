import { describe, expect, it } from 'vitest';
import { compareVersions, decideUpdate, installationBucket, type UpdateRules } from '../../electron/core/licence/update-decision';
import { parseLatestYml } from '../../electron/core/licence/updates-policy';

const rules = (overrides: Partial<UpdateRules> = {}): UpdateRules => ({
  currentVersion: '1.2.0',
  maintenanceUntil: '2027-06-30',
  paused: false,
  stagePercent: 100,
  bucket: 42,
  ...overrides,
});
const release = { version: '1.3.0', releaseDate: '2027-03-01T10:00:00.000Z' };

describe('the update decision', () => {
  it('offers a newer release covered by maintenance', () => {
    expect(decideUpdate(release, rules())).toEqual({ offer: true, reason: 'offer' });
  });

  it('refuses a release dated after the maintenance date, and one that does not say its date', () => {
    expect(decideUpdate({ version: '1.3.0', releaseDate: '2027-07-01T00:00:00.000Z' }, rules())).toMatchObject({
      offer: false,
      reason: 'not-covered',
      message: expect.stringMatching(/released on 2027-07-01, after the licence's maintenance ended \(2027-06-30\)/),
    });
    expect(decideUpdate({ version: '1.3.0', releaseDate: '2027-06-30T23:00:00.000Z' }, rules()).offer).toBe(true);
    expect(decideUpdate({ version: '1.3.0', releaseDate: null }, rules()).reason).toBe('no-release-date');
    // The trial has no maintenance limit.
    expect(decideUpdate({ version: '1.3.0', releaseDate: null }, rules({ maintenanceUntil: null })).offer).toBe(true);
  });

  it('offers nothing while paused, and nothing older or the same', () => {
    expect(decideUpdate(release, rules({ paused: true })).reason).toBe('paused');
    expect(decideUpdate({ ...release, version: '1.2.0' }, rules()).reason).toBe('not-newer');
    expect(decideUpdate({ ...release, version: '1.1.9' }, rules()).reason).toBe('not-newer');
  });

  it('stages a release to a share of computers, each always in or out the same way', () => {
    expect(decideUpdate(release, rules({ stagePercent: 43, bucket: 42 })).offer).toBe(true);
    expect(decideUpdate(release, rules({ stagePercent: 42, bucket: 42 })).reason).toBe('staged-out');
    expect(decideUpdate(release, rules({ stagePercent: 0, bucket: 0 })).reason).toBe('staged-out');
    expect(installationBucket('b2c4-workstation-7')).toBe(installationBucket('b2c4-workstation-7'));
    const buckets = Array.from({ length: 2000 }, (_, i) => installationBucket(`installation-${i}`));
    const inTenPercent = buckets.filter((b) => b < 10).length;
    expect(inTenPercent).toBeGreaterThan(120);
    expect(inTenPercent).toBeLessThan(280);
    expect(Math.min(...buckets)).toBe(0);
    expect(Math.max(...buckets)).toBe(99);
  });

  it('orders versions as semver does', () => {
    expect(compareVersions('1.10.0', '1.9.9')).toBe(1);
    expect(compareVersions('v2.0.0', '2.0.0')).toBe(0);
    expect(compareVersions('2.0.0-beta.1', '2.0.0')).toBe(-1);
    expect(compareVersions('2.0.0-beta.2', '2.0.0-beta.10')).toBe(-1);
    expect(compareVersions('2.0.0-beta', '2.0.0-alpha.5')).toBe(1);
    expect(compareVersions('2.0.0-rc.1', '2.0.0-rc.1.1')).toBe(-1);
  });
});

describe("electron-builder's latest.yml", () => {
  it('gives the version, release date and files', () => {
    const yml = [
      'version: 1.3.0',
      'files:',
      '  - url: Lantern CRM Setup 1.3.0.exe',
      '    sha512: abc==',
      '    size: 123',
      '  - url: lantern-crm-1.3.0-win-x64.msi',
      'path: Lantern CRM Setup 1.3.0.exe',
      'sha512: abc==',
      "releaseDate: '2027-03-01T10:00:00.000Z'",
      '',
    ].join('\r\n');
    expect(parseLatestYml(yml)).toEqual({
      version: '1.3.0',
      releaseDate: '2027-03-01T10:00:00.000Z',
      files: ['Lantern CRM Setup 1.3.0.exe', 'lantern-crm-1.3.0-win-x64.msi'],
    });
    expect(parseLatestYml('nothing: here')).toBeNull();
  });
});
