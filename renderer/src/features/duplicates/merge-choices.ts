import { META_FIELDS, valueOf } from '../records/field-specs';
import type { ApiRecord, FieldSpec, RecordTypeConfig } from '../records/types';

const OWNER = META_FIELDS.find((field) => field.key === 'ownerId')!;

const blank = (value: unknown) => value === null || value === undefined || value === '';
const same = (a: unknown, b: unknown) => (blank(a) && blank(b)) || JSON.stringify(a) === JSON.stringify(b);

/** The editable fields (and the owner) whose values are not the same in every record: the ones to pick. */
export function differingFields(config: RecordTypeConfig, records: readonly ApiRecord[]): FieldSpec[] {
  return [...config.fields, OWNER].filter(
    (spec) => !spec.readOnly && records.some((record) => !same(valueOf(record, spec.key), valueOf(records[0]!, spec.key))),
  );
}

/** The value kept unless the user picks another: the survivor's, or else the first record that has one (the backend's rule too). */
export function defaultPick(field: string, target: ApiRecord, records: readonly ApiRecord[]): string {
  if (!blank(valueOf(target, field))) return target.id;
  return records.find((record) => !blank(valueOf(record, field)))?.id ?? target.id;
}

/** The oldest record: usually the one people know, with the longest history. */
export function oldestRecord(records: readonly ApiRecord[]): ApiRecord {
  return records.reduce((oldest, record) => (record.createdAt < oldest.createdAt ? record : oldest));
}
