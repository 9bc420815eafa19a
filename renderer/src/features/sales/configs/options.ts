import { LEAD_RATINGS, LEAD_STATUSES } from '../../../../../shared/schemas/records/leads';
import { STAGE_KINDS } from '../../../../../shared/schemas/records/opportunities';
import type { EnumOption, TKey } from '../../records/types';

export const LEAD_STATUS_OPTIONS: readonly EnumOption[] = LEAD_STATUSES.map((value) => ({ value, label: `sales.leadStatuses.${value}` as const }));
/** `converted` is set by the convert action only, so the editor does not offer it. */
export const LEAD_STATUS_EDIT_OPTIONS = LEAD_STATUS_OPTIONS.filter((option) => option.value !== 'converted');
export const LEAD_RATING_OPTIONS: readonly EnumOption[] = LEAD_RATINGS.map((value) => ({ value, label: `sales.leadRatings.${value}` as const }));
export const STAGE_KIND_OPTIONS: readonly EnumOption[] = STAGE_KINDS.map((value) => ({ value, label: `sales.stageKinds.${value}` as const }));

const BUILT_IN_SOURCES = ['web', 'referral', 'trade_show', 'phone', 'email', 'other'] as const;
/** The built-in lead sources, translated; an administrator's own sources show their label (see useSourceLabel). */
export const LEAD_SOURCE_OPTIONS: readonly EnumOption[] = BUILT_IN_SOURCES.map((value) => ({
  value,
  label: `sales.leadSources.${value}` as TKey,
}));
