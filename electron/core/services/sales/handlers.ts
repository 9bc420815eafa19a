import { AppError } from '../../../../shared/errors';
import type { Call, HandlerMap } from '../../handler';
import { recordHandlers } from '../../records/handlers';
import { findRow } from '../../records/repo';
import { leadDef } from '../../records/types/leads';
import { opportunityDef } from '../../records/types/opportunities';
import { board, boardColumn } from './board';
import { convertLead, conversionCandidates } from './conversion';
import { accountValue, loyalCustomers } from './customer-value';
import { forecast } from './forecast';
import { listLeadSources, saveLeadSources } from './lead-sources';
import { listLineItems, setLineItems } from './line-items';
import { createOpportunityIn, listContactRoles, setContactRoles } from './opportunities';
import { createPipeline, listPipelines, loadPipeline, updatePipeline } from './pipelines';
import { createProduct, deleteProduct, listProducts, loadProduct, updateProduct } from './products';
import { salesReport } from './sales-report';
import { stageHistory } from './stage-history';

/** Reads of a deal's child rows need the deal to exist (deleted ones still show theirs). */
function requireDeal(call: Call, id: string): void {
  if (!findRow(call, opportunityDef, id)) throw new AppError('NOT_FOUND', 'No such opportunity.');
}

type SalesMethod =
  | `${'leads' | 'opportunities'}.${'create' | 'get' | 'update' | 'delete' | 'restore' | 'list' | 'history'}`
  | 'opportunities.createMany'
  | 'leads.convert'
  | 'leads.conversionCandidates'
  | 'leadSources.list'
  | 'leadSources.save'
  | 'opportunities.lineItems.list'
  | 'opportunities.lineItems.set'
  | 'opportunities.contactRoles.list'
  | 'opportunities.contactRoles.set'
  | 'opportunities.stageHistory'
  | 'opportunities.board'
  | 'opportunities.boardColumn'
  | 'pipelines.list'
  | 'pipelines.get'
  | 'pipelines.create'
  | 'pipelines.update'
  | 'products.list'
  | 'products.get'
  | 'products.create'
  | 'products.update'
  | 'products.delete'
  | 'reports.forecast'
  | 'reports.sales'
  | 'reports.loyalCustomers'
  | 'accounts.value';

export const salesHandlers = {
  ...recordHandlers(leadDef),
  ...recordHandlers(opportunityDef),

  'opportunities.create'(call, input) {
    return call.write((changes) => createOpportunityIn(call, input, changes)) as never;
  },

  'opportunities.createMany'(call, { items }) {
    return { ids: call.write((changes) => items.map((item, i) => createOpportunityIn(call, item, changes, `items.${i}`).id as string)) };
  },

  'leads.convert'(call, input) {
    return call.write((changes) => convertLead(call, input, changes));
  },
  'leads.conversionCandidates'(call, { id }) {
    return conversionCandidates(call, id) as never;
  },
  'leadSources.list'(call, { includeInactive }) {
    return { items: listLeadSources(call.db, includeInactive) };
  },
  'leadSources.save'(call, { items }) {
    return { items: call.write((changes) => saveLeadSources(call.db, items, changes)) };
  },

  'opportunities.lineItems.list'(call, { opportunityId }) {
    requireDeal(call, opportunityId);
    return { items: listLineItems(call.db, opportunityId) };
  },
  'opportunities.lineItems.set'(call, input) {
    return call.write((changes) => setLineItems(call, input, changes)) as never;
  },
  'opportunities.contactRoles.list'(call, { opportunityId }) {
    return listContactRoles(call, opportunityId);
  },
  'opportunities.contactRoles.set'(call, input) {
    return call.write((changes) => setContactRoles(call, input, changes));
  },
  'opportunities.stageHistory'(call, { id }) {
    return stageHistory(call, id);
  },
  'opportunities.board'(call, input) {
    return board(call, input);
  },
  'opportunities.boardColumn'(call, input) {
    return boardColumn(call, input);
  },

  'pipelines.list'(call, { includeInactive }) {
    return { items: listPipelines(call.db, includeInactive) };
  },
  'pipelines.get'(call, { id }) {
    return loadPipeline(call.db, id);
  },
  'pipelines.create'(call, input) {
    return call.write((changes) => createPipeline(call, input, changes));
  },
  'pipelines.update'(call, input) {
    return call.write((changes) => updatePipeline(call, input, changes));
  },

  'products.list'(call, input) {
    return listProducts(call.db, input);
  },
  'products.get'(call, { id }) {
    return loadProduct(call.db, id);
  },
  'products.create'(call, input) {
    return call.write((changes) => createProduct(call, input, changes));
  },
  'products.update'(call, input) {
    return call.write((changes) => updateProduct(call, input, changes));
  },
  'products.delete'(call, { id }) {
    call.write((changes) => deleteProduct(call, id, changes));
    return { ok: true as const };
  },

  'reports.forecast'(call, input) {
    return forecast(call, input);
  },
  'reports.sales'(call, input) {
    return salesReport(call, input);
  },
  'reports.loyalCustomers'(call, input) {
    return loyalCustomers(call, input);
  },
  'accounts.value'(call, { id }) {
    return accountValue(call, id);
  },
} satisfies HandlerMap<SalesMethod>;
