import { generateKeyPairSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { canonicalJson } from '../../electron/core/licence/canonical-json';
import { readLicenceFile } from '../../electron/core/licence/licence-file';
import { VENDOR_PUBLIC_KEYS } from '../../electron/core/licence/vendor-keys';
import { DEFAULT_TEST_TERMS, issueTestLicence, TEST_KEY_ID, TEST_PUBLIC_KEYS } from '../helpers/licence';

describe('licence files', () => {
  it('reads back exactly the terms that were signed, with the key that signed them', () => {
    const reading = readLicenceFile(issueTestLicence({ seats: 7, licensee: '上海灯塔贸易有限公司' }), TEST_PUBLIC_KEYS);
    expect(reading).toEqual({ ok: true, keyId: TEST_KEY_ID, terms: { ...DEFAULT_TEST_TERMS, seats: 7, licensee: '上海灯塔贸易有限公司' } });
  });

  it('refuses the file with any single byte changed, wherever it is', () => {
    const original = Buffer.from(issueTestLicence(), 'utf8');
    const accepted: number[] = [];
    for (let i = 0; i < original.length; i++) {
      for (const flip of [0x01, 0x20]) {
        const edited = Buffer.from(original);
        edited[i] = edited[i]! ^ flip;
        if (readLicenceFile(edited.toString('utf8'), TEST_PUBLIC_KEYS).ok) accepted.push(i);
      }
    }
    expect(accepted).toEqual([]);
  });

  it('says the file was edited when a term is changed, and keeps line-ending changes harmless', () => {
    const text = issueTestLicence({ seats: 2 });
    const more = readLicenceFile(text.replace('"seats": 2', '"seats": 20'), TEST_PUBLIC_KEYS);
    expect(more).toMatchObject({ ok: false, problem: { reason: 'edited' } });
    expect(more.ok ? '' : more.problem.message).toMatch(/changed after it was issued/);
    expect(readLicenceFile(text.replace(/\n/g, '\r\n'), TEST_PUBLIC_KEYS).ok).toBe(true);
    expect(readLicenceFile(`\uFEFF${text.trimEnd()}`, TEST_PUBLIC_KEYS).ok).toBe(true);
  });

  it('refuses a licence signed by another key, whether or not it borrows a known key id', () => {
    const forged = readLicenceFile(issueTestLicence({}, { forged: true }), TEST_PUBLIC_KEYS);
    expect(forged).toMatchObject({ ok: false, problem: { reason: 'edited' } });
    const stranger = readLicenceFile(issueTestLicence({}, { keyId: 'someone-else' }), TEST_PUBLIC_KEYS);
    expect(stranger).toMatchObject({ ok: false, problem: { reason: 'unknown-key' } });
    expect(stranger.ok ? '' : stranger.problem.message).toMatch(/key id "someone-else"/);
  });

  it('never accepts a tests-only licence in the shipped app', () => {
    expect(Object.keys(VENDOR_PUBLIC_KEYS)).not.toContain(TEST_KEY_ID);
    expect(readLicenceFile(issueTestLicence(), VENDOR_PUBLIC_KEYS)).toMatchObject({ ok: false, problem: { reason: 'unknown-key' } });
    for (const key of Object.values(VENDOR_PUBLIC_KEYS)) expect(Buffer.from(key, 'base64')).toHaveLength(44); // Ed25519 SPKI
  });

  it('explains a file that is not a licence at all', () => {
    expect(readLicenceFile('hello', TEST_PUBLIC_KEYS)).toMatchObject({ ok: false, problem: { reason: 'unreadable' } });
    expect(readLicenceFile('{"a":1}', TEST_PUBLIC_KEYS)).toMatchObject({ ok: false, problem: { reason: 'unreadable' } });
    const { publicKey } = generateKeyPairSync('ed25519');
    const text = issueTestLicence();
    expect(readLicenceFile(text, { [TEST_KEY_ID]: publicKey.export({ format: 'der', type: 'spki' }).toString('base64') }).ok).toBe(false);
  });

  it('signs canonical JSON: key order and spacing do not matter to the signature', () => {
    expect(canonicalJson({ b: 1, a: [{ d: 'x', c: null }] })).toBe('{"a":[{"c":null,"d":"x"}],"b":1}');
  });
});
