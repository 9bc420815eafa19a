/**
 * The desktop app's own settings bridge, `window.lanternDesktop`: where this computer gets its data
 * (its own database, or the office server as a workstation), the office server's certificate
 * check, and the LAN updater's progress. It is present only inside the desktop app; the backend
 * bridge (`window.lantern`, bridge.ts) is present only when this computer runs its own database.
 */

/** Where the app's data lives, as the main process decided at start. */
export type ConnectionState =
  /** First start: nothing chosen yet; the app shows the choice and nothing else. */
  | { mode: 'unset' }
  /** Standalone: this computer's own database, calls over IPC. */
  | { mode: 'local' }
  /** Workstation: calls over HTTPS to the office server, whose certificate is pinned. */
  | {
      mode: 'server';
      serverUrl: string;
      fingerprint: string;
      /** Set when the server showed another certificate at start: the app shows this and the settings, not the data. */
      certificateChanged?: { message: string; expected: string; presented: string };
    };

/** What checking an office server found, before anyone trusts it. */
export type ServerProbe =
  | {
      ok: true;
      serverUrl: string;
      /** SHA-256 of the server's certificate, `AB:CD:...`, as `npm run serve` prints it. */
      fingerprint: string;
      /** 'first-use': never seen, compare the fingerprint before trusting; 'trusted': the pinned one. */
      pin: 'first-use' | 'trusted';
      version: string;
      schemaVersion: number;
    }
  | {
      ok: false;
      reason: 'invalid-url' | 'unreachable' | 'not-lantern' | 'certificate-changed';
      message: string;
      /** For 'certificate-changed': the pinned fingerprint and the one the server showed now. */
      expected?: string;
      presented?: string;
    };

/** What the LAN updater is doing, for the update notice (progress bar, "Restart to update"). */
export type UpdaterStatus =
  | { kind: 'checking' }
  | { kind: 'up-to-date' }
  | { kind: 'not-offered'; version: string; message: string }
  | { kind: 'downloading'; version: string; releaseNotes: string | null; percent: number }
  | { kind: 'ready'; version: string; releaseNotes: string | null }
  | { kind: 'error'; message: string };

/** A change of connection that was refused (a bad address, a certificate that does not match). */
export type ConnectionChangeResult = { ok: true } | { ok: false; message: string };

export interface DesktopBridge {
  /** Fixed for the life of the window: changing it restarts the app. */
  readonly connection: ConnectionState;
  /** Connects to `serverUrl` and reports its certificate fingerprint and version; trusts nothing yet. */
  probeServer(serverUrl: string): Promise<ServerProbe>;
  /**
   * Becomes a workstation of `serverUrl`, pinning `fingerprint` (the one the admin compared); the
   * app restarts. Refused if the server now shows another certificate.
   */
  useServer(serverUrl: string, fingerprint: string): Promise<ConnectionChangeResult>;
  /** Runs on this computer's own database again; the app restarts. */
  useThisComputer(): Promise<ConnectionChangeResult>;
  /** Hears the updater (workstations only); returns the unsubscribe function. */
  onUpdateStatus(listener: (status: UpdaterStatus) => void): () => void;
  /** Restarts into the downloaded update. */
  installUpdate(): Promise<void>;
}

/** The IPC channels behind DesktopBridge (the main process checks the sender on each). */
export const DESKTOP_CHANNELS = {
  probeServer: 'lantern-desktop:probe-server',
  useServer: 'lantern-desktop:use-server',
  useThisComputer: 'lantern-desktop:use-this-computer',
  installUpdate: 'lantern-desktop:install-update',
  updateStatus: 'lantern-desktop:update-status',
} as const;

/** The command-line switch that hands the window's connection to the sandboxed preload (it has process.argv, nothing else). */
export const CONNECTION_ARG = '--lantern-connection=';
