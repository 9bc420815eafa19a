/**
 * The vendor's licence tool (never shipped in the app): make a signing key pair, issue a licence
 * file from a JSON description of the order, and inspect any licence file.
 *
 *   npx tsx build/vendor-tool.ts keygen --key-id lantern-2027-1 --out ~/lantern-vendor-keys
 *   npx tsx build/vendor-tool.ts issue --key ~/lantern-vendor-keys/lantern-2027-1.key.json --in order.json --out acme.lic
 *   npx tsx build/vendor-tool.ts inspect acme.lic [--key FILE.key.json]
 *
 * The private key file stays with the vendor, outside this repository: whoever holds it can issue
 * licences. Only the public half goes into electron/core/licence/vendor-keys.ts.
 */
import { createPrivateKey, generateKeyPairSync, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { checkTerms } from '../electron/core/licence/evaluate';
import { readLicenceFile, signLicence, type PublicKeyRing } from '../electron/core/licence/licence-file';
import { APP_RELEASE_DATE } from '../electron/core/licence/release';
import { VENDOR_PUBLIC_KEYS } from '../electron/core/licence/vendor-keys';
import { LicenceTerms } from '../shared/schemas/licence';
import { APP_VERSION } from '../shared/version';

const USAGE = `Usage: npx tsx build/vendor-tool.ts <command>

  keygen --key-id ID --out DIR        make an Ed25519 key pair: DIR/ID.key.json (private, keep it safe)
                                      and print the public key line for electron/core/licence/vendor-keys.ts
  issue --key KEYFILE --in ORDER.json --out FILE.lic
                                      sign a licence; ORDER.json holds licensee, seats, maintenanceUntil
                                      and optionally edition, features, expiresAt, serverFingerprint,
                                      licenceId, issuedAt
  inspect FILE.lic [--key KEYFILE]    show a licence and check its signature (against the keys built
                                      into this version, or the given key file's public half)`;

const KeyFile = z.object({
  keyId: z.string().min(1),
  algorithm: z.literal('ed25519'),
  privateKey: z.string(),
  publicKey: z.string(),
  createdAt: z.string(),
});
type KeyFile = z.infer<typeof KeyFile>;

/** What an order may say; everything not given gets the default a typical order wants. */
const Order = LicenceTerms.partial({ licenceId: true, edition: true, features: true, issuedAt: true, expiresAt: true, serverFingerprint: true });

function fail(message: string): never {
  console.error(`vendor-tool: ${message}`);
  process.exit(1);
}

function readJson(file: string): unknown {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    fail(`cannot read ${file}: ${(error as Error).message}`);
  }
}

function loadKey(file: string): KeyFile {
  const parsed = KeyFile.safeParse(readJson(file));
  if (!parsed.success) fail(`${file} is not a key file made by "vendor-tool keygen".`);
  return parsed.data;
}

function keygen(keyId: string | undefined, out: string | undefined): void {
  if (!keyId || !/^[a-z0-9][a-z0-9._-]{2,40}$/.test(keyId)) fail('give --key-id, like lantern-2027-1 (lower case, digits, . _ -).');
  if (!out) fail('give --out DIR: a folder outside the repository.');
  const file = join(resolve(out), `${keyId}.key.json`);
  if (existsSync(file)) fail(`${file} exists already; a key file is never overwritten.`);
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  const key: KeyFile = {
    keyId,
    algorithm: 'ed25519',
    privateKey: privateKey.export({ format: 'pem', type: 'pkcs8' }).toString(),
    publicKey: publicKey.export({ format: 'der', type: 'spki' }).toString('base64'),
    createdAt: new Date().toISOString(),
  };
  mkdirSync(resolve(out), { recursive: true, mode: 0o700 });
  writeFileSync(file, `${JSON.stringify(key, null, 2)}\n`, { mode: 0o600, flag: 'wx' });
  console.log(`Private key: ${file} (keep it secret and backed up; never commit it)`);
  console.log('Add this line to VENDOR_PUBLIC_KEYS in electron/core/licence/vendor-keys.ts:');
  console.log(`  '${keyId}': '${key.publicKey}',`);
}

