import type { Opportunity } from '../../../../../shared/schemas/records/opportunities';
import { registerRecordType } from '../../records/registry';
import type { FieldSpec } from '../../records/types';
import { LEAD_SOURCE_OPTIONS, STAGE_KIND_OPTIONS } from './options';

/** Fields edited in place; stage, amount-from-products and lost reason have their own controls on the page. */
export const opportunityFields: readonly FieldSpec[] = [
  { key: 'name', label: 'sales.opportunities.fields.name', kind: 'text', required: true, inCreate: true, maxLength: 200 },
  { key: 'accountId', label: 'sales.opportunities.fields.accountId', kind: 'reference', refType: 'accounts', inCreate: true },
  { key: 'amount', label: 'sales.opportunities.fields.amount', kind: 'money', inCreate: true },
  { key: 'closeDate', label: 'sales.opportunities.fields.closeDate', kind: 'date', inCreate: true },
  { key: 'probability', label: 'sales.opportunities.fields.probability', kind: 'int' },
  { key: 'stage', label: 'sales.opportunities.fields.stage', kind: 'text', readOnly: true },
  { key: 'stageKind', label: 'sales.opportunities.fields.stageKind', kind: 'enum', options: STAGE_KIND_OPTIONS, readOnly: true },
  { key: 'source', label: 'sales.opportunities.fields.source', kind: 'enum', options: LEAD_SOURCE_OPTIONS },
  { key: 'engageDate', label: 'sales.opportunities.fields.engageDate', kind: 'date' },
  { key: 'nextStep', label: 'sales.opportunities.fields.nextStep', kind: 'text', wide: true, maxLength: 500 },
  { key: 'lostReason', label: 'sales.opportunities.fields.lostReason', kind: 'text', wide: true, readOnly: true },
  { key: 'description', label: 'sales.opportunities.fields.description', kind: 'textarea', wide: true, maxLength: 10_000 },
];

/** Set by the backend; listed so the history names them in the user's language. */
const derivedFields: readonly FieldSpec[] = [
  { key: 'stageEnteredAt', label: 'sales.opportunities.fields.stageEnteredAt', kind: 'datetime', readOnly: true },
  { key: 'closedAt', label: 'sales.opportunities.fields.closedAt', kind: 'datetime', readOnly: true },
  { key: 'wonAt', label: 'sales.opportunities.fields.wonAt', kind: 'datetime', readOnly: true },
];

export const opportunitiesConfig = registerRecordType<Opportunity>({
  type: 'opportunities',
  path: '/opportunities',
  labels: {
    plural: 'sales.opportunities.plural',
    singular: 'sales.opportunities.singular',
    create: 'sales.opportunities.create',
    created: 'sales.opportunities.created',
    empty: 'sales.opportunities.empty',
  },
  title: (opportunity) => opportunity.name,
  fields: [...opportunityFields, ...derivedFields],
  columns: [
    { key: 'name', label: 'sales.opportunities.fields.name', width: 240, sort: 'name' },
    { key: 'accountId', label: 'sales.opportunities.fields.accountId', width: 200 },
    { key: 'stage', label: 'sales.opportunities.fields.stage', width: 140 },
    { key: 'stageKind', label: 'sales.opportunities.fields.stageKind', width: 100 },
    { key: 'amount', label: 'sales.opportunities.fields.amount', width: 140, sort: 'amount' },
    { key: 'closeDate', label: 'sales.opportunities.fields.closeDate', width: 130, sort: 'closeDate' },
    { key: 'probability', label: 'sales.opportunities.fields.probability', width: 110 },
    { key: 'nextStep', label: 'sales.opportunities.fields.nextStep', width: 220 },
    { key: 'ownerId', label: 'records.fields.ownerId', width: 140 },
    { key: 'createdAt', label: 'records.fields.createdAt', width: 180, sort: 'createdAt' },
    { key: 'updatedAt', label: 'records.fields.updatedAt', width: 180, sort: 'updatedAt' },
  ],
  defaultColumns: ['name', 'accountId', 'stage', 'amount', 'closeDate', 'ownerId'],
  primaryColumn: 'name',
  defaultSort: { field: 'closeDate', dir: 'asc' },
  filters: [
    { kind: 'enum', field: 'stageKind', label: 'sales.opportunities.fields.stageKind', options: STAGE_KIND_OPTIONS },
    { kind: 'contains', field: 'stage', label: 'sales.opportunities.fields.stage' },
    { kind: 'reference', field: 'accountId', label: 'sales.opportunities.fields.accountId', refType: 'accounts' },
  ],
});
