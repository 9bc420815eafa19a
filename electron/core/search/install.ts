import { createHash } from 'node:crypto';
import type { Logger } from '../context';
import type { Db } from '../db/open';
import { dedupKeyIndexes } from '../duplicates/key-index';
import { PREFIX_INDEX_MAX, gramsTable, hasGrams, searchDefs, wordsTable, type SearchDef } from './definitions';
import './types';

/**
 * An index derived from a record table and kept in step with it by triggers: pure derived data,
 * rebuildable at any time from the table itself. Its SQL comes from the registered definitions,
 * so a record type joins search (or duplicate detection) by registering a definition, and a
 * changed definition rebuilds its index once, at the next start.
 */
export interface DerivedIndex {
  name: string;
  /** The record table it is derived from: nothing is installed while that table does not exist. */
  table: string;
  create: string[];
  drop: string[];
  backfill: string[];
  /**
   * Brings the index in step for some records, set-based: each statement takes one parameter (one `?`), a
   * JSON array of record ids (new, changed or deleted records alike). Not part of the signature:
   * it derives the same rows as the triggers and the backfill.
   */
  reindex: string[];
}

/** Bump to rebuild every derived index (a change in the text processing of search/text.ts). */
const TEXT_VERSION = 2;

const WORDS_OPTIONS = `content='', contentless_delete=1, tokenize='unicode61 remove_diacritics 2', detail=none, prefix='${Array.from({ length: PREFIX_INDEX_MAX }, (_, i) => i + 1).join(' ')}'`;
const GRAMS_OPTIONS = "content='', contentless_delete=1, tokenize='trigram remove_diacritics 1'";

function kindsCode(fields: SearchDef['fields']): string {
  return `'${fields.map((f) => (f.kind === 'phone' ? 'p' : 't')).join('')}'`;
}

function valuesOf(fields: SearchDef['fields'], alias: string): string {
  return fields.map((f) => `${alias}.${f.column}`).join(', ');
}

