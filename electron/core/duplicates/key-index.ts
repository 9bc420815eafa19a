import type { DerivedIndex } from '../search/install';

/**
 * Match keys that are not a plain column (an account name without its legal form, a website's
 * domain) live in dedup_keys, maintained by triggers like the search index: a lookup by key is
 * one index probe. `keys` maps a key kind to an SQL expression over the row (NEW/OLD/t.).
 */
export interface DedupKeySpec {
  type: string;
  table: string;
  keys: Record<string, (alias: string) => string>;
  /** Columns whose change recomputes the keys. */
  columns: string[];
}

const specs: DedupKeySpec[] = [
  {
    type: 'accounts',
    table: 'accounts',
    keys: {
      company: (t) => `dedup_company_key(${t}.name)`,
      domain: (t) => `dedup_website_domain(${t}.website)`,
    },
    columns: ['name', 'website'],
  },
];

/** Adds the key spec of another record type (leads: company and email). */
export function registerDedupKeys(spec: DedupKeySpec): void {
  specs.push(spec);
}

export function dedupKeyIndexes(): DerivedIndex[] {
  return specs.map((spec) => {
    const inserts = (alias: string, live: string) =>
      Object.entries(spec.keys).map(
        ([kind, expr]) =>
          `INSERT OR IGNORE INTO dedup_keys (type, kind, key, record_id) SELECT '${spec.type}', '${kind}', k, ${alias}.id
             FROM (SELECT ${expr(alias)} AS k) WHERE k IS NOT NULL${live};`,
      );
    const changed = spec.columns.map((c) => `OLD.${c} IS NOT NEW.${c}`).join(' OR ');
    const prefix = `dedup_${spec.type}`;
    return {
      name: `dedup:${spec.type}`,
      table: spec.table,
      create: [
        `CREATE TRIGGER ${prefix}_ai AFTER INSERT ON ${spec.table} WHEN NEW.deleted_at IS NULL BEGIN
           ${inserts('NEW', '').join('\n           ')}
         END`,
        `CREATE TRIGGER ${prefix}_au AFTER UPDATE ON ${spec.table} WHEN OLD.deleted_at IS NOT NEW.deleted_at OR ${changed} BEGIN
           DELETE FROM dedup_keys WHERE record_id = OLD.id;
           ${inserts('NEW', ' AND NEW.deleted_at IS NULL').join('\n           ')}
         END`,
        `CREATE TRIGGER ${prefix}_ad AFTER DELETE ON ${spec.table} BEGIN
           DELETE FROM dedup_keys WHERE record_id = OLD.id;
         END`,
      ],
      drop: [
        `DROP TRIGGER IF EXISTS ${prefix}_ai`,
        `DROP TRIGGER IF EXISTS ${prefix}_au`,
        `DROP TRIGGER IF EXISTS ${prefix}_ad`,
        `DELETE FROM dedup_keys WHERE type = '${spec.type}'`,
      ],
      reindex: [
        `DELETE FROM dedup_keys WHERE type = '${spec.type}' AND record_id IN (SELECT value FROM json_each(?))`,
        ...Object.entries(spec.keys).map(
          ([kind, expr]) =>
            `INSERT OR IGNORE INTO dedup_keys (type, kind, key, record_id) SELECT '${spec.type}', '${kind}', k, id
               FROM (SELECT ${expr('t')} AS k, t.id AS id FROM json_each(?) j JOIN ${spec.table} t ON t.id = j.value WHERE t.deleted_at IS NULL)
              WHERE k IS NOT NULL`,
        ),
      ],
      backfill: Object.entries(spec.keys).map(
        ([kind, expr]) =>
          `INSERT OR IGNORE INTO dedup_keys (type, kind, key, record_id) SELECT '${spec.type}', '${kind}', k, id
             FROM (SELECT ${expr('t')} AS k, t.id AS id FROM ${spec.table} t WHERE t.deleted_at IS NULL) WHERE k IS NOT NULL`,
      ),
    };
  });
}
