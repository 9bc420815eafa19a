import { CASE_ORIGINS, CASE_PRIORITIES, CASE_STATUSES, CASE_TYPES } from '../../../../../shared/schemas/records/cases';
import type { EnumOption } from '../../records/types';

export const CASE_TYPE_OPTIONS: readonly EnumOption[] = CASE_TYPES.map((value) => ({ value, label: `service.caseTypes.${value}` as const }));
export const CASE_ORIGIN_OPTIONS: readonly EnumOption[] = CASE_ORIGINS.map((value) => ({ value, label: `service.caseOrigins.${value}` as const }));
export const CASE_PRIORITY_OPTIONS: readonly EnumOption[] = CASE_PRIORITIES.map((value) => ({
  value,
  label: `service.casePriorities.${value}` as const,
}));
export const CASE_STATUS_OPTIONS: readonly EnumOption[] = CASE_STATUSES.map((value) => ({ value, label: `service.caseStatuses.${value}` as const }));

export const PRIORITY_COLORS = { low: 'gray', normal: 'blue', high: 'orange', urgent: 'red' } as const;
export const STATUS_COLORS = { new: 'blue', open: 'cyan', pending_customer: 'yellow', resolved: 'teal', closed: 'gray' } as const;
