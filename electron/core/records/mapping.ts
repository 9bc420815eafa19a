import { allFields, type FieldDef, type RecordDef, type Values } from './definition';

/** Major units in the API, integer minor units on disk: no floating-point drift in sums. */
export const toMinorUnits = (major: number) => Math.round(major * 100);
export const toMajorUnits = (minor: number) => minor / 100;

function fromColumn(field: FieldDef, value: unknown): unknown {
  if (value === null || value === undefined) return null;
  if (field.kind === 'money') return toMajorUnits(value as number);
  if (field.kind === 'bool') return value === 1;
  return value;
}

export function toColumn(field: FieldDef, value: unknown): unknown {
  if (value === null || value === undefined) return null;
  if (field.kind === 'money') return toMinorUnits(value as number);
  if (field.kind === 'bool') return value ? 1 : 0;
  return value;
}

/** A table row -> the record as the API shows it (the domain type never sees column names). */
export function rowToRecord(def: RecordDef, row: Record<string, unknown>): Values {
  const record: Values = {};
  for (const [name, field] of Object.entries(allFields(def))) record[name] = fromColumn(field, row[field.column]);
  return record;
}
