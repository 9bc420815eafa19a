import type { Statement } from 'better-sqlite3';
import type { Logger } from '../context';
import { cachedStatement } from '../db/statements';
import type { Db } from '../db/open';
import { gramsTable, hasGrams, searchDefs, wordsTable } from './definitions';

/** How often the background merge runs, and how long one run may hold the writer. */
const MERGE_EVERY_MS = 5_000;
const BACKLOG_EVERY_MS = 100;
const MERGE_BUDGET_MS = 15;
/** Pages of merge work per step (FTS5's 'merge' command); each step is its own short transaction. */
const PAGES_PER_STEP = 200;

function searchTables(db: Db): string[] {
  const exists = db.prepare("SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = ?").pluck();
  return searchDefs()
    .flatMap((def) => [wordsTable(def), ...(hasGrams(def) ? [gramsTable(def)] : [])])
    .filter((table) => exists.get(table) !== undefined);
}

/** The merge step of each search table, prepared once per connection (the tables are made at start). */
const mergeSteps = new WeakMap<Db, Statement[]>();

function mergeStepsOf(db: Db): Statement[] {
  let steps = mergeSteps.get(db);
  if (!steps) {
    steps = searchTables(db).map((table) => db.prepare(`INSERT INTO ${table} (${table}, rank) VALUES ('merge', ${PAGES_PER_STEP})`));
    mergeSteps.set(db, steps);
  }
  return steps;
}

/**
 * Pending index data FTS5 keeps in memory per search table before it writes a segment. Its default
 * (1 MB) wrote five segments per table for one import batch of 4,000 contacts, and the crisis merge
 * those set off ran inside the import; 16 MB holds a batch, so a batch writes one segment, at commit.
 */
const PENDING_INDEX_BYTES = 16 * 1024 * 1024;

/**
 * FTS5 merges its index segments inside whichever write happens to fill a level ("automerge"):
 * measured at a million contacts, that put 40 ms on one contact update in twenty (p95 45 ms against
 * 5 ms with it off). Writes therefore only add segments, and this merge runs between requests.
 * The settings are stored in each index, so they are set again at every start (cheap, idempotent).
 * FTS5's crisis merge still bounds the segments if the background merge cannot keep up.
 */
export function deferSearchMerges(db: Db): void {
  db.transaction(() => {
    for (const table of searchTables(db)) {
      db.prepare(`INSERT INTO ${table} (${table}, rank) VALUES ('automerge', 0)`).run();
      db.prepare(`INSERT INTO ${table} (${table}, rank) VALUES ('hashsize', ${PENDING_INDEX_BYTES})`).run();
    }
  }).immediate();
}

/**
 * Merges index segments for at most `budgetMs`, a few pages at a time, each step in its own
 * transaction so no request waits behind more than one step. Returns whether work is left.
 */
export function mergeSearchIndexes(db: Db, budgetMs = MERGE_BUDGET_MS): boolean {
  const started = performance.now();
  const totalChanges = cachedStatement(db, 'SELECT total_changes()', { pluck: true });
  for (const merge of mergeStepsOf(db)) {
    for (;;) {
      if (performance.now() - started > budgetMs) return true;
      const before = totalChanges.get() as number;
      db.transaction(() => merge.run()).immediate();
      // FTS5's documented signal: fewer than two changes means the step found nothing to merge.
      if ((totalChanges.get() as number) - before < 2) break;
    }
  }
  return false;
}

/**
 * Runs the merge in the background: every few seconds when the index is tidy, every 100 ms while a
 * backlog is left (after an import), so at most about a seventh of the writer's time goes to it.
 * Timers are unref'd: they never keep a process alive.
 */
export function startSearchMerges(db: Db, logger: Logger): { stop(): void } {
  let timer: NodeJS.Timeout | null = null;
  const schedule = (ms: number) => {
    timer = setTimeout(run, ms);
    timer.unref();
  };
  const run = () => {
    let backlog = false;
    if (db.open && !db.inTransaction) {
      try {
        backlog = mergeSearchIndexes(db);
      } catch (error) {
        // A busy database or a closing backend: the next run tries again.
        logger.warn('search index merge skipped', { error: error instanceof Error ? error.message : String(error) });
      }
    }
    if (timer !== null) schedule(backlog ? BACKLOG_EVERY_MS : MERGE_EVERY_MS);
  };
  schedule(MERGE_EVERY_MS);
  return {
    stop() {
      if (timer) clearTimeout(timer);
      timer = null;
    },
  };
}
