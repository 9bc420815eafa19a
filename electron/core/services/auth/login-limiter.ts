import { AppError } from '../../../../shared/errors';

interface Failures {
  times: number[];
}

export interface LimiterRule {
  /** Failures within `windowMs` before the key is locked. */
  threshold: number;
  windowMs: number;
  /** First lock length; each further failure past the threshold doubles it, up to `maxLockMs`. */
  lockMs: number;
  maxLockMs: number;
}

export const USERNAME_RULE: LimiterRule = { threshold: 5, windowMs: 15 * 60_000, lockMs: 30_000, maxLockMs: 15 * 60_000 };
export const ADDRESS_RULE: LimiterRule = { threshold: 20, windowMs: 15 * 60_000, lockMs: 60_000, maxLockMs: 15 * 60_000 };

/**
 * Slows password guessing: failed sign-ins are counted per username and per network address, and a
 * key past its threshold is refused with RATE_LIMITED (even with the right password) until its lock
 * runs out. Kept in memory: a restart forgives, which is acceptable for a LAN server.
 */
export class LoginLimiter {
  private readonly byUsername = new Map<string, Failures>();
  private readonly byAddress = new Map<string, Failures>();

  /** Throws RATE_LIMITED while either the username or the address is locked. */
  check(username: string, address: string, now: number): void {
    const wait = Math.max(
      this.lockedFor(this.byUsername.get(username.toLowerCase()), USERNAME_RULE, now),
      this.lockedFor(this.byAddress.get(address), ADDRESS_RULE, now),
    );
    if (wait > 0) {
      const seconds = Math.ceil(wait / 1000);
      throw new AppError('RATE_LIMITED', `Too many failed sign-in attempts. Try again in ${seconds} seconds.`, {
        retryAfterSeconds: seconds,
      });
    }
  }

  fail(username: string, address: string, now: number): void {
    this.push(this.byUsername, username.toLowerCase(), USERNAME_RULE, now);
    this.push(this.byAddress, address, ADDRESS_RULE, now);
  }

  succeed(username: string): void {
    this.byUsername.delete(username.toLowerCase());
  }

  private push(map: Map<string, Failures>, key: string, rule: LimiterRule, now: number): void {
    const entry = map.get(key) ?? { times: [] };
    entry.times = entry.times.filter((t) => now - t < rule.windowMs);
    entry.times.push(now);
    map.set(key, entry);
    if (map.size > 10_000) this.prune(map, rule, now);
  }

  private lockedFor(entry: Failures | undefined, rule: LimiterRule, now: number): number {
    if (!entry) return 0;
    const recent = entry.times.filter((t) => now - t < rule.windowMs);
    if (recent.length < rule.threshold) return 0;
    const lock = Math.min(rule.maxLockMs, rule.lockMs * 2 ** (recent.length - rule.threshold));
    return Math.max(0, recent[recent.length - 1]! + lock - now);
  }

  /** Bounded memory under a flood of made-up usernames. */
  private prune(map: Map<string, Failures>, rule: LimiterRule, now: number): void {
    for (const [key, entry] of map) {
      if (entry.times.every((t) => now - t >= rule.windowMs)) map.delete(key);
    }
  }
}
