import { AppError } from '../../../../shared/errors';
import type { Case } from '../../../../shared/schemas/records/cases';
import type { Call } from '../../handler';
import { signedIn } from '../../handler';
import { listRecords } from '../../records/list';
import { requireEdit, teamOf } from '../../records/permissions';
import { caseDef } from '../../records/types/cases';
import { nextRoundRobinUser } from './assignment';
import { caseFromRow, loadCase, presentCase, updateCaseInWrite } from './case-records';
import { businessMinutesLeft, warnHorizonIso } from './sla';

// Every clause repeats its partial index's WHERE terms, so SQLite can use the index.
const NOT_FINISHED = "status NOT IN ('resolved', 'closed')";
const CLOCK_RUNNING = "status NOT IN ('pending_customer', 'resolved', 'closed')";

/**
 * The people whose cases "team" shows: a manager's reports (all levels) and the manager; for
 * someone without reports, the colleagues under the same manager; for an administrator, everyone.
 */
function teamMembers(call: Call): string[] | null {
  const me = signedIn(call);
  if (me.role === 'admin') return null;
  const reports = teamOf(call, me.id);
  if (reports.size > 0 || me.role === 'manager' || !me.managerId) return [me.id, ...reports];
  return [me.managerId, ...teamOf(call, me.managerId)];
}

export function caseQueue(call: Call, input: { name: 'mine' | 'unassigned' | 'overdue' | 'team'; limit: number; cursor?: string | null }) {
  const now = call.now.toISOString();
  const extra = { clauses: [] as string[], params: [] as unknown[] };
  switch (input.name) {
    case 'mine':
      extra.clauses.push(`assignee_id = ? AND ${NOT_FINISHED}`);
      extra.params.push(signedIn(call).id);
      break;
    case 'unassigned':
      extra.clauses.push(`assignee_id IS NULL AND ${NOT_FINISHED}`);
      break;
    case 'overdue':
      extra.clauses.push(`${CLOCK_RUNNING} AND (resolution_due_at < ? OR (first_response_at IS NULL AND first_response_due_at < ?))`);
      extra.params.push(now, now);
      break;
    case 'team': {
      const members = teamMembers(call);
      extra.clauses.push(`${NOT_FINISHED} AND ${members ? 'assignee_id IN (SELECT value FROM json_each(?))' : 'assignee_id IS NOT NULL'}`);
      if (members) extra.params.push(JSON.stringify(members));
      break;
    }
  }
  const page = listRecords(call, caseDef, { limit: input.limit, cursor: input.cursor, sort: { field: 'dueAt', dir: 'asc' } }, extra);
  return { items: page.items.map((record) => presentCase(call, record)), nextCursor: page.nextCursor };
}

/**
 * Assigns by hand or to the next of the round-robin set. Who may: whoever may change the case
 * (permissions.ts), giving it to someone they could then edit for (requireAssign); and anyone
 * may take an unassigned case for themselves.
 */
export function assignCase(call: Call, input: { id: string; assigneeId?: string | null; roundRobin?: boolean }): Case {
  return call.write((changes) => {
    const me = signedIn(call);
    const before = loadCase(call, input.id);
    const assigneeId = input.roundRobin ? nextRoundRobinUser(call) : (input.assigneeId ?? null);
    if (input.roundRobin && !assigneeId) {
      throw new AppError('VALIDATION', 'Nobody active is in the round-robin set. An administrator can choose its members in the service settings.', [
        { path: 'roundRobin', message: 'No one to assign to' },
      ]);
    }
    const taking = before.assigneeId === null && assigneeId === me.id;
    if (!taking) requireEdit(call, before.ownerId as string, 'case');
    if (before.assigneeId === assigneeId) return presentCase(call, before);
    if (before.duplicateOfId) {
      throw new AppError('VALIDATION', 'This case is closed as a duplicate: assign its original instead.', [{ path: 'id', message: 'Closed as a duplicate' }]);
    }
    return presentCase(call, updateCaseInWrite(call, changes, before, { assigneeId }));
  });
}

/** Open cases past or within the warning window of a target whose clock is running, soonest first. */
export function escalations(call: Call, limit: number) {
  const horizon = warnHorizonIso(call);
  const byResolution = call.db
    .prepare(`SELECT * FROM cases WHERE deleted_at IS NULL AND ${CLOCK_RUNNING} AND resolution_due_at <= ? ORDER BY resolution_due_at, id LIMIT ?`)
    .all(horizon, limit) as Record<string, unknown>[];
  const byFirstResponse = call.db
    .prepare(
      `SELECT * FROM cases WHERE deleted_at IS NULL AND first_response_at IS NULL AND ${CLOCK_RUNNING} AND first_response_due_at <= ?
       ORDER BY first_response_due_at, id LIMIT ?`,
    )
    .all(horizon, limit) as Record<string, unknown>[];
  const rows = [...new Map([...byResolution, ...byFirstResponse].map((row) => [row.id as string, row])).values()];
  const now = call.now.toISOString();
  const items = rows.flatMap((row) => {
    const record = caseFromRow(call, row);
    const entries = [];
    if (!record.firstResponseAt && record.firstResponseDueAt && record.firstResponseDueAt <= horizon) {
      entries.push({ target: 'firstResponse' as const, dueAt: record.firstResponseDueAt });
    }
    if (record.resolutionDueAt && record.resolutionDueAt <= horizon) entries.push({ target: 'resolution' as const, dueAt: record.resolutionDueAt });
    // The earlier target is the one to act on.
    const first = entries.sort((a, b) => a.dueAt.localeCompare(b.dueAt))[0];
    return first ? [{ case: record, ...first, breached: first.dueAt < now, minutesLeft: businessMinutesLeft(call, first.dueAt) }] : [];
  });
  return { items: items.sort((a, b) => a.dueAt.localeCompare(b.dueAt)).slice(0, limit) };
}
