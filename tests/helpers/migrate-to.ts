import { join } from 'node:path';
import { silentLogger } from '../../electron/core/context';
import { openAndMigrate } from '../../electron/core/db/migrate';
import { loadMigrations } from '../../electron/core/db/migrations';

const ALL = loadMigrations(join(__dirname, '..', '..', 'migrations'));

/**
 * Opens `dir`/lantern.db migrated up to `version` and no further: the database as an older release
 * left it, for a test that fills it and then upgrades it (call again with a later version).
 */
export function migrateTo(dir: string, version: number) {
  return openAndMigrate({
    file: join(dir, 'lantern.db'),
    migrations: ALL.filter((m) => m.version <= version),
    backupsDir: join(dir, 'backups'),
    logger: silentLogger,
    now: new Date('2026-11-26T09:00:00Z'),
  });
}
