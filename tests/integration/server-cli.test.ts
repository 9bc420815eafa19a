import Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import { createServer } from 'node:net';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runServerProcess, startServerProcess } from '../helpers/cli';
import { makeTempDir } from '../helpers/temp';

/** Node's fetch cannot take a CA; these checks talk to a self-signed server on loopback only. */
async function postJson(url: string, body: unknown, token?: string) {
  const { request } = await import('node:https');
  return new Promise<{ status: number; body: any }>((resolve, reject) => { // eslint-disable-line @typescript-eslint/no-explicit-any
    const req = request(url, { method: 'POST', rejectUnauthorized: false, headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) } }, (res) => {
      let text = '';
      res.on('data', (c: Buffer) => (text += c.toString()));
      res.on('end', () => resolve({ status: res.statusCode!, body: JSON.parse(text) }));
    });
    req.on('error', reject);
    req.end(JSON.stringify(body));
  });
}

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

describe('npm run serve', () => {
  let temp: ReturnType<typeof makeTempDir>;
  beforeEach(() => {
    temp = makeTempDir();
  });
  afterEach(() => temp.cleanup());

  it('prints the listening line and fingerprint, keeps users and sessions across a restart, and stops cleanly', async () => {
    const port = await freePort();
    const args = ['--data', temp.dir, '--port', String(port), '--host', '127.0.0.1'];
    const first = await startServerProcess(args, { LANTERN_ADMIN_PASSWORD: 'first-start-password' });
    expect(first.url).toBe(`https://127.0.0.1:${port}`);
    expect(first.stdout()).toMatch(/SHA-256 fingerprint: ([0-9A-F]{2}:){31}[0-9A-F]{2}/);
    const login = await postJson(`${first.url}/api/v1/auth.login`, { username: 'admin', password: 'first-start-password' });
    expect(login.status).toBe(200);
    await postJson(`${first.url}/api/v1/users.create`, { username: 'kept', displayName: 'Kept', password: 'password-123', role: 'sales' }, login.body.token);
    expect(await first.stop('SIGTERM')).toBe(0);

    const second = await startServerProcess(args);
    const users = await postJson(`${second.url}/api/v1/users.list`, {}, login.body.token);
    expect(users.status).toBe(200);
    expect(users.body.items.map((u: { username: string }) => u.username).sort()).toEqual(['admin', 'kept']);
    expect(await second.stop('SIGINT')).toBe(0);
  });

  it('prints a one-time setup code when no administrator is configured', async () => {
    const port = await freePort();
    const server = await startServerProcess(['--data', temp.dir, '--port', String(port), '--host', '127.0.0.1'], { LANTERN_ADMIN_PASSWORD: '' });
    await expect.poll(() => server.stdout()).toMatch(/First-run setup code: [A-Z2-9]{4}-[A-Z2-9]{4}/);
    await server.stop();
  });

  it('says in one line when the port is taken', async () => {
    const blocker = createServer();
    const port = await new Promise<number>((resolve) => blocker.listen(0, '127.0.0.1', () => resolve((blocker.address() as { port: number }).port)));
    try {
      const result = await runServerProcess(['--data', temp.dir, '--port', String(port), '--host', '127.0.0.1'], { LANTERN_ADMIN_PASSWORD: 'whatever-123' });
      expect(result.code).not.toBe(0);
      expect(result.stderr.trim()).toBe(`Lantern CRM: port ${port} on 127.0.0.1 is already in use. Stop the other program or choose another port with --port.`);
    } finally {
      blocker.close();
    }
  });

  it('refuses a database from a newer version, leaving it untouched', async () => {
    const file = join(temp.dir, 'lantern.db');
    const db = new Database(file);
    db.exec('CREATE TABLE t (x)');
    db.pragma('user_version = 4242');
    db.close();
    const hash = () => createHash('sha256').update(readFileSync(file)).digest('hex');
    const before = hash();
    const result = await runServerProcess(['--data', temp.dir, '--port', '0', '--host', '127.0.0.1']);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^Lantern CRM: The database .* was written by a newer version of Lantern CRM \(schema 4242/);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(hash()).toBe(before);
  });

  it('refuses a data folder it cannot write, and a bad port, with one clear line', async () => {
    const notAFolder = join(temp.dir, 'file.txt');
    writeFileSync(notAFolder, 'x');
    const folder = await runServerProcess(['--data', join(notAFolder, 'data'), '--port', '0']);
    expect(folder.code).toBe(1);
    expect(folder.stderr.trim()).toMatch(/^Lantern CRM: The data folder .* cannot be created or written to/);
    const port = await runServerProcess(['--data', temp.dir, '--port', 'eighty']);
    expect(port.code).toBe(1);
    expect(port.stderr.trim()).toBe('Lantern CRM: --port must be a number from 0 to 65535, not eighty.');
  });
});
