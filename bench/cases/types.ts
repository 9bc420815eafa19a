import type { BenchEnv } from '../env';

/** One prepared case: `before` is untimed set-up per sample, `sample` is what the clock measures. */
export interface CaseRun {
  before?(i: number): unknown;
  sample(i: number): Promise<unknown>;
  /** Untimed clean-up after the last sample. */
  finish?(): void;
}

/**
 * A benchmark case. Add yours to a file per issue (bench/cases/<area>.ts) and list it in
 * bench/cases/index.ts; run only some with `npm run bench -- --only <text>`.
 */
export interface BenchCase {
  /** What it measures, as the report shows it: "contacts.list first page, by name". */
  name: string;
  /** Rows in the table the case reads or writes (the size that makes it hard). */
  rows(env: BenchEnv): number;
  /** The limit for p95 in milliseconds, when it names one. */
  targetP95Ms?: number;
  /** Timed samples (default 200) and untimed warm-up calls (default 20). */
  samples?: number;
  warmup?: number;
  /** Stop sampling after this long, warm-up included (default 30 s): `n` then says how many were taken. */
  budgetMs?: number;
  /** Report calls per second too (writes). */
  throughput?: boolean;
  /** Picks inputs and signs in; runs before the warm-up, untimed. */
  prepare(env: BenchEnv): CaseRun | Promise<CaseRun>;
}
