import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DATABASE_FILE, createBackend } from '../electron/core/backend';
import { loadMigrations } from '../electron/core/db/migrations';
import { openDatabase } from '../electron/core/db/open';
import { BenchClock, benchLogger } from './clock';
import { countsFor, derivedIndexState, generateDataset, type TableSize } from './generate';
import type { Log } from './generate/bulk';
import type { Counts } from './generate/state';
import { BENCH_ADMIN, BENCH_PASSWORD, type BenchUsers } from './generate/users';

/** Bump when the generator's output changes: older data sets are then regenerated. */
const GENERATOR_VERSION = 4;
const SEED = 20_261_126;

export const BENCH_DIR = dirname(fileURLToPath(import.meta.url));
const MIGRATIONS_DIR = resolve(BENCH_DIR, '..', 'migrations');

export interface Manifest {
  generator: number;
  scale: number;
  seed: number;
  /** user_version and a hash of every migration file: a placeholder migration that gets filled in changes the schema too. */
  schemaVersion: number;
  schemaHash: string;
  counts: Counts;
  users: BenchUsers;
  generation: { totalMs: number; phases: Record<string, number>; at: string };
  /** lantern.db right after generation, in bytes, and how it splits into tables and indexes. */
  dbBytes: number;
  sizes: TableSize[];
  /** The search and duplicate-key index definitions (derived_index_state) the data was built with. */
  derivedIndexes: Record<string, string>;
}

export interface Dataset {
  /** The working copy the backend runs on: a fresh copy of the generated database for every run. */
  dataDir: string;
  /** Where the generated database and its manifest are kept between runs. */
  generatedDir: string;
  manifest: Manifest;
  /** True when this run generated the data (false: reused from an earlier run). */
  generated: boolean;
}

/** The schema as the migrations make it; `upTo` the first N migrations only (the schema a data set was made with). */
function schemaIdentity(upTo = Infinity): { version: number; hash: string } {
  const migrations = loadMigrations(MIGRATIONS_DIR).slice(0, upTo);
  const hash = createHash('sha256');
  for (const migration of migrations) hash.update(`${migration.version}:${migration.name}\n${migration.sql}\n`);
  return { version: migrations.length, hash: hash.digest('hex').slice(0, 16) };
}

function readManifest(file: string): Manifest | null {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as Manifest;
  } catch {
    return null;
  }
}

/**
 * The data set for a scale, in bench/out/scale-<N>/generated/: reused when an earlier run made it
 * with the same scale, schema and generator (generating is the slow part), otherwise made afresh.
 * Each run works on a copy in bench/out/scale-<N>/run/, so the rows one run writes never reach the
 * next: every run starts from the same database.
 */
export async function prepareDataset(scale: number, fresh: boolean, log: Log): Promise<Dataset> {
  const root = join(BENCH_DIR, 'out', `scale-${scale}`);
  const generatedDir = join(root, 'generated');
  const existing = readManifest(join(generatedDir, 'manifest.json'));
  const schema = schemaIdentity();
  const reusable =
    !fresh &&
    existing?.generator === GENERATOR_VERSION &&
    existing.scale === scale &&
    existing.schemaHash === schema.hash &&
    existsSync(join(generatedDir, DATABASE_FILE));
  // Migrations added since the data was made are applied to it as an office's upgrade applies them
  // (at the backend's start below): minutes, where generating again takes half an hour at scale 1.
  const upgradable =
    !fresh &&
    !reusable &&
    existing?.generator === GENERATOR_VERSION &&
    existing.scale === scale &&
    existing.schemaVersion < schema.version &&
    schemaIdentity(existing.schemaVersion).hash === existing.schemaHash &&
    existsSync(join(generatedDir, DATABASE_FILE));
  if (upgradable) log(`migrating the data set from schema ${existing.schemaVersion} to ${schema.version} (made with the older migrations)`);
  else if (existing && !reusable) log(`regenerating: ${fresh ? '--fresh' : 'the schema or the generator changed since the data was made'}`);
  const manifest = reusable || upgradable ? existing : await generate(generatedDir, scale, schema.hash, log);

  const runDir = join(root, 'run');
  rmSync(runDir, { recursive: true, force: true });
  mkdirSync(runDir, { recursive: true });
  const started = performance.now();
  copyFileSync(join(generatedDir, DATABASE_FILE), join(runDir, DATABASE_FILE));
  log(`working copy: ${runDir} (copied in ${((performance.now() - started) / 1000).toFixed(1)} s)`);
  await keepGeneratedCopyCurrent(runDir, generatedDir, manifest, upgradable ? schema : null, log);
  return { dataDir: runDir, generatedDir, manifest, generated: !reusable };
}

