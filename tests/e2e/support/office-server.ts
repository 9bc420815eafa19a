import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, mkdirSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const READY_LINE = /Lantern CRM office server listening on (https:\/\/\S+)/;
const START_TIMEOUT_MS = 90_000;

export interface OfficeServer {
  /** The https:// address the server printed. */
  url: string;
  dataDir: string;
  /** Resolves with the first match of `pattern` in the server's stdout, past or future. */
  waitForOutput(pattern: RegExp, timeoutMs?: number): Promise<RegExpMatchArray>;
  stop(): Promise<void>;
}

export interface StartOptions {
  /** Creates this administrator on first start; without it the server prints a setup code. */
  admin?: { username: string; password: string };
  /** A name for the log file under test-results/. */
  name: string;
}

function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolvePort(port));
    });
  });
}

function waitForExit(child: ChildProcess, timeoutMs: number): Promise<boolean> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(true);
  return new Promise((resolveExit) => {
    const timer = setTimeout(() => resolveExit(false), timeoutMs);
    child.once('exit', () => {
      clearTimeout(timer);
      resolveExit(true);
    });
  });
}

/**
 * Starts the real office server (`tsx electron/server/cli.ts`) on a fresh data folder and a free
 * port, and resolves once it prints that it is listening. Its output goes to test-results/<name>.log.
 */
export async function startOfficeServer({ admin, name }: StartOptions): Promise<OfficeServer> {
  const dataDir = await mkdtemp(join(tmpdir(), 'lantern-e2e-'));
  const port = await freePort();
  const env = { ...process.env };
  delete env.LANTERN_ADMIN_USER;
  delete env.LANTERN_ADMIN_PASSWORD;
  if (admin) Object.assign(env, { LANTERN_ADMIN_USER: admin.username, LANTERN_ADMIN_PASSWORD: admin.password });

  // Its own process group, so stopping it also stops the node process npx and tsx start below it.
  const child = spawn(
    'npx',
    ['tsx', 'electron/server/cli.ts', '--data', dataDir, '--port', String(port), '--host', '127.0.0.1'],
    { cwd: ROOT, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] },
  );

  mkdirSync(join(ROOT, 'test-results'), { recursive: true });
  const log = createWriteStream(join(ROOT, 'test-results', `${name}.log`));
  const lines: string[] = [];
  const waiters = new Set<(line: string) => void>();
  createInterface({ input: child.stdout! }).on('line', (line) => {
    lines.push(line);
    log.write(`${line}\n`);
    for (const waiter of waiters) waiter(line);
  });
  child.stderr!.on('data', (chunk: Buffer) => log.write(chunk));

  const waitForOutput = (pattern: RegExp, timeoutMs = START_TIMEOUT_MS) =>
    new Promise<RegExpMatchArray>((resolveMatch, reject) => {
      const seen = lines.map((line) => line.match(pattern)).find(Boolean);
      if (seen) return resolveMatch(seen);
      const onExit = () => finish(new Error(`the office server exited before printing ${pattern}; see test-results/${name}.log`));
      const timer = setTimeout(() => finish(new Error(`no ${pattern} from the office server within ${timeoutMs} ms`)), timeoutMs);
      const waiter = (line: string) => {
        const match = line.match(pattern);
        if (match) finish(null, match);
      };
      function finish(error: Error | null, match?: RegExpMatchArray) {
        clearTimeout(timer);
        waiters.delete(waiter);
        child.off('exit', onExit);
        if (error) reject(error);
        else resolveMatch(match!);
      }
      waiters.add(waiter);
      child.once('exit', onExit);
    });

  const stop = async () => {
    if (child.pid !== undefined && child.exitCode === null && child.signalCode === null) {
      process.kill(-child.pid, 'SIGTERM');
      if (!(await waitForExit(child, 10_000))) process.kill(-child.pid, 'SIGKILL');
    }
    log.end();
    await rm(dataDir, { recursive: true, force: true });
  };

  try {
    const [, url] = await waitForOutput(READY_LINE);
    return { url: url!, dataDir, waitForOutput, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