/** The words and grams index of one search definition, and the triggers that maintain them. */
export function searchIndex(def: SearchDef): DerivedIndex {
  const words = wordsTable(def);
  const grams = gramsTable(def);
  const infix = def.fields.filter((f) => f.infix);
  const withGrams = hasGrams(def);
  const docid = (alias: string) => `(SELECT docid FROM search_keys WHERE record_id = ${alias}.id)`;
  const insertRows = (alias: string, extra: string) => [
    `INSERT INTO ${words} (rowid, text) SELECT docid, search_words(${kindsCode(def.fields)}, ${valuesOf(def.fields, alias)})
       FROM search_keys WHERE record_id = ${alias}.id${extra};`,
    ...(withGrams
      ? [
          `INSERT INTO ${grams} (rowid, text) SELECT docid, search_grams(${kindsCode(infix)}, ${valuesOf(infix, alias)})
             FROM search_keys WHERE record_id = ${alias}.id${extra};`,
        ]
      : []),
  ];
  const deleteRows = (alias: string) => [
    `DELETE FROM ${words} WHERE rowid = ${docid(alias)};`,
    ...(withGrams ? [`DELETE FROM ${grams} WHERE rowid = ${docid(alias)};`] : []),
  ];
  const changed = def.fields.map((f) => `OLD.${f.column} IS NOT NEW.${f.column}`).join(' OR ');
  const prefix = `search_${def.type}`;
  return {
    name: `search:${def.type}`,
    table: def.table,
    create: [
      `CREATE VIRTUAL TABLE ${words} USING fts5(text, ${WORDS_OPTIONS})`,
      ...(withGrams ? [`CREATE VIRTUAL TABLE ${grams} USING fts5(text, ${GRAMS_OPTIONS})`] : []),
      // Deleted records (the recycle bin) leave the index; restored ones come back under the same docid.
      `CREATE TRIGGER ${prefix}_ai AFTER INSERT ON ${def.table} WHEN NEW.deleted_at IS NULL BEGIN
         INSERT INTO search_keys (type, record_id) VALUES ('${def.type}', NEW.id) ON CONFLICT (record_id) DO NOTHING;
         ${insertRows('NEW', '').join('\n         ')}
       END`,
      `CREATE TRIGGER ${prefix}_au AFTER UPDATE ON ${def.table} WHEN OLD.deleted_at IS NOT NEW.deleted_at OR ${changed} BEGIN
         ${deleteRows('OLD').join('\n         ')}
         INSERT INTO search_keys (type, record_id) SELECT '${def.type}', NEW.id WHERE NEW.deleted_at IS NULL ON CONFLICT (record_id) DO NOTHING;
         ${insertRows('NEW', ' AND NEW.deleted_at IS NULL').join('\n         ')}
       END`,
      `CREATE TRIGGER ${prefix}_ad AFTER DELETE ON ${def.table} BEGIN
         ${deleteRows('OLD').join('\n         ')}
         DELETE FROM search_keys WHERE record_id = OLD.id;
       END`,
    ],
    drop: [
      `DROP TRIGGER IF EXISTS ${prefix}_ai`,
      `DROP TRIGGER IF EXISTS ${prefix}_au`,
      `DROP TRIGGER IF EXISTS ${prefix}_ad`,
      `DROP TABLE IF EXISTS ${words}`,
      `DROP TABLE IF EXISTS ${grams}`,
      `DELETE FROM search_keys WHERE type = '${def.type}'`,
    ],
    reindex: [
      ...[words, ...(withGrams ? [grams] : [])].map(
        (fts) => `DELETE FROM ${fts} WHERE rowid IN (SELECT k.docid FROM json_each(?) j JOIN search_keys k ON k.record_id = j.value)`,
      ),
      // Records removed for good (an import undone) give their docid up, as the delete trigger does.
      `DELETE FROM search_keys WHERE record_id IN (SELECT value FROM json_each(?))
         AND NOT EXISTS (SELECT 1 FROM ${def.table} t WHERE t.id = search_keys.record_id)`,
      `INSERT INTO search_keys (type, record_id) SELECT '${def.type}', t.id FROM json_each(?) j JOIN ${def.table} t ON t.id = j.value
         WHERE t.deleted_at IS NULL ORDER BY j.key ON CONFLICT (record_id) DO NOTHING`,
      `INSERT INTO ${words} (rowid, text) SELECT k.docid, search_words(${kindsCode(def.fields)}, ${valuesOf(def.fields, 't')})
         FROM json_each(?) j JOIN search_keys k ON k.record_id = j.value JOIN ${def.table} t ON t.id = k.record_id WHERE t.deleted_at IS NULL`,
      ...(withGrams
        ? [
            `INSERT INTO ${grams} (rowid, text) SELECT k.docid, search_grams(${kindsCode(infix)}, ${valuesOf(infix, 't')})
               FROM json_each(?) j JOIN search_keys k ON k.record_id = j.value JOIN ${def.table} t ON t.id = k.record_id WHERE t.deleted_at IS NULL`,
          ]
        : []),
    ],
    backfill: [
      // Oldest first, so docids (the cheap order search reads candidates in) follow creation.
      `INSERT INTO search_keys (type, record_id) SELECT '${def.type}', id FROM ${def.table} WHERE deleted_at IS NULL ORDER BY created_at, id`,
      `INSERT INTO ${words} (rowid, text) SELECT k.docid, search_words(${kindsCode(def.fields)}, ${valuesOf(def.fields, 't')})
         FROM search_keys k JOIN ${def.table} t ON t.id = k.record_id WHERE k.type = '${def.type}'`,
      ...(withGrams
        ? [
            `INSERT INTO ${grams} (rowid, text) SELECT k.docid, search_grams(${kindsCode(infix)}, ${valuesOf(infix, 't')})
               FROM search_keys k JOIN ${def.table} t ON t.id = k.record_id WHERE k.type = '${def.type}'`,
          ]
        : []),
    ],
  };
}

export function derivedIndexes(): DerivedIndex[] {
  return [...searchDefs().map(searchIndex), ...dedupKeyIndexes()];
}

function signature(index: DerivedIndex): string {
  return createHash('sha256').update(JSON.stringify({ v: TEXT_VERSION, create: index.create, backfill: index.backfill })).digest('hex');
}

function tableExists(db: Db, table: string): boolean {
  return db.prepare("SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = ?").get(table) !== undefined;
}

/**
 * Brings every derived index up to date at start-up: those whose definition changed (or that were
 * never built) are dropped, recreated and filled from their table, each in one transaction.
 */
export function installDerivedIndexes(db: Db, logger: Logger): void {
  const state = db.prepare('SELECT signature FROM derived_index_state WHERE name = ?').pluck();
  for (const index of derivedIndexes()) {
    if (!tableExists(db, index.table)) continue;
    const wanted = signature(index);
    if (state.get(index.name) === wanted) continue;
    const started = Date.now();
    db.transaction(() => {
      for (const sql of [...index.drop, ...index.create, ...index.backfill]) db.exec(sql);
      db.prepare(
        `INSERT INTO derived_index_state (name, signature, built_at) VALUES (?, ?, ?)
         ON CONFLICT (name) DO UPDATE SET signature = excluded.signature, built_at = excluded.built_at`,
      ).run(index.name, wanted, new Date().toISOString());
    }).immediate();
    logger.info('derived index built', { index: index.name, ms: Date.now() - started });
  }
}
