import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { z } from 'zod';
import { AppError } from '../../../../shared/errors';
import type { Mailbox, MailboxCreate, MailboxUpdate } from '../../../../shared/schemas/service';
import type { Db } from '../../db/open';
import type { Call } from '../../handler';
import { signedIn } from '../../handler';
import { newId } from '../../ids';
import { pollImap } from '../../mail/imap';
import { dataDirOf, decryptSecret, encryptSecret } from '../../mail/secrets';
import { parseEmail, type ParsedEmail } from '../../mail/parse';
import type { ChangeRecorder } from '../../changes';
import { captureParsed, withBatchIndexing } from './capture';

interface MailboxRow {
  id: string;
  name: string;
  host: string;
  port: number;
  tls: number;
  tls_verify: number;
  username: string;
  password_enc: string | null;
  folder: string;
  enabled: number;
  poll_seconds: number;
  uid_validity: string | null;
  last_uid: number;
  last_poll_at: string | null;
  last_success_at: string | null;
  last_error: string | null;
  last_error_at: string | null;
  messages_captured: number;
  messages_failed: number;
  created_at: string;
  updated_at: string;
  version: number;
}

/** Polls in progress, per database and mailbox: a second poll waits for the first instead of racing it. */
const running = new WeakMap<Db, Map<string, Promise<unknown>>>();

function runningOf(db: Db): Map<string, Promise<unknown>> {
  let map = running.get(db);
  if (!map) running.set(db, (map = new Map()));
  return map;
}

const purpose = (id: string) => `mailbox:${id}`;
const isParsed = (value: unknown): value is ParsedEmail => typeof (value as ParsedEmail | null)?.messageId === 'string';

function toMailbox(db: Db, row: MailboxRow): Mailbox {
  return {
    id: row.id,
    name: row.name,
    host: row.host,
    port: row.port,
    tls: row.tls === 1,
    tlsVerify: row.tls_verify === 1,
    username: row.username,
    hasPassword: row.password_enc !== null,
    folder: row.folder,
    enabled: row.enabled === 1,
    pollSeconds: row.poll_seconds,
    status: {
      polling: runningOf(db).has(row.id),
      lastPollAt: row.last_poll_at,
      lastSuccessAt: row.last_success_at,
      lastError: row.last_error,
      lastErrorAt: row.last_error_at,
      messagesCaptured: row.messages_captured,
      messagesFailed: row.messages_failed,
      uidValidity: row.uid_validity,
      lastUid: row.last_uid,
    },
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    version: row.version,
  };
}

function loadRow(call: Call, id: string): MailboxRow {
  const row = call.db.prepare('SELECT * FROM mailboxes WHERE id = ?').get(id) as MailboxRow | undefined;
  if (!row) throw new AppError('NOT_FOUND', 'No such mailbox.');
  return row;
}

export function listMailboxes(call: Call) {
  return { items: (call.db.prepare('SELECT * FROM mailboxes ORDER BY name, id').all() as MailboxRow[]).map((row) => toMailbox(call.db, row)) };
}

export function getMailbox(call: Call, id: string): Mailbox {
  return toMailbox(call.db, loadRow(call, id));
}

