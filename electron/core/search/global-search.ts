import type { RecordType } from '../../../shared/schemas/records/common';
import type { SearchResult, SearchGroup } from '../../../shared/schemas/search';
import type { Db } from '../db/open';
import { signedIn, type Call } from '../handler';
import { PREFIX_INDEX_MAX, candidateColumns, gramsTable, hasGrams, searchDef, searchDefs, wordsTable, type SearchDef } from './definitions';
import { statement } from './statements';
import { fold, hasCjk, phoneDigits, queryCjkRuns, queryWords } from './text';
import './types';

/**
 * Global search. Ranking every match of a short prefix is the slow case (a one-letter query
 * matches most of a million contacts), so each type reads a bounded pool of candidates in the
 * index's cheap order (newest first), tier by tier: exact words, word prefixes, then parts of
 * words. Only that pool is ranked: exact and prefix matches first, then the caller's own
 * records, then the most recently changed.
 */

/** Match classes, best first. */
const EXACT = 0;
const TITLE_PREFIX = 1;
const WORD_PREFIX = 2;
const PART = 3;

/**
 * Candidates read per type: twice a page (at least 10). Every candidate is a row fetched and
 * judged; more only reorders results the tiers already put roughly in order.
 */
const poolSize = (limit: number) => Math.max(limit * 2, 10);

const quote = (text: string) => `"${text.replace(/"/g, '""')}"`;

/** A CJK run as words-index terms: one exact token up to two characters, else all its pairs (checked later). */
function cjkTerms(run: string): string[] {
  const chars = [...run];
  if (chars.length <= 2) return [quote(run)];
  const pairs: string[] = [];
  for (let i = 0; i + 1 < chars.length; i++) pairs.push(quote(chars[i]! + chars[i + 1]!));
  return pairs;
}

interface Plan {
  folded: string;
  words: string[];
  cjk: string[];
  /**
   * FTS queries, in tier order. `exact` is the exact-match part of a prefix tier: it runs only when
   * the prefix matches fill the pool (otherwise they already hold every exact match), so that
   * exact matches are never crowded out by newer prefix matches.
   */
  tiers: { table: 'words' | 'grams'; match: string; exact?: string; phone?: boolean; skipIfFound?: boolean }[];
}

function plan(query: string): Plan | null {
  const folded = fold(query).trim().replace(/\s+/g, ' ');
  const words = queryWords(folded);
  const cjk = queryCjkRuns(folded);
  if (words.length === 0 && cjk.length === 0) return null;
  const cjkPart = cjk.flatMap(cjkTerms);
  const tiers: Plan['tiers'] = [];
  const exact = [...words.map(quote), ...cjkPart].join(' AND ');
  const prefix = [...words.map((w) => `${quote(w)}*`), ...cjkPart].join(' AND ');
  const digits = phoneDigits(query);
  if (digits && words.length > 1) {
    // "555 0109": the digits together are what the index holds (a phone's last 4 and 7 digits are tokens).
    tiers.push({ table: 'words', match: `${quote(digits)}*`, exact: quote(digits), phone: true });
  }
  // One typed letter: exact one-letter words are too rare to be worth a query of their own.
  const oneLetter = cjk.length === 0 && words.length === 1 && [...words[0]!].length === 1;
  // A word longer than the prefix indexes makes its prefix query merge whole doclists: try the
  // exact words first, the prefix query only when they do not fill the pool.
  const longWord = words.some((w) => [...w].length > PREFIX_INDEX_MAX);
  if (words.length === 0) tiers.push({ table: 'words', match: exact });
  else if (longWord) tiers.push({ table: 'words', match: exact }, { table: 'words', match: prefix });
  else tiers.push({ table: 'words', match: prefix, exact: oneLetter ? undefined : exact });
  const alternatives = new Set<string>();
  if ([...folded.replace(/\s/g, '')].length >= 3) alternatives.add(folded);
  if (digits) {
    alternatives.add(digits);
    // A national trunk prefix ("020 7946 0958") is not part of the stored international number.
    if (digits.startsWith('0') && digits.replace(/^0+/, '').length >= 3) alternatives.add(digits.replace(/^0+/, ''));
  }
  // Digits found as a whole number, its national part or its last 4 or 7 digits need no substring search.
  if (alternatives.size > 0) tiers.push({ table: 'grams', match: [...alternatives].map(quote).join(' OR '), skipIfFound: digits !== null });
  return { folded, words, cjk, tiers };
}

const ftsTables = new WeakMap<Db, Set<string>>();

