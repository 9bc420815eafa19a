import { z } from 'zod';
import { defineMethod } from '../method';
import { ById, Id, Ok } from '../schemas/common';
import {
  ConversionCandidates,
  Lead,
  LeadConvertInput,
  LeadConvertOutput,
  LeadCreate,
  LeadPatch,
  LeadSources,
  LeadSourcesInput,
  LeadSourcesSave,
} from '../schemas/records/leads';
import {
  ContactRoles,
  ContactRolesSetInput,
  LineItems,
  LineItemsSetInput,
  LineItemsSetOutput,
  Opportunity,
  OpportunityCreate,
  OpportunityCreateMany,
  OpportunityCreateManyOutput,
  OpportunityPatch,
  OpportunityRef,
  StageHistory,
} from '../schemas/records/opportunities';
import { Product, ProductCreate, ProductList, ProductListInput, ProductUpdate } from '../schemas/records/products';
import {
  AccountValue,
  Board,
  BoardColumnInput,
  BoardColumnPage,
  BoardInput,
  Forecast,
  ForecastInput,
  LoyalCustomers,
  LoyalCustomersInput,
  Pipeline,
  PipelineCreate,
  PipelineList,
  PipelineListInput,
  PipelineUpdate,
  SalesReport,
  SalesReportInput,
} from '../schemas/sales';
import { recordMethods } from './records';

const ADMINS = ['admin'] as const;
const CATALOGUE_EDITORS = ['admin', 'manager'] as const;

export const leadMethods = {
  ...recordMethods('leads', 'lead', { record: Lead, create: LeadCreate, patch: LeadPatch }),
  'leads.convert': defineMethod({
    summary: 'Convert a lead into an account, a contact and optionally a deal, in one all-or-nothing step; the lead becomes read-only.',
    input: LeadConvertInput,
    output: LeadConvertOutput,
    kind: 'write',
    access: 'user',
  }),
  'leads.conversionCandidates': defineMethod({
    summary: 'Existing accounts (same company name) and contacts (same email) a lead probably is.',
    input: ById,
    output: ConversionCandidates,
    kind: 'read',
    access: 'user',
  }),
  'leadSources.list': defineMethod({
    summary: 'Where leads come from, in the order an administrator set.',
    input: LeadSourcesInput,
    output: LeadSources,
    kind: 'read',
    access: 'user',
  }),
  'leadSources.save': defineMethod({
    summary: 'Replace the list of lead sources (administrators only); sources left out are deactivated.',
    input: LeadSourcesSave,
    output: LeadSources,
    kind: 'write',
    access: ADMINS,
  }),
};

export const opportunityMethods = {
  ...recordMethods('opportunities', 'opportunity', { record: Opportunity, create: OpportunityCreate, patch: OpportunityPatch }),
  'opportunities.createMany': defineMethod({
    summary: 'Create up to 1,000 deals in one all-or-nothing write; each is checked as opportunities.create would (errors name items.N.field).',
    input: OpportunityCreateMany,
    output: OpportunityCreateManyOutput,
    kind: 'write',
    access: 'user',
  }),
  'opportunities.lineItems.list': defineMethod({
    summary: "A deal's line items, in order.",
    input: OpportunityRef,
    output: LineItems,
    kind: 'read',
    access: 'user',
  }),
  'opportunities.lineItems.set': defineMethod({
    summary: "Replace a deal's line items; their total becomes its amount (name the deal's version you read).",
    input: LineItemsSetInput,
    output: LineItemsSetOutput,
    kind: 'write',
    access: 'user',
  }),
  'opportunities.contactRoles.list': defineMethod({
    summary: 'The people involved in a deal and their roles.',
    input: OpportunityRef,
    output: ContactRoles,
    kind: 'read',
    access: 'user',
  }),
  'opportunities.contactRoles.set': defineMethod({
    summary: "Replace a deal's contact roles (at most one primary).",
    input: ContactRolesSetInput,
    output: ContactRoles,
    kind: 'write',
    access: 'user',
  }),
  'opportunities.stageHistory': defineMethod({
    summary: 'Every stage a deal went through, when it entered and left, and how many days it sat there.',
    input: ById,
    output: StageHistory,
    kind: 'read',
    access: 'user',
  }),
  'opportunities.board': defineMethod({
    summary: "A pipeline's board: per stage the count and total of matching deals and the first cards.",
    input: BoardInput,
    output: Board,
    kind: 'read',
    access: 'user',
  }),
  'opportunities.boardColumn': defineMethod({
    summary: "More cards of one board column, after the column's cursor.",
    input: BoardColumnInput,
    output: BoardColumnPage,
    kind: 'read',
    access: 'user',
  }),
};

