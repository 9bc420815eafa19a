import type { MethodName } from '../../../shared/methods';
import type { RecordVerb } from '../../../shared/methods/records';
import type { ListInput } from '../../../shared/schemas/common';
import type { ChangeRecorder } from '../changes';
import type { HandlerMap } from '../handler';
import { signedIn, type Call } from '../handler';
import { newId } from '../ids';
import { allFields, type RecordDef, type Values } from './definition';
import { recordHistory } from './history';
import { listRecords } from './list';
import { requireAssign, requireEdit } from './permissions';
import { deleteRecord, restoreRecord } from './recycle-bin';
import { insertRecord, loadLive, staleVersion, updateRecord } from './repo';

/** Only the fields the caller actually sent, and none the backend owns (completedAt, derived links). */
function writableValues(def: RecordDef, input: Values): Values {
  const fields = allFields(def);
  const values: Values = {};
  for (const [name, value] of Object.entries(input)) {
    if (value !== undefined && fields[name] && !fields[name].readOnly) values[name] = value;
  }
  return values;
}

export function createRecord(call: Call, def: RecordDef, input: Values): Values {
  return call.write((changes) => createRecordIn(call, def, input, changes));
}

/**
 * A new record's values with every rule of its type applied (defaults, owner, normalize, check),
 * not yet stored: the one validation both a single create and a bulk import go through.
 * `requireOwner` may be swapped for a cached check when many rows name the same owner.
 */
export function prepareCreate(call: Call, def: RecordDef, input: Values, path = '', requireOwner = requireAssign): Values {
  const me = signedIn(call);
  const values: Values = { ...def.defaults?.(call), ...writableValues(def, input) };
  values.ownerId ??= me.id;
  requireOwner(call, values.ownerId as string, path ? `${path}.ownerId` : 'ownerId');
  def.normalize?.(call, values, path);
  def.check?.(call, values, null, path);
  return values;
}

/**
 * Creates a record inside a write the caller already holds, so several records can be made all or
 * nothing (a lead's conversion); `path` prefixes the field paths of errors (`opportunity.stage`).
 */
export function createRecordIn(call: Call, def: RecordDef, input: Values, changes: ChangeRecorder, path = ''): Values {
  const record = insertRecord(call, def, newId(), prepareCreate(call, def, input, path));
  changes.record({ table: def.table, id: record.id as string, op: 'create' });
  def.afterWrite?.(call, record, null, changes);
  return record;
}

export function updateRecordById(call: Call, def: RecordDef, input: { id: string; version: number; patch: Values }): Values {
  return call.write((changes) => updateRecordIn(call, def, input, changes));
}

/** A record's values after a patch, with the rules of an update applied (may edit, may assign, normalize, check); not yet stored. */
export function prepareUpdate(call: Call, def: RecordDef, before: Values, input: Values, path = 'patch', requireOwner = requireAssign): Values {
  requireEdit(call, before.ownerId as string, def.noun);
  const patch = writableValues(def, input);
  if (patch.ownerId !== undefined && patch.ownerId !== before.ownerId) requireOwner(call, patch.ownerId as string, `${path}.ownerId`);
  def.normalize?.(call, patch, path);
  const after = { ...before, ...patch };
  def.check?.(call, after, before, path);
  return after;
}

/** Updates a record inside a write the caller already holds; `path` is where the patch sits in the input. */
export function updateRecordIn(
  call: Call,
  def: RecordDef,
  input: { id: string; version: number; patch: Values },
  changes: ChangeRecorder,
  path = 'patch',
): Values {
  const before = loadLive(call, def, input.id);
  if (before.version !== input.version) {
    requireEdit(call, before.ownerId as string, def.noun);
    throw staleVersion(def, before);
  }
  const after = prepareUpdate(call, def, before, input.patch, path);
  const record = updateRecord(call, def, before, after, input.version);
  changes.record({ table: def.table, id: input.id, op: 'update', before, after: record });
  def.afterWrite?.(call, record, before, changes);
  return record;
}

type RecordHandlerName<T extends string> = Extract<`${T}.${RecordVerb}`, MethodName>;

/** The seven record methods of API.md for one record type, all on the generic record service. */
export function recordHandlers<T extends string>(def: RecordDef & { type: T }): HandlerMap<RecordHandlerName<T>> {
  const handlers = {
    [`${def.type}.create`]: (call: Call, input: Values) => createRecord(call, def, input),
    [`${def.type}.get`]: (call: Call, { id }: { id: string }) => loadLive(call, def, id),
    [`${def.type}.update`]: (call: Call, input: { id: string; version: number; patch: Values }) => updateRecordById(call, def, input),
    [`${def.type}.delete`]: (call: Call, input: { id: string } & Values) => {
      call.write((changes) => deleteRecord(call, def, input.id, input, changes));
      return { ok: true as const };
    },
    [`${def.type}.restore`]: (call: Call, { id }: { id: string }) => call.write((changes) => restoreRecord(call, def, id, changes)),
    [`${def.type}.list`]: (call: Call, input: ListInput) => listRecords(call, def, input),
    [`${def.type}.history`]: (call: Call, { id }: { id: string }) => recordHistory(call, def, id),
  };
  return handlers as unknown as HandlerMap<RecordHandlerName<T>>;
}

