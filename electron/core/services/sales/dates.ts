import { dayjs } from '../../time';
import type { Call } from '../../handler';
import { readOfficeSettings } from '../settings/office-settings';
import { AppError } from '../../../../shared/errors';

/** Today's date (YYYY-MM-DD) in the office's time zone: what "today" means for close dates. */
export function officeToday(call: Call): string {
  return dayjs(call.now).tz(readOfficeSettings(call.db).timeZone).format('YYYY-MM-DD');
}

/** The calendar date of an instant in the office's time zone. */
export function officeDate(call: Call, instant: string): string {
  return dayjs(instant).tz(readOfficeSettings(call.db).timeZone).format('YYYY-MM-DD');
}

/** Whole days from one date to another (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** YYYY-MM-DD that names a real day (the schema only checks the shape: 2026-02-31 gets here). */
export function checkRealDate(value: unknown, path: string): void {
  if (value === null || value === undefined) return;
  const text = String(value);
  const parsed = new Date(`${text}T00:00:00Z`);
  if (Number.isNaN(parsed.getTime()) || parsed.toISOString().slice(0, 10) !== text) {
    throw new AppError('VALIDATION', `${path}: not a real date`, [{ path, message: 'Not a real date' }]);
  }
}

/** The first and last day of the calendar quarter that holds `date`. */
export function quarterOf(date: string): { from: string; to: string } {
  const start = dayjs(`${date.slice(0, 7)}-01`).startOf('month');
  const quarterStart = start.month(Math.floor(start.month() / 3) * 3);
  return { from: quarterStart.format('YYYY-MM-DD'), to: quarterStart.add(3, 'month').subtract(1, 'day').format('YYYY-MM-DD') };
}
