import type { UpdatePolicy } from '../../../shared/schemas/admin';
import type { Db } from '../db/open';

/** The folder in the data folder the office server serves at /updates/ (electron-updater's generic layout). */
export const UPDATES_FOLDER = 'updates';

const KEY = 'updates';
type StoredPolicy = Pick<UpdatePolicy, 'paused' | 'stagePercent'>;
const DEFAULT_POLICY: StoredPolicy = { paused: false, stagePercent: 100 };

export function readUpdatePolicy(db: Db): StoredPolicy {
  const raw = db.prepare('SELECT value FROM settings WHERE key = ?').pluck().get(KEY) as string | undefined;
  return { ...DEFAULT_POLICY, ...(raw ? (JSON.parse(raw) as Partial<StoredPolicy>) : {}) };
}

export function writeUpdatePolicy(db: Db, policy: StoredPolicy, userId: string, now: string): void {
  db.prepare(
    `INSERT INTO settings (key, value, updated_at, updated_by) VALUES (?, ?, ?, ?)
     ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at, updated_by = excluded.updated_by`,
  ).run(KEY, JSON.stringify(policy), now, userId);
}

export interface FeedRelease {
  version: string;
  releaseDate: string | null;
  files: string[];
}

/**
 * The little of electron-builder's latest.yml the server needs: top-level `version` and
 * `releaseDate`, and the `url` of each file. (Its layout is fixed by electron-builder: flat keys
 * and one `files:` list, so a line reader is enough; no YAML library.)
 */
export function parseLatestYml(text: string): FeedRelease | null {
  const unquote = (value: string) => value.trim().replace(/^(['"])(.*)\1$/, '$2');
  let version: string | null = null;
  let releaseDate: string | null = null;
  const files: string[] = [];
  for (const line of text.split(/\r?\n/)) {
    const top = /^([A-Za-z]+):\s*(.*)$/.exec(line);
    if (top?.[1] === 'version') version = unquote(top[2]!);
    if (top?.[1] === 'releaseDate') releaseDate = unquote(top[2]!);
    const file = /^\s*-\s*url:\s*(.+)$/.exec(line);
    if (file) files.push(unquote(file[1]!));
  }
  return version ? { version, releaseDate: releaseDate || null, files } : null;
}
