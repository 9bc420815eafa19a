import { X509Certificate } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Where the office server keeps its certificate (electron/server/tls.ts writes it; a test checks the
 * two agree). A licence bound to an office server names this certificate's SHA-256 fingerprint: the
 * same one the server prints at start and browsers show, so the admin can read it off and send it.
 */
export const SERVER_CERT_PATH = ['tls', 'server.crt'] as const;

/**
 * Reads the office server's certificate fingerprint, re-reading only when the file changes (it is
 * asked on every call). Null where there is no certificate: a standalone desktop app.
 */
export function serverFingerprintReader(dataDir: string): () => string | null {
  const file = join(dataDir, ...SERVER_CERT_PATH);
  let cached: { mtimeMs: number; fingerprint: string | null } | null = null;
  return () => {
    let mtimeMs: number;
    try {
      mtimeMs = statSync(file).mtimeMs;
    } catch {
      return null;
    }
    if (cached?.mtimeMs !== mtimeMs) {
      let fingerprint: string | null = null;
      try {
        fingerprint = new X509Certificate(readFileSync(file)).fingerprint256;
      } catch {
        fingerprint = null; // half-written or not a certificate: treated as none until it is fixed
      }
      cached = { mtimeMs, fingerprint };
    }
    return cached.fingerprint;
  };
}
