import type { Clock, Logger } from '../electron/core/context';
import { REFERENCE_TIME } from './generate/ids';

/**
 * Starts at the data set's reference time and runs at real speed: "today", "overdue" and
 * "recently updated" mean the same thing on every run, however old the generated data is.
 */
export class BenchClock implements Clock {
  private readonly startedAt = performance.now();

  now(): Date {
    return new Date(REFERENCE_TIME + Math.floor(performance.now() - this.startedAt));
  }
}

/** The backend's errors matter (a case that fails); its routine info lines would drown the table. */
export const benchLogger: Logger = {
  info: () => {},
  warn: (message, data) => console.warn(`backend warning: ${message}`, data ?? ''),
  error: (message, data) => console.error(`backend error: ${message}`, data ?? ''),
};
