import type { ChangeEvent } from '../../../shared/schemas/system';

/** How calls reach the backend: the preload bridge in Electron, HTTPS in a browser. */
export interface Transport {
  /** Resolves with the method's output or rejects with an ApiError. */
  call(method: string, input: unknown, token: string | null): Promise<unknown>;
  /** Calls `listener` for each committed change; returns the unsubscribe function. */
  subscribe(listener: (event: ChangeEvent) => void): () => void;
}
