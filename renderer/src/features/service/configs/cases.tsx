import type { Case } from '../../../../../shared/schemas/records/cases';
import { registerRecordType } from '../../records/registry';
import type { FieldSpec } from '../../records/types';
import { i18n } from '../../../i18n';
import { SlaBadge } from '../components/SlaBadge';
import { CASE_ORIGIN_OPTIONS, CASE_PRIORITY_OPTIONS, CASE_STATUS_OPTIONS, CASE_TYPE_OPTIONS } from './options';

export const caseFields: readonly FieldSpec[] = [
  { key: 'subject', label: 'service.cases.fields.subject', kind: 'text', required: true, inCreate: true, maxLength: 300, wide: true },
  { key: 'number', label: 'service.cases.fields.number', kind: 'text', readOnly: true },
  { key: 'status', label: 'service.cases.fields.status', kind: 'enum', options: CASE_STATUS_OPTIONS, required: true },
  { key: 'type', label: 'service.cases.fields.type', kind: 'enum', options: CASE_TYPE_OPTIONS, required: true, inCreate: true },
  { key: 'priority', label: 'service.cases.fields.priority', kind: 'enum', options: CASE_PRIORITY_OPTIONS, required: true, inCreate: true },
  { key: 'origin', label: 'service.cases.fields.origin', kind: 'enum', options: CASE_ORIGIN_OPTIONS, required: true, inCreate: true },
  { key: 'accountId', label: 'service.cases.fields.accountId', kind: 'reference', refType: 'accounts', inCreate: true },
  { key: 'contactId', label: 'service.cases.fields.contactId', kind: 'reference', refType: 'contacts', inCreate: true },
  { key: 'customerEmail', label: 'service.cases.fields.customerEmail', kind: 'email', maxLength: 254 },
  { key: 'assigneeId', label: 'service.cases.fields.assigneeId', kind: 'user', readOnly: true },
  { key: 'firstResponseDueAt', label: 'service.cases.fields.firstResponseDueAt', kind: 'datetime', readOnly: true },
  { key: 'resolutionDueAt', label: 'service.cases.fields.resolutionDueAt', kind: 'datetime', readOnly: true },
  { key: 'satisfaction', label: 'service.cases.fields.satisfaction', kind: 'int', readOnly: true },
  { key: 'firstResponseAt', label: 'service.cases.fields.firstResponseAt', kind: 'datetime', readOnly: true },
  { key: 'resolvedAt', label: 'service.cases.fields.resolvedAt', kind: 'datetime', readOnly: true },
  { key: 'closedAt', label: 'service.cases.fields.closedAt', kind: 'datetime', readOnly: true },
  { key: 'reopenCount', label: 'service.cases.fields.reopenCount', kind: 'int', readOnly: true },
  { key: 'duplicateOfId', label: 'service.cases.fields.duplicateOfId', kind: 'reference', refType: 'cases', readOnly: true },
  { key: 'description', label: 'service.cases.fields.description', kind: 'textarea', wide: true, inCreate: true, maxLength: 50_000 },
  { key: 'resolution', label: 'service.cases.fields.resolution', kind: 'textarea', wide: true, maxLength: 10_000 },
];

export const casesConfig = registerRecordType<Case>({
  type: 'cases',
  path: '/cases',
  labels: {
    plural: 'service.cases.plural',
    singular: 'service.cases.singular',
    create: 'service.cases.create',
    created: 'service.cases.created',
    empty: 'service.cases.empty',
  },
  title: (record) => record.subject,
  fields: caseFields,
  columns: [
    { key: 'number', label: 'service.cases.fields.number', width: 130, sort: 'number', field: 'number' },
    { key: 'subject', label: 'service.cases.fields.subject', width: 260, sort: 'subject', field: 'subject' },
    { key: 'status', label: 'service.cases.fields.status', width: 130, sort: 'status', field: 'status' },
    { key: 'priority', label: 'service.cases.fields.priority', width: 110, sort: 'priority', field: 'priority' },
    {
      key: 'sla',
      label: 'service.cases.fields.sla',
      width: 280,
      sort: 'dueAt',
      render: (record) => <SlaBadge record={record} withDue />,
      text: (record) => i18n.t(`service.slaStates.${record.slaState}`),
    },
    { key: 'type', label: 'service.cases.fields.type', width: 120, field: 'type' },
    { key: 'origin', label: 'service.cases.fields.origin', width: 110, field: 'origin' },
    { key: 'accountId', label: 'service.cases.fields.accountId', width: 180, field: 'accountId' },
    { key: 'contactId', label: 'service.cases.fields.contactId', width: 180, field: 'contactId' },
    { key: 'assigneeId', label: 'service.cases.fields.assigneeId', width: 150, field: 'assigneeId' },
    { key: 'satisfaction', label: 'service.cases.fields.satisfaction', width: 110, field: 'satisfaction' },
    { key: 'ownerId', label: 'records.fields.ownerId', width: 140, field: 'ownerId' },
    { key: 'createdAt', label: 'records.fields.createdAt', width: 180, sort: 'createdAt', field: 'createdAt' },
  ],
  defaultColumns: ['number', 'subject', 'status', 'priority', 'sla', 'contactId', 'assigneeId', 'createdAt'],
  primaryColumn: 'subject',
  defaultSort: { field: 'createdAt', dir: 'desc' },
  filters: [
    { kind: 'enum', field: 'status', label: 'service.cases.fields.status', options: CASE_STATUS_OPTIONS },
    { kind: 'enum', field: 'priority', label: 'service.cases.fields.priority', options: CASE_PRIORITY_OPTIONS },
    { kind: 'enum', field: 'type', label: 'service.cases.fields.type', options: CASE_TYPE_OPTIONS },
    { kind: 'reference', field: 'accountId', label: 'service.cases.fields.accountId', refType: 'accounts' },
    { kind: 'contains', field: 'subject', label: 'service.cases.fields.subject' },
  ],
});
