import type { LanternBridge } from '../../../shared/bridge';
import { ApiError } from './api-error';
import type { Transport } from './transport';

declare global {
  interface Window {
    /** Present only inside the desktop app, put there by the preload script. */
    lantern?: LanternBridge;
  }
}

export function createIpcTransport(bridge: LanternBridge): Transport {
  return {
    async call(method, input, token) {
      let result;
      try {
        result = await bridge.invoke(method, input, token);
      } catch (cause) {
        // The bridge answers errors as data; a rejection means the main process itself failed.
        throw new ApiError('INTERNAL', cause instanceof Error ? cause.message : String(cause));
      }
      if (result.ok) return result.result;
      throw ApiError.fromBody(result.error, 'The request failed');
    },
    subscribe: (listener) => bridge.subscribe(listener),
  };
}