/**
 * Starts the backend once on the working copy: it applies migrations newer than the data set (an
 * `upgrade`), and the search and duplicate-key indexes, defined in code rather than in migrations,
 * are rebuilt at start when their definitions changed (minutes at full scale). Either way the
 * result becomes the generated copy, so the next run does not pay again (and timings never include it).
 */
async function keepGeneratedCopyCurrent(
  runDir: string,
  generatedDir: string,
  manifest: Manifest,
  upgrade: { version: number; hash: string } | null,
  log: Log,
): Promise<void> {
  const started = performance.now();
  const backend = await createBackend({ dataDir: runDir, clock: new BenchClock(), logger: benchLogger, requireSetupCode: false, scheduledBackups: false });
  backend.close();
  // The pre-migration backup is the upgrade's business, not the data set's.
  rmSync(join(runDir, 'backups'), { recursive: true, force: true });
  const file = join(runDir, DATABASE_FILE);
  const db = openDatabase(file);
  const current = derivedIndexState(db);
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.close();
  const rebuilt = JSON.stringify(current) !== JSON.stringify(manifest.derivedIndexes ?? current);
  if (!upgrade && !rebuilt) return;
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  if (upgrade) log(`migrated to schema ${upgrade.version} (with the pre-migration backup) in ${seconds} s`);
  if (rebuilt) log(`search/duplicate index definitions changed since the data was made: the backend rebuilt them at start (${seconds} s)`);
  copyFileSync(file, join(generatedDir, DATABASE_FILE));
  manifest.derivedIndexes = current;
  if (upgrade) {
    manifest.schemaVersion = upgrade.version;
    manifest.schemaHash = upgrade.hash;
  }
  writeFileSync(join(generatedDir, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
}

async function generate(dir: string, scale: number, schemaHash: string, log: Log): Promise<Manifest> {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const counts = countsFor(scale);
  const n = (value: number) => value.toLocaleString('en-US');
  log(`generating ${n(counts.accounts)} accounts, ${n(counts.contacts)} contacts, ${n(counts.activities)} activities in ${dir}`);

  // The real start-up path: migrations and the first administrator, as the office server does them.
  const backend = await createBackend({
    dataDir: dir,
    clock: new BenchClock(),
    logger: benchLogger,
    requireSetupCode: false,
    scheduledBackups: false,
    firstAdmin: { username: BENCH_ADMIN, password: BENCH_PASSWORD },
  });
  const { dbPath, schemaVersion } = backend;
  backend.close();

  const report = await generateDataset(dbPath, counts, SEED, log);
  const manifest: Manifest = {
    generator: GENERATOR_VERSION,
    scale,
    seed: SEED,
    schemaVersion,
    schemaHash,
    counts,
    users: report.users,
    generation: { totalMs: report.totalMs, phases: report.phases, at: new Date().toISOString() },
    dbBytes: statSync(dbPath).size,
    sizes: report.sizes,
    derivedIndexes: report.derivedIndexes,
  };
  // Written last: a generation that was interrupted has no manifest and is made again.
  writeFileSync(join(dir, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  return manifest;
}

/** The database and its WAL, as they are on disk now. */
export function databaseBytes(dataDir: string): number {
  const file = join(dataDir, DATABASE_FILE);
  const size = (path: string) => (existsSync(path) ? statSync(path).size : 0);
  return size(file) + size(`${file}-wal`);
}
