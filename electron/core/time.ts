import dayjs from 'dayjs';
import timezone from 'dayjs/plugin/timezone.js';
import utc from 'dayjs/plugin/utc.js';

dayjs.extend(utc);
dayjs.extend(timezone);

/** Midnight at the start of `now`'s day in `timeZone`, and the next midnight, as UTC instants. */
export function dayBounds(now: Date, timeZone: string): { start: Date; end: Date } {
  const start = dayjs(now).tz(timeZone).startOf('day');
  return { start: start.toDate(), end: start.add(1, 'day').toDate() };
}

export { dayjs };
