import { closeSync, openSync, readSync } from 'node:fs';
import { AppError } from '../../../shared/errors';
import type { HandlerMap } from '../handler';
import { signedIn, type Call } from '../handler';
import { jobOf, type Job } from '../import/jobs';
import { exportDownloadPath, startExport, type ExportResult } from './run';

function status(job: Job) {
  const result = job.result as ExportResult;
  return {
    jobId: job.id,
    type: result.type,
    format: result.format,
    state: job.state,
    processed: job.processed,
    total: job.total,
    message: job.message,
    fileName: result.fileName,
    contentType: result.contentType,
    sizeBytes: result.sizeBytes,
    downloadPath: exportDownloadPath(job.id),
    startedAt: job.startedAt,
    finishedAt: job.finishedAt,
  };
}

/** A finished export of the caller's. */
export function finishedExport(job: Job): ExportResult {
  if (job.state !== 'done') throw new AppError('CONFLICT', job.state === 'running' ? 'The export is not finished yet.' : `The export ${job.state}; start it again.`);
  return job.result as ExportResult;
}

const exportJob = (call: Call, jobId: string) => jobOf(call.db, jobId, signedIn(call), 'export');

export const exportHandlers: HandlerMap<'export.start' | 'export.status' | 'export.cancel' | 'export.chunk'> = {
  'export.start': (call, input) => status(startExport(call, input)),
  'export.status': (call, { jobId }) => status(exportJob(call, jobId)),
  'export.cancel'(call, { jobId }) {
    const job = exportJob(call, jobId);
    if (job.state === 'running') job.cancelRequested = true;
    return status(job);
  },
  'export.chunk'(call, { jobId, offset, length }) {
    const result = finishedExport(exportJob(call, jobId));
    const size = result.sizeBytes ?? 0;
    const buffer = Buffer.alloc(Math.max(0, Math.min(length, size - offset)));
    if (buffer.length > 0) {
      const fd = openSync(result.file, 'r');
      try {
        readSync(fd, buffer, 0, buffer.length, offset);
      } finally {
        closeSync(fd);
      }
    }
    const end = offset + buffer.length;
    return { base64: buffer.toString('base64'), nextOffset: end < size ? end : null, sizeBytes: size };
  },
};
