import type { BenchEnv } from '../env';
import type { BenchCase, CaseRun } from './types';

/** Issue 6: "search.global: p95 <= 30 ms for 1-, 2-, 3- and 5-character queries, Latin and Chinese". */
const SEARCH_TARGET_MS = 30;
/** Different queries per case, cycled through the samples: repeats would measure SQLite's page cache of one query. */
const QUERIES = 60;

const CJK = /[\u3400-\u9fff]/u;
/** Rows whose text starts with a CJK character (the generator writes Chinese names and companies in Han script). */
const CJK_START = "unicode(%s) BETWEEN 13312 AND 40959";

/** Latin text people type: a name, a company word, the part of an email before the @, phone digits. */
function latinSource(env: BenchEnv, i: number): string {
  switch (i % 5) {
    case 0:
      return env.pick.row<{ v: string }>('contacts', 'last_name AS v', `NOT ${CJK_START.replace('%s', 'last_name')}`).v;
    case 1:
      return env.pick.row<{ v: string }>('contacts', 'first_name AS v', `first_name IS NOT NULL AND NOT ${CJK_START.replace('%s', 'first_name')}`).v;
    case 2:
      return env.pick.row<{ v: string }>('accounts', 'name AS v', `NOT ${CJK_START.replace('%s', 'name')}`).v;
    case 3:
      return env.pick.row<{ v: string }>('contacts', 'email AS v', 'email IS NOT NULL').v;
    default: {
      // The end of a phone number, as people remember it ("0109").
      const phone = env.pick.row<{ v: string }>('contacts', 'phone AS v', 'phone IS NOT NULL').v;
      return phone.slice(-5);
    }
  }
}

/** The first `length` letters (or digits) a user would type of a Latin source. */
function latinQuery(source: string, length: number): string {
  const letters = [...source.normalize('NFC')].filter((c) => /[\p{L}\p{N}.@]/u.test(c));
  return letters.slice(0, length).join('');
}

/** Chinese text people type: a person's name as written (王伟), or part of a company name (星河科技). */
function chineseQuery(env: BenchEnv, i: number, length: number): string {
  if (length <= 3 && i % 2 === 0) {
    const row = env.pick.row<{ last: string; first: string | null }>(
      'contacts',
      'last_name AS last, first_name AS first',
      `${CJK_START.replace('%s', 'last_name')} AND first_name IS NOT NULL`,
    );
    const name = [...`${row.last}${row.first ?? ''}`];
    if (name.length >= length) return name.slice(0, length).join('');
  }
  const name = [...env.pick.row<{ v: string }>('accounts', 'name AS v', CJK_START.replace('%s', 'name')).v].filter((c) => CJK.test(c));
  // A company name without its city prefix, from the start or the middle ("华信科技", "信科").
  const from = i % 3 === 0 ? 0 : Math.min(2, Math.max(0, name.length - length));
  return name.slice(from, from + length).join('');
}

function searchCase(label: 'Latin' | 'Chinese', length: number, when = ''): BenchCase {
  return {
    name: `search.global ${label} ${length} char${length > 1 ? 's' : ''} (sales user, all types)${when}`,
    rows: (env) => env.counts.contacts + env.counts.accounts + env.counts.activities,
    targetP95Ms: SEARCH_TARGET_MS,
    prepare(env): CaseRun {
      const queries = Array.from({ length: QUERIES }, (_, i) =>
        label === 'Latin' ? latinQuery(latinSource(env, i), length) : chineseQuery(env, i, length),
      );
      return { sample: (i) => env.backend.dispatch(env.sales.ctx, 'search.global', { q: queries[i % queries.length]!, limit: 5 }) };
    },
  };
}

export const searchCases: BenchCase[] = [
  ...[1, 2, 3, 5].map((length) => searchCase('Latin', length)),
  ...[1, 2, 3, 5].map((length) => searchCase('Chinese', length)),
];

/**
 * Run after the import case: a big import leaves the search index in many new segments that the
 * background merge folds in over the next seconds (search/merge.ts). Searching meanwhile must stay fast.
 */
export const searchAfterImportCases: BenchCase[] = [searchCase('Latin', 1, ' just after an import'), searchCase('Latin', 3, ' just after an import'), searchCase('Chinese', 2, ' just after an import')];