function hasTable(db: Db, name: string): boolean {
  let known = ftsTables.get(db);
  if (!known) {
    known = new Set(db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name LIKE 'search\\_%' ESCAPE '\\'").pluck().all() as string[]);
    ftsTables.set(db, known);
  }
  return known.has(name);
}

interface Candidate {
  row: Record<string, unknown>;
  title: string;
  cls: number;
  field: string | null;
  mine: boolean;
}

/** Which field matched and how well, judged on the record itself (the index only says "somewhere"). */
function classify(def: SearchDef, row: Record<string, unknown>, title: string, p: Plan, digits: string | null): Omit<Candidate, 'row' | 'title' | 'mine'> | null {
  const q = p.folded;
  const compactQ = q.replace(/\s/g, '');
  const foldedTitle = fold(title);
  const values = def.fields.map((f) => ({ field: f.field, kind: f.kind, text: row[f.column] == null ? '' : fold(String(row[f.column])) }));
  // Every CJK run must really appear (pairs found separately may not be adjacent), in a field or across the name.
  const cjkText = values.map((v) => v.text).join('') + foldedTitle.replace(/\s/g, '');
  if (p.cjk.some((run) => !cjkText.includes(run))) return null;

  let cls = PART;
  let field: string | null = null;
  const consider = (c: number, f: string) => {
    if (field === null || c < cls) {
      cls = c;
      field = f;
    }
  };
  if (foldedTitle === q || foldedTitle.replace(/\s/g, '') === compactQ) consider(EXACT, def.fields[0]!.field);
  else if (foldedTitle.startsWith(q) || (hasCjk(q) && foldedTitle.replace(/\s/g, '').startsWith(compactQ))) consider(TITLE_PREFIX, def.fields[0]!.field);
  const first = p.words[0] ?? p.cjk[0] ?? q;
  for (const v of values) {
    if (!v.text) continue;
    if (v.kind === 'phone') {
      const stored = v.text.replace(/\D/g, '');
      if (digits && stored.endsWith(digits)) consider(WORD_PREFIX, v.field);
      else if (digits && stored.includes(digits)) consider(PART, v.field);
      else if (stored.includes(first)) consider(PART, v.field);
      continue;
    }
    if (v.text === q) consider(EXACT, v.field);
    else if (v.text.startsWith(q)) consider(TITLE_PREFIX, v.field);
    else if ((v.text.match(/[\p{L}\p{N}]+/gu) ?? []).some((w) => w === first || w.startsWith(first))) consider(WORD_PREFIX, v.field);
    else if (v.text.includes(first)) consider(PART, v.field);
  }
  return { cls, field };
}

function searchType(call: Call, def: SearchDef, p: Plan, digits: string | null, limit: number): SearchResult[] {
  const db = call.db;
  if (!hasTable(db, wordsTable(def))) return [];
  const pool = poolSize(limit);
  const docids = new Set<number>();
  for (const tier of p.tiers) {
    if (docids.size >= pool) break;
    if (tier.table === 'grams' && !hasGrams(def)) continue;
    if (tier.skipIfFound && docids.size > 0) continue;
    if (tier.phone && !def.fields.some((f) => f.kind === 'phone')) continue;
    const table = tier.table === 'words' ? wordsTable(def) : gramsTable(def);
    const read = (match: string, room: number) =>
      statement(db, `SELECT rowid FROM ${table} WHERE ${table} MATCH ? ORDER BY rowid DESC LIMIT ?`).pluck().all(match, room) as number[];
    const room = pool - docids.size;
    const rows = read(tier.match, room);
    if (tier.exact && rows.length >= room) for (const id of read(tier.exact, room)) docids.add(id);
    for (const id of rows) {
      if (docids.size >= pool) break;
      docids.add(id);
    }
  }
  if (docids.size === 0) return [];
  const rows = statement(
    db,
    // CROSS JOIN keeps this order at any size: the few docids, then their keys, then the rows.
    `SELECT ${candidateColumns(def).map((c) => `t.${c}`).join(', ')} FROM json_each(?) j CROSS JOIN search_keys k ON k.docid = j.value CROSS JOIN ${def.table} t ON t.id = k.record_id
     WHERE t.deleted_at IS NULL`,
  ).all(JSON.stringify([...docids])) as Record<string, unknown>[];
  const me = signedIn(call).id;
  const ranked: Candidate[] = [];
  for (const row of rows) {
    const title = def.title(row);
    const match = classify(def, row, title, p, digits);
    if (match) ranked.push({ row, title, ...match, mine: row.owner_id === me });
  }
  ranked.sort(
    (a, b) =>
      a.cls - b.cls ||
      Number(b.mine) - Number(a.mine) ||
      String(b.row.updated_at ?? '').localeCompare(String(a.row.updated_at ?? '')) ||
      a.title.localeCompare(b.title),
  );
  const top = ranked.slice(0, limit);
  const subtitles = def.subtitles(db, top.map((c) => c.row));
  return top.map((c, i) => ({
    id: String(c.row.id),
    title: c.title,
    subtitle: subtitles[i]!.map((part) => part.value).join(' · ') || null,
    subtitleParts: subtitles[i]!,
    matchedField: c.field,
    ownerId: String(c.row.owner_id),
    updatedAt: String(c.row.updated_at),
  }));
}

export function globalSearch(call: Call, input: { q: string; types?: RecordType[]; limit: number }): { groups: SearchGroup[] } {
  const p = plan(input.q);
  if (!p) return { groups: [] };
  const digits = phoneDigits(input.q);
  const defs = input.types ? input.types.map(searchDef).filter((d): d is SearchDef => d !== undefined) : searchDefs();
  const groups: SearchGroup[] = [];
  for (const def of defs) {
    const items = searchType(call, def, p, digits, input.limit);
    if (items.length > 0) groups.push({ type: def.type, items });
  }
  return { groups };
}
