import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { AppError } from '../../../../shared/errors';
import type { Call } from '../../handler';
import { newId } from '../../ids';
import { cachedStatement } from '../../db/statements';
import { dataDirOf } from '../../mail/secrets';
import { readServiceSettings } from './settings';

export interface AttachmentRow {
  id: string;
  case_id: string;
  message_id: string | null;
  filename: string;
  content_type: string;
  size_bytes: number;
  sha256: string;
  stored: number;
  created_at: string;
  created_by: string | null;
}

export function rowToAttachment(row: AttachmentRow) {
  return {
    id: row.id,
    caseId: row.case_id,
    messageId: row.message_id,
    filename: row.filename,
    contentType: row.content_type,
    sizeBytes: row.size_bytes,
    sha256: row.sha256,
    createdAt: row.created_at,
    stored: row.stored === 1,
  };
}

/** <dataDir>/attachments/ab/cd/<sha256>: content-addressed, so the same file arriving twice is kept once. */
function blobPath(dataDir: string, sha256: string): string {
  return join(dataDir, 'attachments', sha256.slice(0, 2), sha256.slice(2, 4), sha256);
}

/** A name safe to show and to offer for download: no folders, no control characters. */
function safeFilename(name: string): string {
  const cleaned = name.replace(/[\\/]/g, '_').replace(/[\p{Cc}]/gu, '').trim().slice(0, 255);
  return cleaned || 'attachment';
}

/** Blob folders made by this process: made once each rather than asked for with every file. */
const madeFolders = new Set<string>();

/** Through a temporary file and a rename, so a row never points at half a file. */
function writeBlob(path: string, content: Buffer): void {
  const folder = join(path, '..');
  if (!madeFolders.has(folder)) {
    mkdirSync(folder, { recursive: true });
    madeFolders.add(folder);
  }
  const temp = `${path}.${process.pid}.${newId()}.tmp`;
  try {
    writeFileSync(temp, content);
  } catch (error) {
    // The folder went away under us (a data folder restored or cleaned): make it again, once.
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    mkdirSync(folder, { recursive: true });
    writeFileSync(temp, content);
  }
  renameSync(temp, path);
}

export interface NewAttachment {
  caseId: string;
  messageId: string | null;
  filename: string;
  contentType: string;
  content: Buffer;
}

/**
 * Keeps the bytes (written before the row, through a temporary file and a rename, so a row never
 * points at half a file; a rolled-back write leaves at most an unreferenced blob) and inserts the
 * metadata in the caller's write. Over the size limit only the metadata is kept.
 */
export function addAttachment(call: Call, input: NewAttachment) {
  const sha256 = createHash('sha256').update(input.content).digest('hex');
  const limit = readServiceSettings(call.db).maxAttachmentMb * 1024 * 1024;
  const stored = input.content.length <= limit;
  if (stored) {
    const path = blobPath(dataDirOf(call.db), sha256);
    if (!existsSync(path)) writeBlob(path, input.content);
  }
  const row: AttachmentRow = {
    id: newId(),
    case_id: input.caseId,
    message_id: input.messageId,
    filename: safeFilename(input.filename),
    content_type: input.contentType.slice(0, 200) || 'application/octet-stream',
    size_bytes: input.content.length,
    sha256,
    stored: stored ? 1 : 0,
    created_at: call.now.toISOString(),
    created_by: call.user?.id ?? null,
  };
  cachedStatement(
    call.db,
    `INSERT INTO attachments (id, case_id, message_id, filename, content_type, size_bytes, sha256, stored, created_at, created_by)
     VALUES (@id, @case_id, @message_id, @filename, @content_type, @size_bytes, @sha256, @stored, @created_at, @created_by)`,
  ).run(row);
  return rowToAttachment(row);
}

export function readAttachment(call: Call, id: string) {
  const row = call.db.prepare('SELECT * FROM attachments WHERE id = ?').get(id) as AttachmentRow | undefined;
  if (!row) throw new AppError('NOT_FOUND', 'No such attachment.');
  const live = call.db.prepare('SELECT 1 FROM cases WHERE id = ? AND deleted_at IS NULL').get(row.case_id);
  if (!live) throw new AppError('NOT_FOUND', 'This attachment belongs to a case in the recycle bin.');
  if (!row.stored) throw new AppError('NOT_FOUND', `${row.filename} was over the size limit when it arrived and was not kept.`);
  const path = blobPath(dataDirOf(call.db), row.sha256);
  if (!existsSync(path)) throw new AppError('NOT_FOUND', `The file of ${row.filename} is missing from the data folder.`);
  return { attachment: rowToAttachment(row), content: readFileSync(path), path };
}

export function attachmentsOfCase(call: Call, caseId: string): AttachmentRow[] {
  return call.db.prepare('SELECT * FROM attachments WHERE case_id = ? ORDER BY created_at, id').all(caseId) as AttachmentRow[];
}
