import { AppError } from '../../../../shared/errors';
import { readOfficeSettings } from '../../services/settings/office-settings';
import { requireLeadSource } from '../../services/sales/lead-sources';
import { checkEmail, normalizePhones, normalizeWebsite } from '../../validation/contact-points';
import { searchKey, type RecordDef } from '../definition';
import { registerRecordDef } from '../registry';

/**
 * Leads: people who showed interest, before they are customers. Conversion (services/sales/
 * conversion.ts) turns one into an account, a contact and maybe a deal; from then on the lead is
 * a read-only record of where they came from.
 */
export const leadDef = registerRecordDef({
  type: 'leads',
  table: 'leads',
  noun: 'lead',
  fields: {
    firstName: { column: 'first_name', kind: 'text', filterable: true },
    lastName: { column: 'last_name', kind: 'text', filterable: true },
    company: { column: 'company', kind: 'text', filterable: true },
    title: { column: 'title', kind: 'text', filterable: true },
    email: { column: 'email', kind: 'text', filterable: true },
    phone: { column: 'phone', kind: 'text', filterable: true },
    mobile: { column: 'mobile', kind: 'text', filterable: true },
    website: { column: 'website', kind: 'text', filterable: true },
    city: { column: 'city', kind: 'text', filterable: true },
    country: { column: 'country', kind: 'text', filterable: true },
    source: { column: 'source', kind: 'enum', filterable: true },
    status: { column: 'status', kind: 'enum', filterable: true },
    rating: { column: 'rating', kind: 'enum', filterable: true },
    notes: { column: 'notes', kind: 'text' },
    convertedAccountId: { column: 'converted_account_id', kind: 'id', filterable: true, readOnly: true },
    convertedContactId: { column: 'converted_contact_id', kind: 'id', filterable: true, readOnly: true },
    convertedOpportunityId: { column: 'converted_opportunity_id', kind: 'id', filterable: true, readOnly: true },
    convertedAt: { column: 'converted_at', kind: 'timestamp', filterable: true, readOnly: true },
  },
  sorts: {
    name: ['name_key'],
    lastName: ['name_key'],
    company: ['company_key'],
  },
  defaultSort: { field: 'createdAt', dir: 'desc' },
  quickSearch: ['name_key', 'company_key', 'email'],
  title: (values) => {
    const name = [values.firstName, values.lastName].filter(Boolean).join(' ');
    return values.company ? `${name} (${values.company})` : name;
  },
  defaults: () => ({ status: 'new' }),
  derive: (_call, values) => ({
    name_key: searchKey(`${values.lastName} ${values.firstName ?? ''}`),
    company_key: values.company ? searchKey(String(values.company)) : '',
  }),
  normalize(call, values, path) {
    normalizePhones(values, ['phone', 'mobile'], readOfficeSettings(call.db).defaultCountry, path);
    if ('email' in values) values.email = checkEmail(values.email, path);
    if ('website' in values) values.website = normalizeWebsite(values.website, path);
  },
  check(call, values, before, path) {
    const at = (field: string) => (path ? `${path}.${field}` : field);
    if (before?.status === 'converted') {
      throw new AppError(
        'CONFLICT',
        'This lead was converted and is read-only. Change the account, contact or opportunity it became instead.',
        { convertedAccountId: before.convertedAccountId, convertedContactId: before.convertedContactId, convertedOpportunityId: before.convertedOpportunityId },
      );
    }
    if (values.status === 'converted') {
      throw new AppError('VALIDATION', `${at('status')}: a lead becomes converted only by converting it (leads.convert).`, [
        { path: at('status'), message: 'Use leads.convert' },
      ]);
    }
    if (values.source !== before?.source) requireLeadSource(call.db, values.source, at('source'));
  },
} satisfies RecordDef);
