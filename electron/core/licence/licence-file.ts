import { createPublicKey, sign, verify, type KeyObject } from 'node:crypto';
import { LicenceTerms, type LicenceProblem } from '../../../shared/schemas/licence';
import { canonicalJson } from './canonical-json';

/**
 * A licence file is readable JSON, so an admin can open it and see what was bought:
 *
 *   { "format": "lantern-licence", "version": 1, "keyId": "...", "terms": {...}, "signature": "..." }
 *
 * The Ed25519 signature covers the format, the key id and the terms in canonical form. On top of
 * that the file must be laid out exactly as the vendor tool writes it (line endings aside), so that
 * changing any byte, even a space, is noticed and reported as an edited file.
 */
export const LICENCE_FORMAT = 'lantern-licence';
export const LICENCE_FORMAT_VERSION = 1;

/** Public keys by key id, as base64 SPKI DER. */
export type PublicKeyRing = Readonly<Record<string, string>>;

export type LicenceReading =
  | { ok: true; terms: LicenceTerms; keyId: string }
  | { ok: false; problem: LicenceProblem };

interface LicenceFileShape {
  format: string;
  version: number;
  keyId: string;
  terms: Record<string, unknown>;
  signature: string;
}

function signedMessage(keyId: string, terms: unknown): Buffer {
  return Buffer.from(`${LICENCE_FORMAT}/${LICENCE_FORMAT_VERSION}\n${keyId}\n${canonicalJson(terms)}`, 'utf8');
}

/** The file text, in the one layout the vendor tool writes: terms in their schema's field order. */
function layout(keyId: string, terms: Record<string, unknown>, signature: string): string {
  const ordered: Record<string, unknown> = {};
  for (const key of Object.keys(LicenceTerms.shape)) if (key in terms) ordered[key] = terms[key];
  for (const key of Object.keys(terms)) if (!(key in ordered)) ordered[key] = terms[key];
  const file = { format: LICENCE_FORMAT, version: LICENCE_FORMAT_VERSION, keyId, terms: ordered, signature };
  return `${JSON.stringify(file, null, 2)}\n`;
}

/** Signs terms with the vendor's private key and returns the licence file's text (vendor tool only). */
export function signLicence(terms: LicenceTerms, keyId: string, privateKey: KeyObject): string {
  const checked = LicenceTerms.parse(terms);
  const signature = sign(null, signedMessage(keyId, checked), privateKey).toString('base64');
  return layout(keyId, checked, signature);
}

const problem = (reason: LicenceProblem['reason'], message: string): LicenceReading => ({ ok: false, problem: { reason, message } });

const EDITED =
  'The licence file does not match its signature: it was changed after it was issued, or it was not issued by Lantern CRM. ' +
  'Install the file exactly as you received it, or ask your vendor for a new copy.';

/**
 * Reads and authenticates a licence file against the given keys. Only the signature and the file
 * itself are checked here; whether the terms allow use today is checks.ts's job.
 */
export function readLicenceFile(text: string, keys: PublicKeyRing): LicenceReading {
  const normalized = text.replace(/^\uFEFF/, '').replace(/\r\n/g, '\n');
  let parsed: unknown;
  try {
    parsed = JSON.parse(normalized);
  } catch {
    return problem('unreadable', 'This is not a Lantern CRM licence file, or it is damaged: it is not valid JSON. Install the file exactly as you received it.');
  }
  if (!isLicenceShape(parsed)) {
    return problem('unreadable', 'This is not a Lantern CRM licence file, or it is damaged: a licence has format, keyId, terms and signature.');
  }
  if (parsed.format !== LICENCE_FORMAT || parsed.version !== LICENCE_FORMAT_VERSION) {
    return problem('unreadable', `This licence file has format ${parsed.format} version ${parsed.version}, which this version of Lantern CRM does not read.`);
  }
  const key = Object.hasOwn(keys, parsed.keyId) ? keys[parsed.keyId] : undefined;
  if (!key) {
    return problem(
      'unknown-key',
      `This licence was signed with a key this version of Lantern CRM does not know (key id "${parsed.keyId}"). ` +
        'It may be a test licence or a forgery; ask your vendor for a licence file.',
    );
  }
  let valid = false;
  try {
    const publicKey = createPublicKey({ key: Buffer.from(key, 'base64'), format: 'der', type: 'spki' });
    valid = verify(null, signedMessage(parsed.keyId, parsed.terms), publicKey, Buffer.from(parsed.signature, 'base64'));
  } catch {
    valid = false;
  }
  // Base64 has several spellings of the same bytes (the unused low bits of the last character):
  // only the canonical one is accepted, so that no character of the file can change unnoticed.
  if (!valid || Buffer.from(parsed.signature, 'base64').toString('base64') !== parsed.signature) return problem('edited', EDITED);
  // Mail and editors may add or drop the final line break; any other difference is an edit.
  if (normalized.replace(/\n*$/, '\n') !== layout(parsed.keyId, parsed.terms, parsed.signature)) return problem('edited', EDITED);
  const terms = LicenceTerms.safeParse(parsed.terms);
  if (!terms.success) {
    return problem('unreadable', 'This licence carries terms this version of Lantern CRM does not understand. Update Lantern CRM or ask your vendor.');
  }
  return { ok: true, terms: terms.data, keyId: parsed.keyId };
}

function isLicenceShape(value: unknown): value is LicenceFileShape {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const v = value as Record<string, unknown>;
  return (
    typeof v.format === 'string' &&
    typeof v.version === 'number' &&
    typeof v.keyId === 'string' &&
    typeof v.signature === 'string' &&
    typeof v.terms === 'object' &&
    v.terms !== null &&
    !Array.isArray(v.terms)
  );
}
