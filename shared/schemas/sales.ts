import { z } from 'zod';
import { Id, IsoTimestamp } from './common';
import { DateOnly } from './records/common';
import { StageKind } from './records/opportunities';

// Pipelines ------------------------------------------------------------------------------------

export const PipelineStage = z.object({
  id: Id,
  name: z.string(),
  kind: StageKind,
  /** Default probability (0-100) of deals entering the stage. */
  probability: z.number().int(),
  position: z.number().int(),
});

export const Pipeline = z.object({
  id: Id,
  name: z.string(),
  isDefault: z.boolean(),
  active: z.boolean(),
  position: z.number().int(),
  version: z.number().int(),
  /** In board order. */
  stages: z.array(PipelineStage),
});
export type Pipeline = z.infer<typeof Pipeline>;

/**
 * A stage as an administrator edits it. With `id`, an existing stage (renaming it renames it on
 * every deal); without, a new one. A pipeline needs at least one open, one won and one lost stage.
 */
export const PipelineStageInput = z
  .object({
    id: Id.optional(),
    name: z.string().trim().min(1).max(80),
    kind: StageKind,
    probability: z.number().int().min(0).max(100).optional(),
  })
  .strict();

export const PipelineCreate = z
  .object({
    name: z.string().trim().min(1).max(80),
    isDefault: z.boolean().optional(),
    stages: z.array(PipelineStageInput).min(3).max(30),
  })
  .strict();

export const PipelineUpdate = z
  .object({
    id: Id,
    version: z.number().int().min(1),
    patch: z
      .object({
        name: z.string().trim().min(1).max(80).optional(),
        /** Making a pipeline the default takes that from the previous default. */
        isDefault: z.literal(true).optional(),
        /** An inactive pipeline keeps its deals but is not offered for new ones. */
        active: z.boolean().optional(),
        /** The whole ordered list; a stage left out is removed, which is refused while deals sit in it. */
        stages: z.array(PipelineStageInput).min(3).max(30).optional(),
      })
      .strict(),
  })
  .strict();

export const PipelineListInput = z.object({ includeInactive: z.boolean().default(false) }).strict();
export const PipelineList = z.object({ items: z.array(Pipeline) });

// Board ----------------------------------------------------------------------------------------

const BoardFilter = {
  /** Defaults to the default pipeline. */
  pipelineId: Id.optional(),
  ownerId: Id.optional(),
  /** A manager's id: deals owned by them or anyone reporting to them. */
  team: Id.optional(),
  /** Close period, inclusive; deals without a close date fall outside any period. */
  closeFrom: DateOnly.optional(),
  closeTo: DateOnly.optional(),
};

export const BoardInput = z
  .object({ ...BoardFilter, limit: z.number().int().min(1).max(200).default(50) })
  .strict();

export const BoardCard = z.object({
  id: Id,
  version: z.number().int(),
  name: z.string(),
  accountId: Id.nullable(),
  accountName: z.string().nullable(),
  amount: z.number().nullable(),
  closeDate: z.string().nullable(),
  probability: z.number().int(),
  ownerId: Id,
  ownerName: z.string().nullable(),
  stage: z.string(),
  stageEnteredAt: IsoTimestamp,
  nextStep: z.string().nullable(),
});

export const BoardColumn = z.object({
  stageId: Id,
  stage: z.string(),
  kind: StageKind,
  probability: z.number().int(),
  /** Every deal in the column that matches the filter, not only the cards sent. */
  count: z.number().int(),
  amount: z.number(),
  /** Closing soonest first; deals without a close date first of all. */
  cards: z.array(BoardCard),
  /** For `opportunities.boardColumn`; null when every card was sent. */
  nextCursor: z.string().nullable(),
});

export const Board = z.object({
  pipeline: z.object({ id: Id, name: z.string() }),
  columns: z.array(BoardColumn),
});

export const BoardColumnInput = z
  .object({
    ...BoardFilter,
    stageId: Id,
    cursor: z.string().max(2000).nullish(),
    limit: z.number().int().min(1).max(200).default(50),
  })
  .strict();
export const BoardColumnPage = z.object({ cards: z.array(BoardCard), nextCursor: z.string().nullable() });

