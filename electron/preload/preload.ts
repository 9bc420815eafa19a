/**
 * The preload bridge: `window.lantern`, exactly the two functions of LanternBridge. It runs
 * sandboxed and context-isolated, so it is bundled into one CommonJS file, and it never hands the
 * page an ipcRenderer or an IPC event object (either would let the page send on any channel).
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { IPC_CHANGE_CHANNEL, IPC_INVOKE_CHANNEL, type BridgeResult, type LanternBridge } from '../../shared/bridge';
import type { ChangeEvent } from '../../shared/schemas/system';

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
