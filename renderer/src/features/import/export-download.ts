import type { MethodOutput } from '../../../../shared/methods';
import { call } from '../../api/client';
import { downloadBlob, downloadFromServer } from '../records/download';

type ExportStatus = MethodOutput<'export.status'>;

/** In the desktop app there is no HTTP server to GET from: the file comes in export.chunk pieces. */
async function chunkedExport(status: ExportStatus): Promise<Blob> {
  const parts: Uint8Array<ArrayBuffer>[] = [];
  let offset: number | null = 0;
  while (offset !== null) {
    const chunk: MethodOutput<'export.chunk'> = await call('export.chunk', { jobId: status.jobId, offset });
    parts.push(Uint8Array.from(atob(chunk.base64), (char) => char.charCodeAt(0)));
    offset = chunk.nextOffset;
  }
  return new Blob(parts, { type: status.contentType });
}

/** Saves a finished export under the name the server gave it: streamed over HTTPS, in pieces over IPC. */
export async function downloadExport(status: ExportStatus): Promise<void> {
  if (window.lantern) downloadBlob(status.fileName, await chunkedExport(status));
  else await downloadFromServer(status.downloadPath, status.fileName);
}
