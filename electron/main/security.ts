import { app, session, shell, type Session, type WebContents } from 'electron';
import { getNetSession } from 'electron-updater/out/electronHttpExecutor';
import type { Logger } from '../core/context';
import { contentSecurityPolicy, isOnServer, SERVER_CORS_HEADERS } from '../workstation/page-policy';
import { CHROMIUM_VERDICT, verdictForCertificate } from '../workstation/pinning';
import { isOwnPage, type RendererSource } from './renderer-source';

/** A workstation's office server and the certificate fingerprint an administrator trusted. */
export interface PinnedServer {
  serverUrl: string;
  fingerprint: string;
}

/** Links the app may hand to the operating system. Anything else (file:, smb:, custom handlers) could run code. */
const EXTERNAL_PROTOCOLS = new Set(['https:', 'http:', 'mailto:']);

/** Opens a web link (or a mailto: link, which a CRM's email fields produce) in the user's own browser or mail app. */
export function openExternalLink(rawUrl: string, logger: Logger): void {
  let url: URL;
  try {
    url = new URL(rawUrl);
  } catch {
    logger.warn('refused to open a malformed link', { url: rawUrl.slice(0, 200) });
    return;
  }
  if (!EXTERNAL_PROTOCOLS.has(url.protocol)) {
    logger.warn('refused to open a link with a disallowed protocol', { protocol: url.protocol });
    return;
  }
  shell.openExternal(url.href).catch((error: unknown) => {
    logger.warn('could not open a link in the system browser', { error: String(error) });
  });
}

/**
 * Locks down every web page the app creates, before the first window exists: the CSP header,
 * no navigation away from the app's page, no new windows, no <webview>, no permissions. A
 * workstation's page may also reach its office server, and only over the pinned certificate.
 */
export function installSecurity(source: RendererSource, server: PinnedServer | null, logger: Logger): void {
  const ses = session.defaultSession;
  const policy = contentSecurityPolicy(source, server?.serverUrl ?? null);
  if (server) {
    // The page's calls and change feed, and the updater's downloads (electron-updater's own session).
    pinServerCertificate(ses, server, logger);
    pinServerCertificate(getNetSession(), server, logger);
  }

  ses.webRequest.onHeadersReceived((details, callback) => {
    if (server && isOnServer(server.serverUrl, details.url)) {
      // The page is a file:// origin to the engine: answer its CORS checks for the office server's API.
      const headers: Record<string, string[] | string> = { ...details.responseHeaders };
      for (const [name, value] of Object.entries(SERVER_CORS_HEADERS)) headers[name] = [value];
      const preflight = details.method === 'OPTIONS';
      callback(preflight ? { responseHeaders: headers, statusLine: 'HTTP/1.1 204 No Content' } : { responseHeaders: headers });
      return;
    }
    if (!isOwnPage(source, details.url)) {
      callback({});
      return;
    }
    const headers: Record<string, string[] | string> = {};
    for (const [name, value] of Object.entries(details.responseHeaders ?? {})) {
      // Drop a policy the dev server may send, so exactly one (ours) applies.
      if (name.toLowerCase() !== 'content-security-policy') headers[name] = value;
    }
    headers['Content-Security-Policy'] = [policy];
    callback({ responseHeaders: headers });
  });

  // The app asks for nothing (no camera, geolocation, notifications from the page...). Copying to
  // the clipboard from the app's own page is the one exception: copy buttons need it.
  ses.setPermissionRequestHandler((contents, permission, callback) => {
    const allowed = permission === 'clipboard-sanitized-write' && isOwnPage(source, contents.getURL());
    if (!allowed) logger.warn('denied a permission request', { permission });
    callback(allowed);
  });
  ses.setPermissionCheckHandler((contents, permission) => {
    return permission === 'clipboard-sanitized-write' && contents !== null && isOwnPage(source, contents.getURL());
  });

  app.on('web-contents-created', (_event, contents) => guardWebContents(contents, source, logger));
}

/**
 * Trust on first use, enforced by the engine: the office server's host must show the certificate
 * an administrator trusted (its self-signed one has no CA to vouch for it); a changed one is refused
 * before any request goes out. Other hosts keep the usual checks.
 */
function pinServerCertificate(ses: Session, server: PinnedServer, logger: Logger): void {
  ses.setCertificateVerifyProc((request, callback) => {
    const verdict = verdictForCertificate(server.serverUrl, server.fingerprint, request.hostname, request.certificate.data);
    if (verdict === CHROMIUM_VERDICT.refuse) {
      logger.warn('refused the office server: its certificate is not the pinned one', { host: request.hostname, pinned: server.fingerprint });
    }
    callback(verdict);
  });
}

function guardWebContents(contents: WebContents, source: RendererSource, logger: Logger): void {
  // A link to the web opens in the user's browser; the window itself stays on the app's page.
  contents.on('will-frame-navigate', (event) => {
    if (isOwnPage(source, event.url)) return;
    event.preventDefault();
    if (event.isMainFrame) openExternalLink(event.url, logger);
    else logger.warn('blocked a frame navigation', { url: event.url.slice(0, 200) });
  });
  contents.on('will-redirect', (event) => {
    if (isOwnPage(source, event.url)) return;
    event.preventDefault();
    logger.warn('blocked a redirect', { url: event.url.slice(0, 200) });
  });
  contents.setWindowOpenHandler(({ url }) => {
    openExternalLink(url, logger);
    return { action: 'deny' };
  });
  contents.on('will-attach-webview', (event) => {
    event.preventDefault();
    logger.warn('blocked a <webview>');
  });
}
