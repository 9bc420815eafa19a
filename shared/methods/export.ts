import { defineMethod } from '../method';
import { JobInput } from '../schemas/duplicates';
import { ExportChunk, ExportChunkInput, ExportStartInput, ExportStatus } from '../schemas/export';

export const exportMethods = {
  'export.start': defineMethod({
    summary: 'Export a list (its filter, quick text and sort) or a whole record type to CSV, Excel (.xlsx) or vCard (contacts), in the background.',
    input: ExportStartInput,
    output: ExportStatus,
    kind: 'read',
    access: 'user',
  }),
  'export.status': defineMethod({
    summary: 'Progress of an export; when done, GET its downloadPath (HTTPS) or read it with export.chunk.',
    input: JobInput,
    output: ExportStatus,
    kind: 'read',
    access: 'user',
  }),
  'export.cancel': defineMethod({ summary: 'Stop an export.', input: JobInput, output: ExportStatus, kind: 'read', access: 'user' }),
  'export.chunk': defineMethod({
    summary: 'A piece of a finished export file (for the desktop app, which has no HTTP download).',
    input: ExportChunkInput,
    output: ExportChunk,
    kind: 'read',
    access: 'user',
  }),
};
