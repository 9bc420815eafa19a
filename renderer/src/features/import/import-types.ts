import type { Role } from '../../../../shared/roles';
import type { ImportType as ContractImportType } from '../../../../shared/schemas/import';

/**
 * What the backend imports (electron/core/import/definitions.ts and directory.ts), in menu order,
 * with the roles whose create method each goes through (users.create: admins; products.create:
 * the catalogue editors). The contract has no method listing them, so the wizard keeps the list.
 */
const ALL_IMPORTERS = ['admin', 'manager', 'sales', 'support'] as const satisfies readonly Role[];
const IMPORTABLE = {
  accounts: ALL_IMPORTERS,
  contacts: ALL_IMPORTERS,
  leads: ALL_IMPORTERS,
  opportunities: ALL_IMPORTERS,
  activities: ALL_IMPORTERS,
  products: ['admin', 'manager'],
  users: ['admin'],
} as const satisfies Partial<Record<ContractImportType, readonly Role[]>>;

export type ImportType = keyof typeof IMPORTABLE;
export const IMPORT_TYPES = Object.keys(IMPORTABLE) as ImportType[];

export function isImportType(type: string | null | undefined): type is ImportType {
  return Object.hasOwn(IMPORTABLE, type ?? '');
}

/** Whether someone with `role` may import `type` (the server checks again). */
export function canImport(role: Role, type: string | null | undefined): boolean {
  return isImportType(type) && (IMPORTABLE[type] as readonly Role[]).includes(role);
}

/** The roles import.start allows at all (shared/methods/import.ts). */
export const IMPORT_ROLES = ALL_IMPORTERS;

/** Where a list page's Import button goes. */
export const importPath = (type: string) => `/import?type=${encodeURIComponent(type)}`;
