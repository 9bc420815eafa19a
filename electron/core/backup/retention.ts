export interface RetentionPolicy {
  daily: number;
  weekly: number;
}

/** Keep the newest backup of each of the last 7 days that have one, and of each of the last 4 weeks. */
export const DEFAULT_RETENTION: RetentionPolicy = { daily: 7, weekly: 4 };

export interface DatedBackup {
  id: string;
  startedAt: string;
}

/** `YYYY-MM-DD` (UTC): one bucket per day. */
const dayKey = (at: Date) => at.toISOString().slice(0, 10);

/** ISO 8601 week (`2026-W48`, UTC): weeks start on Monday and belong to the year of their Thursday. */
export function weekKey(at: Date): string {
  const date = new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth(), at.getUTCDate()));
  const weekday = date.getUTCDay() || 7;
  date.setUTCDate(date.getUTCDate() + 4 - weekday);
  const yearStart = Date.UTC(date.getUTCFullYear(), 0, 1);
  const week = Math.ceil(((date.getTime() - yearStart) / 86_400_000 + 1) / 7);
  return `${date.getUTCFullYear()}-W${String(week).padStart(2, '0')}`;
}

/**
 * Which scheduled backups to delete. Each rule walks the backups newest first and keeps the first
 * one it meets in each new day (or week) until it has kept its number; a backup kept by either
 * rule stays (the same semantics as restic's --keep-daily / --keep-weekly).
 */
export function backupsToPrune(backups: DatedBackup[], policy: RetentionPolicy = DEFAULT_RETENTION): string[] {
  const newestFirst = [...backups].sort((a, b) => (a.startedAt < b.startedAt ? 1 : a.startedAt > b.startedAt ? -1 : 0));
  const keep = new Set<string>();
  for (const [limit, bucket] of [
    [policy.daily, dayKey],
    [policy.weekly, weekKey],
  ] as const) {
    const seen = new Set<string>();
    for (const backup of newestFirst) {
      if (seen.size >= limit) break;
      const key = bucket(new Date(backup.startedAt));
      if (seen.has(key)) continue;
      seen.add(key);
      keep.add(backup.id);
    }
  }
  return newestFirst.filter((b) => !keep.has(b.id)).map((b) => b.id);
}
