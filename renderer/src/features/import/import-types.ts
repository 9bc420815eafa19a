import type { MethodOutput } from '../../../../shared/methods';
import type { Role } from '../../../../shared/roles';
import type { ImportType as ContractImportType } from '../../../../shared/schemas/import';
import { useApiQuery } from '../../api/hooks';

/** One type the signed-in user may import, with its fields, match keys and match modes (import.types). */
export type ImportTypeInfo = MethodOutput<'import.types'>['types'][number];
export type ImportType = ContractImportType;

/**
 * The types the signed-in user may import, as the backend's import definitions and role rules say
 * (import.types): the wizard keeps no list of its own. Signing out clears it with every query.
 */
export function useImportTypes() {
  return useApiQuery('import.types', {}, { staleTime: 5 * 60_000 });
}

/** The entry of `type` in the backend's list, when the user may import it. */
export function importTypeInfo(types: readonly ImportTypeInfo[] | undefined, type: string | null | undefined): ImportTypeInfo | undefined {
  return types?.find((info) => info.type === type);
}

/** The roles import.start allows at all (shared/methods/import.ts): who sees the wizard's page. */
export const IMPORT_ROLES = ['admin', 'manager', 'sales', 'support'] as const satisfies readonly Role[];

/** Where a list page's Import button goes. */
export const importPath = (type: string) => `/import?type=${encodeURIComponent(type)}`;
