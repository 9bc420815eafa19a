import type { RecordType } from '../../../shared/schemas/records/common';
import type { Call } from '../handler';
import { countRecords, openCsv } from './csv';
import { decodeInput } from './decode';
import { importDef, importFields } from './definitions';
import { importableDefs } from './run';
import { suggestMapping } from './suggest';

const PREVIEW_ROWS = 20;

/** What the wizard shows before an import: the encoding found, the columns, the first rows, a suggested mapping. */
export function previewImport(call: Call, input: { type?: RecordType; csv?: string; file?: { base64: string; encoding?: string } }) {
  if (input.type) importableDefs(call, input.type);
  const decoded = decodeInput(input);
  const reader = openCsv(decoded.text);
  const rows = reader.next(PREVIEW_ROWS).map((r) => r.row);
  const type = input.type;
  return {
    encoding: decoded.encoding,
    delimiter: reader.delimiter,
    headers: reader.headers,
    rows,
    totalRows: countRecords(decoded.text),
    suggestedMapping: type ? suggestMapping(type, reader.headers) : {},
    fields: type ? importFields(type).map((f) => ({ field: f.field, kind: f.kind, required: f.required, ...(f.values ? { values: f.values } : {}) })) : [],
    matchFields: type ? Object.keys(importDef(type)?.matchKeys ?? {}) : [],
  };
}
