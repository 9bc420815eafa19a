import type { Db } from '../db/open';

export interface LicenceStateRow {
  trial_started_at: string;
  latest_seen_at: string;
  licence_text: string | null;
  installed_at: string | null;
  installed_by: string | null;
}

/**
 * The one licence_state row, created at the first start with the backend's clock: the trial runs
 * from then. (Not from the oldest row in the database: data imported or generated with its own
 * history must not end a trial that has not begun.)
 */
export function loadLicenceState(db: Db, now: Date): LicenceStateRow {
  const at = now.toISOString();
  db.prepare('INSERT OR IGNORE INTO licence_state (id, trial_started_at, latest_seen_at) VALUES (1, ?, ?)').run(at, at);
  return db.prepare('SELECT trial_started_at, latest_seen_at, licence_text, installed_at, installed_by FROM licence_state WHERE id = 1').get() as LicenceStateRow;
}

export function saveLatestSeen(db: Db, at: string): void {
  db.prepare('UPDATE licence_state SET latest_seen_at = ? WHERE id = 1 AND latest_seen_at < ?').run(at, at);
}

/** Installing a licence also resets the clock's high-water mark: see LicenceService.install. */
export function saveInstalledLicence(db: Db, text: string, userId: string | null, now: string, latestSeenAt: string): void {
  db.prepare('UPDATE licence_state SET licence_text = ?, installed_at = ?, installed_by = ?, latest_seen_at = ? WHERE id = 1').run(
    text,
    now,
    userId,
    latestSeenAt,
  );
}
