import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useApiQuery } from '../../api/hooks';
import type { FieldSpec } from './types';
import { useUsers } from './users';

export function formatDateTime(iso: string | null | undefined, language: string): string {
  if (!iso) return '';
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeStyle: 'short' }).format(date);
}

export function formatDate(iso: string | null | undefined, language: string): string {
  if (!iso) return '';
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : new Intl.DateTimeFormat(language, { dateStyle: 'medium' }).format(date);
}

/** A calendar date ("2026-12-31") in the UI's language; read as a day, never shifted by the time zone. */
export function formatDay(value: string | null | undefined, language: string): string {
  if (!value) return '';
  const date = new Date(`${value.slice(0, 10)}T00:00:00Z`);
  return Number.isNaN(date.getTime()) ? value : new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeZone: 'UTC' }).format(date);
}

const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['year', 365 * 86_400_000],
  ['month', 30 * 86_400_000],
  ['week', 7 * 86_400_000],
  ['day', 86_400_000],
  ['hour', 3_600_000],
  ['minute', 60_000],
];

/** "3 minutes ago", "in 2 days", "刚刚" — in the UI's language. */
export function formatRelative(iso: string | null | undefined, language: string, now = Date.now()): string {
  if (!iso) return '';
  const diff = new Date(iso).getTime() - now;
  const format = new Intl.RelativeTimeFormat(language, { numeric: 'auto' });
  for (const [unit, ms] of UNITS) if (Math.abs(diff) >= ms) return format.format(Math.round(diff / ms), unit);
  return format.format(0, 'second');
}

/** A value for a `datetime-local` input (local time, minutes), from an ISO instant. */
export function toLocalInput(iso: string | null | undefined): string {
  if (!iso) return '';
  const date = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/** The ISO instant of a `datetime-local` (or `date`) input's value, read in the browser's time zone. */
export function fromLocalInput(value: string): string | null {
  if (!value) return null;
  const date = new Date(value.length === 10 ? `${value}T00:00` : value);
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}

/** Formats values by field kind, in the UI's language, with user names and the office currency. */
export function useFormatters() {
  const { t, i18n } = useTranslation();
  const users = useUsers();
  const settings = useApiQuery('settings.get', {}, { staleTime: 300_000, meta: { silent: true } });
  const language = i18n.language;
  const currency = settings.data?.currency ?? 'USD';

  return useMemo(() => {
    const money = (value: number) =>
      new Intl.NumberFormat(language, { style: 'currency', currency, maximumFractionDigits: 2 }).format(value);
    const number = (value: number) => new Intl.NumberFormat(language).format(value);
    /** Plain text of a value (table cells, CSV, history); a reference shows its id (components resolve titles). */
    const value = (spec: FieldSpec | undefined, raw: unknown): string => {
      if (raw === null || raw === undefined || raw === '') return '';
      if (!spec) return typeof raw === 'string' ? raw : JSON.stringify(raw);
      switch (spec.kind) {
        case 'enum': {
          const option = spec.options?.find((o) => o.value === raw);
          return option ? t(option.label) : String(raw);
        }
        case 'money':
          return typeof raw === 'number' ? money(raw) : String(raw);
        case 'int':
          return typeof raw === 'number' ? number(raw) : String(raw);
        case 'datetime':
          return formatDateTime(String(raw), language);
        case 'date':
          return formatDay(String(raw), language);
        case 'user':
          return users.name(String(raw)) ?? String(raw);
        default:
          return String(raw);
      }
    };
    return {
      language,
      money,
      number,
      value,
      dateTime: (iso: string | null | undefined) => formatDateTime(iso, language),
      date: (iso: string | null | undefined) => formatDate(iso, language),
      day: (value: string | null | undefined) => formatDay(value, language),
      relative: (iso: string | null | undefined) => formatRelative(iso, language),
      userName: (id: string | null | undefined) => users.name(id),
    };
  }, [t, language, currency, users]);
}

export type Formatters = ReturnType<typeof useFormatters>;
