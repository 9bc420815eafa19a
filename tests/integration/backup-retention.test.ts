import { describe, expect, it } from 'vitest';
import { backupsToPrune, weekKey } from '../../electron/core/backup/retention';
import { scheduledBackupDue } from '../../electron/core/backup/scheduler';

const DAY = 24 * 60 * 60 * 1000;
const START = Date.parse('2026-11-26T02:00:00.000Z'); // a Thursday

/** One backup a day for `days` days: d0 ... d(days-1). */
const daily = (days: number) => Array.from({ length: days }, (_, i) => ({ id: `d${i}`, startedAt: new Date(START + i * DAY).toISOString() }));

describe('backup retention (7 daily, 4 weekly)', () => {
  it('keeps everything while there are fewer than 7 days of backups', () => {
    expect(backupsToPrune(daily(7))).toEqual([]);
  });

  it('after five weeks keeps the last 7 days and the newest backup of each of the 4 newest weeks', () => {
    // d35 is Thursday 2026-12-31. Days: d29-d35. Weeks (Monday-Sunday): d35 (W53), d31 (Sun 27th),
    // d24 (Sun 20th), d17 (Sun 13th).
    const pruned = new Set(backupsToPrune(daily(36)));
    const kept = daily(36).map((b) => b.id).filter((id) => !pruned.has(id));
    expect(kept).toEqual(['d17', 'd24', 'd29', 'd30', 'd31', 'd32', 'd33', 'd34', 'd35']);
  });

  it('counts a day once however many backups it has, keeping its newest', () => {
    const backups = [
      { id: 'morning', startedAt: '2026-11-26T02:00:00.000Z' },
      { id: 'evening', startedAt: '2026-11-26T20:00:00.000Z' },
    ];
    expect(backupsToPrune(backups, { daily: 1, weekly: 0 })).toEqual(['morning']);
  });

  it('names ISO weeks the way calendars do, across a year end', () => {
    expect(weekKey(new Date('2026-11-26T12:00:00Z'))).toBe('2026-W48');
    expect(weekKey(new Date('2026-12-31T12:00:00Z'))).toBe('2026-W53');
    expect(weekKey(new Date('2027-01-03T12:00:00Z'))).toBe('2026-W53');
    expect(weekKey(new Date('2027-01-04T12:00:00Z'))).toBe('2027-W01');
  });
});

describe('the daily schedule', () => {
  it('is due with no backup yet, and again 23 hours after the last good one', () => {
    const now = new Date(START);
    expect(scheduledBackupDue(null, now)).toBe(true);
    expect(scheduledBackupDue(new Date(START - 22 * 60 * 60 * 1000).toISOString(), now)).toBe(false);
    expect(scheduledBackupDue(new Date(START - 23 * 60 * 60 * 1000).toISOString(), now)).toBe(true);
  });
});
