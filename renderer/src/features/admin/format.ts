import type { TFunction } from 'i18next';

/** 1536 → "1.5 KB", in the UI's language (decimal separators differ). */
export function formatBytes(bytes: number, t: TFunction, language: string): string {
  const units = [
    ['gb', 1024 ** 3],
    ['mb', 1024 ** 2],
    ['kb', 1024],
  ] as const;
  const number = (value: number) => new Intl.NumberFormat(language, { maximumFractionDigits: 1 }).format(value);
  for (const [unit, size] of units) if (bytes >= size) return t(`admin.common.bytes.${unit}`, { value: number(bytes / size) });
  return t('admin.common.bytes.b', { value: number(bytes) });
}

/** 93_784 s → "1 d 2 h": uptime at a glance, not to the second. */
export function formatDuration(seconds: number, t: TFunction): string {
  const days = Math.floor(seconds / 86_400);
  const hours = Math.floor((seconds % 86_400) / 3_600);
  const minutes = Math.floor((seconds % 3_600) / 60);
  if (days > 0) return t('admin.common.duration.days', { days, hours });
  if (hours > 0) return t('admin.common.duration.hours', { hours, minutes });
  return t('admin.common.duration.minutes', { minutes });
}

/** The sum of a row-count map: what "N rows" means in a check result. */
export function totalRows(rowCounts: Record<string, number>): number {
  return Object.values(rowCounts).reduce((sum, count) => sum + count, 0);
}
