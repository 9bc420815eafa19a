import { AppError } from '../../../shared/errors';
import type { Logger } from '../context';
import type { Db } from '../db/open';
import { newId } from '../ids';

/**
 * Background jobs (imports, exports, duplicate scans): work done in slices with the event loop
 * free in between, so the office keeps working while a million rows go by. One runner per open
 * database; closing the backend stops them all at the next slice.
 */

export type JobState = 'running' | 'done' | 'failed' | 'cancelled' | 'interrupted';

export interface Job {
  id: string;
  kind: string;
  userId: string;
  state: JobState;
  total: number;
  processed: number;
  message: string | null;
  startedAt: string;
  finishedAt: string | null;
  cancelRequested: boolean;
  /** What the job produced (duplicate groups, an export file): read by its status method. */
  result?: unknown;
  /** Called (synchronously, database still open) when the backend closes under a running job. */
  onInterrupt?: () => void;
  /** Called when the job is forgotten (its file, if it made one, can go). */
  onForget?: () => void;
}

/** Thrown out of `slice()` when the job must stop: cancelled by its user or the backend closing. */
export class JobStopped extends Error {
  constructor(readonly reason: 'cancelled' | 'interrupted') {
    super(`job ${reason}`);
  }
}

/** Finished jobs are kept this long for status and downloads, then forgotten. */
const KEEP_FINISHED_MS = 6 * 60 * 60 * 1000;

export class JobRunner {
  private readonly jobs = new Map<string, Job>();
  private stopped = false;

  get isStopped(): boolean {
    return this.stopped;
  }

  /** Starts `work` on the next turn of the event loop; returns the job at once. */
  start(
    kind: string,
    userId: string,
    logger: Logger,
    work: (job: Job, slice: () => Promise<void>) => Promise<void>,
    options: { id?: string; onInterrupt?: () => void } = {},
  ): Job {
    if (this.stopped) throw new AppError('CONFLICT', 'The server is shutting down; try again when it is back.');
    this.forgetOld();
    const job: Job = {
      id: options.id ?? newId(),
      kind,
      userId,
      state: 'running',
      total: 0,
      processed: 0,
      message: null,
      startedAt: new Date().toISOString(),
      finishedAt: null,
      cancelRequested: false,
      onInterrupt: options.onInterrupt,
    };
    this.jobs.set(job.id, job);
    allJobs.set(job.id, job);
    const slice = async () => {
      await new Promise<void>((resolve) => setImmediate(resolve));
      if (this.stopped) throw new JobStopped('interrupted');
      if (job.cancelRequested) throw new JobStopped('cancelled');
    };
    void (async () => {
      try {
        // Start on a later turn: the caller gets its job id back first.
        await new Promise<void>((resolve) => setImmediate(resolve));
        await work(job, slice);
        if (job.state === 'running') job.state = 'done';
      } catch (error) {
        if (error instanceof JobStopped) job.state = error.reason;
        else {
          job.state = 'failed';
          job.message = error instanceof AppError ? error.message : 'The job failed on the server; the administrator can find the error in the log.';
          if (!(error instanceof AppError)) logger.error('background job failed', { job: job.id, kind, error: String((error as Error)?.stack ?? error) });
        }
      } finally {
        job.finishedAt = new Date().toISOString();
      }
    })();
    return job;
  }

  get(id: string): Job | undefined {
    return this.jobs.get(id);
  }

  /** Stops every running job at its next slice; each gets to record that it was interrupted. */
  stop(): void {
    this.stopped = true;
    for (const job of this.jobs.values()) {
      if (job.state === 'running') {
        job.state = 'interrupted';
        try {
          job.onInterrupt?.();
        } catch {
          // The database may already be unusable; the job's own state is what matters now.
        }
      }
      this.forget(job);
    }
  }

  private forgetOld(): void {
    const cutoff = Date.now() - KEEP_FINISHED_MS;
    for (const job of this.jobs.values()) {
      if (job.finishedAt && Date.parse(job.finishedAt) < cutoff) this.forget(job);
    }
  }

  private forget(job: Job): void {
    this.jobs.delete(job.id);
    allJobs.delete(job.id);
    try {
      job.onForget?.();
    } catch {
      // Best effort: a temp file that cannot be removed is left to the OS.
    }
  }
}

const runners = new WeakMap<Db, JobRunner>();
/** Every live job of every backend in this process, by id: the HTTP download route finds exports here. */
const allJobs = new Map<string, Job>();

export function jobsFor(db: Db): JobRunner {
  let runner = runners.get(db);
  if (!runner) {
    runner = new JobRunner();
    runners.set(db, runner);
  }
  return runner;
}

export function findJob(id: string): Job | undefined {
  return allJobs.get(id);
}

/** backend.close(): every background job stops at its next slice. */
export function stopJobs(db: Db): void {
  runners.get(db)?.stop();
}

/** A job of this user (administrators may see everyone's), or NOT_FOUND. */
export function jobOf(db: Db, id: string, user: { id: string; role: string }, kind: string): Job {
  const job = jobsFor(db).get(id);
  if (!job || job.kind !== kind || (job.userId !== user.id && user.role !== 'admin')) {
    throw new AppError('NOT_FOUND', 'No such job (finished jobs are kept for six hours).');
  }
  return job;
}
