import { AppError } from '../../../../shared/errors';
import { FINISHED_CASE_STATUSES, type CasePriority } from '../../../../shared/schemas/records/cases';
import type { Call } from '../../handler';
import type { Values } from '../../records/definition';
import { readOfficeSettings } from '../settings/office-settings';
import { MINUTE_MS, addBusinessMs, businessMsBetween } from '../../../../shared/business-hours';
import { readServiceSettings } from './settings';

/**
 * The SLA clock of a case. Due times are business time from creation plus the business time the
 * case spent waiting on its customer (pending_customer stops the clock): elapsed(t) =
 * business(created, t) - paused, so the target is reached at created + target + paused.
 */

const FINISHED = new Set<string>(FINISHED_CASE_STATUSES);
const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());
const ms = (value: unknown) => (typeof value === 'string' ? Date.parse(value) : null);

export function isFinished(status: unknown): boolean {
  return FINISHED.has(String(status));
}

function calendarOf(call: Call) {
  return { calendar: readServiceSettings(call.db).calendar, timeZone: readOfficeSettings(call.db).timeZone };
}

/**
 * Settles the backend-owned fields that follow a write: resolved/closed times, reopen count,
 * the pause bookkeeping and the due times. `before` is null on create. Mutates `after`.
 */
export function settleCaseClock(call: Call, after: Values, before: Values | null, path: string): void {
  const now = call.now.getTime();
  const at = (field: string) => (path ? `${path}.${field}` : field);
  const { calendar, timeZone } = calendarOf(call);
  const finished = isFinished(after.status);

  if (finished) {
    after.resolvedAt ??= iso(now);
    after.closedAt = after.status === 'closed' ? ((before?.status === 'closed' ? before.closedAt : null) ?? iso(now)) : null;
  } else {
    // Unmarking a duplicate undoes a close rather than reopening a settled case.
    if (before && isFinished(before.status) && !before.duplicateOfId) {
      after.reopenCount = Number(before.reopenCount ?? 0) + 1;
      // A reopened case was not settled: the score given on closing no longer stands.
      if (after.satisfaction === before.satisfaction) after.satisfaction = null;
    }
    after.resolvedAt = null;
    after.closedAt = null;
  }
  if (after.satisfaction !== null && after.satisfaction !== undefined && !finished) {
    throw new AppError('VALIDATION', 'Satisfaction is given when a case is resolved or closed.', [
      { path: at('satisfaction'), message: 'Only for resolved or closed cases' },
    ]);
  }

  const wasPaused = before?.status === 'pending_customer' && typeof before.slaPausedSince === 'string';
  const isPaused = after.status === 'pending_customer';
  if (isPaused && !wasPaused) after.slaPausedSince = iso(now);
  if (!isPaused && wasPaused) {
    const started = ms(before!.slaPausedSince)!;
    const paused = Math.max(0, businessMsBetween(started, now, calendar, timeZone));
    after.slaPausedMs = Number(before!.slaPausedMs ?? 0) + paused;
    after.slaPausedSince = null;
    call.db
      .prepare('INSERT INTO case_sla_pauses (case_id, started_at, ended_at, business_ms) VALUES (?, ?, ?, ?)')
      .run(before!.id, before!.slaPausedSince, iso(now), paused);
  }

  const created = ms(before?.createdAt) ?? now;
  const target = readServiceSettings(call.db).sla[after.priority as CasePriority];
  const pausedMs = Number(after.slaPausedMs ?? 0);
  const due = (minutes: number | null | undefined) => (minutes ? dueAt(created, minutes * MINUTE_MS + pausedMs, calendar, timeZone) : null);
  after.firstResponseDueAt = due(target?.firstResponseMinutes);
  after.resolutionDueAt = due(target?.resolutionMinutes);
}

/**
 * Due times by (start, business ms, time zone), per calendar object (the settings cache hands out
 * one until they change): mail captured together starts its clocks at the same instant, and
 * walking the calendar was a visible part of bulk capture. Small and bounded.
 */
