import { app, session, shell, type WebContents } from 'electron';
import type { Logger } from '../core/context';
import { isOwnPage, type RendererSource } from './renderer-source';

/** The policy for the app's own pages: only its own scripts, no plugins, no framing, no remote calls. */
const CSP_DIRECTIVES = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
];

/**
 * The Content-Security-Policy header value. Under Vite's dev server (never in a packaged app) the
 * React refresh preamble is an inline script and hot reload talks over a WebSocket, so those two
 * directives are widened there only.
 */
export function contentSecurityPolicy(source: RendererSource): string {
  if (source.kind === 'file') return CSP_DIRECTIVES.join('; ');
  const ws = source.origin.replace(/^http/, 'ws');
  return CSP_DIRECTIVES.map((directive) => {
    if (directive.startsWith('script-src ')) return `${directive} 'unsafe-inline'`;
    if (directive.startsWith('connect-src ')) return `${directive} ${ws}`;
    return directive;
  }).join('; ');
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
 * no navigation away from the app's page, no new windows, no <webview>, no permissions.
 */
export function installSecurity(source: RendererSource, logger: Logger): void {
  const ses = session.defaultSession;
  const policy = contentSecurityPolicy(source);

  ses.webRequest.onHeadersReceived((details, callback) => {
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
