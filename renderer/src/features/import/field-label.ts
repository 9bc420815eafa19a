import { importFieldLabel as sharedImportFieldLabel, type ImportLocale } from '../../../../shared/import-labels';
import { i18n } from '../../i18n';
import { isLanguage } from '../../i18n/languages';

/** The language the wizard runs in: its field labels, and the one import.start writes rejected rows' reasons in. */
export function importLocale(): ImportLocale {
  return isLanguage(i18n.language) ? i18n.language : 'en';
}

/**
 * A field of import.types' list by its label in the wizard's language: the shared list the server
 * also names fields by in the reasons of rejected rows (shared/import-labels.ts).
 */
export function importFieldLabel(type: string, field: string): string {
  return sharedImportFieldLabel(type, field, importLocale());
}

/** A type of import by name: the navigation's word for it (products have no navigation entry). */
export function importTypeLabel(type: string): string {
  return type === 'products' ? i18n.t('import.products') : i18n.t(`nav.${type}` as 'nav.contacts');
}
