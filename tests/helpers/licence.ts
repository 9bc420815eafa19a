import { generateKeyPairSync } from 'node:crypto';
import { signLicence } from '../../electron/core/licence/licence-file';
import type { LicenceTerms } from '../../shared/schemas/licence';

/**
 * A tests-only Ed25519 key pair, made fresh in every test process and never written anywhere.
 * Backends under test get its public half through createBackend({ licencePublicKeys }), the one
 * way in that no customer can reach.
 */
const testPair = generateKeyPairSync('ed25519');
export const TEST_KEY_ID = 'tests-only';
export const TEST_PUBLIC_KEYS: Readonly<Record<string, string>> = {
  [TEST_KEY_ID]: testPair.publicKey.export({ format: 'der', type: 'spki' }).toString('base64'),
};

/** Another key pair with the same key id: what a forger who guessed the id would sign with. */
const otherPair = generateKeyPairSync('ed25519');

export const DEFAULT_TEST_TERMS: LicenceTerms = {
  licenceId: 'L-TEST-0001',
  licensee: 'Test Office Ltd',
  edition: 'standard',
  seats: 100,
  features: [],
  issuedAt: '2026-11-01T00:00:00.000Z',
  maintenanceUntil: '2099-12-31',
  expiresAt: null,
  serverFingerprint: null,
};

/** A licence file signed with the tests-only key (or, with `forged`, with a stranger's key under its id). */
export function issueTestLicence(terms: Partial<LicenceTerms> = {}, options: { forged?: boolean; keyId?: string } = {}): string {
  const key = options.forged ? otherPair.privateKey : testPair.privateKey;
  return signLicence({ ...DEFAULT_TEST_TERMS, ...terms }, options.keyId ?? TEST_KEY_ID, key);
}
