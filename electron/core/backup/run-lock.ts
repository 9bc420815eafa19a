import { closeSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { StartupError } from '../db/migrate';

/** Written in the data folder by the process that owns the database (office server or desktop app). */
export const RUN_LOCK_FILE = 'lantern.lock';

export interface RunLockInfo {
  pid: number;
  host: string;
  startedAt: string;
}

export interface RunLock {
  release(): void;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * The process holding the data folder, if one is running: a lock whose process has died (a crash,
 * a power cut) does not count. A lock written under another host name (a container, a renamed
 * machine) cannot be checked and counts as running: the messages say which file to delete.
 * Restore refuses while this returns someone.
 */
export function runningOwner(dataDir: string): RunLockInfo | null {
  let info: RunLockInfo;
  try {
    info = JSON.parse(readFileSync(join(dataDir, RUN_LOCK_FILE), 'utf8')) as RunLockInfo;
  } catch {
    return null;
  }
  if (!Number.isInteger(info.pid)) return null;
  if (info.host !== hostname()) return info;
  return info.pid === process.pid || isAlive(info.pid) ? info : null;
}

/** "process 123 on host, started ...; if it is not running any more, delete <lock file>". */
export function describeOwner(dataDir: string, owner: RunLockInfo): string {
  return `process ${owner.pid} on ${owner.host}, started ${owner.startedAt}; if no Lantern CRM is running there, delete ${join(dataDir, RUN_LOCK_FILE)}`;
}

/**
 * Claims the data folder for this process, or returns the live owner that already has it. Two
 * processes must never both own one database, and restore must know the server is stopped.
 */
export function acquireRunLock(dataDir: string, now: Date): RunLock | RunLockInfo {
  const file = join(dataDir, RUN_LOCK_FILE);
  const owner = runningOwner(dataDir);
  if (owner) return owner;
  rmSync(file, { force: true }); // a stale lock from a process that is gone
  let fd: number;
  try {
    fd = openSync(file, 'wx');
  } catch {
    // Someone claimed it between our look and our write.
    return runningOwner(dataDir) ?? { pid: -1, host: hostname(), startedAt: now.toISOString() };
  }
  writeSync(fd, JSON.stringify({ pid: process.pid, host: hostname(), startedAt: now.toISOString() } satisfies RunLockInfo));
  closeSync(fd);
  let released = false;
  return {
    release() {
      if (released) return;
      released = true;
      rmSync(file, { force: true });
    },
  };
}

export function isRunLock(value: RunLock | RunLockInfo): value is RunLock {
  return 'release' in value;
}

/** acquireRunLock for a starting backend: a live owner becomes the one line the admin reads. */
export function claimDataFolder(dataDir: string, now: Date): RunLock {
  const lock = acquireRunLock(dataDir, now);
  if (isRunLock(lock)) return lock;
  throw new StartupError(
    `Another Lantern CRM is already using the data folder ${dataDir} (${describeOwner(dataDir, lock)}). ` +
      'Only one office server or desktop app may own a database: stop the other one first, or choose another folder with --data.',
  );
}
