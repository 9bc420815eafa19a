import type { HandlerMap } from '../handler';
import { APP_VERSION } from '../../../shared/version';
import { seatsInUse } from '../licence/seats';
import { databaseBytes } from './check';

/** The tables whose changes make the admin audit trail: people, licence, seats, backups, settings. */
const AUDITED_TABLES = ['users', 'licence', 'seats', 'backups', 'settings'];

export const adminHandlers: HandlerMap<'admin.status' | 'admin.audit'> = {
  'admin.status'(call) {
    const { backups, startedAt } = call.services;
    return {
      version: APP_VERSION,
      schemaVersion: call.db.pragma('user_version', { simple: true }) as number,
      startedAt: startedAt.toISOString(),
      uptimeSeconds: Math.max(0, Math.floor((call.now.getTime() - startedAt.getTime()) / 1000)),
      dataFolder: backups.dataDir,
      databaseFile: backups.dbPath,
      databaseBytes: databaseBytes(backups.dbPath),
      activeUsers: seatsInUse(call.db, call.now),
      sessions: call.db.prepare('SELECT count(*) FROM sessions WHERE expires_at > ?').pluck().get(call.now.toISOString()) as number,
      lastBackup: backups.latest(),
    };
  },

  'admin.audit'(call, { limit, before }) {
    const rows = call.db
      .prepare(
        `SELECT c.seq, c.at, c.table_name, c.record_id, c.op, c.user_id, u.username
         FROM changes c LEFT JOIN users u ON u.id = c.user_id
         WHERE c.table_name IN (SELECT value FROM json_each(?)) AND (? IS NULL OR c.seq < ?)
         ORDER BY c.seq DESC LIMIT ?`,
      )
      .all(JSON.stringify(AUDITED_TABLES), before ?? null, before ?? null, limit) as {
      seq: number;
      at: string;
      table_name: string;
      record_id: string;
      op: string;
      user_id: string | null;
      username: string | null;
    }[];
    return {
      items: rows.map((r) => ({ seq: r.seq, at: r.at, table: r.table_name, recordId: r.record_id, op: r.op, userId: r.user_id, username: r.username })),
    };
  },
};
