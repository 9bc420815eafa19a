import { AppError } from '../../../shared/errors';
import type { RecordType } from '../../../shared/schemas/records/common';
import type { Db } from '../db/open';
import type { Call } from '../handler';
import type { Values } from '../records/definition';
import { rowToRecord } from '../records/mapping';
import { recordDef } from '../records/registry';
import { statement } from '../search/statements';
import { duplicateDef, type DuplicateDef, type Hit } from './definitions';
import { effectiveRules } from './settings';
import './types';

export function requireDuplicateDef(db: Db, type: string): DuplicateDef {
  const def = duplicateDef(type);
  const exists = def && db.prepare("SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = ?").get(def.table);
  if (!def || !exists) throw new AppError('VALIDATION', `There are no duplicate rules for ${type}.`, [{ path: 'type', message: 'No duplicate rules' }]);
  return def;
}

/**
 * The record's values as the record service would store them (phones in E.164, checked emails),
 * field by field: a half-typed form still gets checked on the fields that are valid.
 */
function normalized(call: Call, type: RecordType, input: Values): Values {
  const def = recordDef(type);
  if (!def) return input;
  const values: Values = {};
  for (const [field, value] of Object.entries(input)) {
    if (!(field in def.fields) || value === undefined || value === null || value === '') continue;
    const one: Values = { [field]: typeof value === 'string' ? value.trim() : value };
    try {
      def.normalize?.(call, one, '');
      Object.assign(values, one);
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
    }
  }
  return values;
}

/** Several rules agreeing make a duplicate more certain: 1 - the product of each rule's doubt. */
function combine(scores: number[]): number {
  return 1 - scores.reduce((doubt, score) => doubt * (1 - score), 1);
}

/** Existing records that look like this one, best first, with the rules that matched. */
export function checkDuplicates(call: Call, input: { type: string; record: Values; id?: string; limit: number }) {
  const def = requireDuplicateDef(call.db, input.type);
  const values = normalized(call, def.type, input.record);
  const { rules, minScore } = effectiveRules(call.db);
  const found = new Map<string, { type: RecordType; id: string; hits: (Hit & { rule: string; score: number })[] }>();
  for (const rule of rules) {
    if (rule.type !== def.type || !rule.enabled) continue;
    for (const hit of rule.impl.find({ db: call.db, threshold: rule.threshold ?? 1 }, values)) {
      if (hit.type === def.type && hit.id === input.id) continue;
      const key = `${hit.type}:${hit.id}`;
      const entry = found.get(key) ?? { type: hit.type, id: hit.id, hits: [] };
      if (!entry.hits.some((h) => h.rule === rule.rule && h.field === hit.field)) entry.hits.push({ ...hit, rule: rule.rule, score: rule.score * hit.similarity });
      found.set(key, entry);
    }
  }
  const candidates = [...found.values()]
    .map((entry) => ({ ...entry, score: Math.round(combine(entry.hits.map((h) => h.score)) * 1000) / 1000 }))
    .filter((entry) => entry.score >= minScore)
    .sort((a, b) => b.score - a.score || a.id.localeCompare(b.id))
    .slice(0, input.limit);
  // Titles of the few candidates shown, one query per record type.
  const titles = new Map<string, string>();
  for (const type of new Set(candidates.map((c) => c.type))) {
    for (const [id, title] of titlesOf(call, type, candidates.filter((c) => c.type === type).map((c) => c.id))) titles.set(`${type}:${id}`, title);
  }
  return {
    candidates: candidates.map((entry) => ({
      type: entry.type,
      id: entry.id,
      title: titles.get(`${entry.type}:${entry.id}`) ?? entry.id,
      score: entry.score,
      reasons: entry.hits.map((h) => ({ rule: h.rule, field: h.field, value: h.value, similarity: Math.round(h.similarity * 1000) / 1000 })),
    })),
  };
}

/** Titles of records of one type by id, in one query. */
export function titlesOf(call: Call, type: RecordType, ids: string[]): Map<string, string> {
  const def = recordDef(type);
  if (!def || ids.length === 0) return new Map();
  const rows = statement(call.db, `SELECT * FROM ${def.table} WHERE id IN (SELECT value FROM json_each(?))`).all(JSON.stringify(ids)) as Record<string, unknown>[];
  return new Map(rows.map((row) => [String(row.id), def.title(rowToRecord(def, row))]));
}
