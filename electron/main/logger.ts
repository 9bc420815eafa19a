import { appendFileSync, mkdirSync, renameSync, statSync } from 'node:fs';
import path from 'node:path';
import type { Logger } from '../core/context';

/** Past this size the log is moved to main.log.1 (one generation kept), so it never fills the disk. */
const MAX_LOG_BYTES = 5 * 1024 * 1024;

/**
 * The main process logger: JSON lines on the console (seen in development) and in a file (the only
 * place a packaged app's log survives, for support). Writes are synchronous: the volume is small
 * and a line written just before a crash must not be lost.
 */
export function createMainLogger(logDir: string): Logger {
  const file = path.join(logDir, 'main.log');
  let fileUsable = true;
  try {
    mkdirSync(logDir, { recursive: true });
  } catch {
    fileUsable = false;
  }

  function write(level: 'info' | 'warn' | 'error', message: string, data?: Record<string, unknown>): void {
    const line = JSON.stringify({ time: new Date().toISOString(), level, message, ...data });
    (level === 'info' ? console.log : level === 'warn' ? console.warn : console.error)(line);
    if (!fileUsable) return;
    try {
      rotateIfLarge(file);
      appendFileSync(file, line + '\n');
    } catch {
      fileUsable = false; // a read-only profile must not turn every log call into an exception
    }
  }

  return {
    info: (message, data) => write('info', message, data),
    warn: (message, data) => write('warn', message, data),
    error: (message, data) => write('error', message, data),
  };
}

function rotateIfLarge(file: string): void {
  let size: number;
  try {
    size = statSync(file).size;
  } catch {
    return; // no log yet
  }
  if (size > MAX_LOG_BYTES) renameSync(file, `${file}.1`);
}

/** An Error's name, message and stack as plain data for the log (JSON.stringify drops them). */
export function describeError(error: unknown): Record<string, unknown> {
  if (error instanceof Error) return { error: error.message, name: error.name, stack: error.stack };
  return { error: String(error) };
}
