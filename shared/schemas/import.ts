import { z } from 'zod';
import { IMPORT_LOCALES } from '../import-labels';
import { Id, IsoTimestamp } from './common';
import { RECORD_TYPES } from './records/common';

/** What an import can bring in: a record type, or the office's users and its product catalogue. */
export const ImportTypeSchema = z.enum([...RECORD_TYPES, 'users', 'products']);
export type ImportType = z.infer<typeof ImportTypeSchema>;

/** A file that is not plain UTF-8 text (a Chinese Excel export in GBK): its bytes, base64. */
export const ImportFile = z
  .object({
    base64: z.string().max(90_000_000),
    /** utf-8, gbk, gb18030, big5, shift_jis, utf-16le...; detected when left out (UTF-8 if valid, else GB18030). */
    encoding: z.string().max(40).optional(),
  })
  .strict();

const Source = {
  /** The file's text (UTF-8, with or without BOM). */
  csv: z.string().max(64_000_000).optional(),
  file: ImportFile.optional(),
  fileName: z.string().max(255).optional(),
};

export const ImportMatchMode = z.enum(['update', 'skip', 'create']);
export const ImportMatch = z
  .object({
    /** The natural key: email, name, externalId (what a type supports is in import.preview's `matchFields`). */
    field: z.string().max(40),
    /** What to do with a row whose key is already in the CRM. */
    mode: ImportMatchMode,
  })
  .strict();

/** Column header -> field (API name or a link field like accountName, ownerName, parentName, externalId); null skips it. */
export const ImportMapping = z.record(z.string().max(200), z.string().max(60).nullable());

export const ImportPreviewInput = z.object({ type: ImportTypeSchema.optional(), ...Source }).strict();

export const ImportField = z.object({
  field: z.string(),
  required: z.boolean(),
  kind: z.string(),
  /** For enum fields: the values it takes. */
  values: z.array(z.string()).optional(),
});

export const ImportPreview = z.object({
  encoding: z.string(),
  delimiter: z.string(),
  headers: z.array(z.string()),
  rows: z.array(z.array(z.string())),
  /** Data rows in the file (the header not counted). */
  totalRows: z.number().int(),
  /** A mapping suggested from the header names (English and Chinese), when `type` was given. */
  suggestedMapping: ImportMapping,
  fields: z.array(ImportField),
  matchFields: z.array(z.string()),
});

export const ImportStartInput = z
  .object({
    type: ImportTypeSchema,
    ...Source,
    mapping: ImportMapping,
    match: ImportMatch.optional(),
    /** Per field, values to replace as they are read ("Won" -> "Closed Won"), matched ignoring case. */
    valueMap: z.record(z.string().max(60), z.record(z.string().max(200), z.string().max(200))).optional(),
    /** Per field, the value for rows whose cell is empty or that have no column for it. */
    defaults: z.record(z.string().max(60), z.string().max(500)).optional(),
    /** The language of the rejected rows' reasons (and of the rejected-rows file's reason column); English names fields by their API names. */
    locale: z.enum(IMPORT_LOCALES).default('en'),
  })
  .strict()
  .refine((input) => Boolean(input.csv !== undefined) !== Boolean(input.file), { message: 'Give csv or file', path: ['csv'] });

export const ImportState = z.enum(['running', 'done', 'failed', 'cancelled', 'interrupted', 'undoing', 'undone']);

/** A rejected row: its line in the file (header = 1) and why, in the language the import was started in. */
export const ImportRowError = z.object({ line: z.number().int(), reason: z.string() });

export const ImportStatus = z.object({
  jobId: Id,
  type: ImportTypeSchema,
  state: ImportState,
  fileName: z.string().nullable(),
  encoding: z.string(),
  total: z.number().int(),
  processed: z.number().int(),
  created: z.number().int(),
  updated: z.number().int(),
  skipped: z.number().int(),
  failed: z.number().int(),
  /** The first 100 rejected rows (all of them: import.rejected). */
  errors: z.array(ImportRowError),
  message: z.string().nullable(),
  startedAt: IsoTimestamp,
  finishedAt: IsoTimestamp.nullable(),
  undoneAt: IsoTimestamp.nullable(),
});

export const ImportJobInput = z.object({ jobId: Id }).strict();

export const ImportRejected = z.object({
  fileName: z.string(),
  /** The rejected rows as CSV (UTF-8 with BOM, for Excel), the file's columns plus a reason column (`reason`; `原因` for an import started with locale zh-CN). */
  csv: z.string(),
  rows: z.number().int(),
});

export const ImportListInput = z.object({ limit: z.number().int().min(1).max(100).default(20) }).strict();

export const ImportTemplate = z.object({
  id: Id,
  type: ImportTypeSchema,
  name: z.string(),
  mapping: ImportMapping,
  match: ImportMatch.nullable(),
  createdAt: IsoTimestamp,
  updatedAt: IsoTimestamp,
});

export const ImportTemplateSave = z
  .object({
    id: Id.optional(),
    type: ImportTypeSchema,
    name: z.string().trim().min(1).max(80),
    mapping: ImportMapping,
    match: ImportMatch.nullish(),
  })
  .strict();
