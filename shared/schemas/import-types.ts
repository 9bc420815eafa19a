import { z } from 'zod';
import { ImportField, ImportMatchMode, ImportTypeSchema } from './import';

/** One type the caller may import, with every field a column can be mapped to and the keys it matches by. */
export const ImportTypeInfo = z.object({
  type: ImportTypeSchema,
  /** In the wizard's order; `kind` is the field's kind (text, email, phone, money, enum...) or link, fullName, externalId. */
  fields: z.array(ImportField),
  /** Natural keys `import.start`'s `match.field` accepts (email, name, externalId, username...). */
  matchFields: z.array(z.string()),
  /** What `match.mode` may say for this type (users and products are never updated by an import: no `update`). */
  matchModes: z.array(ImportMatchMode),
});

export const ImportTypesOutput = z.object({ types: z.array(ImportTypeInfo) });
