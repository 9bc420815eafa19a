import type { RecordType } from '../../../shared/schemas/records/common';
import type { RecordDef } from './definition';

/** Record types register here so generic code (recycle bin, related records) can reach them by name. */
const definitions = new Map<RecordType, RecordDef>();

export function registerRecordDef(def: RecordDef): RecordDef {
  definitions.set(def.type, def);
  return def;
}

export function recordDef(type: RecordType): RecordDef | undefined {
  return definitions.get(type);
}

export function recordDefByTable(table: string): RecordDef | undefined {
  return [...definitions.values()].find((def) => def.table === table);
}
