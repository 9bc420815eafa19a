import type { LoginLimiter } from './auth/login-limiter';
import type { SetupGate } from './auth/setup-gate';

/** Long-lived state the handlers share, created once per backend. */
export interface Services {
  loginLimiter: LoginLimiter;
  setupGate: SetupGate;
  sessionTtlMs: number;
}
