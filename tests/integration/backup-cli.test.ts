import Database from 'better-sqlite3';
import { spawn } from 'node:child_process';
import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createBackend } from '../../electron/core/backend';
import { silentLogger } from '../../electron/core/context';
import { makeTempDir } from '../helpers/temp';

const ROOT = join(__dirname, '..', '..');
const TSX = join(ROOT, 'node_modules', '.bin', 'tsx');

/** `npm run admin -- <args>`, to completion. */
function admin(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawn(TSX, ['electron/server/admin-cli.ts', ...args], { cwd: ROOT });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve) => child.on('exit', (code) => resolve({ code, stdout, stderr })));
}

const count = (file: string, sql: string) => {
  const db = new Database(file, { readonly: true });
  try {
    return db.prepare(sql).pluck().get() as number;
  } finally {
    db.close();
  }
};

const LOAD_ROWS = "SELECT count(*) FROM changes WHERE table_name = 'load'";

describe('npm run admin -- backup / verify / restore', () => {
  let temp: ReturnType<typeof makeTempDir>;
  let dbPath: string;
  beforeEach(async () => {
    temp = makeTempDir();
    const backend = await createBackend({ dataDir: temp.dir, logger: silentLogger, requireSetupCode: false, firstAdmin: { username: 'admin', password: 'admin-password-1' } });
    dbPath = backend.dbPath;
    backend.close();
  });
  afterEach(() => temp.cleanup());

  it('backs up while a writer is busy, and restore brings the database back to that point', async () => {
    const writer = new Database(dbPath);
    writer.pragma('busy_timeout = 5000');
    const insert = writer.prepare("INSERT INTO changes (table_name, record_id, op, at) VALUES ('load', ?, 'create', '2026-11-26T09:00:00.000Z')");
    let n = 0;
    const timer = setInterval(() => writer.transaction(() => { for (let i = 0; i < 20; i++) insert.run(`r${n++}`); })(), 2);
    await new Promise((resolve) => setTimeout(resolve, 50));
    const committedBefore = writer.prepare(LOAD_ROWS).pluck().get() as number;
    const out = join(temp.dir, 'elsewhere', 'nightly.db');
    const backup = await admin(['backup', '--data', temp.dir, '--out', out]);
    clearInterval(timer);
    expect(backup.stderr).toBe('');
    expect(backup.code).toBe(0);
    expect(backup.stdout).toContain(`Backup written and verified: ${out}`);
    expect(backup.stdout).toMatch(/integrity_check ok/);
    const inBackup = count(out, LOAD_ROWS);
    expect(inBackup).toBeGreaterThanOrEqual(committedBefore);
    expect(count(out, "SELECT count(*) FROM pragma_integrity_check WHERE integrity_check = 'ok'")).toBe(1);

    // Work goes on after the backup...
    insert.run('after-the-backup');
    writer.close();
    expect(count(dbPath, LOAD_ROWS)).toBeGreaterThan(inBackup);

    // ...then the backup is put back: the database is exactly the backup, the later state is kept aside.
    const restore = await admin(['restore', out, '--data', temp.dir]);
    expect(restore.stderr).toBe('');
    expect(restore.code).toBe(0);
    expect(count(dbPath, LOAD_ROWS)).toBe(inBackup);
    const aside = /kept at (.+\.db)\./.exec(restore.stdout)?.[1];
    expect(aside).toBeDefined();
    expect(count(aside!, "SELECT count(*) FROM changes WHERE record_id = 'after-the-backup'")).toBe(1);
    expect(count(dbPath, "SELECT count(*) FROM changes WHERE record_id = 'after-the-backup'")).toBe(0);

    const verify = await admin(['verify', '--data', temp.dir]);
    expect(verify.code).toBe(0);
    expect(verify.stdout).toMatch(/^OK: /);
  });

  it('refuses to restore a damaged file and leaves the database alone', async () => {
    const bad = join(temp.dir, 'bad.db');
    writeFileSync(bad, 'SQLite format 3\u0000 but not really');
    const before = count(dbPath, 'SELECT count(*) FROM users');
    const result = await admin(['restore', bad, '--data', temp.dir]);
    expect(result.code).toBe(1);
    expect(result.stderr.trim()).toMatch(/^Lantern CRM admin: .*bad\.db is damaged and was not restored/);
    expect(count(dbPath, 'SELECT count(*) FROM users')).toBe(before);
    expect(readdirSync(temp.dir)).not.toContain('lantern.lock');
  });
});
