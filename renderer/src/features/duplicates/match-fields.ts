import type { DuplicateType } from '../../../../shared/schemas/duplicates';
import type { z } from 'zod';

export type DuplicateTypeName = z.infer<typeof DuplicateType>;

/**
 * The fields the backend's duplicate rules read, per type (electron/core/duplicates/types.ts):
 * the check only runs again when one of these changes, not on every keystroke in a note.
 */
const MATCH_FIELDS: Record<DuplicateTypeName, readonly string[]> = {
  contacts: ['firstName', 'lastName', 'accountId', 'email', 'phone', 'mobile'],
  accounts: ['name', 'website', 'phone'],
  leads: ['email', 'phone', 'mobile'],
};

export function isDuplicateType(type: string): type is DuplicateTypeName {
  return type in MATCH_FIELDS;
}

/** The matching fields that have a value, or null when there is nothing to check yet. */
export function matchValues(type: DuplicateTypeName, values: Record<string, unknown>): Record<string, string> | null {
  const picked: Record<string, string> = {};
  for (const field of MATCH_FIELDS[type]) {
    const value = values[field];
    if (typeof value === 'string' && value.trim() !== '') picked[field] = value.trim();
  }
  // A first or last name alone, or an account alone, cannot match anything.
  const meaningful = Object.keys(picked).some((field) => field !== 'accountId' && field !== 'firstName');
  return meaningful ? picked : null;
}
