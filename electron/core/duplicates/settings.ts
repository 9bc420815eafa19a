import type { Db } from '../db/open';
import { duplicateDefs } from './definitions';

/** What an administrator changed about the duplicate rules (settings key `duplicates`). */
export interface DuplicateSettings {
  rules: Record<string, { enabled?: boolean; score?: number; threshold?: number }>;
  minScore: number;
}

const KEY = 'duplicates';
const DEFAULT_MIN_SCORE = 0.5;

export const ruleKey = (type: string, rule: string) => `${type}.${rule}`;

export function readDuplicateSettings(db: Db): DuplicateSettings {
  const raw = db.prepare('SELECT value FROM settings WHERE key = ?').pluck().get(KEY) as string | undefined;
  const saved = raw ? (JSON.parse(raw) as Partial<DuplicateSettings>) : {};
  return { rules: saved.rules ?? {}, minScore: saved.minScore ?? DEFAULT_MIN_SCORE };
}

export function writeDuplicateSettings(db: Db, settings: DuplicateSettings, userId: string, now: string): void {
  db.prepare(
    `INSERT INTO settings (key, value, updated_at, updated_by) VALUES (?, ?, ?, ?)
     ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at, updated_by = excluded.updated_by`,
  ).run(KEY, JSON.stringify(settings), now, userId);
}

/** Every rule of every type with its effective values: the defaults, overridden by the admin's. */
export function effectiveRules(db: Db) {
  const settings = readDuplicateSettings(db);
  return {
    minScore: settings.minScore,
    rules: duplicateDefs().flatMap((def) =>
      def.rules.map((rule) => {
        const saved = settings.rules[ruleKey(def.type, rule.name)] ?? {};
        return {
          type: def.type,
          rule: rule.name,
          description: rule.description,
          enabled: saved.enabled ?? true,
          score: saved.score ?? rule.score,
          threshold: rule.threshold === undefined ? null : (saved.threshold ?? rule.threshold),
          impl: rule,
        };
      }),
    ),
  };
}