export const pipelineMethods = {
  'pipelines.list': defineMethod({
    summary: 'Sales pipelines with their ordered stages; the default one first.',
    input: PipelineListInput,
    output: PipelineList,
    kind: 'read',
    access: 'user',
  }),
  'pipelines.get': defineMethod({ summary: 'One pipeline with its stages.', input: ById, output: Pipeline, kind: 'read', access: 'user' }),
  'pipelines.create': defineMethod({
    summary: 'Create a pipeline with its stages (administrators only).',
    input: PipelineCreate,
    output: Pipeline,
    kind: 'write',
    access: ADMINS,
  }),
  'pipelines.update': defineMethod({
    summary: 'Rename, reorder or change stages, make default, deactivate (administrators only).',
    input: PipelineUpdate,
    output: Pipeline,
    kind: 'write',
    access: ADMINS,
  }),
};

export const productMethods = {
  'products.list': defineMethod({
    summary: 'Products by name: prefix of name or code, active, family; cursor paging.',
    input: ProductListInput,
    output: ProductList,
    kind: 'read',
    access: 'user',
  }),
  'products.get': defineMethod({ summary: 'One product.', input: ById, output: Product, kind: 'read', access: 'user' }),
  'products.create': defineMethod({
    summary: 'Add a product to the catalogue (administrators and managers).',
    input: ProductCreate,
    output: Product,
    kind: 'write',
    access: CATALOGUE_EDITORS,
  }),
  'products.update': defineMethod({
    summary: 'Change a product (administrators and managers); existing line items keep their prices.',
    input: ProductUpdate,
    output: Product,
    kind: 'write',
    access: CATALOGUE_EDITORS,
  }),
  'products.delete': defineMethod({
    summary: 'Delete a product no deal uses (administrators and managers); deactivate it otherwise.',
    input: ById,
    output: Ok,
    kind: 'write',
    access: CATALOGUE_EDITORS,
  }),
};

export const salesReportMethods = {
  'reports.forecast': defineMethod({
    summary: 'Open deals by close month and owner: amount and amount x probability, with won deals beside them.',
    input: ForecastInput,
    output: Forecast,
    kind: 'read',
    access: 'user',
  }),
  'reports.sales': defineMethod({
    summary: 'Open, won and lost deals, won amount, win rate and days to close, grouped by owner, manager, product, account, month or stage.',
    input: SalesReportInput,
    output: SalesReport,
    kind: 'read',
    access: 'user',
  }),
  'reports.loyalCustomers': defineMethod({
    summary: 'Repeat buyers: accounts with several won deals, by lifetime won amount.',
    input: LoyalCustomersInput,
    output: LoyalCustomers,
    kind: 'read',
    access: 'user',
  }),
  'accounts.value': defineMethod({
    summary: "An account's lifetime won amount, won deals, first and last purchase, and open pipeline.",
    input: z.object({ id: Id }).strict(),
    output: AccountValue,
    kind: 'read',
    access: 'user',
  }),
};

export const salesMethods = {
  ...leadMethods,
  ...opportunityMethods,
  ...pipelineMethods,
  ...productMethods,
  ...salesReportMethods,
};
