import fastifyHelmet from '@fastify/helmet';
import fastifyStatic from '@fastify/static';
import fastifyWebsocket from '@fastify/websocket';
import Fastify, { type FastifyInstance } from 'fastify';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { AppError } from '../../shared/errors';
import { APP_VERSION } from '../../shared/version';
import type { Backend } from '../core/backend-types';
import type { Logger } from '../core/context';
import { UPDATES_FOLDER } from '../core/licence/updates-policy';
import { registerBackupDownload } from './backup-download';
import { registerChangeFeed } from './change-feed';
import { fromFastifyError, sendError } from './http-errors';
import { buildOpenApiDocument } from './openapi';
import type { TlsMaterial } from './tls';
import { clientVersionRefusal, registerUpdateFeed } from './updates';
import { registerExportRoute } from '../core/export/http-route';

export interface OfficeServerOptions {
  backend: Backend;
  tls: Pick<TlsMaterial, 'key' | 'cert'>;
  /** The built renderer (dist/renderer), served at `/`. */
  webRoot: string;
  logger: Logger;
  /** Largest request body accepted; imports send whole files, so it is generous but bounded. */
  bodyLimitBytes?: number;
  /** The LAN update feed served at /updates/ (default `<data>/updates`). */
  updatesDir?: string;
}

/** The strict policy for the web client: only our own scripts, no plugins, no framing. */
const CONTENT_SECURITY_POLICY = {
  useDefaults: false,
  directives: {
    defaultSrc: ["'self'"],
    scriptSrc: ["'self'"],
    // Mantine sets style attributes at run time.
    styleSrc: ["'self'", "'unsafe-inline'"],
    imgSrc: ["'self'", 'data:', 'blob:'],
    fontSrc: ["'self'", 'data:'],
    connectSrc: ["'self'"],
    objectSrc: ["'none'"],
    baseUri: ["'none'"],
    formAction: ["'self'"],
    frameAncestors: ["'none'"],
  },
};

/**
 * The office server: the same dispatch as the desktop app, over HTTPS. It serves the API of
 * API.md, the OpenAPI document, the change feed and the web client.
 */
export async function createOfficeServer(options: OfficeServerOptions): Promise<FastifyInstance> {
  const { backend, logger } = options;
  const app = Fastify({
    https: { key: options.tls.key, cert: options.tls.cert },
    bodyLimit: options.bodyLimitBytes ?? 64 * 1024 * 1024,
    logger: false,
    return503OnClosing: true,
    // Sockets left open by browsers must not hold shutdown hostage.
    forceCloseConnections: 'idle',
  });

  await app.register(fastifyHelmet, {
    contentSecurityPolicy: CONTENT_SECURITY_POLICY,
    // HSTS would stop staff from accepting the self-signed certificate: leave it to admins with a real one.
    strictTransportSecurity: false,
    crossOriginEmbedderPolicy: false,
  });
  await app.register(fastifyWebsocket, { options: { maxPayload: 64 * 1024 } });

  // Every body is read as JSON whatever its Content-Type claims; an empty body means `{}`.
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('*', { parseAs: 'string' }, (_request, body, done) => {
    const text = String(body);
    if (text.trim() === '') return done(null, {});
    try {
      done(null, JSON.parse(text));
    } catch {
      done(new AppError('VALIDATION', 'The request body is not valid JSON.'), undefined);
    }
  });

  app.setErrorHandler((error, _request, reply) => {
    if (error instanceof AppError) return sendError(reply, error);
    const known = fromFastifyError(error as { code?: string; statusCode?: number });
    if (known) return sendError(reply, known.error, known.status);
    const errorId = Math.random().toString(36).slice(2, 10);
    logger.error('http error', { errorId, error: (error as Error).stack ?? String(error) });
    return sendError(reply, new AppError('INTERNAL', `Something went wrong on the server (error id ${errorId}).`, { errorId }));
  });

  app.get('/api/health', async () => ({ status: 'ok', version: APP_VERSION, schemaVersion: backend.schemaVersion }));

  const openApi = buildOpenApiDocument();
  app.get('/api/v1/openapi.json', async () => openApi);

  app.post<{ Params: { method: string } }>('/api/v1/:method', async (request, reply) => {
    const header = request.headers.authorization;
    const token = header?.startsWith('Bearer ') ? header.slice(7).trim() || null : null;
    const outdated = clientVersionRefusal(request.headers, request.params.method, backend.schemaVersion);
    if (outdated) return sendError(reply, outdated);
    try {
      const result = await backend.call({ token, address: request.ip, transport: 'http' }, request.params.method, request.body);
      return reply.header('Cache-Control', 'no-store').send(result);
    } catch (error) {
      return sendError(reply, error as AppError);
    }
  });

  registerChangeFeed(app, backend);
  registerExportRoute(app, backend);
  await registerUpdateFeed(app, options.updatesDir ?? join(backend.dataDir, UPDATES_FOLDER));
  registerBackupDownload(app, backend);
  await registerWebClient(app, options.webRoot);

  app.setNotFoundHandler((request, reply) => {
    if (request.url.startsWith('/api/')) {
      return sendError(reply, new AppError('NOT_FOUND', `Nothing at ${request.method} ${request.url.split('?')[0]}.`));
    }
    return reply.code(404).type('text/plain').send('Not found');
  });

  return app;
}

async function registerWebClient(app: FastifyInstance, webRoot: string): Promise<void> {
  if (!existsSync(join(webRoot, 'index.html'))) {
    app.get('/', async (_request, reply) =>
      reply.type('text/plain').send('The Lantern CRM web client is not built yet: run `npm run build:renderer` and restart the server.'),
    );
    return;
  }
  await app.register(fastifyStatic, {
    root: webRoot,
    index: ['index.html'],
    // Built assets carry a content hash in their names; index.html must always be fresh.
    setHeaders(res, path) {
      res.header('Cache-Control', path.endsWith('index.html') ? 'no-cache' : 'public, max-age=31536000, immutable');
    },
  });
}
