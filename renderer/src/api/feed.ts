import { CHANGE_FEED_PATH, type FeedClientMessage, type FeedServerMessage } from '../../../shared/bridge';
import type { ChangeEvent } from '../../../shared/schemas/system';
import { officeServerOrigin } from './office-server';

const FIRST_RETRY_MS = 1_000;
const MAX_RETRY_MS = 30_000;

function feedUrl(): string {
  // A desktop workstation's page is a local file: its feed is on the office server it calls.
  const server = officeServerOrigin();
  if (server) return `${server.replace(/^https:/, 'wss:')}${CHANGE_FEED_PATH}`;
  const scheme = window.location.protocol === 'https:' ? 'wss:' : 'ws:';
  return `${scheme}//${window.location.host}${CHANGE_FEED_PATH}`;
}

/**
 * The office server's WebSocket change feed. One socket, opened when the first listener arrives
 * and closed with the last; it authenticates with the current token and reconnects with a
 * growing, jittered delay so that a restarted server is not stormed by every open browser.
 */
export function createChangeFeed(getToken: () => string | null) {
  const listeners = new Set<(event: ChangeEvent) => void>();
  let socket: WebSocket | null = null;
  let retryTimer: ReturnType<typeof setTimeout> | undefined;
  let retryMs = FIRST_RETRY_MS;

  function scheduleReconnect() {
    if (listeners.size === 0 || retryTimer !== undefined) return;
    const delay = retryMs * (0.75 + Math.random() * 0.5);
    retryMs = Math.min(retryMs * 2, MAX_RETRY_MS);
    retryTimer = setTimeout(() => {
      retryTimer = undefined;
      connect();
    }, delay);
  }

  function connect() {
    const token = getToken();
    if (!token || listeners.size === 0) return;
    const ws = new WebSocket(feedUrl());
    socket = ws;
    ws.addEventListener('open', () => {
      const hello: FeedClientMessage = { type: 'auth', token };
      ws.send(JSON.stringify(hello));
    });
    ws.addEventListener('message', (message) => {
      let data: FeedServerMessage;
      try {
        data = JSON.parse(String(message.data)) as FeedServerMessage;
      } catch {
        return;
      }
      if (data.type === 'ready') retryMs = FIRST_RETRY_MS;
      else if (data.type === 'error') ws.close();
      else if (data.type === 'change') {
        const { type: _type, ...event } = data;
        for (const listener of listeners) listener(event);
      }
    });
    ws.addEventListener('close', () => {
      if (socket !== ws) return;
      socket = null;
      scheduleReconnect();
    });
  }

  function disconnect() {
    clearTimeout(retryTimer);
    retryTimer = undefined;
    const ws = socket;
    socket = null;
    ws?.close();
  }

  return {
    subscribe(listener: (event: ChangeEvent) => void): () => void {
      listeners.add(listener);
      if (!socket && retryTimer === undefined) connect();
      return () => {
        listeners.delete(listener);
        if (listeners.size === 0) disconnect();
      };
    },
  };
}
