import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import type { IncomingHttpHeaders } from 'node:http';
import { AppError } from '../../shared/errors';
import { isMethodName, methods } from '../../shared/methods';
import { CLIENT_SCHEMA_HEADER, CLIENT_VERSION_HEADER } from '../../shared/schemas/admin';
import { APP_VERSION } from '../../shared/version';
import { compareVersions } from '../core/licence/update-decision';

/**
 * One flat file name, as electron-builder publishes them (latest.yml, latest-mac.yml,
 * "Lantern CRM Setup 0.2.0.exe", its .blockmap): no folders, nothing hidden, no odd characters.
 */
const UPDATE_FILE = /^\/[\p{L}\p{N}][\p{L}\p{N} ._+()-]{0,199}$/u;

/**
 * The LAN update feed: `GET /updates/<file>` serves `<data>/updates/` in electron-updater's generic
 * provider layout, exactly as the admin placed it. Static and public (installers are not secret,
 * and the updater asks before anyone signs in); only single flat names are served, with range
 * requests for resumed downloads, and every answer revalidated so a new latest.yml is seen at once.
 */
export async function registerUpdateFeed(app: FastifyInstance, folder: string): Promise<void> {
  await app.register(fastifyStatic, {
    root: folder,
    prefix: '/updates/',
    decorateReply: false,
    index: false,
    list: false,
    dotfiles: 'deny',
    allowedPath: (pathName) => UPDATE_FILE.test(pathName) && !pathName.includes('..'),
    setHeaders(res) {
      res.header('Cache-Control', 'no-cache');
    },
  });
}

/** Writes that do not touch office data: an out-of-date app may still sign in and out and keep its seat. */
const SESSION_WRITES = /^(auth|setup|seats)\./;

function header(headers: IncomingHttpHeaders, name: string): string | null {
  const value = headers[name];
  return (Array.isArray(value) ? value[0] : value)?.trim() || null;
}

/**
 * A desktop app of another version than the office server must not write: its screens and
 * checks were made for another schema. It says which version it is (X-Lantern-Version,
 * X-Lantern-Schema); reads keep working, writes get CONFLICT saying which side to update.
 */
export function clientVersionRefusal(headers: IncomingHttpHeaders, method: string, serverSchema: number): AppError | null {
  if (!isMethodName(method) || methods[method].kind !== 'write' || SESSION_WRITES.test(method)) return null;
  const version = header(headers, CLIENT_VERSION_HEADER);
  const schemaText = header(headers, CLIENT_SCHEMA_HEADER);
  const schema = schemaText === null ? null : Number(schemaText);
  const versionDiffers = version !== null && version !== APP_VERSION;
  const schemaDiffers = schema !== null && schema !== serverSchema;
  if (!versionDiffers && !schemaDiffers) return null;
  const clientOlder = versionDiffers ? compareVersions(version, APP_VERSION) < 0 : schema! < serverSchema;
  const what = `This app is version ${version ?? '?'}${schema === null ? '' : ` (schema ${schema})`}; the office server runs ${APP_VERSION} (schema ${serverSchema}).`;
  const todo = clientOlder
    ? 'Update this app before making changes: restart it to take the update the office server offers, or ask your administrator.'
    : 'The office server is older than this app: ask your administrator to update the server before making changes.';
  return new AppError('CONFLICT', `${what} ${todo} Reading still works.`, {
    reason: 'version-mismatch',
    update: clientOlder ? 'client' : 'server',
    serverVersion: APP_VERSION,
    serverSchema,
  });
}
