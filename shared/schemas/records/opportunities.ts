import { z } from 'zod';
import { Id, IsoTimestamp } from '../common';
import { DateOnly, Money, RecordMeta, requiredText, text } from './common';
import { LeadSourceKey } from './leads';

export const STAGE_KINDS = ['open', 'won', 'lost'] as const;
export const StageKind = z.enum(STAGE_KINDS);

/** One line of a deal: a product, how many, at what price, less a discount. */
export const LineItemInput = z
  .object({
    productId: Id,
    quantity: z.number().positive().max(1e9).default(1),
    /** Defaults to the product's list price. */
    unitPrice: Money.min(0).optional(),
    discountPct: z.number().min(0).max(100).default(0),
  })
  .strict();

export const LineItem = z.object({
  id: Id,
  productId: Id,
  productName: z.string(),
  productCode: z.string().nullable(),
  quantity: z.number(),
  unitPrice: z.number(),
  discountPct: z.number(),
  /** quantity x unitPrice less discountPct, rounded to the cent. */
  total: z.number(),
});

const fields = {
  name: requiredText(200),
  accountId: Id.nullish(),
  /** Defaults to the default pipeline. */
  pipelineId: Id.optional(),
  /** The stage's name within its pipeline ("Proposal"), matched ignoring case. */
  stage: requiredText(80),
  /** Major units. With line items, their total is the amount and this cannot be set. */
  amount: Money.min(0).nullish(),
  closeDate: DateOnly.nullish(),
  /** 0-100; defaults to the stage's probability, and follows it on every stage change unless given. */
  probability: z.number().int().min(0).max(100).optional(),
  ownerId: Id.optional(),
  nextStep: text(500).nullish(),
  /** Required when the deal is in a lost stage. */
  lostReason: text(500).nullish(),
  source: LeadSourceKey.nullish(),
  /** When talks began: days to close count from here (else from the creation date). */
  engageDate: DateOnly.nullish(),
  description: text(10_000).nullish(),
};

export const OpportunityCreate = z
  .object({
    ...fields,
    /** Line items to create with the deal (their total becomes the amount). */
    lineItems: z.array(LineItemInput).max(200).optional(),
  })
  .strict();
/** Many deals in one all-or-nothing write (imports, integrations); each is checked as a single create. */
export const OpportunityCreateMany = z.object({ items: z.array(OpportunityCreate).min(1).max(1000) }).strict();
export const OpportunityCreateManyOutput = z.object({ ids: z.array(Id) });

export const OpportunityPatch = z.object({ ...fields, name: requiredText(200).optional(), stage: requiredText(80).optional() }).strict();

export const Opportunity = RecordMeta.extend({
  name: z.string(),
  accountId: Id.nullable(),
  pipelineId: Id,
  stage: z.string(),
  stageId: Id,
  stageKind: StageKind,
  /** When the deal entered its current stage. */
  stageEnteredAt: IsoTimestamp,
  amount: z.number().nullable(),
  hasLineItems: z.boolean(),
  closeDate: z.string().nullable(),
  probability: z.number().int(),
  nextStep: z.string().nullable(),
  lostReason: z.string().nullable(),
  source: z.string().nullable(),
  engageDate: z.string().nullable(),
  description: z.string().nullable(),
  wonAt: IsoTimestamp.nullable(),
  closedAt: IsoTimestamp.nullable(),
  /** Won deals: days from the engage (or created) date to the close date. */
  daysToClose: z.number().int().nullable(),
  /** The lead this deal was converted from. */
  leadId: Id.nullable(),
});
export type Opportunity = z.infer<typeof Opportunity>;

export const OpportunityRef = z.object({ opportunityId: Id }).strict();

/** Replaces all line items of a deal; names the version of the deal you read (its amount changes). */
export const LineItemsSetInput = z
  .object({ opportunityId: Id, version: z.number().int().min(1), items: z.array(LineItemInput).max(200) })
  .strict();
export const LineItems = z.object({ items: z.array(LineItem) });
export const LineItemsSetOutput = z.object({ opportunity: Opportunity, items: z.array(LineItem) });

export const ContactRole = z.object({
  contactId: Id,
  firstName: z.string().nullable(),
  lastName: z.string(),
  email: z.string().nullable(),
  /** Free text: "Decision maker", "Evaluator"... */
  role: z.string().nullable(),
  isPrimary: z.boolean(),
});
export const ContactRoles = z.object({ items: z.array(ContactRole) });
export const ContactRolesSetInput = z
  .object({
    opportunityId: Id,
    roles: z
      .array(z.object({ contactId: Id, role: text(80).nullish(), isPrimary: z.boolean().default(false) }).strict())
      .max(100),
  })
  .strict();

export const StageHistoryEntry = z.object({
  stageId: Id,
  stage: z.string(),
  stageKind: StageKind,
  amount: z.number().nullable(),
  probability: z.number().int().nullable(),
  enteredAt: IsoTimestamp,
  /** Null for the stage the deal is in now. */
  leftAt: IsoTimestamp.nullable(),
  /** Whole days in the stage (until now for the current one). */
  days: z.number().int(),
  userId: Id.nullable(),
});
export const StageHistory = z.object({ items: z.array(StageHistoryEntry) });
