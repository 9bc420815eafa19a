import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..');
const TSX = join(ROOT, 'node_modules', '.bin', 'tsx');

export interface RunningServer {
  child: ChildProcess;
  url: string;
  stdout: () => string;
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

/** Starts `electron/server/cli.ts` as `npm run serve` does and waits for its listening line. */
export function startServerProcess(args: string[], env: Record<string, string> = {}): Promise<RunningServer> {
  const child = spawn(TSX, ['electron/server/cli.ts', ...args], { cwd: ROOT, env: { ...process.env, ...env } });
  let out = '';
  let err = '';
  child.stdout!.on('data', (chunk: Buffer) => (out += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (err += chunk.toString()));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${out}\n${err}`)), 30_000);
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited with ${code}:\n${out}\n${err}`));
    });
    let started = false;
    child.stdout!.on('data', () => {
      const match = /Lantern CRM office server listening on (https:\/\/\S+)/.exec(out);
      if (!match || started) return;
      started = true;
      clearTimeout(timer);
      child.removeAllListeners('exit');
      resolve({
        child,
        url: match[1]!,
        stdout: () => out,
        stop: (signal = 'SIGTERM') =>
          new Promise((done) => {
            child.on('exit', (code) => done(code));
            child.kill(signal);
          }),
      });
    });
  });
}

/** Runs the CLI to completion (for start-up failures): exit code and output. */
export function runServerProcess(args: string[], env: Record<string, string> = {}): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawn(TSX, ['electron/server/cli.ts', ...args], { cwd: ROOT, env: { ...process.env, ...env } });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve) => child.on('exit', (code) => resolve({ code, stdout, stderr })));
}
