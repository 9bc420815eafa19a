import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { createBackend } from '../core/backend';
import { appRoot, defaultDataDir } from '../core/app-paths';
import { consoleLogger } from '../core/context';
import { StartupError } from '../core/db/migrate';
import { seedDemoData } from '../core/demo/seed';
import { createOfficeServer } from './server';
import { ensureCertificate } from './tls';

const USAGE = `Usage: npm run serve -- [--data DIR] [--host HOST] [--port PORT] [--demo]

  --data DIR    data folder (database, backups, certificate); default: ${defaultDataDir()}
  --host HOST   address to listen on; default 0.0.0.0 (every network interface)
  --port PORT   TCP port; default 8443
  --demo        fill an empty database with realistic sample data

On first start, LANTERN_ADMIN_PASSWORD (and LANTERN_ADMIN_USER, default admin) create the
administrator; otherwise a one-time setup code is printed for the first-run page.`;

/** Every way start-up can fail ends here: one clear line, non-zero exit, no stack trace. */
function fail(message: string): never {
  console.error(`Lantern CRM: ${message}`);
  process.exit(1);
}

async function main(): Promise<void> {
  let args;
  try {
    args = parseArgs({
      options: {
        data: { type: 'string' },
        host: { type: 'string', default: '0.0.0.0' },
        port: { type: 'string', default: '8443' },
        demo: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
    }).values;
  } catch (error) {
    fail(`${(error as Error).message}\n${USAGE}`);
  }
  if (args.help) {
    console.log(USAGE);
    return;
  }
  const port = Number(args.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) fail(`--port must be a number from 0 to 65535, not ${args.port}.`);
  const host = args.host!;
  const dataDir = args.data ?? defaultDataDir();

  const adminPassword = process.env.LANTERN_ADMIN_PASSWORD;
  const backend = await createBackend({
    dataDir,
    logger: consoleLogger,
    requireSetupCode: true,
    firstAdmin: adminPassword ? { username: process.env.LANTERN_ADMIN_USER || 'admin', password: adminPassword } : undefined,
  });
  if (args.demo) await seedDemoData(backend, consoleLogger);
  const tls = await ensureCertificate(dataDir);
  const server = await createOfficeServer({ backend, tls, webRoot: join(appRoot(), 'dist', 'renderer'), logger: consoleLogger });

  try {
    await server.listen({ host, port });
  } catch (error) {
    backend.close();
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EADDRINUSE') fail(`port ${port} on ${host} is already in use. Stop the other program or choose another port with --port.`);
    if (code === 'EACCES') fail(`not allowed to listen on port ${port}. Use a port above 1023, or run as an administrator.`);
    if (code === 'EADDRNOTAVAIL') fail(`this machine has no address ${host}. Use --host 0.0.0.0 to listen on every interface.`);
    throw error;
  }
  const address = server.server.address();
  const actualPort = typeof address === 'object' && address ? address.port : port;
  const shownHost = host.includes(':') ? `[${host}]` : host;
  // One write, so whoever waits for the listening line also has the fingerprint and licence lines.
  console.log(
    [
      `Lantern CRM office server listening on https://${shownHost}:${actualPort}`,
      `Certificate SHA-256 fingerprint: ${tls.fingerprint}`,
      `Data folder: ${dataDir}`,
      `Licence: ${backend.licenceStatus().message}`,
    ].join('\n'),
  );
  const setupCode = backend.setupCode;
  if (setupCode) console.log(`First-run setup code: ${setupCode} (open the address above and enter it to create the administrator)`);

  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    consoleLogger.info('shutting down', { signal });
    // Fastify finishes the requests in flight first; every write commits before its response, so none is lost.
    await server.close();
    backend.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
}

main().catch((error: unknown) => {
  if (error instanceof StartupError) fail(error.message);
  fail(`the office server could not start: ${(error as Error).message ?? String(error)}`);
});
