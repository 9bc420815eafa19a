import { request } from 'node:https';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { APP_VERSION } from '../../shared/version';
import { issueTestLicence } from '../helpers/licence';
import { startTestServer, type TestServer } from '../helpers/server';

const LATEST_YML = [
  'version: 9.0.0',
  'files:',
  '  - url: Lantern CRM Setup 9.0.0.exe',
  '    sha512: c2hhNTEy',
  '    size: 2048',
  'path: Lantern CRM Setup 9.0.0.exe',
  'sha512: c2hhNTEy',
  "releaseDate: '2027-02-15T08:00:00.000Z'",
  '',
].join('\n');

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

/** A raw HTTPS request with any path and headers (the shared helper normalizes neither, but sets none). */
function send(s: TestServer, method: string, path: string, headers: Record<string, string> = {}, body?: unknown): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = request(`${s.url}${path}`, { method, headers: { ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...headers }, ca: s.ca }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on('error', reject);
    req.end(body === undefined ? undefined : JSON.stringify(body));
  });
}

describe('the LAN update feed', () => {
  let s: TestServer;
  let installer: Buffer;
  beforeAll(async () => {
    s = await startTestServer();
    const folder = join(s.dataDir, 'updates');
    mkdirSync(folder);
    writeFileSync(join(folder, 'latest.yml'), LATEST_YML);
    installer = Buffer.from(Array.from({ length: 2048 }, (_, i) => i % 251));
    writeFileSync(join(folder, 'Lantern CRM Setup 9.0.0.exe'), installer);
    writeFileSync(join(folder, '.htpasswd'), 'secret');
    writeFileSync(join(s.dataDir, 'secret.txt'), 'not for the LAN');
  });
  afterAll(() => s.close());

  it('serves latest.yml exactly as the admin placed it, without sign-in and never from a stale cache', async () => {
    const res = await send(s, 'GET', '/updates/latest.yml');
    expect(res.status).toBe(200);
    expect(res.body.toString('utf8')).toBe(LATEST_YML);
    expect(res.headers['cache-control']).toBe('no-cache');
    // electron-updater adds a cache-busting query string.
    expect((await send(s, 'GET', '/updates/latest.yml?noCache=1abc')).status).toBe(200);
  });

  it('serves installers, with ranges for resumed downloads', async () => {
    const full = await send(s, 'GET', '/updates/Lantern%20CRM%20Setup%209.0.0.exe');
    expect(full.status).toBe(200);
    expect(full.body.equals(installer)).toBe(true);
    const part = await send(s, 'GET', '/updates/Lantern%20CRM%20Setup%209.0.0.exe', { range: 'bytes=100-199' });
    expect(part.status).toBe(206);
    expect(part.body.equals(installer.subarray(100, 200))).toBe(true);
  });

  it('serves nothing outside the updates folder, nothing hidden, nothing that is not there', async () => {
    for (const path of ['/updates/../secret.txt', '/updates/%2e%2e/secret.txt', '/updates/..%2fsecret.txt', '/updates/.htpasswd', '/updates/', '/updates/nope.yml', '/updates/tls/server.key']) {
      const res = await send(s, 'GET', path);
      expect([403, 404], path).toContain(res.status);
      expect(res.body.toString('utf8')).not.toContain('not for the LAN');
      expect(res.body.toString('utf8')).not.toContain('secret');
    }
  });

  it('tells updaters the policy without sign-in, and lets only an administrator change it', async () => {
    const policy = await s.api('updates.policy', {}, null);
    expect(policy.status).toBe(200);
    expect(policy.body).toEqual({ paused: false, stagePercent: 100, maintenanceUntil: '2099-12-31', serverVersion: APP_VERSION });
    const { ctx } = await s.userWithRole('manager');
    expect((await s.api('updates.configure', { paused: true }, ctx.token)).status).toBe(403);
    const paused = await s.api('updates.configure', { paused: true, stagePercent: 25 });
    expect(paused.body).toMatchObject({ paused: true, stagePercent: 25 });
    expect((await s.api('updates.policy', {}, null)).body).toMatchObject({ paused: true, stagePercent: 25 });
    await s.api('updates.configure', { paused: false, stagePercent: 100 });
  });

  it('does not offer a release dated after the maintenance date', async () => {
    expect((await s.api('updates.status', {})).body).toMatchObject({ release: { version: '9.0.0', releaseDate: '2027-02-15T08:00:00.000Z' }, offered: true });
    await s.backend.dispatch(s.admin, 'licence.install', { text: issueTestLicence({ maintenanceUntil: '2027-01-31', issuedAt: s.clock.now().toISOString() }) });
    const status = await s.api('updates.status', {});
    expect(status.body).toMatchObject({ offered: false, policy: { maintenanceUntil: '2027-01-31' } });
    expect(status.body.reason).toMatch(/released on 2027-02-15, after the licence's maintenance ended \(2027-01-31\)/);
  });
});

describe('a desktop app of another version', () => {
  let s: TestServer;
  beforeAll(async () => {
    s = await startTestServer();
  });
  afterAll(() => s.close());

  const createUser = (headers: Record<string, string>, username: string) =>
    send(s, 'POST', '/api/v1/users.create', { authorization: `Bearer ${s.admin.token}`, ...headers }, { username, displayName: username, password: 'password-123', role: 'sales' });

  it('is told to update instead of writing, and may still read and sign in', async () => {
    const old = await createUser({ 'X-Lantern-Version': '0.0.1' }, 'fromold');
    expect(old.status).toBe(409);
    const error = JSON.parse(old.body.toString()).error;
    expect(error).toMatchObject({ code: 'CONFLICT', details: { reason: 'version-mismatch', update: 'client', serverVersion: APP_VERSION } });
    expect(error.message).toMatch(new RegExp(`This app is version 0\\.0\\.1; the office server runs ${APP_VERSION.replace(/\./g, '\\.')}.*Update this app before making changes`));
    const read = await send(s, 'POST', '/api/v1/users.list', { authorization: `Bearer ${s.admin.token}`, 'X-Lantern-Version': '0.0.1' }, {});
    expect(read.status).toBe(200);
    const login = await send(s, 'POST', '/api/v1/auth.login', { 'X-Lantern-Version': '0.0.1' }, { username: 'admin', password: 'correct horse battery' });
    expect(login.status).toBe(200);
  });

  it('is told the server is the older one when the app is newer, and the schema counts too', async () => {
    const newer = await createUser({ 'X-Lantern-Version': '99.0.0' }, 'fromnew');
    expect(JSON.parse(newer.body.toString()).error.details.update).toBe('server');
    const schema = await createUser({ 'X-Lantern-Version': APP_VERSION, 'X-Lantern-Schema': String(s.backend.schemaVersion - 1) }, 'oldschema');
    expect(schema.status).toBe(409);
    expect((await createUser({ 'X-Lantern-Version': APP_VERSION, 'X-Lantern-Schema': String(s.backend.schemaVersion) }, 'samever')).status).toBe(200);
    // Integrations that do not say their version are not checked.
    expect((await createUser({}, 'integration')).status).toBe(200);
  });
});

describe('backup download', () => {
  let s: TestServer;
  beforeAll(async () => {
    s = await startTestServer();
  });
  afterAll(() => s.close());

  it('gives an administrator the backup file, and nobody else', async () => {
    const backup = (await s.api('backups.run', {})).body;
    const file = await send(s, 'GET', `/api/backups/${backup.id}/file`, { authorization: `Bearer ${s.admin.token}` });
    expect(file.status).toBe(200);
    expect(file.body.subarray(0, 16).toString('latin1')).toBe('SQLite format 3\u0000');
    expect(file.headers['content-disposition']).toMatch(/^attachment; filename="lantern-manual-.*\.db"$/);
    const { ctx } = await s.userWithRole('sales');
    expect((await send(s, 'GET', `/api/backups/${backup.id}/file`, { authorization: `Bearer ${ctx.token}` })).status).toBe(403);
    expect((await send(s, 'GET', `/api/backups/${backup.id}/file`)).status).toBe(401);
    expect((await send(s, 'GET', '/api/backups/nope/file', { authorization: `Bearer ${s.admin.token}` })).status).toBe(404);
  });
});
