import type { BenchCase } from './cases/types';
import type { BenchEnv } from './env';
import type { BenchResult } from './report';

export interface MeasureOptions {
  /** Overrides every case's sample count (--samples). */
  samples?: number;
}

/** Nearest-rank percentile of sorted values. */
export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))]!;
}

const round = (value: number, digits = 3) => Number(value.toFixed(digits));

/** Time one case may take (warm-up included) before it stops with fewer samples than asked. */
const DEFAULT_BUDGET_MS = 30_000;

export interface Measured {
  result: BenchResult;
  /**
   * p95 of the CPU time the process spent per sample. On a busy machine wall time includes waiting
   * for a core and for the disk; CPU time tells the backend's own cost from the machine's.
   */
  cpuP95Ms: number;
}

/** Runs a case's warm-up, then times each sample with process.hrtime; untimed `before` work stays out of the figures. */
export async function measure(env: BenchEnv, bench: BenchCase, options: MeasureOptions = {}): Promise<Measured> {
  const run = await bench.prepare(env);
  const warmup = bench.warmup ?? 20;
  const n = options.samples ?? bench.samples ?? 200;
  const budgetMs = bench.budgetMs ?? DEFAULT_BUDGET_MS;
  const started = performance.now();
  const times: number[] = [];
  const cpuTimes: number[] = [];
  try {
    for (let i = 0; i < warmup + n; i++) {
      const elapsed = performance.now() - started;
      // A case that takes seconds per call has made its point: stop it rather than the whole run.
      if (i < warmup && elapsed > budgetMs / 4) i = warmup;
      if (times.length > 0 && elapsed > budgetMs) break;
      await run.before?.(i);
      const cpu = process.cpuUsage();
      const start = process.hrtime.bigint();
      await run.sample(i);
      const ms = Number(process.hrtime.bigint() - start) / 1e6;
      const used = process.cpuUsage(cpu);
      if (i >= warmup) {
        times.push(ms);
        cpuTimes.push((used.user + used.system) / 1000);
      }
    }
  } finally {
    run.finish?.();
  }
  const total = times.reduce((sum, ms) => sum + ms, 0);
  const sorted = [...times].sort((a, b) => a - b);
  const result: BenchResult = {
    name: bench.name,
    rows: bench.rows(env),
    n: times.length,
    p50_ms: round(percentile(sorted, 0.5)),
    p95_ms: round(percentile(sorted, 0.95)),
    max_ms: round(sorted[sorted.length - 1] ?? 0),
    ...(bench.throughput ? { per_s: round(n / (total / 1000), 1) } : {}),
    rss_mb: round(process.memoryUsage().rss / 1048576, 1),
  };
  return { result, cpuP95Ms: round(percentile(cpuTimes.sort((a, b) => a - b), 0.95)) };
}
