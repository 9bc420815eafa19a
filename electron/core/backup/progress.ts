import type { BackupProgress, BackupStep } from '../../../shared/schemas/backup-progress';

/**
 * Progress of the long backup work (a backup of a 2 GB database takes a minute or more, a restore
 * several), for the admin page to show. Kept per data folder, in memory: a restore swaps the
 * database (and every service on it) while it runs, and the data folder is what stays the same.
 */
export type BackupOperation = 'backup' | 'restore';

const STEPS: Record<BackupOperation, BackupStep[]> = {
  backup: ['copy', 'verify'],
  restore: ['checkBackup', 'copyAside', 'verifyAside', 'copyIn', 'open'],
};

interface Tracked {
  operation: BackupOperation;
  state: 'running' | 'done' | 'failed';
  step: BackupStep | null;
  done: number;
  total: number;
  startedAt: Date;
  startedMs: number;
  stepStartedMs: number;
  finishedAt: Date | null;
  finishedMs: number | null;
  message: string | null;
}

const latest = new Map<string, Tracked>();

/** One backup or restore as it goes: the step it is at and how far into it. */
export class BackupWork {
  private readonly tracked: Tracked;

  constructor(dataDir: string, operation: BackupOperation) {
    const now = performance.now();
    this.tracked = {
      operation,
      state: 'running',
      step: null,
      done: 0,
      total: 0,
      startedAt: new Date(),
      startedMs: now,
      stepStartedMs: now,
      finishedAt: null,
      finishedMs: null,
      message: null,
    };
    latest.set(dataDir, this.tracked);
  }

  /** Begins a step; `total` when its work can be counted (pages, bytes). */
  step(step: BackupStep, total = 0): void {
    Object.assign(this.tracked, { step, done: 0, total, stepStartedMs: performance.now() });
  }

  advance(done: number, total: number): void {
    this.tracked.done = done;
    this.tracked.total = total;
  }

  /** Progress callback for a step's counted work. */
  get reporter(): (done: number, total: number) => void {
    return (done, total) => this.advance(done, total);
  }

  finish(ok: boolean, message: string | null = null): void {
    Object.assign(this.tracked, { state: ok ? 'done' : 'failed', message, finishedAt: new Date(), finishedMs: performance.now() });
  }
}

/** What `backups.progress` answers: the latest backup or restore of this data folder, or idle. */
export function backupProgressOf(dataDir: string): BackupProgress {
  const tracked = latest.get(dataDir);
  if (!tracked) {
    return { operation: null, state: 'idle', steps: [], step: null, done: 0, total: 0, elapsedSeconds: 0, stepElapsedSeconds: 0, startedAt: null, finishedAt: null, message: null };
  }
  const until = tracked.finishedMs ?? performance.now();
  const seconds = (from: number) => Math.max(0, Math.round((until - from) / 100) / 10);
  return {
    operation: tracked.operation,
    state: tracked.state,
    steps: STEPS[tracked.operation],
    step: tracked.step,
    done: tracked.done,
    total: tracked.total,
    elapsedSeconds: seconds(tracked.startedMs),
    stepElapsedSeconds: seconds(tracked.stepStartedMs),
    startedAt: tracked.startedAt.toISOString(),
    finishedAt: tracked.finishedAt?.toISOString() ?? null,
    message: tracked.message,
  };
}
