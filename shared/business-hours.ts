import type { OfficeCalendar } from './schemas/service';

/**
 * Business-time arithmetic on an office calendar (working hours per weekday, holidays) in the
 * office's IANA time zone. Shared: the backend computes SLA due times with it, and the settings
 * screen previews them on the unsaved draft with the same code. Working hours are wall-clock times, so a working day across a DST change
 * still opens at 09:00 local time; the arithmetic is done in UTC milliseconds between those openings.
 * Written on Intl rather than a date library: dayjs's tz() parsing is unreliable around DST changes.
 */

/** A calendar that never opens would loop forever: stop after twenty years of days. */
const MAX_DAYS = 366 * 20;

interface LocalDay {
  y: number;
  m: number; // 1-12
  d: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** The wall-clock fields of an instant in a zone. */
function wallClock(ms: number, timeZone: string) {
  const parts: Record<string, number> = {};
  for (const part of formatter(timeZone).formatToParts(new Date(ms))) {
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  }
  return { y: parts.year!, m: parts.month!, d: parts.day!, h: parts.hour! % 24, mi: parts.minute!, s: parts.second! };
}

/** How far the zone's wall clock is ahead of UTC at an instant (ms; negative west of Greenwich). */
function offsetAt(ms: number, timeZone: string): number {
  const whole = Math.floor(ms / 1000) * 1000;
  const w = wallClock(whole, timeZone);
  return Date.UTC(w.y, w.m - 1, w.d, w.h, w.mi, w.s) - whole;
}

/** Every due time asks for the same few openings and closings: remember them (bounded). */
const instants = new Map<string, number>();
const INSTANT_CACHE_MAX = 20_000;

/** The instant a wall-clock time happens in a zone (a time skipped by DST lands just after the gap). */
export function zonedTimeToUtc(day: LocalDay, hhmm: string, timeZone: string): number {
  const key = `${timeZone}|${day.y}-${day.m}-${day.d}|${hhmm}`;
  const known = instants.get(key);
  if (known !== undefined) return known;
  const [h, mi] = hhmm.split(':').map(Number) as [number, number];
  const wall = Date.UTC(day.y, day.m - 1, day.d, h, mi);
  const first = wall - offsetAt(wall, timeZone);
  const second = wall - offsetAt(first, timeZone);
  if (instants.size >= INSTANT_CACHE_MAX) instants.clear();
  instants.set(key, second);
  return second;
}

/** Every zone's offset is a whole number of quarter hours, so the local date is the same across each UTC quarter. */
const QUARTER_MS = 15 * 60_000;
const days = new Map<string, LocalDay>();

export function localDay(ms: number, timeZone: string): LocalDay {
  const key = `${timeZone}|${Math.floor(ms / QUARTER_MS)}`;
  let day = days.get(key);
  if (!day) {
    const w = wallClock(ms, timeZone);
    day = { y: w.y, m: w.m, d: w.d };
    if (days.size >= INSTANT_CACHE_MAX) days.clear();
    days.set(key, day);
  }
  return day;
}

function nextDay(day: LocalDay): LocalDay {
  const next = new Date(Date.UTC(day.y, day.m - 1, day.d + 1));
  return { y: next.getUTCFullYear(), m: next.getUTCMonth() + 1, d: next.getUTCDate() };
}

function isoDate(day: LocalDay): string {
  return `${String(day.y).padStart(4, '0')}-${String(day.m).padStart(2, '0')}-${String(day.d).padStart(2, '0')}`;
}

const holidaySets = new WeakMap<OfficeCalendar, Set<string>>();

function holidaysOf(calendar: OfficeCalendar): Set<string> {
  let set = holidaySets.get(calendar);
  if (!set) {
    set = new Set(calendar.holidays);
    holidaySets.set(calendar, set);
  }
  return set;
}

/** The working windows [start, end) that end after `fromMs`, in order, clipped to start no earlier than it. */
function* workingWindows(fromMs: number, calendar: OfficeCalendar, timeZone: string): Generator<[number, number]> {
  const holidays = holidaysOf(calendar);
  // Hours end by midnight, so no earlier local day can still be open at `fromMs`.
  let day = localDay(fromMs, timeZone);
  for (let i = 0; i < MAX_DAYS; i++, day = nextDay(day)) {
    const weekday = new Date(Date.UTC(day.y, day.m - 1, day.d)).getUTCDay();
    const hours = calendar.week[weekday];
    if (!hours || holidays.has(isoDate(day))) continue;
    const start = zonedTimeToUtc(day, hours.start, timeZone);
    const end = zonedTimeToUtc(day, hours.end, timeZone);
    if (end <= fromMs) continue;
    yield [Math.max(start, fromMs), end];
  }
}

/**
 * The instant `businessMs` of working time after `fromMs`; null if the calendar has no such time
 * within twenty years. Zero business time from outside hours is the next opening.
 */
export function addBusinessMs(fromMs: number, businessMs: number, calendar: OfficeCalendar, timeZone: string): number | null {
  let left = Math.max(0, businessMs);
  for (const [start, end] of workingWindows(fromMs, calendar, timeZone)) {
    if (left <= end - start) return start + left;
    left -= end - start;
  }
  return null;
}

/** Working time between two instants (negative when `toMs` is before `fromMs`). */
export function businessMsBetween(fromMs: number, toMs: number, calendar: OfficeCalendar, timeZone: string): number {
  if (toMs < fromMs) return -businessMsBetween(toMs, fromMs, calendar, timeZone);
  let total = 0;
  for (const [start, end] of workingWindows(fromMs, calendar, timeZone)) {
    if (start >= toMs) break;
    total += Math.min(end, toMs) - start;
  }
  return total;
}

export const MINUTE_MS = 60_000;
