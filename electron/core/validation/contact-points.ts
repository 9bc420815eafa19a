import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js';
import { z } from 'zod';
import { AppError } from '../../../shared/errors';

const at = (path: string, field: string) => (path ? `${path}.${field}` : field);

function invalid(path: string, message: string): AppError {
  return new AppError('VALIDATION', `${path}: ${message}`, [{ path, message }]);
}

/**
 * Phone numbers are stored in E.164 (+12125550123) so they compare, dial and deduplicate the same
 * way however they were typed; numbers without a country code take the office's default country.
 */
export function normalizePhone(value: unknown, defaultCountry: string, path: string, field: string): string | null {
  if (value === null || value === undefined) return null;
  const e164 = e164Of(String(value), defaultCountry);
  if (e164 === null) throw invalid(at(path, field), 'Not a phone number (add the country code, e.g. +44)');
  return e164;
}

/**
 * Numbers recently normalised, typed as they were (an import's switchboard number on every row of
 * a company, the same file imported again): parsing costs about 20 us. Bounded: cleared when full.
 */
const recentNumbers = new Map<string, string | null>();
const RECENT_NUMBERS_MAX = 10_000;

function e164Of(text: string, defaultCountry: string): string | null {
  const key = `${defaultCountry}\u0000${text}`;
  let e164 = recentNumbers.get(key);
  if (e164 === undefined) {
    const parsed = parsePhoneNumberFromString(text, defaultCountry as CountryCode);
    e164 = parsed?.isPossible() ? parsed.number : null;
    if (recentNumbers.size >= RECENT_NUMBERS_MAX) recentNumbers.clear();
    recentNumbers.set(key, e164);
  }
  return e164;
}

const EmailSchema = z.email();

export function checkEmail(value: unknown, path: string, field = 'email'): string | null {
  if (value === null || value === undefined) return null;
  if (!EmailSchema.safeParse(value).success) throw invalid(at(path, field), 'Not an email address');
  return String(value);
}

/** Websites: "example.com" becomes "https://example.com"; only http(s) links are kept. */
export function normalizeWebsite(value: unknown, path: string, field = 'website'): string | null {
  if (value === null || value === undefined) return null;
  const text = String(value);
  const withScheme = /^[a-z][a-z0-9+.-]*:/i.test(text) ? text : `https://${text}`;
  let url: URL;
  try {
    url = new URL(withScheme);
  } catch {
    throw invalid(at(path, field), 'Not a web address');
  }
  if ((url.protocol !== 'http:' && url.protocol !== 'https:') || !url.hostname.includes('.')) {
    throw invalid(at(path, field), 'Not a web address');
  }
  return url.href.replace(/\/$/, '');
}

/** Applies the phone normaliser to each named field present in `values`, in place. */
export function normalizePhones(values: Record<string, unknown>, fields: string[], country: string, path: string): void {
  for (const field of fields) if (field in values) values[field] = normalizePhone(values[field], country, path, field);
}
