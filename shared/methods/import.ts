import { z } from 'zod';
import { defineMethod } from '../method';
import { ById, Ok } from '../schemas/common';
import {
  ImportJobInput,
  ImportListInput,
  ImportPreview,
  ImportPreviewInput,
  ImportRejected,
  ImportStartInput,
  ImportStatus,
  ImportTemplate,
  ImportTemplateSave,
  ImportTypeSchema,
} from '../schemas/import';
import { JobRef } from '../schemas/duplicates';
import { ImportTypesOutput } from '../schemas/import-types';

const IMPORTERS = ['admin', 'manager', 'sales', 'support'] as const;

export const importMethods = {
  'import.types': defineMethod({
    summary: 'The types you may import (those import.start takes from your role), each with the fields a column can be mapped to and the keys existing records are matched by.',
    input: z.object({}).strict(),
    output: ImportTypesOutput,
    kind: 'read',
    access: 'user',
  }),
  'import.preview': defineMethod({
    summary: 'Read the start of a CSV file: encoding found, columns, first rows, and a suggested column-to-field mapping.',
    input: ImportPreviewInput,
    output: ImportPreview,
    kind: 'read',
    access: IMPORTERS,
  }),
  'import.start': defineMethod({
    summary: 'Import a CSV file (UTF-8, UTF-8 with BOM, GBK/GB18030...) in the background: map columns, match existing records, link by name.',
    input: ImportStartInput,
    output: JobRef,
    kind: 'write',
    access: IMPORTERS,
  }),
  'import.status': defineMethod({
    summary: 'Progress and counts of an import, with the first rejected rows and why.',
    input: ImportJobInput,
    output: ImportStatus,
    kind: 'read',
    access: 'user',
  }),
  'import.cancel': defineMethod({
    summary: 'Stop a running import after the rows it is on (what it imported stays until undone).',
    input: ImportJobInput,
    output: ImportStatus,
    kind: 'write',
    access: IMPORTERS,
  }),
  'import.undo': defineMethod({
    summary: 'Undo a whole import in the background: what it created is removed, what it updated gets its values back.',
    input: ImportJobInput,
    output: ImportStatus,
    kind: 'write',
    access: IMPORTERS,
  }),
  'import.rejected': defineMethod({
    summary: 'The rows an import refused, as CSV with a reason column.',
    input: ImportJobInput,
    output: ImportRejected,
    kind: 'read',
    access: 'user',
  }),
  'import.list': defineMethod({
    summary: 'Your imports, newest first (administrators: everyone\'s).',
    input: ImportListInput,
    output: z.object({ items: z.array(ImportStatus) }),
    kind: 'read',
    access: 'user',
  }),
  'import.templates.list': defineMethod({
    summary: 'Your saved import mappings.',
    input: z.object({ type: ImportTypeSchema.optional() }).strict(),
    output: z.object({ items: z.array(ImportTemplate) }),
    kind: 'read',
    access: 'user',
  }),
  'import.templates.save': defineMethod({
    summary: 'Save an import mapping under a name (the same name replaces it).',
    input: ImportTemplateSave,
    output: ImportTemplate,
    kind: 'write',
    access: IMPORTERS,
  }),
  'import.templates.delete': defineMethod({
    summary: 'Delete one of your saved import mappings.',
    input: ById,
    output: Ok,
    kind: 'write',
    access: IMPORTERS,
  }),
};
