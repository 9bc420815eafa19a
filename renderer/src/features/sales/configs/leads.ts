import type { Lead } from '../../../../../shared/schemas/records/leads';
import { contactName } from '../../customers/configs/contacts';
import { registerRecordType } from '../../records/registry';
import type { FieldSpec } from '../../records/types';
import { LEAD_RATING_OPTIONS, LEAD_SOURCE_OPTIONS, LEAD_STATUS_EDIT_OPTIONS, LEAD_STATUS_OPTIONS } from './options';

export const leadFields: readonly FieldSpec[] = [
  { key: 'firstName', label: 'sales.leads.fields.firstName', kind: 'text', inCreate: true, maxLength: 100 },
  { key: 'lastName', label: 'sales.leads.fields.lastName', kind: 'text', required: true, inCreate: true, maxLength: 100 },
  { key: 'company', label: 'sales.leads.fields.company', kind: 'text', inCreate: true, maxLength: 200 },
  { key: 'title', label: 'sales.leads.fields.title', kind: 'text', inCreate: true, maxLength: 120 },
  { key: 'email', label: 'sales.leads.fields.email', kind: 'email', inCreate: true, maxLength: 254 },
  { key: 'phone', label: 'sales.leads.fields.phone', kind: 'phone', inCreate: true, maxLength: 40 },
  { key: 'source', label: 'sales.leads.fields.source', kind: 'enum', options: LEAD_SOURCE_OPTIONS, inCreate: true },
  { key: 'status', label: 'sales.leads.fields.status', kind: 'enum', options: LEAD_STATUS_EDIT_OPTIONS, required: true },
  { key: 'rating', label: 'sales.leads.fields.rating', kind: 'enum', options: LEAD_RATING_OPTIONS, inCreate: true },
  { key: 'mobile', label: 'sales.leads.fields.mobile', kind: 'phone', maxLength: 40 },
  { key: 'website', label: 'sales.leads.fields.website', kind: 'url', maxLength: 300 },
  { key: 'city', label: 'sales.leads.fields.city', kind: 'text', maxLength: 100 },
  { key: 'country', label: 'sales.leads.fields.country', kind: 'text', maxLength: 100 },
  { key: 'notes', label: 'sales.leads.fields.notes', kind: 'textarea', wide: true, maxLength: 10_000 },
];

/** The list shows every status, converted included. */
const STATUS_COLUMN_SPEC = { ...leadFields.find((field) => field.key === 'status')!, options: LEAD_STATUS_OPTIONS };
export const leadListFields: readonly FieldSpec[] = leadFields.map((field) => (field.key === 'status' ? STATUS_COLUMN_SPEC : field));

export const leadsConfig = registerRecordType<Lead>({
  type: 'leads',
  path: '/leads',
  labels: {
    plural: 'sales.leads.plural',
    singular: 'sales.leads.singular',
    create: 'sales.leads.create',
    created: 'sales.leads.created',
    empty: 'sales.leads.empty',
  },
  title: contactName,
  fields: leadListFields,
  columns: [
    { key: 'name', label: 'sales.leads.fields.name', width: 180, sort: 'name', text: (lead) => contactName(lead) },
    { key: 'company', label: 'sales.leads.fields.company', width: 180, sort: 'company' },
    { key: 'title', label: 'sales.leads.fields.title', width: 140 },
    { key: 'email', label: 'sales.leads.fields.email', width: 200 },
    { key: 'phone', label: 'sales.leads.fields.phone', width: 150 },
    { key: 'status', label: 'sales.leads.fields.status', width: 120, },
    { key: 'rating', label: 'sales.leads.fields.rating', width: 100 },
    { key: 'source', label: 'sales.leads.fields.source', width: 120 },
    { key: 'city', label: 'sales.leads.fields.city', width: 130 },
    { key: 'ownerId', label: 'records.fields.ownerId', width: 140 },
    { key: 'createdAt', label: 'records.fields.createdAt', width: 180, sort: 'createdAt' },
    { key: 'updatedAt', label: 'records.fields.updatedAt', width: 180, sort: 'updatedAt' },
  ],
  defaultColumns: ['name', 'company', 'email', 'status', 'rating', 'ownerId', 'createdAt'],
  primaryColumn: 'name',
  defaultSort: { field: 'createdAt', dir: 'desc' },
  filters: [
    { kind: 'enum', field: 'status', label: 'sales.leads.fields.status', options: LEAD_STATUS_OPTIONS },
    { kind: 'enum', field: 'rating', label: 'sales.leads.fields.rating', options: LEAD_RATING_OPTIONS },
    { kind: 'enum', field: 'source', label: 'sales.leads.fields.source', options: LEAD_SOURCE_OPTIONS },
    { kind: 'contains', field: 'company', label: 'sales.leads.fields.company' },
  ],
});
