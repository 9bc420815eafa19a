import { readOfficeSettings } from '../../services/settings/office-settings';
import { checkEmail, normalizePhones } from '../../validation/contact-points';
import { searchKey, type RecordDef } from '../definition';
import { registerRecordDef } from '../registry';
import { requireLiveLink } from './checks';
import { accountDef } from './accounts';

export const contactDef = registerRecordDef({
  type: 'contacts',
  table: 'contacts',
  noun: 'contact',
  fields: {
    firstName: { column: 'first_name', kind: 'text', filterable: true },
    lastName: { column: 'last_name', kind: 'text', filterable: true },
    title: { column: 'title', kind: 'text', filterable: true },
    accountId: { column: 'account_id', kind: 'id', filterable: true },
    email: { column: 'email', kind: 'text', filterable: true },
    phone: { column: 'phone', kind: 'text', filterable: true },
    mobile: { column: 'mobile', kind: 'text', filterable: true },
    address: { column: 'address', kind: 'text' },
    city: { column: 'city', kind: 'text', filterable: true },
    country: { column: 'country', kind: 'text', filterable: true },
    notes: { column: 'notes', kind: 'text' },
  },
  sorts: {
    name: ['name_key'],
    lastName: ['name_key'],
    firstName: ["ifnull(first_name, '')"],
    email: ["ifnull(email, '')"],
    title: ["ifnull(title, '')"],
    city: ["ifnull(city, '')"],
  },
  defaultSort: { field: 'name', dir: 'asc' },
  quickSearch: ['name_key', 'email'],
  title: (values) => [values.firstName, values.lastName].filter(Boolean).join(' '),
  // Last name first: the sort order of a phone book, in any script.
  derive: (_call, values) => ({ name_key: searchKey(`${values.lastName} ${values.firstName ?? ''}`) }),
  normalize(call, values, path) {
    normalizePhones(values, ['phone', 'mobile'], readOfficeSettings(call.db).defaultCountry, path);
    if ('email' in values) values.email = checkEmail(values.email, path);
  },
  check(call, values, before, path) {
    if (values.accountId !== before?.accountId) requireLiveLink(call, accountDef, values.accountId, path, 'accountId');
  },
} satisfies RecordDef);