// Forecast -------------------------------------------------------------------------------------

export const ForecastInput = z
  .object({
    /** Close-date period, inclusive; defaults to the current calendar quarter in the office's time zone. */
    from: DateOnly.optional(),
    to: DateOnly.optional(),
    pipelineId: Id.optional(),
    ownerId: Id.optional(),
  })
  .strict();

const ForecastFigures = {
  /** Open deals expected to close in the month. */
  openCount: z.number().int(),
  amount: z.number(),
  /** Sum of amount x probability. */
  weightedAmount: z.number(),
  /** Deals already won with a close date in the month. */
  wonCount: z.number().int(),
  wonAmount: z.number(),
};

export const Forecast = z.object({
  from: z.string(),
  to: z.string(),
  /** One row per close month (YYYY-MM) and owner, by month then owner name. */
  rows: z.array(z.object({ month: z.string(), ownerId: Id, ownerName: z.string().nullable(), ...ForecastFigures })),
  totals: z.object(ForecastFigures),
});

// Sales report ---------------------------------------------------------------------------------

export const SALES_GROUPS = ['owner', 'manager', 'product', 'account', 'month', 'stage'] as const;

export const SalesReportInput = z
  .object({
    groupBy: z.enum(SALES_GROUPS),
    /** Close-date period, inclusive (expected close for open deals); without it, every deal. */
    from: DateOnly.optional(),
    to: DateOnly.optional(),
    pipelineId: Id.optional(),
    /**
     * By account: how many accounts to list, the top ones by won amount, then open amount, then
     * deals (ties by account id); every other account is summed into `rest`. Accepted with every
     * grouping, but only accounts are cut: owners, managers, products, months and stages are bounded
     * by the office's users, catalogue, calendar and pipelines, where accounts run to hundreds of
     * thousands.
     */
    limit: z.number().int().min(1).max(500).default(50),
  })
  .strict();
export type SalesReportInput = z.infer<typeof SalesReportInput>;

export const SalesReportRow = z.object({
  /** The owner's, manager's, product's, account's or stage's id, or the month (YYYY-MM); null for "none". */
  key: z.string().nullable(),
  label: z.string(),
  open: z.number().int(),
  won: z.number().int(),
  lost: z.number().int(),
  openAmount: z.number(),
  wonAmount: z.number(),
  /** won / (won + lost); null when nothing closed. */
  winRate: z.number().nullable(),
  /** Mean days from engage (or created) date to close date over won deals; null when none. */
  avgDaysToClose: z.number().nullable(),
});

const SalesFigures = SalesReportRow.omit({ key: true, label: true });

export const SalesReport = z.object({
  groupBy: z.enum(SALES_GROUPS),
  /** By account: the top `limit` accounts in that order, then (key null) the deals without an account. */
  rows: z.array(SalesReportRow),
  /**
   * By account: every account after the top `limit` summed into one row, `groups` being how many
   * accounts it holds; null when `rows` already lists every account, and with the other groupings.
   * `rows` plus `rest` add up to `totals`: every deal is counted once.
   */
  rest: SalesFigures.extend({ groups: z.number().int() }).nullable(),
  totals: SalesFigures,
});

// Customer value -------------------------------------------------------------------------------

export const AccountValue = z.object({
  accountId: Id,
  /** Lifetime: every won deal of the account. */
  wonCount: z.number().int(),
  wonAmount: z.number(),
  firstPurchase: z.string().nullable(),
  lastPurchase: z.string().nullable(),
  openCount: z.number().int(),
  openAmount: z.number(),
});

export const LoyalCustomersInput = z
  .object({
    limit: z.number().int().min(1).max(500).default(50),
    /** Won deals an account needs to count as a repeat buyer. */
    minDeals: z.number().int().min(1).max(1000).default(2),
  })
  .strict();

export const LoyalCustomers = z.object({
  items: z.array(
    z.object({
      accountId: Id,
      name: z.string(),
      ownerId: Id,
      wonCount: z.number().int(),
      wonAmount: z.number(),
      firstPurchase: z.string().nullable(),
      lastPurchase: z.string().nullable(),
    }),
  ),
});
