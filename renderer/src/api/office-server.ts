import type { DesktopBridge } from '../../../shared/desktop-bridge';

declare global {
  interface Window {
    /** Present only inside the desktop app (its connection settings and updater), put there by the preload script. */
    lanternDesktop?: DesktopBridge;
  }
}

/**
 * The office server's origin for a desktop workstation, whose page is loaded from the app's own
 * files; '' elsewhere: a browser's page comes from the office server itself (same origin), and the
 * standalone app calls over IPC.
 */
export function officeServerOrigin(): string {
  const connection = window.lanternDesktop?.connection;
  return connection?.mode === 'server' ? connection.serverUrl : '';
}

/** A path on the office server (`/api/v1/...`) as the page must fetch it. */
export function officeServerUrl(path: string): string {
  return officeServerOrigin() + path;
}
