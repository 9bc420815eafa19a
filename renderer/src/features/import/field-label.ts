import { i18n } from '../../i18n';
import { recordTypeConfig } from '../records/registry';

const LINK_FIELDS = new Set(['fullName', 'accountName', 'ownerName', 'parentName', 'externalId']);

/** A field of import.preview's list, as the record pages name it; the field's API name when no page does. */
export function importFieldLabel(type: string, field: string): string {
  if (LINK_FIELDS.has(field)) return i18n.t(`import.fields.${field}` as 'import.fields.fullName');
  const spec = recordTypeConfig(type)?.fields.find((candidate) => candidate.key === field);
  return spec ? i18n.t(spec.label) : field;
}

/** A type of import by name: the navigation's word for it (products have no navigation entry). */
export function importTypeLabel(type: string): string {
  return type === 'products' ? i18n.t('import.products') : i18n.t(`nav.${type}` as 'nav.contacts');
}
