import { createHash } from 'node:crypto';

export interface UpdateCandidate {
  version: string;
  /** From latest.yml (`releaseDate`, ISO); null when the feed does not say. */
  releaseDate: string | null;
}

export interface UpdateRules {
  currentVersion: string;
  /** The licence's maintenance end (`YYYY-MM-DD`, inclusive); null during the trial (no limit). */
  maintenanceUntil: string | null;
  paused: boolean;
  /** 0-100: the share of installations offered the release. */
  stagePercent: number;
  /** This installation's stable bucket, 0-99 (see installationBucket). */
  bucket: number;
}

export type UpdateDecision =
  | { offer: true; reason: 'offer' }
  | { offer: false; reason: 'not-newer' | 'paused' | 'not-covered' | 'no-release-date' | 'staged-out'; message: string };

/**
 * Whether a workstation should take the release its office server offers. Pure, so every rule is
 * tested: only newer versions; never while the admin has paused updates; never a release dated
 * after the licence's maintenance end (it would not run: see checkTerms); and, while the admin
 * stages a release, only installations whose bucket falls inside the percentage.
 */
export function decideUpdate(candidate: UpdateCandidate, rules: UpdateRules): UpdateDecision {
  if (compareVersions(candidate.version, rules.currentVersion) <= 0) {
    return { offer: false, reason: 'not-newer', message: `Version ${candidate.version} is not newer than ${rules.currentVersion}.` };
  }
  if (rules.paused) return { offer: false, reason: 'paused', message: 'The administrator has paused updates.' };
  if (rules.maintenanceUntil !== null) {
    if (!candidate.releaseDate) {
      return { offer: false, reason: 'no-release-date', message: `Version ${candidate.version} has no release date, so its licence coverage cannot be checked.` };
    }
    const released = candidate.releaseDate.slice(0, 10);
    if (released > rules.maintenanceUntil) {
      return {
        offer: false,
        reason: 'not-covered',
        message: `Version ${candidate.version} was released on ${released}, after the licence's maintenance ended (${rules.maintenanceUntil}).`,
      };
    }
  }
  if (rules.bucket >= rules.stagePercent) {
    return { offer: false, reason: 'staged-out', message: `Version ${candidate.version} is being rolled out to ${rules.stagePercent}% of computers; this one is not among them yet.` };
  }
  return { offer: true, reason: 'offer' };
}

/** A stable number 0-99 for an installation id: the same computer stays in or out of a staged rollout. */
export function installationBucket(installationId: string): number {
  return createHash('sha256').update(installationId).digest().readUInt32BE(0) % 100;
}

/** Semantic version order (major.minor.patch, a pre-release sorts before its release). */
export function compareVersions(a: string, b: string): number {
  const parse = (v: string) => {
    const text = v.trim().replace(/^v/, '');
    const dash = text.indexOf('-');
    const core = dash < 0 ? text : text.slice(0, dash);
    return { parts: core.split('.').map((n) => Number.parseInt(n, 10) || 0), pre: dash < 0 ? '' : text.slice(dash + 1) };
  };
  const x = parse(a);
  const y = parse(b);
  for (let i = 0; i < 3; i++) {
    const diff = (x.parts[i] ?? 0) - (y.parts[i] ?? 0);
    if (diff !== 0) return Math.sign(diff);
  }
  if (x.pre === y.pre) return 0;
  if (x.pre === '') return 1;
  if (y.pre === '') return -1;
  // Pre-release identifiers compare one by one: numbers as numbers, and below words.
  const xs = x.pre.split('.');
  const ys = y.pre.split('.');
  for (let i = 0; i < Math.max(xs.length, ys.length); i++) {
    const a = xs[i];
    const b = ys[i];
    if (a === undefined) return -1;
    if (b === undefined) return 1;
    if (a === b) continue;
    const an = /^\d+$/.test(a);
    const bn = /^\d+$/.test(b);
    if (an && bn) return Math.sign(Number(a) - Number(b));
    if (an !== bn) return an ? -1 : 1;
    return a < b ? -1 : 1;
  }
  return 0;
}
