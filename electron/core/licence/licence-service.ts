import { AppError } from '../../../shared/errors';
import type { LicenceStatus } from '../../../shared/schemas/licence';
import { APP_VERSION } from '../../../shared/version';
import type { Db } from '../db/open';
import { checkTerms, evaluateLicence, type LicenceEvaluation } from './evaluate';
import { readLicenceFile, type LicenceReading, type PublicKeyRing } from './licence-file';
import { APP_RELEASE_DATE } from './release';
import { loadLicenceState, saveInstalledLicence, saveLatestSeen } from './state-repo';

/** The clock's high-water mark is written at most this often: it only has to be right to within a day. */
const PERSIST_EVERY_MS = 10 * 60 * 1000;

export interface LicenceServiceOptions {
  db: Db;
  /** The vendor's keys, or in tests a tests-only key pair's public half. */
  publicKeys: PublicKeyRing;
  serverFingerprint: () => string | null;
  now: Date;
  /** Tests may pretend to be another release (maintenance checks). */
  appReleaseDate?: string;
}

/**
 * The licence in force for one database: what is installed, the trial, and the clock. Evaluated on
 * every call from facts kept in memory (a signature is checked once per file, not per call).
 */
export class LicenceService {
  private readonly db: Db;
  private readonly publicKeys: PublicKeyRing;
  private readonly serverFingerprint: () => string | null;
  readonly appReleaseDate: string;
  private installed: LicenceReading | null;
  private readonly trialStartedAt: Date;
  private latestSeen: Date;
  private persistedSeen: Date;

  constructor(options: LicenceServiceOptions) {
    this.db = options.db;
    this.publicKeys = options.publicKeys;
    this.serverFingerprint = options.serverFingerprint;
    this.appReleaseDate = options.appReleaseDate ?? APP_RELEASE_DATE;
    const row = loadLicenceState(this.db, options.now);
    this.installed = row.licence_text ? readLicenceFile(row.licence_text, this.publicKeys) : null;
    this.trialStartedAt = new Date(row.trial_started_at);
    this.latestSeen = new Date(row.latest_seen_at);
    this.persistedSeen = this.latestSeen;
    this.observe(options.now);
  }

  /** Remembers the latest time seen, so a clock turned back can be told from one that moved on. */
  observe(now: Date): void {
    if (now <= this.latestSeen) return;
    this.latestSeen = now;
    if (now.getTime() - this.persistedSeen.getTime() >= PERSIST_EVERY_MS) this.persist();
  }

  persist(): void {
    if (!this.db.open) return;
    saveLatestSeen(this.db, this.latestSeen.toISOString());
    this.persistedSeen = this.latestSeen;
  }

  evaluate(now: Date): LicenceEvaluation {
    return evaluateLicence({
      installed: this.installed,
      now,
      latestSeenAt: this.latestSeen,
      trialStartedAt: this.trialStartedAt,
      serverFingerprint: this.serverFingerprint(),
      appVersion: APP_VERSION,
      appReleaseDate: this.appReleaseDate,
    });
  }

  status(now: Date, seatsInUse: number): LicenceStatus {
    const evaluation = this.evaluate(now);
    return {
      state: evaluation.state,
      writable: evaluation.writable,
      message: evaluation.message,
      licence: evaluation.licence,
      problem: evaluation.problem,
      trial: evaluation.trial,
      seats: { limit: evaluation.seatLimit, inUse: seatsInUse },
      serverFingerprint: this.serverFingerprint(),
      appVersion: APP_VERSION,
      appReleaseDate: this.appReleaseDate,
    };
  }

  /** Throws LICENSE with the reason when changes are not allowed now. */
  assertWritable(now: Date): void {
    const evaluation = this.evaluate(now);
    if (!evaluation.writable) throw new AppError('LICENSE', evaluation.message, { state: evaluation.state });
  }

  /**
   * Checks a licence file and, when it can be used here, stores it (inside the caller's write
   * transaction). Call `apply` with the result once that transaction has committed. A newly issued
   * licence also vouches for the time: the clock's high-water mark is reset to now (or its issue
   * date), which is how an office whose clock once ran far ahead recovers.
   */
  install(text: string, now: Date, userId: string | null): InstalledLicence {
    const reading = readLicenceFile(text, this.publicKeys);
    if (!reading.ok) throw refusal(reading.problem.reason, reading.problem.message);
    const problem = checkTerms(reading.terms, {
      now,
      serverFingerprint: this.serverFingerprint(),
      appVersion: APP_VERSION,
      appReleaseDate: this.appReleaseDate,
    });
    if (problem) throw refusal(problem.reason, problem.message);
    // Only a file issued after the one installed can reset the mark: re-installing an old licence with
    // the clock turned back must not.
    const previous = this.installed?.ok ? this.installed.terms.issuedAt : null;
    const newer = previous === null || reading.terms.issuedAt > previous;
    const issued = new Date(reading.terms.issuedAt);
    const latestSeen = newer ? (now > issued ? now : issued) : now > this.latestSeen ? now : this.latestSeen;
    saveInstalledLicence(this.db, text, userId, now.toISOString(), latestSeen.toISOString());
    return { reading, latestSeen };
  }

  /** Takes a committed install into use. */
  apply(installed: InstalledLicence): void {
    this.installed = installed.reading;
    this.latestSeen = installed.latestSeen;
    this.persistedSeen = installed.latestSeen;
  }
}

export interface InstalledLicence {
  reading: Extract<LicenceReading, { ok: true }>;
  latestSeen: Date;
}

function refusal(reason: string, message: string): AppError {
  return new AppError('VALIDATION', `The licence was not installed. ${message}`, [{ path: 'text', message: reason }]);
}
