/**
 * The preload bridges. `window.lantern` (exactly the two functions of LanternBridge) reaches this
 * computer's own backend and exists only when there is one; a workstation's page calls its office
 * server over HTTPS instead. `window.lanternDesktop` carries the connection settings and the
 * updater's progress. The preload runs sandboxed and context-isolated, so it is bundled into one
 * CommonJS file, and it never hands the page an ipcRenderer or an IPC event object (either would
 * let the page send on any channel).
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { IPC_CHANGE_CHANNEL, IPC_INVOKE_CHANNEL, type BridgeResult, type LanternBridge } from '../../shared/bridge';
import {
  CONNECTION_ARG,
  DESKTOP_CHANNELS,
  type ConnectionChangeResult,
  type ConnectionState,
  type DesktopBridge,
  type ServerProbe,
  type UpdaterStatus,
} from '../../shared/desktop-bridge';
import type { ChangeEvent } from '../../shared/schemas/system';

/** What the main process decided at start (window.ts); a missing or garbled argument shows the first-start choice. */
function connectionFromArgs(): ConnectionState {
  const arg = process.argv.find((a) => a.startsWith(CONNECTION_ARG));
  if (!arg) return { mode: 'unset' };
  try {
    return JSON.parse(arg.slice(CONNECTION_ARG.length)) as ConnectionState;
  } catch {
    return { mode: 'unset' };
  }
}

const connection = connectionFromArgs();

const desktop: DesktopBridge = {
  connection,
  probeServer: (serverUrl) => ipcRenderer.invoke(DESKTOP_CHANNELS.probeServer, serverUrl) as Promise<ServerProbe>,
  useServer: (serverUrl, fingerprint) => ipcRenderer.invoke(DESKTOP_CHANNELS.useServer, serverUrl, fingerprint) as Promise<ConnectionChangeResult>,
  useThisComputer: () => ipcRenderer.invoke(DESKTOP_CHANNELS.useThisComputer) as Promise<ConnectionChangeResult>,
  onUpdateStatus(listener) {
    const onStatus = (_event: IpcRendererEvent, status: UpdaterStatus) => listener(status);
    ipcRenderer.on(DESKTOP_CHANNELS.updateStatus, onStatus);
    return () => {
      ipcRenderer.removeListener(DESKTOP_CHANNELS.updateStatus, onStatus);
    };
  },
  installUpdate: () => ipcRenderer.invoke(DESKTOP_CHANNELS.installUpdate) as Promise<void>,
};
contextBridge.exposeInMainWorld('lanternDesktop', desktop);

if (connection.mode === 'local') {
  const bridge: LanternBridge = {
    invoke(method, input, token) {
      return ipcRenderer.invoke(IPC_INVOKE_CHANNEL, method, input, token) as Promise<BridgeResult>;
    },
    subscribe(listener) {
      // One wrapper per subscription, so unsubscribing removes this listener and no other.
      const onChange = (_event: IpcRendererEvent, change: ChangeEvent) => listener(change);
      ipcRenderer.on(IPC_CHANGE_CHANNEL, onChange);
      return () => {
        ipcRenderer.removeListener(IPC_CHANGE_CHANNEL, onChange);
      };
    },
  };
  contextBridge.exposeInMainWorld('lantern', bridge);
}
