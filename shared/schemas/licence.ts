import { z } from 'zod';
import { Id, IsoTimestamp } from './common';

/** A calendar day, `YYYY-MM-DD`: maintenance and expiry are whole days (UTC), inclusive. */
export const DateOnly = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'A date like 2027-06-30');

/** A full ISO 8601 UTC timestamp as `Date.toISOString()` writes it. */
export const IsoInstant = z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{3})?Z$/, 'A UTC time like 2026-11-26T09:00:00.000Z');

/** SHA-256 of the office server's TLS certificate, as the server prints it (`AB:CD:...`). */
export const Fingerprint = z.string().regex(/^([0-9A-Fa-f]{2}:){31}[0-9A-Fa-f]{2}$/, 'A SHA-256 fingerprint like AB:CD:...');

/**
 * What a licence grants: the signed part of a licence file. The vendor tool issues it from a JSON
 * description; the app checks it offline against the vendor's public keys.
 */
export const LicenceTerms = z
  .object({
    licenceId: z.string().trim().min(1).max(64),
    licensee: z.string().trim().min(1).max(200),
    edition: z.string().trim().min(1).max(40),
    /** How many people may be signed in at once. */
    seats: z.number().int().min(1).max(100_000),
    features: z.array(z.string().trim().min(1).max(40)).max(50),
    issuedAt: IsoInstant,
    /** Versions released after this day are not covered (the app refuses to write; the update feed stops offering them). */
    maintenanceUntil: DateOnly,
    /** The last day the licence works; null for a perpetual licence. */
    expiresAt: DateOnly.nullable(),
    /** Only the office server with this certificate may use the licence; null for any machine. */
    serverFingerprint: Fingerprint.nullable(),
  })
  .strict();
export type LicenceTerms = z.infer<typeof LicenceTerms>;

/** Why a licence file is not accepted here; `message` in LicenceProblem says it in words. */
export const LicenceProblemCode = z.enum([
  'unreadable',
  'edited',
  'unknown-key',
  'issued-in-future',
  'other-server',
  'expired',
  'not-covered',
]);
export type LicenceProblemCode = z.infer<typeof LicenceProblemCode>;

export const LicenceProblem = z.object({ reason: LicenceProblemCode, message: z.string() });
export type LicenceProblem = z.infer<typeof LicenceProblem>;

/**
 * licensed: a valid licence; trial: the 30-day trial; trial-ended, expired, not-covered (this
 * version is newer than the maintenance period) and clock-behind are read-only.
 */
export const LicenceState = z.enum(['licensed', 'trial', 'trial-ended', 'expired', 'not-covered', 'clock-behind']);
export type LicenceState = z.infer<typeof LicenceState>;

export const LicenceStatus = z.object({
  state: LicenceState,
  /** False: every change is refused with LICENSE; reading and exporting still work. */
  writable: z.boolean(),
  /** One or two sentences for the banner and the Settings > Licence page. */
  message: z.string(),
  /** The installed licence, when its signature is good (it may still be expired or not cover this version). */
  licence: LicenceTerms.extend({ keyId: z.string() }).nullable(),
  /** An installed licence file that cannot be used here, and why. */
  problem: LicenceProblem.nullable(),
  trial: z.object({ startedAt: IsoTimestamp, endsAt: IsoTimestamp, daysLeft: z.number().int() }).nullable(),
  seats: z.object({ limit: z.number().int(), inUse: z.number().int() }),
  /** This office server's certificate fingerprint (what a bound licence must name); null on a desktop. */
  serverFingerprint: z.string().nullable(),
  appVersion: z.string(),
  appReleaseDate: DateOnly,
});
export type LicenceStatus = z.infer<typeof LicenceStatus>;

export const LicenceInstallInput = z
  .object({
    /** The whole licence file as text. */
    text: z.string().min(1).max(64 * 1024),
  })
  .strict();

export const SeatHolder = z.object({
  userId: Id,
  username: z.string(),
  displayName: z.string(),
  /** When this person took the seat (their earliest live lease). */
  since: IsoTimestamp,
  /** When the seat frees itself unless a heartbeat or call renews it. */
  expiresAt: IsoTimestamp,
  /** Signed-in devices sharing this seat. */
  sessions: z.number().int(),
  addresses: z.array(z.string()),
});

export const SeatList = z.object({
  limit: z.number().int(),
  inUse: z.number().int(),
  leaseSeconds: z.number().int(),
  holders: z.array(SeatHolder),
});

export const SeatReleaseInput = z.object({ userId: Id }).strict();

export const SeatHeartbeat = z.object({ leaseExpiresAt: IsoTimestamp, leaseSeconds: z.number().int() });