function issue(keyFile: string | undefined, orderFile: string | undefined, out: string | undefined): void {
  if (!keyFile || !orderFile || !out) fail('issue needs --key KEYFILE --in ORDER.json --out FILE.lic');
  const key = loadKey(keyFile);
  const order = Order.safeParse(readJson(orderFile));
  if (!order.success) fail(`${orderFile}: ${order.error.issues.map((i) => `${i.path.join('.') || '(order)'}: ${i.message}`).join('; ')}`);
  const now = new Date();
  const terms: LicenceTerms = {
    licenceId: order.data.licenceId ?? `L-${now.toISOString().slice(0, 10).replace(/-/g, '')}-${randomBytes(3).toString('hex').toUpperCase()}`,
    licensee: order.data.licensee,
    edition: order.data.edition ?? 'standard',
    seats: order.data.seats,
    features: order.data.features ?? [],
    issuedAt: order.data.issuedAt ?? now.toISOString(),
    maintenanceUntil: order.data.maintenanceUntil,
    expiresAt: order.data.expiresAt ?? null,
    serverFingerprint: order.data.serverFingerprint ? order.data.serverFingerprint.toUpperCase() : null,
  };
  const text = signLicence(terms, key.keyId, createPrivateKey(key.privateKey));
  // Read it back with the public half before handing it out: a file that does not verify never leaves.
  const check = readLicenceFile(text, { [key.keyId]: key.publicKey });
  if (!check.ok) fail(`the issued licence does not verify (${check.problem.message}); nothing was written.`);
  if (existsSync(resolve(out))) fail(`${out} exists already; choose another name.`);
  writeFileSync(resolve(out), text, { flag: 'wx' });
  console.log(`Issued ${terms.licenceId} to ${terms.licensee}: ${terms.seats} seats, maintenance until ${terms.maintenanceUntil}` +
    `${terms.expiresAt ? `, expires ${terms.expiresAt}` : ''}${terms.serverFingerprint ? `, for server ${terms.serverFingerprint}` : ''}.`);
  console.log(`Licence file: ${resolve(out)}`);
  if (!Object.hasOwn(VENDOR_PUBLIC_KEYS, key.keyId) || VENDOR_PUBLIC_KEYS[key.keyId] !== key.publicKey) {
    console.warn(`Warning: key ${key.keyId} is not built into this version of Lantern CRM, so the app will refuse this licence.`);
  }
}

function inspect(file: string | undefined, keyFile: string | undefined): void {
  if (!file) fail('inspect needs the licence file.');
  let text: string;
  try {
    text = readFileSync(resolve(file), 'utf8');
  } catch (error) {
    fail(`cannot read ${file}: ${(error as Error).message}`);
  }
  const keys: PublicKeyRing = keyFile ? (() => {
    const key = loadKey(keyFile);
    return { [key.keyId]: key.publicKey };
  })() : VENDOR_PUBLIC_KEYS;
  const reading = readLicenceFile(text, keys);
  if (!reading.ok) {
    console.log(`NOT VALID (${reading.problem.reason}): ${reading.problem.message}`);
    process.exitCode = 1;
    return;
  }
  const t = reading.terms;
  const rows: [string, string][] = [
    ['licence id', t.licenceId],
    ['licensee', t.licensee],
    ['edition', t.edition],
    ['seats', String(t.seats)],
    ['features', t.features.join(', ') || '-'],
    ['issued at', t.issuedAt],
    ['maintenance until', t.maintenanceUntil],
    ['expires', t.expiresAt ?? 'never'],
    ['office server', t.serverFingerprint ?? 'any'],
    ['signed with key', reading.keyId],
  ];
  for (const [name, value] of rows) console.log(`${name.padEnd(18)} ${value}`);
  const today = checkTerms(t, { now: new Date(), serverFingerprint: t.serverFingerprint, appVersion: APP_VERSION, appReleaseDate: APP_RELEASE_DATE });
  console.log(`signature          valid${keyFile ? ' (against the given key)' : ' (against the keys built into this version)'}`);
  console.log(`${`usable by ${APP_VERSION}`.padEnd(18)} ${today ? `no, ${today.reason}: ${today.message}` : 'yes, today'}`);
}

function main(): void {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      'key-id': { type: 'string' },
      out: { type: 'string' },
      key: { type: 'string' },
      in: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  const [command, target] = positionals;
  if (values.help || !command) {
    console.log(USAGE);
    return;
  }
  if (command === 'keygen') return keygen(values['key-id'], values.out);
  if (command === 'issue') return issue(values.key, values.in, values.out);
  if (command === 'inspect') return inspect(target, values.key);
  fail(`unknown command ${command}.\n${USAGE}`);
}

try {
  main();
} catch (error) {
  fail((error as Error).message);
}
