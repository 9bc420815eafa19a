import { z } from 'zod';
import { Id, IsoTimestamp } from './common';
import { RecordTypeSchema } from './records/common';

/** The record types with duplicate rules: contacts, accounts, leads (when they exist on this server). */
export const DuplicateType = z.enum(['contacts', 'accounts', 'leads']);

export const DuplicateCheckInput = z
  .object({
    type: DuplicateType,
    /** The record as typed so far (API field names); unknown fields are ignored. */
    record: z.record(z.string(), z.unknown()),
    /** The record being edited: never its own duplicate. */
    id: Id.optional(),
    limit: z.number().int().min(1).max(50).default(10),
  })
  .strict();

export const DuplicateReason = z.object({
  /** The rule that matched: email, phone, nameAtAccount, name, domain. */
  rule: z.string(),
  field: z.string(),
  value: z.string(),
  similarity: z.number(),
});

export const DuplicateCandidate = z.object({
  type: RecordTypeSchema,
  id: Id,
  title: z.string(),
  /** 0..1: how sure we are this is the same customer. */
  score: z.number(),
  reasons: z.array(DuplicateReason),
});

export const DuplicateCheckOutput = z.object({ candidates: z.array(DuplicateCandidate) });

export const DuplicateRuleSetting = z.object({
  type: DuplicateType,
  rule: z.string(),
  description: z.string(),
  enabled: z.boolean(),
  /** The score a match of this rule gives (0..1). */
  score: z.number(),
  /** For similarity rules: how alike names must be (Jaro-Winkler, 0.7..1). */
  threshold: z.number().nullable(),
});

export const DuplicateRulesOutput = z.object({
  rules: z.array(DuplicateRuleSetting),
  /** Candidates below this score are not reported. */
  minScore: z.number(),
});

export const DuplicateRulesUpdate = z
  .object({
    rules: z
      .array(
        z
          .object({
            type: DuplicateType,
            rule: z.string().max(40),
            enabled: z.boolean().optional(),
            score: z.number().min(0.05).max(1).optional(),
            threshold: z.number().min(0.7).max(1).optional(),
          })
          .strict(),
      )
      .max(50)
      .optional(),
    minScore: z.number().min(0).max(1).optional(),
  })
  .strict();

export const DuplicateScanInput = z.object({ type: DuplicateType }).strict();
export const JobRef = z.object({ jobId: Id });
export const JobInput = z.object({ jobId: Id }).strict();

export const JobState = z.enum(['running', 'done', 'failed', 'cancelled', 'interrupted']);

export const DuplicateGroup = z.object({
  ids: z.array(Id),
  titles: z.array(z.string()),
  rules: z.array(z.string()),
  score: z.number(),
});

export const DuplicateScanStatus = z.object({
  jobId: Id,
  type: DuplicateType,
  state: JobState,
  /** Records looked at so far, over all rules, and the total to look at. */
  processed: z.number().int(),
  total: z.number().int(),
  message: z.string().nullable(),
  startedAt: IsoTimestamp,
  finishedAt: IsoTimestamp.nullable(),
  /** Number of duplicate groups found (when done); `groups` lists the first 1,000. */
  groupCount: z.number().int(),
  groups: z.array(DuplicateGroup),
});

export const MergeInput = z
  .object({
    targetId: Id,
    sourceIds: z.array(Id).min(1).max(20),
    /** The surviving value of a field, taken from that record (the target or one of the sources). */
    fields: z.record(z.string(), Id).optional(),
  })
  .strict();

export const MergeOutput = z.object({
  mergeId: Id,
  /** The surviving record after the merge. */
  record: z.record(z.string(), z.unknown()),
  /** Child records (contacts, activities, deals, cases) moved to the survivor. */
  moved: z.number().int(),
});

export const MergeEntry = z.object({
  id: Id,
  type: RecordTypeSchema,
  targetId: Id,
  sourceIds: z.array(Id),
  userId: Id.nullable(),
  at: IsoTimestamp,
  undoneAt: IsoTimestamp.nullable(),
});

export const MergeListInput = z
  .object({ type: RecordTypeSchema.optional(), recordId: Id.optional(), limit: z.number().int().min(1).max(200).default(50) })
  .strict();
