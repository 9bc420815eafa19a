import type { RecordType } from '../../../shared/schemas/records/common';
import { importDef, importFields, type ImportFieldInfo } from './definitions';

/** "Annual Revenue (USD)" -> "annualrevenue"; "E-mail" -> "email"; "公司 名称" -> "公司名称". */
export function headerKey(header: string): string {
  return header
    .toLowerCase()
    .replace(/[(（[].*?[)）\]]/g, '')
    .replace(/[\s_\-.:/\\'"#*]+/g, '');
}

/** A field for each header whose name says what it holds, in English or Chinese; each field used once. */
export function suggestMapping(type: RecordType, headers: string[]): Record<string, string | null> {
  return suggestMappingFor(importFields(type), importDef(type)?.synonyms ?? {}, headers);
}

/** The same for any list of fields and their header synonyms (users, products). */
export function suggestMappingFor(fields: ImportFieldInfo[], synonyms: Record<string, string[]>, headers: string[]): Record<string, string | null> {
  const def = { synonyms };
  const mapping: Record<string, string | null> = {};
  const used = new Set<string>();
  const keys = headers.map(headerKey);
  const hasFirstAndLast = ['firstName', 'lastName'].every((field) =>
    keys.some((key) => (def?.synonyms[field] ?? []).includes(key) || key === field.toLowerCase()),
  );
  headers.forEach((header, i) => {
    const key = keys[i]!;
    const field =
      fields.find((f) => !used.has(f.field) && f.field.toLowerCase() === key)?.field ??
      fields.find((f) => !used.has(f.field) && (def?.synonyms[f.field] ?? []).includes(key) && !(f.field === 'fullName' && hasFirstAndLast))?.field ??
      null;
    mapping[header] = field;
    if (field) used.add(field);
  });
  return mapping;
}
