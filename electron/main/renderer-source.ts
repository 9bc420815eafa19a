import { app, type BrowserWindow } from 'electron';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** Where the window's page comes from: the built files, or Vite's dev server while developing. */
export type RendererSource = { kind: 'file'; indexPath: string } | { kind: 'dev'; origin: string; url: string };

/**
 * A packaged app ignores VITE_DEV_SERVER_URL: an environment variable must never be able to point
 * the window, and with it the backend bridge, at some other page.
 */
export function chooseRendererSource(indexPath: string): RendererSource {
  const devUrl = process.env.VITE_DEV_SERVER_URL;
  if (devUrl && !app.isPackaged) {
    const url = new URL(devUrl);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') {
      throw new Error(`VITE_DEV_SERVER_URL must be an http(s) URL, got ${url.protocol}`);
    }
    return { kind: 'dev', origin: url.origin, url: url.href };
  }
  return { kind: 'file', indexPath: path.resolve(indexPath) };
}

export function loadRenderer(window: BrowserWindow, source: RendererSource): Promise<void> {
  return source.kind === 'dev' ? window.loadURL(source.url) : window.loadFile(source.indexPath);
}

/**
 * Whether `rawUrl` is the app's own page: the dev server's origin, or exactly the built
 * index.html (any query or #hash route). Nothing else on disk counts: a file:// page elsewhere
 * is not ours.
 */
export function isOwnPage(source: RendererSource, rawUrl: string): boolean {
  let url: URL;
  try {
    url = new URL(rawUrl);
  } catch {
    return false;
  }
  if (source.kind === 'dev') return url.origin === source.origin;
  if (url.protocol !== 'file:' || (url.host !== '' && url.host !== 'localhost')) return false;
  let filePath: string;
  try {
    filePath = path.resolve(fileURLToPath(url));
  } catch {
    return false;
  }
  return process.platform === 'win32'
    ? filePath.toLowerCase() === source.indexPath.toLowerCase()
    : filePath === source.indexPath;
}
