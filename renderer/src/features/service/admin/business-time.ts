import type { OfficeCalendar } from '../../../../../shared/schemas/service';

/**
 * A preview of SLA due times for the settings screen, before anything is saved: working time added
 * on an office calendar in the office time zone. The backend's own arithmetic
 * (electron/core/services/service/business-hours.ts) is what real cases get; this one only answers
 * "when would a case created now be due" while an admin edits the draft.
 */

interface Day {
  y: number;
  m: number;
  d: number;
}

const SEARCH_DAYS = 366 * 2;

function wallParts(ms: number, timeZone: string) {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
  }).formatToParts(new Date(ms));
  const get = (type: string) => Number(parts.find((part) => part.type === type)?.value ?? 0);
  return { y: get('year'), m: get('month'), d: get('day'), h: get('hour') % 24, mi: get('minute') };
}

/** The UTC instant of a wall-clock time in a zone (two passes settle the offset across DST). */
function instantOf(day: Day, hhmm: string, timeZone: string): number {
  const [h, mi] = hhmm.split(':').map(Number) as [number, number];
  const wall = Date.UTC(day.y, day.m - 1, day.d, h, mi);
  const offset = (at: number) => {
    const w = wallParts(at, timeZone);
    return Date.UTC(w.y, w.m - 1, w.d, w.h, w.mi) - Math.floor(at / 60_000) * 60_000;
  };
  const first = wall - offset(wall);
  return wall - offset(first);
}

/** `minutes` of working time after `fromMs`; null when the calendar has none within two years (or the zone is unknown). */
export function addWorkingMinutes(fromMs: number, minutes: number, calendar: OfficeCalendar, timeZone: string): number | null {
  let left = minutes * 60_000;
  let day: Day;
  try {
    day = wallParts(fromMs, timeZone);
  } catch {
    return null;
  }
  const holidays = new Set(calendar.holidays);
  for (let i = 0; i < SEARCH_DAYS; i++) {
    const date = new Date(Date.UTC(day.y, day.m - 1, day.d));
    const hours = calendar.week[date.getUTCDay()];
    if (hours && !holidays.has(date.toISOString().slice(0, 10))) {
      const start = Math.max(instantOf(day, hours.start, timeZone), fromMs);
      const end = instantOf(day, hours.end, timeZone);
      if (end > start) {
        if (left <= end - start) return start + left;
        left -= end - start;
      }
    }
    const next = new Date(Date.UTC(day.y, day.m - 1, day.d + 1));
    day = { y: next.getUTCFullYear(), m: next.getUTCMonth() + 1, d: next.getUTCDate() };
  }
  return null;
}
