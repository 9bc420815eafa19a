/**
 * The desktop app's own settings file, `config.json` in its user-data folder: whether this
 * computer runs its own database or is a workstation of an office server (and that server's pinned
 * certificate). Plain Node, so it is tested without Electron; a file someone edited badly is refused
 * with a message that names the file and the field, never silently replaced.
 */
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import type { FieldIssue } from '../../shared/errors';
import { DATABASE_FILE } from '../core/backend';
import { validationError } from '../core/dispatch';

export const CONFIG_FILE_NAME = 'config.json';

/** `AB:CD:...`: 32 bytes in hex pairs, as Node's X509Certificate.fingerprint256 and `npm run serve` print it. */
export const FINGERPRINT = /^([0-9A-F]{2}:){31}[0-9A-F]{2}$/;

const ServerUrl = z.string().refine((text) => normaliseServerUrl(text) === text, {
  message: 'must be an https:// address with a host and optionally a port, nothing after it (like https://office-server:8443)',
});

const Connection = z.discriminatedUnion('mode', [
  z.object({ mode: z.literal('local') }).strict(),
  z
    .object({
      mode: z.literal('server'),
      serverUrl: ServerUrl,
      fingerprint: z.string().regex(FINGERPRINT, 'must be a SHA-256 fingerprint like AB:CD:... (32 pairs)'),
      /** When an administrator compared and trusted the fingerprint (ISO UTC). */
      trustedAt: z.iso.datetime(),
    })
    .strict(),
]);

export const DesktopConfig = z.object({ version: z.literal(1), connection: Connection }).strict();
export type DesktopConfig = z.infer<typeof DesktopConfig>;
export type ConnectionConfig = DesktopConfig['connection'];

/** A settings file that cannot be used. The message is for the person at the computer. */
export class ConfigError extends Error {
  readonly file: string;
  readonly details: FieldIssue[];

  constructor(file: string, problem: string, details: FieldIssue[] = []) {
    super(
      `The settings file ${file} cannot be used: ${problem} ` +
        'Correct it, or delete it to choose again between this computer and an office server.',
    );
    this.name = 'ConfigError';
    this.file = file;
    this.details = details;
  }
}

export function configPath(userDataDir: string): string {
  return path.join(userDataDir, CONFIG_FILE_NAME);
}

/**
 * The server address as the app stores and compares it: `https://host[:port]`, lower-case host, no
 * default port, no path. A bare `host:port` means https. Returns null for anything else (http:,
 * a path, credentials), since a workstation talks to exactly one origin.
 */
export function normaliseServerUrl(text: string): string | null {
  const trimmed = text.trim();
  if (trimmed === '') return null;
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(trimmed) ? trimmed : `https://${trimmed}`;
  let url: URL;
  try {
    url = new URL(withScheme);
  } catch {
    return null;
  }
  if (url.protocol !== 'https:' || !url.hostname || url.username || url.password) return null;
  if ((url.pathname !== '/' && url.pathname !== '') || url.search || url.hash) return null;
  return url.origin;
}

/** The saved settings, or null on first start (no file yet). Throws ConfigError for a file that is there but wrong. */
export function readConfig(file: string): DesktopConfig | null {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw new ConfigError(file, `it cannot be read (${(error as Error).message}).`);
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new ConfigError(file, `it is not valid JSON (${(error as Error).message}).`);
  }
  const parsed = DesktopConfig.safeParse(data);
  if (!parsed.success) {
    const details = validationError(parsed.error).details as FieldIssue[];
    const problems = details.map((d) => `${d.path || '(the whole file)'} ${d.message}`).join('; ');
    throw new ConfigError(file, `${problems}.`, details);
  }
  return parsed.data;
}

/**
 * Saves the settings whole: written next to the old file and renamed over it, so a crash leaves
 * either the old settings or the new ones, never half a file.
 */
export function writeConfig(file: string, config: DesktopConfig): void {
  const valid = DesktopConfig.parse(config);
  mkdirSync(path.dirname(file), { recursive: true });
  const temp = `${file}.${process.pid}.tmp`;
  writeFileSync(temp, JSON.stringify(valid, null, 2) + '\n', { mode: 0o600 });
  renameSync(temp, file);
}

/**
 * Where this start gets its data. No settings file is a first start (the app asks), except on a
 * computer that already has its own database from a version before this choice existed: it stays
 * standalone, as it was.
 */
export function connectionAtStart(userDataDir: string): ConnectionConfig | { mode: 'unset' } {
  const config = readConfig(configPath(userDataDir));
  if (config) return config.connection;
  return existsSync(path.join(userDataDir, DATABASE_FILE)) ? { mode: 'local' } : { mode: 'unset' };
}
