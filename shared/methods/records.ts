import { z } from 'zod';
import { defineMethod, type MethodSpec } from '../method';
import { ById, ListInput, Ok, listOutput } from '../schemas/common';
import { HistoryOutput, updateInput } from '../schemas/records/common';

export type RecordVerb = 'create' | 'get' | 'update' | 'delete' | 'restore' | 'list' | 'history';

interface RecordSchemas<R extends z.ZodType, C extends z.ZodType, P extends z.ZodType, D extends z.ZodType> {
  record: R;
  create: C;
  patch: P;
  /** The delete input, when a type needs more than `{id}` (accounts: what to do with contacts). */
  delete?: D;
}

type UpdateInput<P extends z.ZodType> = ReturnType<typeof updateInput<P>>;

export type RecordMethods<T extends string, R extends z.ZodType, C extends z.ZodType, P extends z.ZodType, D extends z.ZodType> = {
  [K in `${T}.create`]: MethodSpec<C, R>;
} & { [K in `${T}.get`]: MethodSpec<typeof ById, R> } & { [K in `${T}.update`]: MethodSpec<UpdateInput<P>, R> } & {
  [K in `${T}.delete`]: MethodSpec<D, typeof Ok>;
} & { [K in `${T}.restore`]: MethodSpec<typeof ById, R> } & {
  [K in `${T}.list`]: MethodSpec<typeof ListInput, ReturnType<typeof listOutput<R>>>;
} & { [K in `${T}.history`]: MethodSpec<typeof ById, typeof HistoryOutput> };

/**
 * The seven methods API.md gives every record type, from the type's schemas. Reads are open to
 * every signed-in user; who may change which record is decided per record in the backend.
 */
export function recordMethods<T extends string, R extends z.ZodType, C extends z.ZodType, P extends z.ZodType, D extends z.ZodType = typeof ById>(
  type: T,
  noun: string,
  schemas: RecordSchemas<R, C, P, D>,
): RecordMethods<T, R, C, P, D> {
  const { record, create, patch } = schemas;
  return {
    [`${type}.create`]: defineMethod({ summary: `Create a ${noun}.`, input: create, output: record, kind: 'write', access: 'user' }),
    [`${type}.get`]: defineMethod({ summary: `One ${noun} by id.`, input: ById, output: record, kind: 'read', access: 'user' }),
    [`${type}.update`]: defineMethod({
      summary: `Change a ${noun}: name the version you read; a stale version is CONFLICT and changes nothing.`,
      input: updateInput(patch),
      output: record,
      kind: 'write',
      access: 'user',
    }),
    [`${type}.delete`]: defineMethod({
      summary: `Move a ${noun} to the recycle bin.`,
      input: schemas.delete ?? ById,
      output: Ok,
      kind: 'write',
      access: 'user',
    }),
    [`${type}.restore`]: defineMethod({ summary: `Bring a ${noun} back from the recycle bin.`, input: ById, output: record, kind: 'write', access: 'user' }),
    [`${type}.list`]: defineMethod({
      summary: `${noun[0]!.toUpperCase()}${noun.slice(1)}s: quick text, filters, sort, cursor paging.`,
      input: ListInput,
      output: listOutput(record),
      kind: 'read',
      access: 'user',
    }),
    [`${type}.history`]: defineMethod({
      summary: `Every change to a ${noun}: who, when, old and new values.`,
      input: ById,
      output: HistoryOutput,
      kind: 'read',
      access: 'user',
    }),
  } as RecordMethods<T, R, C, P, D>;
}
