import { fold } from '../search/text';

/**
 * Legal forms that say nothing about which company it is: "Acme Inc." and "ACME, Ltd" are the same
 * account. Latin forms are whole words at the end; Chinese forms are suffixes of the name.
 */
const LATIN_LEGAL_FORMS = new Set([
  'inc', 'incorporated', 'ltd', 'limited', 'llc', 'llp', 'lp', 'plc', 'corp', 'corporation', 'co', 'company', 'gmbh', 'ag', 'kg',
  'sa', 'sas', 'sarl', 'srl', 'spa', 'bv', 'nv', 'oy', 'ab', 'as', 'aps', 'pty', 'pte', 'kk', 'sl', 'kft', 'sro', 'zoo', 'the',
]);
const CJK_LEGAL_FORMS = ['股份有限公司', '有限责任公司', '有限公司', '集团公司', '集团', '公司', '株式会社', '有限會社', '有限公司'];

/** "The Acme Holdings, Inc." -> "acme holdings"; "北京星光科技有限公司" -> "北京星光科技". Null when nothing is left. */
export function companyKey(name: unknown): string | null {
  if (typeof name !== 'string') return null;
  let text = fold(name).replace(/&/g, ' and ');
  for (const form of CJK_LEGAL_FORMS) {
    if (text.endsWith(form) && text.length > form.length) {
      text = text.slice(0, -form.length);
      break;
    }
  }
  const words = text.match(/[\p{L}\p{N}]+/gu) ?? [];
  while (words.length > 1 && LATIN_LEGAL_FORMS.has(words[words.length - 1]!)) words.pop();
  if (words.length > 1 && words[0] === 'the') words.shift();
  const key = words.join(' ');
  return key === '' ? null : key;
}

/** "https://www.Acme.com/about" -> "acme.com". Null for anything that is not a web address. */
export function websiteDomain(website: unknown): string | null {
  if (typeof website !== 'string' || website.trim() === '') return null;
  const text = /^[a-z][a-z0-9+.-]*:/i.test(website) ? website : `https://${website}`;
  try {
    const host = new URL(text).hostname.toLowerCase().replace(/^www\d*\./, '');
    return host.includes('.') ? host : null;
  } catch {
    return null;
  }
}

/** The part of an email address before the @, lower-cased. */
export function emailKey(email: unknown): string | null {
  return typeof email === 'string' && email.includes('@') ? email.trim().toLowerCase() : null;
}

/**
 * Jaro-Winkler similarity (0..1) of two folded names: forgiving of typos and transpositions, and
 * rewarding a shared start, which is how duplicate names usually differ.
 */
export function nameSimilarity(a: string, b: string): number {
  if (a === b) return a === '' ? 0 : 1;
  const la = a.length;
  const lb = b.length;
  if (la === 0 || lb === 0) return 0;
  const window = Math.max(0, Math.floor(Math.max(la, lb) / 2) - 1);
  const matchedA = new Uint8Array(la);
  const matchedB = new Uint8Array(lb);
  let matches = 0;
  for (let i = 0; i < la; i++) {
    const from = Math.max(0, i - window);
    const to = Math.min(lb - 1, i + window);
    for (let j = from; j <= to; j++) {
      if (matchedB[j] || a[i] !== b[j]) continue;
      matchedA[i] = 1;
      matchedB[j] = 1;
      matches++;
      break;
    }
  }
  if (matches === 0) return 0;
  let transpositions = 0;
  let k = 0;
  for (let i = 0; i < la; i++) {
    if (!matchedA[i]) continue;
    while (!matchedB[k]) k++;
    if (a[i] !== b[k]) transpositions++;
    k++;
  }
  const jaro = (matches / la + matches / lb + (matches - transpositions / 2) / matches) / 3;
  let prefix = 0;
  while (prefix < Math.min(4, la, lb) && a[prefix] === b[prefix]) prefix++;
  return jaro + prefix * 0.1 * (1 - jaro);
}
