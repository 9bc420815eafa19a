import { DEFAULT_SERVICE_SETTINGS, type ServiceSettings } from '../../../../shared/schemas/service';
import type { Db } from '../../db/open';

/** Stored as one JSON row of the settings table, like the office settings. */
const KEY = 'service';

const cache = new WeakMap<Db, ServiceSettings>();

export function readServiceSettings(db: Db): ServiceSettings {
  const cached = cache.get(db);
  if (cached) return cached;
  const raw = db.prepare('SELECT value FROM settings WHERE key = ?').pluck().get(KEY) as string | undefined;
  const stored = raw ? (JSON.parse(raw) as Partial<ServiceSettings>) : {};
  const settings: ServiceSettings = { ...DEFAULT_SERVICE_SETTINGS, ...stored };
  cache.set(db, settings);
  return settings;
}

/** Inside the caller's write transaction; the cache is dropped so the next read sees it (or the rollback). */
export function writeServiceSettings(db: Db, settings: ServiceSettings, userId: string | null, now: string): void {
  cache.delete(db);
  db.prepare(
    `INSERT INTO settings (key, value, updated_at, updated_by) VALUES (?, ?, ?, ?)
     ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at, updated_by = excluded.updated_by`,
  ).run(KEY, JSON.stringify(settings), now, userId);
}

export function forgetServiceSettings(db: Db): void {
  cache.delete(db);
}

/** Small internal values kept beside the settings (the round-robin position). */
export function readInternal<T>(db: Db, key: string): T | undefined {
  const raw = db.prepare('SELECT value FROM settings WHERE key = ?').pluck().get(key) as string | undefined;
  return raw === undefined ? undefined : (JSON.parse(raw) as T);
}

export function writeInternal(db: Db, key: string, value: unknown, now: string): void {
  db.prepare(
    `INSERT INTO settings (key, value, updated_at, updated_by) VALUES (?, ?, ?, NULL)
     ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at`,
  ).run(key, JSON.stringify(value), now);
}
