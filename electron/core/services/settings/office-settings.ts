import { DEFAULT_OFFICE_SETTINGS, type OfficeSettings } from '../../../../shared/schemas/settings';
import type { Db } from '../../db/open';

const KEY = 'office';

const cache = new WeakMap<Db, OfficeSettings>();

export function readOfficeSettings(db: Db): OfficeSettings {
  const cached = cache.get(db);
  if (cached) return cached;
  const raw = db.prepare('SELECT value FROM settings WHERE key = ?').pluck().get(KEY) as string | undefined;
  const settings = { ...DEFAULT_OFFICE_SETTINGS, ...(raw ? (JSON.parse(raw) as Partial<OfficeSettings>) : {}) };
  cache.set(db, settings);
  return settings;
}

export function writeOfficeSettings(db: Db, settings: OfficeSettings, userId: string, now: string): void {
  db.prepare(
    `INSERT INTO settings (key, value, updated_at, updated_by) VALUES (?, ?, ?, ?)
     ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at, updated_by = excluded.updated_by`,
  ).run(KEY, JSON.stringify(settings), now, userId);
  cache.delete(db);
}

/** Forget the cached copy (the write transaction that changed it rolled back). */
export function forgetOfficeSettings(db: Db): void {
  cache.delete(db);
}

export function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}
