import { z } from 'zod';
import { Id, IsoTimestamp } from '../common';
import { RecordMeta, RecordTypeSchema, Timestamp, requiredText, text } from './common';

export const ACTIVITY_TYPES = ['task', 'call', 'meeting', 'email', 'note'] as const;
export const ACTIVITY_STATUSES = ['open', 'done'] as const;
export const PRIORITIES = ['low', 'normal', 'high'] as const;

const fields = {
  type: z.enum(ACTIVITY_TYPES),
  subject: requiredText(300),
  body: text(50_000).nullish(),
  dueAt: Timestamp.nullish(),
  startAt: Timestamp.nullish(),
  endAt: Timestamp.nullish(),
  status: z.enum(ACTIVITY_STATUSES).optional(),
  priority: z.enum(PRIORITIES).optional(),
  relatedType: RecordTypeSchema.exclude(['activities']).nullish(),
  relatedId: Id.nullish(),
  contactId: Id.nullish(),
  ownerId: Id.optional(),
};

export const ActivityCreate = z.object(fields).strict();
export const ActivityPatch = z
  .object({ ...fields, type: z.enum(ACTIVITY_TYPES).optional(), subject: requiredText(300).optional() })
  .strict();

export const Activity = RecordMeta.extend({
  type: z.enum(ACTIVITY_TYPES),
  subject: z.string(),
  body: z.string().nullable(),
  dueAt: IsoTimestamp.nullable(),
  startAt: IsoTimestamp.nullable(),
  endAt: IsoTimestamp.nullable(),
  status: z.enum(ACTIVITY_STATUSES),
  priority: z.enum(PRIORITIES),
  relatedType: RecordTypeSchema.nullable(),
  relatedId: Id.nullable(),
  contactId: Id.nullable(),
  /** The account the activity belongs to, derived from what it relates to (for account timelines). */
  accountId: Id.nullable(),
  completedAt: IsoTimestamp.nullable(),
});
export type Activity = z.infer<typeof Activity>;

export const MyWorkInput = z
  .object({
    /** IANA time zone that decides where "today" starts; defaults to the office's. */
    timeZone: z.string().max(64).optional(),
  })
  .strict();

export const MyWork = z.object({
  overdue: z.array(Activity),
  today: z.array(Activity),
  upcoming: z.array(Activity),
  doneRecently: z.array(Activity),
});
