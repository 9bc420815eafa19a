import { z } from 'zod';
import { Id, IsoTimestamp } from '../common';
import { DateOnly, Money, RecordMeta, requiredText, text } from './common';

export const LEAD_STATUSES = ['new', 'working', 'qualified', 'unqualified', 'converted'] as const;
export const LEAD_RATINGS = ['hot', 'warm', 'cold'] as const;

/** A key of the administrator's list of lead sources (`leadSources.list`): `web`, `referral`... */
export const LeadSourceKey = z.string().trim().min(1).max(40);

const fields = {
  firstName: text(100).nullish(),
  lastName: requiredText(100),
  company: text(200).nullish(),
  title: text(120).nullish(),
  email: text(254).nullish(),
  phone: text(40).nullish(),
  mobile: text(40).nullish(),
  website: text(300).nullish(),
  city: text(100).nullish(),
  country: text(100).nullish(),
  source: LeadSourceKey.nullish(),
  /** `converted` is set by `leads.convert` only. */
  status: z.enum(LEAD_STATUSES).optional(),
  rating: z.enum(LEAD_RATINGS).nullish(),
  ownerId: Id.optional(),
  notes: text(10_000).nullish(),
};

export const LeadCreate = z.object(fields).strict();
export const LeadPatch = z.object({ ...fields, lastName: requiredText(100).optional() }).strict();

export const Lead = RecordMeta.extend({
  firstName: z.string().nullable(),
  lastName: z.string(),
  company: z.string().nullable(),
  title: z.string().nullable(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  mobile: z.string().nullable(),
  website: z.string().nullable(),
  city: z.string().nullable(),
  country: z.string().nullable(),
  source: z.string().nullable(),
  status: z.enum(LEAD_STATUSES),
  rating: z.enum(LEAD_RATINGS).nullable(),
  notes: z.string().nullable(),
  /** What the lead became; set by `leads.convert`, after which the lead is read-only. */
  convertedAccountId: Id.nullable(),
  convertedContactId: Id.nullable(),
  convertedOpportunityId: Id.nullable(),
  convertedAt: IsoTimestamp.nullable(),
});
export type Lead = z.infer<typeof Lead>;

/**
 * Convert a lead: link the account and contact given, or create them from the lead (the account
 * from its company); optionally open a deal. `opportunity.stage` defaults to the pipeline's first
 * open stage, `opportunity.pipelineId` to the default pipeline.
 */
export const LeadConvertInput = z
  .object({
    id: Id,
    accountId: Id.nullish(),
    contactId: Id.nullish(),
    opportunity: z
      .object({
        name: requiredText(200),
        pipelineId: Id.optional(),
        stage: requiredText(80).optional(),
        amount: Money.min(0).nullish(),
        closeDate: DateOnly.nullish(),
      })
      .strict()
      .nullish(),
  })
  .strict();

export const LeadConvertOutput = z.object({
  /** Null only when the lead had no company and no account was named. */
  accountId: Id.nullable(),
  contactId: Id,
  opportunityId: Id.nullable(),
});

/** Records the lead probably is already: accounts of the same company, contacts with the same email. */
export const ConversionCandidates = z.object({
  accounts: z.array(z.object({ id: Id, name: z.string(), city: z.string().nullable(), country: z.string().nullable(), ownerId: Id })),
  contacts: z.array(
    z.object({
      id: Id,
      firstName: z.string().nullable(),
      lastName: z.string(),
      email: z.string().nullable(),
      accountId: Id.nullable(),
      accountName: z.string().nullable(),
      ownerId: Id,
    }),
  ),
});

export const LeadSource = z.object({
  key: z.string(),
  /** The administrator's label; the renderer translates the built-in keys instead. */
  label: z.string(),
  active: z.boolean(),
  position: z.number().int(),
});

export const LeadSourcesInput = z.object({ includeInactive: z.boolean().default(false) }).strict();
export const LeadSources = z.object({ items: z.array(LeadSource) });

/**
 * The whole ordered list of sources. Items with a `key` keep it (rename, reorder, deactivate);
 * items without one are new (their key is made from the label). Sources left out are deactivated:
 * leads that have them keep them.
 */
export const LeadSourcesSave = z
  .object({
    items: z
      .array(
        z
          .object({ key: LeadSourceKey.optional(), label: z.string().trim().min(1).max(80), active: z.boolean().default(true) })
          .strict(),
      )
      .min(1)
      .max(100),
  })
  .strict();
