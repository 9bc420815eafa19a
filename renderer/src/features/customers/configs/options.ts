import { ACCOUNT_TYPES } from '../../../../../shared/schemas/records/accounts';
import { ACTIVITY_STATUSES, ACTIVITY_TYPES, PRIORITIES } from '../../../../../shared/schemas/records/activities';
import type { EnumOption } from '../../records/types';

export const ACCOUNT_TYPE_OPTIONS: readonly EnumOption[] = ACCOUNT_TYPES.map((value) => ({ value, label: `customers.accountTypes.${value}` as const }));
export const ACTIVITY_TYPE_OPTIONS: readonly EnumOption[] = ACTIVITY_TYPES.map((value) => ({ value, label: `customers.activityTypes.${value}` as const }));
export const ACTIVITY_STATUS_OPTIONS: readonly EnumOption[] = ACTIVITY_STATUSES.map((value) => ({ value, label: `customers.activityStatuses.${value}` as const }));
export const PRIORITY_OPTIONS: readonly EnumOption[] = PRIORITIES.map((value) => ({ value, label: `customers.priorities.${value}` as const }));
