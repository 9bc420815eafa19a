import type { RecordType } from '../../../shared/schemas/records/common';
import type { Call } from '../handler';
import { countRecords, openCsv } from './csv';
import { decodeInput } from './decode';
import { fieldsOutput, importKind } from './types';
import { importableDefs } from './run';
import { suggestMapping, suggestMappingFor } from './suggest';
import { directoryImport, requireDirectoryAccess } from './directory';
import type { ImportType } from '../../../shared/schemas/import';

const PREVIEW_ROWS = 20;

/** What the wizard shows before an import: the encoding found, the columns, the first rows, a suggested mapping. */
export function previewImport(call: Call, input: { type?: ImportType; csv?: string; file?: { base64: string; encoding?: string } }) {
  const directory = input.type ? directoryImport(input.type) : undefined;
  // The same refusals as import.start: nobody previews a file they could not import.
  if (directory) requireDirectoryAccess(call, directory);
  else if (input.type) importableDefs(call, input.type);
  const decoded = decodeInput(input);
  const reader = openCsv(decoded.text);
  const rows = reader.next(PREVIEW_ROWS).map((r) => r.row);
  const type = input.type;
  const kind = type ? importKind(type) : undefined;
  return {
    encoding: decoded.encoding,
    delimiter: reader.delimiter,
    headers: reader.headers,
    rows,
    totalRows: countRecords(decoded.text),
    suggestedMapping: directory ? suggestMappingFor(directory.fields, directory.synonyms, reader.headers) : type ? suggestMapping(type as RecordType, reader.headers) : {},
    fields: fieldsOutput(kind?.fields ?? []),
    matchFields: kind?.matchFields ?? [],
  };
}
