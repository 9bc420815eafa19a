import { z } from 'zod';
import { Id, IsoTimestamp } from '../common';
import { RecordMeta, requiredText, text } from './common';

export const CASE_TYPES = ['complaint', 'question', 'problem', 'request'] as const;
export const CASE_ORIGINS = ['phone', 'email', 'web', 'walk-in'] as const;
export const CASE_PRIORITIES = ['low', 'normal', 'high', 'urgent'] as const;
export const CASE_STATUSES = ['new', 'open', 'pending_customer', 'resolved', 'closed'] as const;
/** Statuses in which a case is finished: out of the queues, its SLA clock stopped. */
export const FINISHED_CASE_STATUSES = ['resolved', 'closed'] as const;

export type CasePriority = (typeof CASE_PRIORITIES)[number];
export type CaseStatus = (typeof CASE_STATUSES)[number];

const fields = {
  subject: requiredText(300),
  description: text(50_000).nullish(),
  type: z.enum(CASE_TYPES).optional(),
  origin: z.enum(CASE_ORIGINS).optional(),
  priority: z.enum(CASE_PRIORITIES).optional(),
  status: z.enum(CASE_STATUSES).optional(),
  accountId: Id.nullish(),
  /** When the account is not given, the contact's account is used. */
  contactId: Id.nullish(),
  customerEmail: text(254).nullish(),
  /** Who works the case; null puts it in the unassigned queue. Assigning also gives ownership. */
  assigneeId: Id.nullish(),
  ownerId: Id.optional(),
  resolution: text(10_000).nullish(),
  /** The customer's satisfaction, 1 (unhappy) to 5, given when the case is resolved or closed. */
  satisfaction: z.number().int().min(1).max(5).nullish(),
};

export const CaseCreate = z.object(fields).strict();
export const CasePatch = z.object({ ...fields, subject: requiredText(300).optional() }).strict();

/** Where a case stands against its service-level targets (business hours of the office calendar). */
export const SlaState = z.enum(['none', 'ok', 'warning', 'breached', 'paused', 'met']);

export const Case = RecordMeta.extend({
  number: z.string(),
  subject: z.string(),
  description: z.string().nullable(),
  type: z.enum(CASE_TYPES),
  origin: z.enum(CASE_ORIGINS),
  priority: z.enum(CASE_PRIORITIES),
  status: z.enum(CASE_STATUSES),
  accountId: Id.nullable(),
  contactId: Id.nullable(),
  leadId: Id.nullable(),
  customerEmail: z.string().nullable(),
  assigneeId: Id.nullable(),
  resolution: z.string().nullable(),
  satisfaction: z.number().int().nullable(),
  /** Set when the case was closed as a duplicate of another: its thread lives there now. */
  duplicateOfId: Id.nullable(),
  reopenCount: z.number().int(),
  firstResponseAt: IsoTimestamp.nullable(),
  resolvedAt: IsoTimestamp.nullable(),
  closedAt: IsoTimestamp.nullable(),
  firstResponseDueAt: IsoTimestamp.nullable(),
  resolutionDueAt: IsoTimestamp.nullable(),
  /** While pending the customer the SLA clock stands still: since when. */
  slaPausedSince: IsoTimestamp.nullable(),
  slaPausedMinutes: z.number(),
  firstResponseBreached: z.boolean(),
  resolutionBreached: z.boolean(),
  /** Not breached yet, but due within the warning window (business minutes, admin-set). */
  aboutToBreach: z.boolean(),
  slaState: SlaState,
});
export type Case = z.infer<typeof Case>;
