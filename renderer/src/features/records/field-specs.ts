import type { ApiRecord, FieldSpec, RecordTypeConfig } from './types';

/** Fields every record has (RecordMeta): the same label and format in every type. */
export const META_FIELDS: readonly FieldSpec[] = [
  { key: 'ownerId', label: 'records.fields.ownerId', kind: 'user', required: true },
  { key: 'createdAt', label: 'records.fields.createdAt', kind: 'datetime', readOnly: true },
  { key: 'updatedAt', label: 'records.fields.updatedAt', kind: 'datetime', readOnly: true },
  { key: 'createdBy', label: 'records.fields.createdBy', kind: 'user', readOnly: true },
  { key: 'updatedBy', label: 'records.fields.updatedBy', kind: 'user', readOnly: true },
];

/** The spec of a field by its API name: the type's own first, then the common ones. */
export function fieldSpec<R extends ApiRecord>(config: RecordTypeConfig<R>, key: string): FieldSpec | undefined {
  return config.fields.find((field) => field.key === key) ?? META_FIELDS.find((field) => field.key === key);
}

/** A record's value by field name (records are typed per config; the generic parts read them by name). */
export function valueOf(record: ApiRecord, key: string): unknown {
  return (record as unknown as Record<string, unknown>)[key];
}
