import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { chmodSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Db } from '../db/open';

/**
 * Mail server passwords at rest: AES-256-GCM under a random key kept in a file in the data folder
 * (mode 0600), not in the database. A copy of the database alone does not give away the office's
 * mail passwords; a restore onto another machine needs the key file too, or the passwords typed again.
 * The associated data binds each ciphertext to its purpose, so one cannot be pasted over another.
 */

export const KEY_FILE = 'secrets.key';
const VERSION = 'v1';
const keys = new Map<string, Buffer>();

/** The data folder of a database: the folder its file is in. */
export function dataDirOf(db: Db): string {
  return dirname(db.name);
}

function keyFor(dataDir: string): Buffer {
  const file = join(dataDir, KEY_FILE);
  let key = keys.get(file);
  if (key) return key;
  if (!existsSync(file)) {
    // 'wx': if two processes race, one creates the key and the other reads it.
    try {
      writeFileSync(file, randomBytes(32).toString('base64'), { mode: 0o600, flag: 'wx' });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    try {
      chmodSync(file, 0o600);
    } catch {
      // Windows: file modes do not apply; the data folder's ACL protects it.
    }
  }
  key = Buffer.from(readFileSync(file, 'utf8').trim(), 'base64');
  if (key.length !== 32) throw new Error(`The key file ${file} is damaged: expected 32 bytes.`);
  keys.set(file, key);
  return key;
}

export function encryptSecret(dataDir: string, plaintext: string, purpose: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', keyFor(dataDir), iv);
  cipher.setAAD(Buffer.from(purpose, 'utf8'));
  const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  return [VERSION, iv.toString('base64'), cipher.getAuthTag().toString('base64'), body.toString('base64')].join(':');
}

/** Throws when the key file changed or the ciphertext was tampered with (GCM checks both). */
export function decryptSecret(dataDir: string, stored: string, purpose: string): string {
  const [version, iv, tag, body] = stored.split(':');
  if (version !== VERSION || !iv || !tag || body === undefined) throw new Error('Unknown secret format.');
  const decipher = createDecipheriv('aes-256-gcm', keyFor(dataDir), Buffer.from(iv, 'base64'));
  decipher.setAAD(Buffer.from(purpose, 'utf8'));
  decipher.setAuthTag(Buffer.from(tag, 'base64'));
  return Buffer.concat([decipher.update(Buffer.from(body, 'base64')), decipher.final()]).toString('utf8');
}
