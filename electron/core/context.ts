/** Who is calling and how: every transport builds one of these and hands it to `dispatch`. */
export interface CallContext {
  /** The bearer token, or null for calls before sign-in (login, setup, health). */
  token: string | null;
  /** The caller's network address (IPC calls use 'local'): login rate limits count per address. */
  address: string;
  transport: 'ipc' | 'http' | 'test' | 'system';
  /**
   * In-process callers only (admin tool, demo data, imports): act as this user without a token.
   * No transport ever fills it from a request.
   */
  actAsUserId?: string;
}

export interface Logger {
  info(message: string, data?: Record<string, unknown>): void;
  warn(message: string, data?: Record<string, unknown>): void;
  error(message: string, data?: Record<string, unknown>): void;
}

/** Time comes in through here so tests can move it (session expiry, rate-limit windows). */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

export const consoleLogger: Logger = {
  info: (message, data) => console.log(JSON.stringify({ level: 'info', message, ...data })),
  warn: (message, data) => console.warn(JSON.stringify({ level: 'warn', message, ...data })),
  error: (message, data) => console.error(JSON.stringify({ level: 'error', message, ...data })),
};

export const silentLogger: Logger = { info: () => {}, warn: () => {}, error: () => {} };
