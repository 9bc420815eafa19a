import { describe, expect, it } from 'vitest';
import type { OfficeCalendar } from '../../shared/schemas/service';
import { addBusinessMs, businessMsBetween } from '../../shared/business-hours';

// Business-time arithmetic of the SLA clock: pure functions, checked against hand-worked answers.
const H = 3_600_000;
const M = 60_000;
const nineToFive = { start: '09:00', end: '17:00' };
const weekdays: OfficeCalendar = { week: [null, nineToFive, nineToFive, nineToFive, nineToFive, nineToFive, null], holidays: [] };
const t = (iso: string) => Date.parse(iso);
const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

describe('adding business time (UTC office, Monday to Friday 09:00-17:00)', () => {
  it('stays within the day when there is room', () => {
    // 2026-11-25 is a Wednesday.
    expect(iso(addBusinessMs(t('2026-11-25T10:00:00Z'), 2 * H, weekdays, 'UTC'))).toBe('2026-11-25T12:00:00.000Z');
  });

  it('carries what is left into the next working morning', () => {
    expect(iso(addBusinessMs(t('2026-11-25T16:00:00Z'), 2 * H, weekdays, 'UTC'))).toBe('2026-11-26T10:00:00.000Z');
  });

  it('starts the clock at opening time when a case arrives at night', () => {
    expect(iso(addBusinessMs(t('2026-11-25T22:30:00Z'), 30 * M, weekdays, 'UTC'))).toBe('2026-11-26T09:30:00.000Z');
    expect(iso(addBusinessMs(t('2026-11-26T06:00:00Z'), 0, weekdays, 'UTC'))).toBe('2026-11-26T09:00:00.000Z');
  });

  it('skips the weekend', () => {
    // Friday 2026-11-27 16:00 + 2h -> Monday 2026-11-30 10:00.
    expect(iso(addBusinessMs(t('2026-11-27T16:00:00Z'), 2 * H, weekdays, 'UTC'))).toBe('2026-11-30T10:00:00.000Z');
    // Saturday counts nothing: a case arriving then is due from Monday's opening.
    expect(iso(addBusinessMs(t('2026-11-28T11:00:00Z'), 1 * H, weekdays, 'UTC'))).toBe('2026-11-30T10:00:00.000Z');
  });

  it('skips holidays, including a long weekend', () => {
    const calendar = { ...weekdays, holidays: ['2026-12-25', '2026-12-28'] };
    // Thursday 24th 16:00 + 3h: 1h on the 24th, Friday 25th and Monday 28th are holidays -> Tuesday 29th 11:00.
    expect(iso(addBusinessMs(t('2026-12-24T16:00:00Z'), 3 * H, calendar, 'UTC'))).toBe('2026-12-29T11:00:00.000Z');
  });

  it('lands exactly on closing time rather than the next morning', () => {
    expect(iso(addBusinessMs(t('2026-11-25T09:00:00Z'), 8 * H, weekdays, 'UTC'))).toBe('2026-11-25T17:00:00.000Z');
  });

  it('works with different hours per day and a day that runs to midnight', () => {
    const calendar: OfficeCalendar = {
      week: [null, nineToFive, nineToFive, nineToFive, nineToFive, { start: '09:00', end: '12:00' }, { start: '20:00', end: '24:00' }],
      holidays: [],
    };
    // Friday 11:00 + 5h: 1h Friday morning, 4h Saturday evening (20-24) -> Saturday midnight... exactly 24:00 = Sunday 00:00.
    expect(iso(addBusinessMs(t('2026-11-27T11:00:00Z'), 5 * H, calendar, 'UTC'))).toBe('2026-11-29T00:00:00.000Z');
  });

  it('gives up (null) rather than looping when a calendar never opens for long enough', () => {
    const tiny: OfficeCalendar = { week: [null, { start: '09:00', end: '09:01' }, null, null, null, null, null], holidays: [] };
    expect(addBusinessMs(t('2026-11-25T10:00:00Z'), 365 * 24 * H, tiny, 'UTC')).toBeNull();
  });
});

describe('business time in an office time zone', () => {
  it('uses the office wall clock (Shanghai, UTC+8, no DST)', () => {
    // 2026-11-25 08:00Z is 16:00 in Shanghai: one hour left today, then 09:00 local = 01:00Z next day.
    expect(iso(addBusinessMs(t('2026-11-25T08:00:00Z'), 2 * H, weekdays, 'Asia/Shanghai'))).toBe('2026-11-26T02:00:00.000Z');
  });

  it('opens at 09:00 local on both sides of the spring DST change (New York, 8 March 2026)', () => {
    // Friday 6 March 16:00 EST (21:00Z) + 2h -> Monday 9 March 10:00 EDT (14:00Z).
    expect(iso(addBusinessMs(t('2026-03-06T21:00:00Z'), 2 * H, weekdays, 'America/New_York'))).toBe('2026-03-09T14:00:00.000Z');
    expect(businessMsBetween(t('2026-03-06T21:00:00Z'), t('2026-03-09T14:00:00Z'), weekdays, 'America/New_York')).toBe(2 * H);
  });

  it('handles the autumn change too (Berlin, 25 October 2026)', () => {
    // Friday 23 Oct 16:00 CEST (14:00Z) + 2h -> Monday 26 Oct 10:00 CET (09:00Z).
    expect(iso(addBusinessMs(t('2026-10-23T14:00:00Z'), 2 * H, weekdays, 'Europe/Berlin'))).toBe('2026-10-26T09:00:00.000Z');
  });

  it('counts a working day that spans the DST jump by real elapsed time', () => {
    // A 24-hour Sunday in New York on 8 March 2026 is only 23 real hours long.
    const sundays: OfficeCalendar = { week: [{ start: '00:00', end: '24:00' }, null, null, null, null, null, null], holidays: [] };
    expect(businessMsBetween(t('2026-03-08T00:00:00Z'), t('2026-03-10T00:00:00Z'), sundays, 'America/New_York')).toBe(23 * H);
  });
});

describe('business time between two instants', () => {
  it('counts only open hours, across nights and weekends', () => {
    // Wednesday 15:00 -> next Monday 10:00: 2h Wed + 8h Thu + 8h Fri + 1h Mon = 19h.
    expect(businessMsBetween(t('2026-11-25T15:00:00Z'), t('2026-11-30T10:00:00Z'), weekdays, 'UTC')).toBe(19 * H);
  });

  it('is zero over a weekend and negative backwards', () => {
    expect(businessMsBetween(t('2026-11-28T08:00:00Z'), t('2026-11-29T20:00:00Z'), weekdays, 'UTC')).toBe(0);
    expect(businessMsBetween(t('2026-11-25T12:00:00Z'), t('2026-11-25T10:00:00Z'), weekdays, 'UTC')).toBe(-2 * H);
  });

  it('is the inverse of adding', () => {
    for (const start of ['2026-11-25T08:13:00Z', '2026-11-27T16:59:00Z', '2026-12-31T23:00:00Z']) {
      for (const amount of [1 * M, 7 * H + 13 * M, 41 * H]) {
        const end = addBusinessMs(t(start), amount, weekdays, 'Europe/London')!;
        expect(businessMsBetween(t(start), end, weekdays, 'Europe/London')).toBe(amount);
      }
    }
  });
});
