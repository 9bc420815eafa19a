import type { ErrorBody } from './errors';
import type { ChangeEvent } from './schemas/system';

/** What one call over the preload bridge answers: IPC cannot carry class instances, so errors travel as data. */
export type BridgeResult = { ok: true; result: unknown } | { ok: false; error: ErrorBody };

/**
 * The whole preload bridge, `window.lantern`. It exposes exactly these two functions: the renderer
 * reaches the backend only through `invoke`, and hears about changes only through `subscribe`.
 */
export interface LanternBridge {
  invoke(method: string, input: unknown, token: string | null): Promise<BridgeResult>;
  /** Calls `listener` for every committed change; returns the unsubscribe function. */
  subscribe(listener: (event: ChangeEvent) => void): () => void;
}

/** The one IPC channel for calls, and the one for change events. */
export const IPC_INVOKE_CHANNEL = 'lantern:invoke';
export const IPC_CHANGE_CHANNEL = 'lantern:change';

/** The office server's WebSocket change feed: connect, send `{type:'auth', token}`, then receive `{type:'change', ...}`. */
export const CHANGE_FEED_PATH = '/api/v1/events';
export type FeedClientMessage = { type: 'auth'; token: string };
export type FeedServerMessage = ({ type: 'change' } & ChangeEvent) | { type: 'ready' } | { type: 'error'; error: ErrorBody };
