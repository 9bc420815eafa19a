import { getCountries, getCountryCallingCode } from 'libphonenumber-js';

/**
 * Text processing shared by the search index (SQL functions the triggers call) and the query
 * side, so both cut text the same way. SQLite's unicode61 tokenizer does not split CJK text and
 * the trigram tokenizer needs three characters, so CJK runs are indexed as single characters and
 * pairs ("王伟" -> 王 伟 王伟): a two-character Chinese name is one exact token.
 */

const CJK_CHAR = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;
const CJK_RUNS = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]+/gu;
const MARKS = /\p{M}/gu;
/** "smith42" -> "smith 42": an email like jsmith42@ gives the tokens a person would type. */
const LETTER_DIGIT = /(\p{L})(?=\p{N})|(\p{N})(?=\p{L})/gu;
const WORD_CHARS = /[\p{L}\p{N}]+/gu;

/** Lower-case without accents: "José Müller" -> "jose muller". Same rule as the record service's searchKey. */
export function fold(text: string): string {
  return text.normalize('NFKD').replace(MARKS, '').toLowerCase();
}

export function hasCjk(text: string): boolean {
  return CJK_CHAR.test(text);
}

/** Single characters, then adjacent pairs, of each CJK run. */
export function cjkGrams(text: string): string[] {
  const out: string[] = [];
  for (const run of text.match(CJK_RUNS) ?? []) {
    const chars = [...run];
    out.push(...chars);
    for (let i = 0; i + 1 < chars.length; i++) out.push(chars[i]! + chars[i + 1]!);
  }
  return out;
}

/** Digits of the number without its country code: "+12125550109" -> "2125550109". */
export function nationalDigits(e164: string): string | null {
  const digits = e164.replace(/\D/g, '');
  if (!e164.startsWith('+') || digits.length < 5) return null;
  // Country calling codes are prefix-free: at most one of the first 1, 2 or 3 digits is a code.
  for (let length = 1; length <= 3; length++) {
    if (callingCodes().has(digits.slice(0, length))) return digits.slice(length);
  }
  return null;
}

let codes: Set<string> | null = null;
function callingCodes(): Set<string> {
  codes ??= new Set(getCountries().map((country) => getCountryCallingCode(country)));
  return codes;
}

export type SearchTextKind = 'text' | 'phone';

/**
 * The text of the words index: the values as typed (the tokenizer folds case and accents), with
 * letters and digits split apart, phones also without their country code, and CJK single
 * characters and pairs of the values joined without spaces (a Chinese name is last name then
 * first name, written together).
 */
export function wordsText(values: readonly unknown[], kinds: readonly SearchTextKind[]): string {
  const parts: string[] = [];
  let cjkJoined = '';
  values.forEach((value, i) => {
    if (value === null || value === undefined || value === '') return;
    const text = String(value);
    if (kinds[i] === 'phone') {
      // The number as stored, without its country code, and its last 4 and 7 digits: the ways
      // people type a number they half remember ("0109", "555 0109") are exact tokens.
      const digits = text.replace(/\D/g, '');
      parts.push(digits);
      const national = nationalDigits(text);
      if (national) parts.push(national);
      if (digits.length > 7) parts.push(digits.slice(-7));
      if (digits.length > 4) parts.push(digits.slice(-4));
      return;
    }
    parts.push(text.replace(LETTER_DIGIT, '$1$2 '));
    cjkJoined += text;
  });
  const joined = parts.join(' ');
  if (!hasCjk(cjkJoined)) return joined;
  return `${joined.replace(CJK_RUNS, ' ')} ${cjkGrams(cjkJoined).join(' ')}`;
}

/**
 * The text of the substring (trigram) index: names as typed and phones as digits, separated by
 * a character no query contains, so "555 0109" typed as 5550109 and "ohns" in Johnson are found.
 */
export function gramsText(values: readonly unknown[], kinds: readonly SearchTextKind[]): string {
  const parts: string[] = [];
  values.forEach((value, i) => {
    if (value === null || value === undefined || value === '') return;
    parts.push(kinds[i] === 'phone' ? String(value).replace(/\D/g, '') : String(value));
  });
  return parts.join(' \u0001 ');
}

/** The words of a query, as the words index holds them: folded, letters and digits apart. */
export function queryWords(folded: string): string[] {
  return (folded.replace(CJK_RUNS, ' ').replace(LETTER_DIGIT, '$1$2 ').match(WORD_CHARS) ?? []).filter(Boolean);
}

export function queryCjkRuns(folded: string): string[] {
  return folded.match(CJK_RUNS) ?? [];
}

/** A query that looks like (part of) a phone number: digits and the usual separators only. */
export function phoneDigits(query: string): string | null {
  if (!/^[\d\s()+\-./]+$/.test(query)) return null;
  const digits = query.replace(/\D/g, '');
  return digits.length >= 3 ? digits : null;
}
