import type { TFunction } from 'i18next';
import type { LicenceStatus } from '../../../../shared/schemas/licence';
import { formatDate } from '../records/format';

/**
 * The licence state in one translated sentence, built from the status's data: the server's own
 * `message` is English (backend messages are), so it is shown only as a detail next to this.
 */
export function licenceSummary(status: LicenceStatus, t: TFunction, language: string): string {
  const date = (value: string | null | undefined) => formatDate(value, language) || t('common.none');
  const { licence, trial } = status;
  switch (status.state) {
    case 'licensed':
      return t('admin.licence.summary.licensed', { licensee: licence?.licensee ?? '', edition: licence?.edition ?? '', seats: status.seats.limit });
    case 'trial':
      return t('admin.licence.summary.trial', { days: Math.max(0, trial?.daysLeft ?? 0), date: date(trial?.endsAt), seats: status.seats.limit });
    case 'trial-ended':
      return t('admin.licence.summary.trial-ended', { date: date(trial?.endsAt) });
    case 'expired':
      return t('admin.licence.summary.expired', { date: date(licence?.expiresAt) });
    case 'not-covered':
      return t('admin.licence.summary.not-covered', {
        version: status.appVersion,
        date: date(status.appReleaseDate),
        maintenance: date(licence?.maintenanceUntil),
      });
    case 'clock-behind':
      return t('admin.licence.summary.clock-behind');
  }
}
