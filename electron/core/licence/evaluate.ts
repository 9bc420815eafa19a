import type { LicenceProblem, LicenceState, LicenceTerms } from '../../../shared/schemas/licence';
import type { LicenceReading } from './licence-file';

export const TRIAL_DAYS = 30;
export const TRIAL_SEATS = 3;
const DAY_MS = 24 * 60 * 60 * 1000;
/** How far the clock may go back before we suspect it was turned back (time zones, NTP corrections). */
export const CLOCK_TOLERANCE_MS = DAY_MS;
/** How far ahead of our clock a licence may be dated: the vendor's and the office's clocks differ a little. */
export const ISSUE_TOLERANCE_MS = 60 * 60 * 1000;

export interface LicenceFacts {
  /** The installed licence file, already read and authenticated (null: none installed). */
  installed: LicenceReading | null;
  now: Date;
  /** The latest time this database has seen. */
  latestSeenAt: Date;
  trialStartedAt: Date;
  /** This office server's certificate fingerprint; null where there is none (desktop app). */
  serverFingerprint: string | null;
  appVersion: string;
  appReleaseDate: string;
}

export interface LicenceEvaluation {
  state: LicenceState;
  writable: boolean;
  message: string;
  licence: (LicenceTerms & { keyId: string }) | null;
  problem: LicenceProblem | null;
  trial: { startedAt: string; endsAt: string; daysLeft: number } | null;
  seatLimit: number;
}

const day = (date: Date) => date.toISOString().slice(0, 10);
const normalizeFingerprint = (value: string) => value.replace(/:/g, '').toUpperCase();

/**
 * Whether licence terms allow use here today. Returns the first problem found, in the order an
 * admin can act on: a date in the future (check the clock), another server, expired, not covered.
 */
export function checkTerms(terms: LicenceTerms, facts: Pick<LicenceFacts, 'now' | 'serverFingerprint' | 'appVersion' | 'appReleaseDate'>): LicenceProblem | null {
  const issued = new Date(terms.issuedAt);
  if (issued.getTime() > facts.now.getTime() + ISSUE_TOLERANCE_MS) {
    return {
      reason: 'issued-in-future',
      message:
        `This licence was issued on ${terms.issuedAt}, which is later than this computer's clock (${facts.now.toISOString()}). ` +
        "Set the server's date and time correctly, then install it again.",
    };
  }
  if (terms.serverFingerprint !== null) {
    if (facts.serverFingerprint === null) {
      return {
        reason: 'other-server',
        message: `This licence is for one office server (certificate ${terms.serverFingerprint}); it cannot be used by a desktop app without the office server.`,
      };
    }
    if (normalizeFingerprint(terms.serverFingerprint) !== normalizeFingerprint(facts.serverFingerprint)) {
      return {
        reason: 'other-server',
        message:
          `This licence is for another office server (certificate ${terms.serverFingerprint}); this server's certificate is ${facts.serverFingerprint}. ` +
          'If you moved the server or replaced its certificate, send the new fingerprint to your vendor for a re-issued licence.',
      };
    }
  }
  if (terms.expiresAt !== null && day(facts.now) > terms.expiresAt) {
    return { reason: 'expired', message: `The licence for ${terms.licensee} expired on ${terms.expiresAt}.` };
  }
  if (facts.appReleaseDate > terms.maintenanceUntil) {
    return {
      reason: 'not-covered',
      message:
        `This version of Lantern CRM (${facts.appVersion}, released ${facts.appReleaseDate}) came out after the licence's maintenance ended (${terms.maintenanceUntil}). ` +
        'Go back to a version released before then, or renew maintenance.',
    };
  }
  return null;
}

const READ_ONLY = 'Lantern CRM is read-only until this is fixed: everything can still be read and exported.';

/**
 * The licence state of an installation, from facts alone (pure, so every rule is tested without a
 * database): a clock turned back, an installed licence and what it allows, or the trial.
 */
export function evaluateLicence(facts: LicenceFacts): LicenceEvaluation {
  const { now } = facts;
  const reading = facts.installed;
  const licence = reading?.ok ? { ...reading.terms, keyId: reading.keyId } : null;
  let problem = reading && !reading.ok ? reading.problem : null;
  if (licence) problem = checkTerms(licence, facts);

  const trialEnds = new Date(facts.trialStartedAt.getTime() + TRIAL_DAYS * DAY_MS);
  const trial = {
    startedAt: facts.trialStartedAt.toISOString(),
    endsAt: trialEnds.toISOString(),
    daysLeft: Math.max(0, Math.ceil((trialEnds.getTime() - now.getTime()) / DAY_MS)),
  };
  // A licence whose only trouble is time (expired, newer version) still counts: its seats, its name.
  const usable = licence && (problem === null || problem.reason === 'expired' || problem.reason === 'not-covered') ? licence : null;
  const seatLimit = usable ? usable.seats : TRIAL_SEATS;

  if (now.getTime() < facts.latestSeenAt.getTime() - CLOCK_TOLERANCE_MS) {
    return {
      state: 'clock-behind',
      writable: false,
      message:
        `This computer's clock (${now.toISOString()}) is more than a day behind the latest time Lantern CRM has seen (${facts.latestSeenAt.toISOString()}). ` +
        `Set the server's date and time correctly. ${READ_ONLY}`,
      licence: usable,
      problem,
      trial: usable ? null : trial,
      seatLimit,
    };
  }
  if (usable && problem) {
    return { state: problem.reason === 'expired' ? 'expired' : 'not-covered', writable: false, message: `${problem.message} ${READ_ONLY}`, licence: usable, problem, trial: null, seatLimit };
  }
  if (usable) {
    const until = usable.expiresAt ? `until ${usable.expiresAt}` : 'with no end date';
    return {
      state: 'licensed',
      writable: true,
      message: `Licensed to ${usable.licensee}: ${usable.seats} seat${usable.seats === 1 ? '' : 's'}, ${until}; updates released until ${usable.maintenanceUntil}.`,
      licence: usable,
      problem: null,
      trial: null,
      seatLimit,
    };
  }
  const installedNote = problem ? `The installed licence cannot be used: ${problem.message} ` : '';
  if (now < trialEnds) {
    return {
      state: 'trial',
      writable: true,
      message: `${installedNote}Trial: ${trial.daysLeft} day${trial.daysLeft === 1 ? '' : 's'} left (until ${day(trialEnds)}), ${TRIAL_SEATS} seats.`,
      licence: null,
      problem,
      trial,
      seatLimit,
    };
  }
  return {
    state: 'trial-ended',
    writable: false,
    message: `${installedNote}The ${TRIAL_DAYS}-day trial ended on ${day(trialEnds)}. Install a licence (Settings > Licence, or npm run admin -- license install). ${READ_ONLY}`,
    licence: null,
    problem,
    trial,
    seatLimit,
  };
}
