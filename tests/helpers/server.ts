import { request } from 'node:https';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { silentLogger } from '../../electron/core/context';
import { createOfficeServer } from '../../electron/server/server';
import { ensureCertificate } from '../../electron/server/tls';
import { startTestBackend, type TestBackend } from './backend';

export interface HttpResult {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: any; // eslint-disable-line @typescript-eslint/no-explicit-any
  text: string;
}

export interface TestServer extends TestBackend {
  url: string;
  port: number;
  server: FastifyInstance;
  /** The server's own certificate, trusted as a CA: tests verify TLS for real, for `localhost`. */
  ca: string;
  http(method: string, path: string, options?: { body?: unknown; raw?: string; token?: string | null }): Promise<HttpResult>;
  /** POST /api/v1/<method> as the given token (default: the admin's). */
  api(method: string, body?: unknown, token?: string | null): Promise<HttpResult>;
}

/** The real office server on a free loopback port, over a real database, with a tiny web root. */
export async function startTestServer(): Promise<TestServer> {
  const t = await startTestBackend();
  const tls = await ensureCertificate(t.dataDir);
  const webRoot = join(t.dataDir, 'web');
  mkdirSync(webRoot, { recursive: true });
  writeFileSync(join(webRoot, 'index.html'), '<!doctype html><title>Lantern CRM</title><div id="root"></div>');
  const server = await createOfficeServer({ backend: t.backend, tls, webRoot, logger: silentLogger });
  await server.listen({ host: '127.0.0.1', port: 0 });
  const port = (server.server.address() as { port: number }).port;
  const url = `https://localhost:${port}`;

  const http: TestServer['http'] = (method, path, options = {}) =>
    new Promise((resolve, reject) => {
      const payload = options.raw ?? (options.body === undefined ? undefined : JSON.stringify(options.body));
      const headers: Record<string, string> = {};
      if (payload !== undefined) headers['content-type'] = 'application/json';
      if (options.token) headers.authorization = `Bearer ${options.token}`;
      const req = request(`${url}${path}`, { method, headers, ca: tls.cert }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          let body: unknown = undefined;
          try {
            body = JSON.parse(text);
          } catch {
            body = undefined;
          }
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body, text });
        });
      });
      req.on('error', reject);
      if (payload !== undefined) req.write(payload);
      req.end();
    });

  return {
    ...t,
    url,
    port,
    server,
    ca: tls.cert,
    http,
    api: (method, body = {}, token = t.admin.token) => http('POST', `/api/v1/${method}`, { body, token }),
    close() {
      void server.close();
      t.close();
    },
  };
}