const dueCache = new WeakMap<object, Map<string, string | null>>();
const DUE_CACHE_MAX = 1_000;

function dueAt(startMs: number, businessMs: number, calendar: Parameters<typeof addBusinessMs>[2], timeZone: string): string | null {
  let byStart = dueCache.get(calendar);
  if (!byStart) dueCache.set(calendar, (byStart = new Map()));
  const key = `${startMs}|${businessMs}|${timeZone}`;
  let due = byStart.get(key);
  if (due === undefined) {
    due = iso(addBusinessMs(startMs, businessMs, calendar, timeZone));
    if (byStart.size >= DUE_CACHE_MAX) byStart.clear();
    byStart.set(key, due);
  }
  return due;
}

export interface SlaView {
  slaPausedMinutes: number;
  firstResponseBreached: boolean;
  resolutionBreached: boolean;
  aboutToBreach: boolean;
  slaState: 'none' | 'ok' | 'warning' | 'breached' | 'paused' | 'met';
}

const warnCache = new WeakMap<Call, number>();

/** The instant from which a due time counts as "about to breach": now + the warning window in business time. */
function warnHorizon(call: Call): number {
  let horizon = warnCache.get(call);
  if (horizon === undefined) {
    const { calendar, timeZone } = calendarOf(call);
    const minutes = readServiceSettings(call.db).warnBeforeMinutes;
    horizon = addBusinessMs(call.now.getTime(), minutes * MINUTE_MS, calendar, timeZone) ?? Number.MAX_SAFE_INTEGER;
    warnCache.set(call, horizon);
  }
  return horizon;
}

export function warnHorizonIso(call: Call): string {
  return new Date(warnHorizon(call)).toISOString();
}

/** Where a case stands against its targets now (computed on read: it changes with the clock). */
export function slaView(call: Call, record: Values): SlaView {
  const now = call.now.getTime();
  const finished = isFinished(record.status);
  const pausedSince = ms(record.slaPausedSince);
  // While paused the clock stands still at the moment it stopped.
  const clock = pausedSince ?? now;
  const firstDue = ms(record.firstResponseDueAt);
  const resolutionDue = ms(record.resolutionDueAt);
  const answeredAt = ms(record.firstResponseAt);
  const settledAt = ms(record.resolvedAt) ?? ms(record.closedAt);

  const firstResponseBreached = firstDue !== null && (answeredAt ?? settledAt ?? clock) > firstDue;
  const resolutionBreached = resolutionDue !== null && (settledAt ?? clock) > resolutionDue;
  const pendingDues = [answeredAt === null ? firstDue : null, resolutionDue].filter((due): due is number => due !== null);
  const aboutToBreach =
    !finished && pausedSince === null && !firstResponseBreached && !resolutionBreached && pendingDues.some((due) => due <= warnHorizon(call));

  let slaState: SlaView['slaState'];
  if (firstDue === null && resolutionDue === null) slaState = 'none';
  else if (finished) slaState = firstResponseBreached || resolutionBreached ? 'breached' : 'met';
  else if (firstResponseBreached || resolutionBreached) slaState = 'breached';
  else if (pausedSince !== null) slaState = 'paused';
  else slaState = aboutToBreach ? 'warning' : 'ok';

  return {
    slaPausedMinutes: Math.round(Number(record.slaPausedMs ?? 0) / MINUTE_MS),
    firstResponseBreached,
    resolutionBreached,
    aboutToBreach,
    slaState,
  };
}

/** Business minutes from now until `dueIso` (negative once past). */
export function businessMinutesLeft(call: Call, dueIso: string): number {
  const { calendar, timeZone } = calendarOf(call);
  return Math.round(businessMsBetween(call.now.getTime(), Date.parse(dueIso), calendar, timeZone) / MINUTE_MS);
}
