import type { Contact } from '../../../../../shared/schemas/records/contacts';
import { registerRecordType } from '../../records/registry';
import type { FieldSpec } from '../../records/types';

const fields: readonly FieldSpec[] = [
  { key: 'firstName', label: 'customers.contacts.fields.firstName', kind: 'text', inCreate: true, maxLength: 100 },
  { key: 'lastName', label: 'customers.contacts.fields.lastName', kind: 'text', required: true, inCreate: true, maxLength: 100 },
  { key: 'title', label: 'customers.contacts.fields.title', kind: 'text', inCreate: true, maxLength: 120 },
  { key: 'accountId', label: 'customers.contacts.fields.accountId', kind: 'reference', refType: 'accounts', inCreate: true },
  { key: 'email', label: 'customers.contacts.fields.email', kind: 'email', inCreate: true, maxLength: 254 },
  { key: 'phone', label: 'customers.contacts.fields.phone', kind: 'phone', inCreate: true, maxLength: 40 },
  { key: 'mobile', label: 'customers.contacts.fields.mobile', kind: 'phone', inCreate: true, maxLength: 40 },
  { key: 'city', label: 'customers.contacts.fields.city', kind: 'text', maxLength: 100 },
  { key: 'address', label: 'customers.contacts.fields.address', kind: 'text', wide: true, maxLength: 500 },
  { key: 'country', label: 'customers.contacts.fields.country', kind: 'text', maxLength: 100 },
  { key: 'notes', label: 'customers.contacts.fields.notes', kind: 'textarea', wide: true, maxLength: 10_000 },
];

const HAN = /^\p{Script=Han}+$/u;

/** A person's name: "Ada Lovelace", but a Chinese name family name first and without a space ("王伟"). */
export const contactName = (contact: Pick<Contact, 'firstName' | 'lastName'>) =>
  contact.firstName && HAN.test(contact.firstName) && HAN.test(contact.lastName)
    ? `${contact.lastName}${contact.firstName}`
    : [contact.firstName, contact.lastName].filter(Boolean).join(' ');

export const contactsConfig = registerRecordType<Contact>({
  type: 'contacts',
  path: '/contacts',
  labels: {
    plural: 'customers.contacts.plural',
    singular: 'customers.contacts.singular',
    create: 'customers.contacts.create',
    created: 'customers.contacts.created',
    empty: 'customers.contacts.empty',
  },
  title: contactName,
  fields,
  columns: [
    // Sorted by last name, like a phone book, whatever the name shows first.
    { key: 'name', label: 'customers.contacts.fields.name', width: 180, sort: 'name' },
    { key: 'title', label: 'customers.contacts.fields.title', width: 130, sort: 'title' },
    { key: 'accountId', label: 'customers.contacts.fields.accountId', width: 160 },
    { key: 'email', label: 'customers.contacts.fields.email', width: 200, sort: 'email' },
    { key: 'phone', label: 'customers.contacts.fields.phone', width: 140 },
    { key: 'mobile', label: 'customers.contacts.fields.mobile', width: 160 },
    { key: 'city', label: 'customers.contacts.fields.city', width: 140, sort: 'city' },
    { key: 'country', label: 'customers.contacts.fields.country', width: 130 },
    { key: 'ownerId', label: 'records.fields.ownerId', width: 110 },
    { key: 'createdAt', label: 'records.fields.createdAt', width: 180, sort: 'createdAt' },
    { key: 'updatedAt', label: 'records.fields.updatedAt', width: 180, sort: 'updatedAt' },
  ],
  defaultColumns: ['name', 'title', 'accountId', 'email', 'phone', 'ownerId'],
  primaryColumn: 'name',
  defaultSort: { field: 'name', dir: 'asc' },
  filters: [
    { kind: 'reference', field: 'accountId', label: 'customers.contacts.fields.accountId', refType: 'accounts' },
    { kind: 'contains', field: 'title', label: 'customers.contacts.fields.title' },
    { kind: 'contains', field: 'city', label: 'customers.contacts.fields.city' },
  ],
});
