import { cpus, loadavg } from 'node:os';
import { resolve } from 'node:path';
import { StartupError } from '../electron/core/backend';
import { USAGE, UsageError, parseArgs } from './args';
import { CASES } from './cases';
import { databaseBytes, prepareDataset, type Dataset } from './dataset';
import { openBenchEnv } from './env';
import { explainCase } from './explain';
import type { Counts } from './generate/state';
import { measure } from './measure';
import { tableHeader, tableRow, verdict, writeJson, type BenchResult, type Scored } from './report';

const log = (line: string) => console.log(line);
const mb = (bytes: number) => `${(bytes / 1048576).toFixed(0)} MB`;
const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const count = (n: number) => n.toLocaleString('en-US');
/** Other work on the machine shows up as tail latency: say how busy it was, so runs compare fairly. */
const machine = () => `${cpus().length} cores, load average ${loadavg()[0]!.toFixed(1)}`;

/** npm run bench: make (or reuse) the data set, run every case through the real dispatch, print a table. */
async function main(): Promise<number> {
  const args = parseArgs(process.argv.slice(2));
  const cases = CASES.filter((c) => args.only.length === 0 || args.only.some((text) => c.name.includes(text)));
  if (cases.length === 0) throw new UsageError(`No case name contains ${args.only.join(' or ')}`);

  const dataset = await prepareDataset(args.scale, args.fresh, log);
  describe(dataset);
  const env = await openBenchEnv(dataset);
  log(`backend start: ${seconds(env.startMs)}; machine: ${machine()}, Node ${process.version}\n`);

  const scored: Scored[] = [];
  const failed: string[] = [];
  try {
    if (args.explain) {
      for (const bench of cases) await explainCase(env, bench, log);
      return 0;
    }
    log(tableHeader());
    for (const bench of cases) {
      try {
        const { result, cpuP95Ms } = await measure(env, bench, { samples: args.samples ?? undefined });
        const row: Scored = { result, targetP95Ms: bench.targetP95Ms, cpuP95Ms };
        scored.push(row);
        log(tableRow(row));
      } catch (error) {
        // One broken case (a bug, or a schema it did not expect) must not cost the others' figures.
        failed.push(bench.name);
        log(`${bench.name}: FAILED ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      }
    }
  } finally {
    await env.close();
  }

  const missed = scored.filter((row) => verdict(row).startsWith('MISS'));
  log(`\nmachine at the end: ${machine()}`);
  log(missed.length === 0 ? 'every case with a target met it' : `${missed.length} case(s) missed their target: ${missed.map((row) => row.result.name).join('; ')}`);
  if (failed.length > 0) log(`${failed.length} case(s) failed: ${failed.join('; ')}`);
  if (args.json) {
    const results: BenchResult[] = scored.map((row) => row.result);
    if (dataset.generated) results.unshift(...generationResults(dataset.manifest.counts, dataset.manifest.generation.phases));
    writeJson(resolve(args.json), results);
    log(`results written to ${resolve(args.json)}`);
  }
  return failed.length > 0 ? 1 : 0;
}

/** The data set's size, how long it took to make, and where the bytes are. */
function describe({ manifest, dataDir, generated }: Dataset): void {
  const phases = Object.entries(manifest.generation.phases)
    .map(([phase, ms]) => `${phase} ${seconds(ms)}`)
    .join(', ');
  const { accounts, contacts, activities } = manifest.counts;
  log(`data set: scale ${manifest.scale}, ${count(accounts)} accounts, ${count(contacts)} contacts, ${count(activities)} activities, schema ${manifest.schemaVersion}`);
  log(`generation: ${seconds(manifest.generation.totalMs)} (${phases})${generated ? '' : `, on ${manifest.generation.at} (reused)`}`);
  log(`database: ${mb(manifest.dbBytes)} after generation, ${mb(databaseBytes(dataDir))} now`);
  for (const size of manifest.sizes ?? []) {
    log(`  ${size.table.padEnd(34)} rows ${String(size.dataMb).padStart(5)} MB, indexes ${String(size.indexMb).padStart(5)} MB`);
  }
}

/** When this run generated the data, its phases go into the JSON too (n = 1): generation cost is tracked over time. */
function generationResults(counts: Counts, phases: Record<string, number>): BenchResult[] {
  return (['accounts', 'contacts', 'activities'] as const)
    .filter((table) => phases[table] !== undefined)
    .map((table) => {
      const ms = Number(phases[table]!.toFixed(3));
      return { name: `generate ${table}`, rows: counts[table], n: 1, p50_ms: ms, p95_ms: ms, max_ms: ms, per_s: Math.round(counts[table] / (ms / 1000)) };
    });
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    if (error instanceof UsageError) {
      if (error.message) console.error(error.message);
      console.error(USAGE);
      process.exit(error.message ? 2 : 0);
    }
    console.error(error instanceof StartupError ? error.message : error);
    process.exit(1);
  },
);