export function createMailbox(call: Call, input: z.output<typeof MailboxCreate>): Mailbox {
  const id = newId();
  const now = call.now.toISOString();
  call.db
    .prepare(
      `INSERT INTO mailboxes (id, name, host, port, tls, tls_verify, username, password_enc, folder, enabled, poll_seconds, created_at, updated_at, created_by)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(
      id,
      input.name,
      input.host,
      input.port,
      input.tls ? 1 : 0,
      input.tlsVerify ? 1 : 0,
      input.username,
      encryptSecret(dataDirOf(call.db), input.password, purpose(id)),
      input.folder,
      input.enabled ? 1 : 0,
      input.pollSeconds,
      now,
      now,
      signedIn(call).id,
    );
  return getMailbox(call, id);
}

export function updateMailbox(call: Call, input: z.output<typeof MailboxUpdate>): Mailbox {
  const before = loadRow(call, input.id);
  if (before.version !== input.version) {
    throw new AppError('CONFLICT', 'Someone else saved this mailbox after you opened it. Reload it, then make your change again.', {
      currentVersion: before.version,
    });
  }
  const p = input.patch;
  const moved = (p.host !== undefined && p.host !== before.host) || (p.folder !== undefined && p.folder !== before.folder) || (p.username !== undefined && p.username !== before.username);
  call.db
    .prepare(
      `UPDATE mailboxes SET name = ?, host = ?, port = ?, tls = ?, tls_verify = ?, username = ?, password_enc = ?, folder = ?, enabled = ?,
         poll_seconds = ?, uid_validity = ?, last_uid = ?, updated_at = ?, version = version + 1 WHERE id = ? AND version = ?`,
    )
    .run(
      p.name ?? before.name,
      p.host ?? before.host,
      p.port ?? before.port,
      p.tls === undefined ? before.tls : p.tls ? 1 : 0,
      p.tlsVerify === undefined ? before.tls_verify : p.tlsVerify ? 1 : 0,
      p.username ?? before.username,
      p.password === undefined ? before.password_enc : encryptSecret(dataDirOf(call.db), p.password, purpose(before.id)),
      p.folder ?? before.folder,
      p.enabled === undefined ? before.enabled : p.enabled ? 1 : 0,
      p.pollSeconds ?? before.poll_seconds,
      // Another server, account or folder numbers its messages differently: start over (Message-IDs keep it exactly-once).
      moved ? null : before.uid_validity,
      moved ? 0 : before.last_uid,
      call.now.toISOString(),
      input.id,
      input.version,
    );
  return getMailbox(call, input.id);
}

export function deleteMailbox(call: Call, id: string) {
  loadRow(call, id);
  call.db.prepare('DELETE FROM mailboxes WHERE id = ?').run(id);
  return { ok: true as const };
}

/**
 * Polls one mailbox: each new message is stored together with the UID it had (in one transaction
 * per fetched chunk), so a crash or restart resumes after the last stored message and never
 * stores one twice.
 * A message that cannot be parsed is kept as a file in <dataDir>/mail-failed/ and skipped.
 * Connection and login failures end up in the mailbox's status rather than as an error.
 */
export async function pollMailbox(call: Call, id: string) {
  const inFlight = runningOf(call.db);
  while (inFlight.has(id)) await inFlight.get(id)!.catch(() => undefined);
  const work = pollOnce(call, id);
  inFlight.set(id, work);
  let counts;
  try {
    counts = await work;
  } finally {
    inFlight.delete(id);
  }
  return { mailbox: getMailbox(call, id), ...counts };
}

async function pollOnce(call: Call, id: string) {
  const row = loadRow(call, id);
  const dataDir = dataDirOf(call.db);
  const counts = { captured: 0, failed: 0, skipped: 0 };
  const setStatus = (sql: string, ...params: unknown[]) => call.write(() => call.db.prepare(sql).run(...params, id));
  setStatus('UPDATE mailboxes SET last_poll_at = ? WHERE id = ?', call.now.toISOString());
  try {
    if (!row.password_enc) throw new Error('No password is stored for this mailbox.');
    let password: string;
    try {
      password = decryptSecret(dataDir, row.password_enc, purpose(id));
    } catch {
      throw new Error('The stored password cannot be read (the key file of the data folder changed). Enter it again.');
    }
    const advance = call.db.prepare(
      'UPDATE mailboxes SET uid_validity = ?, last_uid = max(last_uid, ?), messages_captured = messages_captured + ?, messages_failed = messages_failed + ? WHERE id = ?',
    );
    const result = await pollImap(
      { host: row.host, port: row.port, tls: row.tls === 1, tlsVerify: row.tls_verify === 1, username: row.username, password, folder: row.folder },
      { uidValidity: row.uid_validity, lastUid: row.last_uid },
      async (chunk) => {
        const uidValidity = chunk[0]!.uidValidity;
        if (uidValidity !== row.uid_validity) {
          // A new numbering: forget the old position before the first message of the new one is stored.
          setStatus('UPDATE mailboxes SET uid_validity = ?, last_uid = 0 WHERE id = ?', uidValidity);
          row.uid_validity = uidValidity;
        }
        // Parsing is the slow part and needs no transaction; a chunk is then stored in one write
        // (one disk sync), each message in its own savepoint together with its UID.
        const parsed = await Promise.all(chunk.map((m) => parseEmail(m.source).catch((error: unknown) => error)));
        const refused = (uid: number, source: Buffer, error: AppError) => {
          const folder = join(dataDir, 'mail-failed');
          mkdirSync(folder, { recursive: true });
          writeFileSync(join(folder, `${id}-${uidValidity}-${uid}.eml`), source);
          advance.run(uidValidity, uid, 0, 1, id);
          call.db.prepare('UPDATE mailboxes SET last_error = ?, last_error_at = ? WHERE id = ?').run(`Message UID ${uid}: ${error.message}`, call.now.toISOString(), id);
          counts.failed++;
        };
        const store = (changes: ChangeRecorder, touched: Set<string>) =>
          chunk.forEach(({ uid, source }, i) => {
            const mail = parsed[i];
            if (!isParsed(mail)) {
              if (!(mail instanceof AppError) || mail.code !== 'VALIDATION') throw mail;
              refused(uid, source, mail);
              return;
            }
            try {
              const result = call.db.transaction(() =>
                captureParsed(call, changes, mail, `imap:${id}`, (_changes, { alreadyCaptured }) => {
                  advance.run(uidValidity, uid, alreadyCaptured ? 0 : 1, 0, id);
                  counts[alreadyCaptured ? 'skipped' : 'captured']++;
                }),
              )();
              touched.add(result.caseId);
            } catch (error) {
              if (!(error instanceof AppError) || error.code !== 'VALIDATION') throw error;
              refused(uid, source, error);
            }
          });
        call.write((changes) => withBatchIndexing(call, chunk.length, (touched) => store(changes, touched)));
      },
    );
    setStatus(
      'UPDATE mailboxes SET uid_validity = ?, last_success_at = ?, last_error = CASE WHEN ? > 0 THEN last_error ELSE NULL END WHERE id = ?',
      result.uidValidity,
      call.now.toISOString(),
      counts.failed,
    );
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    call.logger.warn('mailbox poll failed', { mailboxId: id, error: message });
    setStatus('UPDATE mailboxes SET last_error = ?, last_error_at = ? WHERE id = ?', message.slice(0, 1000), call.now.toISOString());
  }
  return counts;
}
