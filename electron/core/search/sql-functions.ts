import type { Db } from '../db/open';
import { companyKey, websiteDomain } from '../duplicates/keys';
import { gramsText, wordsText, type SearchTextKind } from './text';

const KIND_CODES: Record<string, SearchTextKind> = { t: 'text', p: 'phone' };

function kindsOf(code: unknown): SearchTextKind[] {
  return [...String(code)].map((c) => KIND_CODES[c] ?? 'text');
}

/**
 * The SQL functions the search and duplicate-key triggers call. Every connection that writes
 * records needs them (openDatabase registers them), so they are deterministic and pure.
 * `search_words('tp', NEW.name, NEW.phone)`: the first argument gives each value's kind.
 */
export function registerSearchFunctions(db: Db): void {
  db.function('search_words', { deterministic: true, varargs: true }, (kinds: unknown, ...values: unknown[]) =>
    wordsText(values, kindsOf(kinds)),
  );
  db.function('search_grams', { deterministic: true, varargs: true }, (kinds: unknown, ...values: unknown[]) =>
    gramsText(values, kindsOf(kinds)),
  );
  db.function('dedup_company_key', { deterministic: true }, (name: unknown) => companyKey(name));
  db.function('dedup_website_domain', { deterministic: true }, (website: unknown) => websiteDomain(website));
}
