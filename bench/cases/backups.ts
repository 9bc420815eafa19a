import { monitorEventLoopDelay } from 'node:perf_hooks';
import type { CallContext } from '../../electron/core/context';
import type { BackupProgress } from '../../shared/schemas/backup-progress';
import type { BenchEnv, SignedIn } from '../env';
import { BENCH_ADMIN, BENCH_PASSWORD } from '../generate/users';
import { describeProbe, startSaveProbe } from '../write-probe';
import { adminCtx } from './recycle-bin';
import type { BenchCase, CaseRun } from './types';

/**
 * Settings > Backups at size: "Run backup now" (copy while people work, then verify the copy) and
 * "Restore…" of that backup (verify it, keep the current database aside, put the backup in place,
 * open it). Each is timed through the real dispatch, with the steps the page shows (backups.progress,
 * polled as the page does) and the longest the server's event loop was held meanwhile: a held loop
 * is a server that answers nobody.
 */
const log = (line: string) => console.log(line);
const mb = (bytes: number) => `${Math.round(bytes / 1048576).toLocaleString('en-US')} MB`;
const POLL_MS = 250;

/** One timed run (minutes at scale 1) over the whole database. */
const ONCE_OVER_EVERYTHING = {
  rows: (env: BenchEnv) => env.counts.contacts + env.counts.activities + env.counts.accounts,
  samples: 1,
  warmup: 0,
  budgetMs: 3_600_000,
};

/** The backup the restore case puts back: the one the backup case made, or one made for it. */
let lastBackupId: string | null = null;

/** Seconds per step, from polling backups.progress while `work` runs (the admin page's view of it). */
async function withSteps<T>(ask: () => Promise<BackupProgress>, work: Promise<T>): Promise<{ result: T; steps: string }> {
  const spent = new Map<string, number>();
  let done = false;
  const watching = (async () => {
    while (!done) {
      try {
        const progress = await ask();
        if (progress.state === 'running' && progress.step) spent.set(progress.step, progress.stepElapsedSeconds);
      } catch {
        // The restoring session ends with the restore: the last answers are refused.
      }
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    }
  })();
  try {
    return { result: await work, steps: [...spent].map(([step, s]) => `${step} ${s.toFixed(1)} s`).join(', ') };
  } finally {
    done = true;
    await watching;
  }
}

function loopWatch() {
  const histogram = monitorEventLoopDelay({ resolution: 10 });
  histogram.enable();
  return () => {
    histogram.disable();
    return `event loop held at most ${Math.round(histogram.max / 1e6)} ms`;
  };
}

async function signIn(env: BenchEnv, username: string): Promise<CallContext> {
  const ctx: CallContext = { token: null, address: 'local', transport: 'ipc' };
  const session = await env.backend.dispatch(ctx, 'auth.login', { username, password: BENCH_PASSWORD });
  return { ...ctx, token: session.token };
}

const backupCase: BenchCase = {
  name: 'backups.run: back up and verify the whole database, others saving meanwhile',
  ...ONCE_OVER_EVERYTHING,
  prepare(env): CaseRun {
    // As the admin tool acts on the server (no seat: the trial's three are the bench users').
    const admin = adminCtx(env);
    return {
      async sample() {
        const probe = startSaveProbe(env);
        const loop = loopWatch();
        const started = performance.now();
        const { result: backup, steps } = await withSteps(
          () => env.backend.dispatch(admin, 'backups.progress', {}),
          env.backend.dispatch(admin, 'backups.run', {}),
        );
        const ms = performance.now() - started;
        const held = loop();
        const waits = await probe.stop();
        if (backup.status !== 'ok') throw new Error(`backup failed its check: ${backup.check}`);
        lastBackupId = backup.id;
        log(
          `  backup: ${mb(backup.sizeBytes)} in ${(ms / 1000).toFixed(1)} s (${steps}) = ${mb(backup.sizeBytes / (ms / 1000))}/s; ${held}; ${describeProbe(waits)}`,
        );
      },
    };
  },
};

const restoreCase: BenchCase = {
  name: 'backups.restore: put that backup back from Settings > Backups',
  ...ONCE_OVER_EVERYTHING,
  async prepare(env): Promise<CaseRun> {
    // A restore needs everyone else signed out: the bench's three users sign out, and in again after.
    const others: SignedIn[] = [env.manager, env.sales, env.busy];
    for (const user of others) await env.backend.dispatch(user.ctx, 'auth.logout', {});
    const admin = await signIn(env, BENCH_ADMIN);
    if (!lastBackupId) lastBackupId = (await env.backend.dispatch(admin, 'backups.run', {})).id;
    const backupId = lastBackupId;
    return {
      async sample() {
        const loop = loopWatch();
        const started = performance.now();
        const { result, steps } = await withSteps(
          () => env.backend.dispatch(admin, 'backups.progress', {}),
          env.backend.dispatch(admin, 'backups.restore', { id: backupId }),
        );
        const ms = performance.now() - started;
        log(`  restore: ${(ms / 1000).toFixed(1)} s (${steps}); ${loop()}; kept aside ${result.keptAside}`);
        // Every session ended with the restore: the next cases sign in again.
        for (const user of others) user.ctx = await signIn(env, user.username);
      },
    };
  },
};

export const backupCases: BenchCase[] = [backupCase, restoreCase];
