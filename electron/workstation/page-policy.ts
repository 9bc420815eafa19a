/**
 * What the app's own page may load and reach, as plain functions so the rules are tested under
 * Node (electron/main/security.ts applies them). A workstation's page may connect to its office
 * server, and to no other machine.
 */

/** Where the page comes from: the built files, or Vite's dev server while developing. */
export type PageSource = { kind: 'file' } | { kind: 'dev'; origin: string };

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

/** The office server's HTTPS origin and its WebSocket twin (the change feed), nothing broader. */
export function serverConnectSources(serverUrl: string): string[] {
  const origin = new URL(serverUrl).origin;
  return [origin, origin.replace(/^https:/, 'wss:')];
}

/**
 * The Content-Security-Policy header value. A workstation adds exactly its office server to
 * connect-src. Under Vite's dev server (never in a packaged app) the React refresh preamble is an
 * inline script and hot reload talks over a WebSocket, so those two directives are widened there only.
 */
export function contentSecurityPolicy(source: PageSource, serverUrl: string | null): string {
  const extraConnect = serverUrl ? serverConnectSources(serverUrl) : [];
  if (source.kind === 'dev') extraConnect.push(source.origin.replace(/^http/, 'ws'));
  return CSP_DIRECTIVES.map((directive) => {
    if (source.kind === 'dev' && directive.startsWith('script-src ')) return `${directive} 'unsafe-inline'`;
    if (directive.startsWith('connect-src ') && extraConnect.length > 0) return `${directive} ${extraConnect.join(' ')}`;
    return directive;
  }).join('; ');
}

/** Whether `rawUrl` is on the office server (same scheme, host and port). */
export function isOnServer(serverUrl: string, rawUrl: string): boolean {
  try {
    return new URL(rawUrl).origin === new URL(serverUrl).origin;
  } catch {
    return false;
  }
}

/**
 * The page is loaded from the app's files, so to the browser engine the office server is another
 * origin and its API calls need CORS answers, which the server (built for same-origin browsers)
 * does not give. The main process adds these to the server's responses in the app's own session
 * only: no other program or browser sees them. The API authenticates by bearer token, not cookies.
 */
export const SERVER_CORS_HEADERS: Readonly<Record<string, string>> = {
  'Access-Control-Allow-Origin': '*',
  'Access-Control-Allow-Methods': 'GET, POST',
  'Access-Control-Allow-Headers': 'authorization, content-type, x-lantern-version, x-lantern-schema',
  'Access-Control-Expose-Headers': 'content-disposition, retry-after',
  'Access-Control-Max-Age': '600',
};
