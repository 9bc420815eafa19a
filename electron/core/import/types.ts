import { AppError } from '../../../shared/errors';
import type { MethodSpec } from '../../../shared/method';
import { methods } from '../../../shared/methods';
import type { z } from 'zod';
import { ImportMatchMode as ImportMatchModeSchema, ImportTypeSchema, type ImportType } from '../../../shared/schemas/import';
import { signedIn, type Call } from '../handler';
import { importDef, importFields, type ImportFieldInfo } from './definitions';
import { directoryImport, requireDirectoryAccess } from './directory';
import { importableDefs } from './run';

/**
 * What can be imported and into which fields, as the import definitions say (definitions.ts for
 * record types, directory.ts for users and products): the one list import.preview, import.types
 * and the wizard read.
 */

export interface ImportKind {
  fields: ImportFieldInfo[];
  matchFields: string[];
  matchModes: ImportMatchMode[];
}

type ImportMatchMode = z.infer<typeof ImportMatchModeSchema>;
/** Users and products are edited on their own pages, never overwritten by a sheet (directory-run.ts refuses `update`). */
const DIRECTORY_MATCH_MODES: ImportMatchMode[] = ['skip', 'create'];
const RECORD_MATCH_MODES: ImportMatchMode[] = ['update', 'skip', 'create'];

/** The fields and match keys of one type; undefined when the type is not importable at all. */
export function importKind(type: ImportType): ImportKind | undefined {
  const directory = directoryImport(type);
  if (directory) return { fields: directory.fields, matchFields: Object.keys(directory.matchKeys), matchModes: DIRECTORY_MATCH_MODES };
  const idef = importDef(type);
  if (!idef) return undefined;
  return { fields: importFields(idef.type), matchFields: Object.keys(idef.matchKeys), matchModes: RECORD_MATCH_MODES };
}

/** The fields as the contract lists them (no undefined `values` on fields that have none). */
export function fieldsOutput(fields: ImportFieldInfo[]) {
  return fields.map((f) => ({ field: f.field, kind: f.kind, required: f.required, ...(f.values ? { values: f.values } : {}) }));
}

/** Whether import.start would take this type from the caller: the same checks, asked without importing. */
function mayImport(call: Call, type: ImportType): boolean {
  const access = (methods['import.start'] as MethodSpec).access;
  if (Array.isArray(access) && !access.includes(signedIn(call).role)) return false;
  try {
    const directory = directoryImport(type);
    if (directory) requireDirectoryAccess(call, directory);
    else importableDefs(call, type);
    return true;
  } catch (error) {
    if (error instanceof AppError) return false;
    throw error;
  }
}

/** The types the caller may import, in the contract's order, each with its fields and match keys. */
export function importTypes(call: Call) {
  const types = [];
  for (const type of ImportTypeSchema.options) {
    const kind = importKind(type);
    if (!kind || !mayImport(call, type)) continue;
    types.push({ type, fields: fieldsOutput(kind.fields), matchFields: kind.matchFields, matchModes: kind.matchModes });
  }
  return { types };
}
