import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { methods } from '../../shared/methods';
import { ADMIN_PASSWORD } from '../helpers/backend';
import { startTestServer, type TestServer } from '../helpers/server';

describe('the office server over HTTPS', () => {
  let s: TestServer;
  beforeAll(async () => {
    s = await startTestServer();
  });
  afterAll(() => s.close());

  it('answers health without sign-in', async () => {
    const res = await s.http('GET', '/api/health');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: 'ok', version: expect.any(String) });
    expect(res.body.schemaVersion).toBeGreaterThanOrEqual(1);
  });

  it('signs in and calls methods with the bearer token', async () => {
    const login = await s.api('auth.login', { username: 'admin', password: ADMIN_PASSWORD }, null);
    expect(login.status).toBe(200);
    expect(login.body.token).toEqual(expect.any(String));
    const me = await s.api('auth.me', {}, login.body.token);
    expect(me.status).toBe(200);
    expect(me.body.user.username).toBe('admin');
  });

  it('maps every failure to its status and {error:{code,message}}', async () => {
    const wrong = await s.api('auth.login', { username: 'admin', password: 'wrong-password' }, null);
    expect(wrong.status).toBe(401);
    expect(wrong.body.error).toMatchObject({ code: 'UNAUTHENTICATED', message: expect.any(String) });

    expect((await s.api('users.list', {}, null)).status).toBe(401);
    expect((await s.api('users.list', {}, 'not-a-token')).status).toBe(401);

    const empty = await s.api('users.create', {});
    expect(empty.status).toBe(400);
    expect(empty.body.error.code).toBe('VALIDATION');
    expect(empty.body.error.details.map((d: { path: string }) => d.path)).toContain('username');

    const notJson = await s.http('POST', '/api/v1/users.list', { raw: '{"oops', token: s.admin.token });
    expect(notJson.status).toBe(400);
    expect(notJson.body.error.code).toBe('VALIDATION');

    const unknown = await s.api('nothing.here', {});
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.code).toBe('NOT_FOUND');
    expect((await s.http('GET', '/api/v2/whatever')).body.error.code).toBe('NOT_FOUND');
  });

  it('forbids a read-only user from creating users', async () => {
    const { ctx } = await s.userWithRole('readonly', 'viewer');
    const res = await s.api('users.create', { username: 'x2', displayName: 'X', password: 'password-123', role: 'sales' }, ctx.token);
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe('FORBIDDEN');
  });

  it('rate-limits ten wrong passwords in a row with 429 and Retry-After', async () => {
    await s.userWithRole('sales', 'target');
    const statuses: number[] = [];
    let last;
    for (let i = 0; i < 10; i++) {
      last = await s.api('auth.login', { username: 'target', password: `wrong-${i}-password` }, null);
      statuses.push(last.status);
    }
    expect(statuses.slice(0, 5)).toEqual([401, 401, 401, 401, 401]);
    expect(statuses.at(-1)).toBe(429);
    expect(last!.body.error.code).toBe('RATE_LIMITED');
    expect(Number(last!.headers['retry-after'])).toBeGreaterThan(0);
  });

  it('publishes an OpenAPI 3.1 document listing every method', async () => {
    const res = await s.http('GET', '/api/v1/openapi.json');
    expect(res.status).toBe(200);
    expect(res.body.openapi).toBe('3.1.0');
    for (const name of Object.keys(methods)) expect(res.body.paths).toHaveProperty([`/api/v1/${name}`]);
    const create = res.body.paths['/api/v1/users.create'].post;
    expect(create.requestBody.content['application/json'].schema.required).toContain('username');
  });

  it('serves the web client at / with a strict content security policy', async () => {
    const res = await s.http('GET', '/');
    expect(res.status).toBe(200);
    expect(res.text).toContain('<div id="root">');
    const csp = String(res.headers['content-security-policy']);
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(res.headers['x-content-type-options']).toBe('nosniff');
  });

  it('refuses a body over the size limit without crashing', async () => {
    const huge = 'x'.repeat(65 * 1024 * 1024);
    const res = await s.http('POST', '/api/v1/users.list', { raw: JSON.stringify({ huge }), token: s.admin.token });
    expect(res.status).toBe(413);
    expect(res.body.error.code).toBe('VALIDATION');
    expect((await s.http('GET', '/api/health')).status).toBe(200);
  });

  it('pushes committed changes to signed-in sockets on the change feed', async () => {
    const socket = new WebSocket(`wss://localhost:${s.port}/api/v1/events`, { ca: s.ca });
    const received: { type: string; table?: string; op?: string }[] = [];
    await new Promise<void>((resolve, reject) => {
      socket.on('open', () => socket.send(JSON.stringify({ type: 'auth', token: s.admin.token })));
      socket.on('message', (raw) => {
        const message = JSON.parse(raw.toString());
        received.push(message);
        if (message.type === 'ready') resolve();
      });
      socket.on('error', reject);
    });
    await s.api('users.create', { username: 'feedme', displayName: 'Feed Me', password: 'password-123', role: 'sales' });
    await expect.poll(() => received.some((m) => m.type === 'change' && m.table === 'users' && m.op === 'create')).toBe(true);
    socket.close();
  });

  it('closes the change feed for a socket that does not sign in', async () => {
    const socket = new WebSocket(`wss://localhost:${s.port}/api/v1/events`, { ca: s.ca });
    const code = await new Promise<number>((resolve) => {
      socket.on('open', () => socket.send(JSON.stringify({ type: 'auth', token: 'bogus' })));
      socket.on('close', (closeCode) => resolve(closeCode));
    });
    expect(code).toBe(4401);
  });
});
