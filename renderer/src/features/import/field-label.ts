import { i18n } from '../../i18n';
import { recordTypeConfig } from '../records/registry';
import type { TKey } from '../records/types';

const LINK_FIELDS = new Set(['fullName', 'accountName', 'ownerName', 'parentName', 'externalId', 'managerName']);

/** Users and products are no record type: their fields are named as the Users and Products pages name them. */
const DIRECTORY_LABELS: Record<string, Record<string, TKey>> = {
  users: { displayName: 'users.displayName', username: 'users.username', role: 'users.role' },
  products: { name: 'sales.admin.productName', code: 'sales.admin.code', family: 'sales.admin.family', listPrice: 'sales.admin.listPrice', active: 'sales.admin.active', description: 'sales.opportunities.fields.description' },
};

/** A field of import.types' list, as the record pages name it; the field's API name when no page does. */
export function importFieldLabel(type: string, field: string): string {
  if (LINK_FIELDS.has(field)) return i18n.t(`import.fields.${field}` as 'import.fields.fullName');
  const directoryLabel = DIRECTORY_LABELS[type]?.[field];
  if (directoryLabel) return i18n.t(directoryLabel);
  const spec = recordTypeConfig(type)?.fields.find((candidate) => candidate.key === field);
  return spec ? i18n.t(spec.label) : field;
}

/** A type of import by name: the navigation's word for it (products have no navigation entry). */
export function importTypeLabel(type: string): string {
  return type === 'products' ? i18n.t('import.products') : i18n.t(`nav.${type}` as 'nav.contacts');
}
