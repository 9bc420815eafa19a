import Database from 'better-sqlite3';
import { spawn } from 'node:child_process';
import { cpSync, mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createBackend } from '../../electron/core/backend';
import { silentLogger } from '../../electron/core/context';
import { runningOwner } from '../../electron/core/backup/run-lock';
import { loadMigrations } from '../../electron/core/db/migrations';
import { startServerProcess } from '../helpers/cli';
import { makeTempDir } from '../helpers/temp';

const ROOT = join(__dirname, '..', '..');
const TSX = join(ROOT, 'node_modules', '.bin', 'tsx');

function run(cwd: string, script: string, args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawn(TSX, [script, ...args], { cwd });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve) => child.on('exit', (code) => resolve({ code, stdout, stderr })));
}

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

/**
 * A copy of the app (its sources and migrations, sharing node_modules) that the real CLI runs from:
 * the server finds its migrations next to its own code, so a "new version" with one more migration
 * is this copy with one more file. The repository itself plays the old version.
 */
function copyOfTheApp(dir: string): string {
  for (const part of ['electron', 'shared', 'migrations', 'package.json']) cpSync(join(ROOT, part), join(dir, part), { recursive: true });
  symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'), 'dir');
  return dir;
}

describe('an upgrade whose migration fails', () => {
  let temp: ReturnType<typeof makeTempDir>;
  beforeEach(() => {
    temp = makeTempDir();
  });
  afterEach(() => temp.cleanup());

  it('leaves the database as it was, and the old version still starts on it', async () => {
    const app = copyOfTheApp(join(temp.dir, 'app'));
    const data = join(temp.dir, 'data');
    mkdirSync(data);
    const backend = await createBackend({ dataDir: data, logger: silentLogger, requireSetupCode: false, firstAdmin: { username: 'admin', password: 'admin-password-1' } });
    const schema = backend.schemaVersion;
    backend.close();

    const next = String(schema + 1).padStart(4, '0');
    const broken = join(app, 'migrations', `${next}_broken.sql`);
    writeFileSync(broken, 'CREATE TABLE half_done (x);\nINSERT INTO no_such_table VALUES (1);\n');
    const port = String(await freePort());
    const failed = await run(app, 'electron/server/cli.ts', ['--data', data, '--port', port, '--host', '127.0.0.1']);
    expect(failed.code).toBe(1);
    expect(failed.stderr.trim()).toMatch(new RegExp(`^Lantern CRM: Upgrading the database failed at migration ${schema + 1} \\(broken\\).*still at schema ${schema}\\. A backup taken just before is at .*pre-migration`));

    const db = new Database(join(data, 'lantern.db'), { readonly: true });
    expect(db.pragma('user_version', { simple: true })).toBe(schema);
    expect(db.prepare("SELECT name FROM sqlite_schema WHERE name = 'half_done'").get()).toBeUndefined();
    expect(db.prepare("SELECT username FROM users").pluck().all()).toEqual(['admin']);
    db.close();

    // The old version (this repository, without the new migration) starts and serves as before.
    expect(loadMigrations(join(ROOT, 'migrations'))).toHaveLength(schema);
    const server = await startServerProcess(['--data', data, '--port', port, '--host', '127.0.0.1']);
    expect(server.stdout()).toContain('Licence: Trial');
    expect(await server.stop()).toBe(0);
  });

  it('restore refuses while a server owns the data folder', async () => {
    const data = join(temp.dir, 'data');
    // The office server and the desktop app claim their data folder exactly like this backend does.
    const running = await createBackend({ dataDir: data, logger: silentLogger, requireSetupCode: false, scheduledBackups: false });
    const backup = join(temp.dir, 'copy.db');
    const reader = new Database(running.dbPath, { readonly: true });
    await reader.backup(backup);
    reader.close();
    try {
      const refused = await run(ROOT, 'electron/server/admin-cli.ts', ['restore', backup, '--data', data]);
      expect(refused.code).toBe(1);
      expect(refused.stderr.trim()).toMatch(new RegExp(`^Lantern CRM admin: Lantern CRM is running on this data folder \\(process ${process.pid} on .*delete .*lantern\\.lock\\)\\. Stop the office server`));
    } finally {
      running.close();
    }
    // Stopping gives the folder up (a crash would too: a lock whose process is gone does not count).
    expect(runningOwner(data)).toBeNull();
  });
});
