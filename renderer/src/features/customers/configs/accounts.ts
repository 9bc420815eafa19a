import type { Account } from '../../../../../shared/schemas/records/accounts';
import { registerRecordType } from '../../records/registry';
import type { FieldSpec } from '../../records/types';
import { ACCOUNT_TYPE_OPTIONS } from './options';

const fields: readonly FieldSpec[] = [
  { key: 'name', label: 'customers.accounts.fields.name', kind: 'text', required: true, inCreate: true, maxLength: 200 },
  { key: 'type', label: 'customers.accounts.fields.type', kind: 'enum', options: ACCOUNT_TYPE_OPTIONS, inCreate: true },
  { key: 'industry', label: 'customers.accounts.fields.industry', kind: 'text', inCreate: true, maxLength: 80 },
  { key: 'website', label: 'customers.accounts.fields.website', kind: 'url', inCreate: true, maxLength: 300 },
  { key: 'phone', label: 'customers.accounts.fields.phone', kind: 'phone', inCreate: true, maxLength: 40 },
  { key: 'email', label: 'customers.accounts.fields.email', kind: 'email', inCreate: true, maxLength: 254 },
  { key: 'address', label: 'customers.accounts.fields.address', kind: 'text', wide: true, maxLength: 500 },
  { key: 'city', label: 'customers.accounts.fields.city', kind: 'text', inCreate: true, maxLength: 100 },
  { key: 'country', label: 'customers.accounts.fields.country', kind: 'text', inCreate: true, maxLength: 100 },
  { key: 'annualRevenue', label: 'customers.accounts.fields.annualRevenue', kind: 'money' },
  { key: 'employees', label: 'customers.accounts.fields.employees', kind: 'int' },
  { key: 'parentId', label: 'customers.accounts.fields.parentId', kind: 'reference', refType: 'accounts', inCreate: true },
  { key: 'description', label: 'customers.accounts.fields.description', kind: 'textarea', wide: true, maxLength: 10_000 },
];

export const accountsConfig = registerRecordType<Account>({
  type: 'accounts',
  path: '/accounts',
  labels: {
    plural: 'customers.accounts.plural',
    singular: 'customers.accounts.singular',
    create: 'customers.accounts.create',
    created: 'customers.accounts.created',
    empty: 'customers.accounts.empty',
    bulkDeleteNote: 'customers.accounts.bulkDeleteNote',
  },
  title: (account) => account.name,
  fields,
  columns: [
    { key: 'name', label: 'customers.accounts.fields.name', width: 240, sort: 'name' },
    { key: 'type', label: 'customers.accounts.fields.type', width: 140, sort: 'type' },
    { key: 'industry', label: 'customers.accounts.fields.industry', width: 160, sort: 'industry' },
    { key: 'city', label: 'customers.accounts.fields.city', width: 140, sort: 'city' },
    { key: 'country', label: 'customers.accounts.fields.country', width: 130, sort: 'country' },
    { key: 'phone', label: 'customers.accounts.fields.phone', width: 160 },
    { key: 'email', label: 'customers.accounts.fields.email', width: 220 },
    { key: 'website', label: 'customers.accounts.fields.website', width: 220 },
    { key: 'annualRevenue', label: 'customers.accounts.fields.annualRevenue', width: 160, sort: 'annualRevenue' },
    { key: 'employees', label: 'customers.accounts.fields.employees', width: 120, sort: 'employees' },
    { key: 'parentId', label: 'customers.accounts.fields.parentId', width: 200 },
    { key: 'ownerId', label: 'records.fields.ownerId', width: 160 },
    { key: 'createdAt', label: 'records.fields.createdAt', width: 180, sort: 'createdAt' },
    { key: 'updatedAt', label: 'records.fields.updatedAt', width: 180, sort: 'updatedAt' },
  ],
  defaultColumns: ['name', 'type', 'industry', 'city', 'ownerId', 'updatedAt'],
  primaryColumn: 'name',
  defaultSort: { field: 'name', dir: 'asc' },
  filters: [
    { kind: 'enum', field: 'type', label: 'customers.accounts.fields.type', options: ACCOUNT_TYPE_OPTIONS },
    { kind: 'contains', field: 'industry', label: 'customers.accounts.fields.industry' },
    { kind: 'contains', field: 'city', label: 'customers.accounts.fields.city' },
    { kind: 'reference', field: 'parentId', label: 'customers.accounts.fields.parentId', refType: 'accounts' },
  ],
});
