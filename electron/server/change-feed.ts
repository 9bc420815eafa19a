import type { FastifyInstance } from 'fastify';
import type { WebSocket } from 'ws';
import { CHANGE_FEED_PATH, type FeedClientMessage, type FeedServerMessage } from '../../shared/bridge';
import type { Backend } from '../core/backend-types';

const AUTH_TIMEOUT_MS = 10_000;
/** How often a socket's session is re-checked: a signed-out or deactivated user stops hearing changes. */
const RECHECK_MS = 30_000;

interface Subscriber {
  socket: WebSocket;
  token: string;
  checkedAt: number;
}

/**
 * The live change feed: each committed write is pushed to every signed-in socket so open lists and
 * record pages refresh without polling. The token travels in the first message, not the URL, so it
 * stays out of logs.
 */
export function registerChangeFeed(app: FastifyInstance, backend: Backend): void {
  const subscribers = new Set<Subscriber>();

  const unsubscribe = backend.onChange((event) => {
    const message = JSON.stringify({ type: 'change', ...event } satisfies FeedServerMessage);
    const now = Date.now();
    for (const subscriber of subscribers) {
      if (now - subscriber.checkedAt > RECHECK_MS) {
        subscriber.checkedAt = now;
        if (!backend.authenticate(subscriber.token)) {
          subscriber.socket.close(4401, 'Session ended');
          subscribers.delete(subscriber);
          continue;
        }
      }
      subscriber.socket.send(message);
    }
  });
  app.addHook('onClose', async () => unsubscribe());

  app.get(CHANGE_FEED_PATH, { websocket: true }, (socket) => {
    let subscriber: Subscriber | null = null;
    const timer = setTimeout(() => socket.close(4401, 'No auth message'), AUTH_TIMEOUT_MS);
    socket.on('message', (raw: Buffer) => {
      if (subscriber) return;
      let message: FeedClientMessage | null = null;
      try {
        message = JSON.parse(raw.toString()) as FeedClientMessage;
      } catch {
        message = null;
      }
      if (message?.type !== 'auth' || typeof message.token !== 'string' || !backend.authenticate(message.token)) {
        const reply: FeedServerMessage = { type: 'error', error: { code: 'UNAUTHENTICATED', message: 'Please sign in again.' } };
        socket.send(JSON.stringify(reply));
        socket.close(4401, 'Unauthenticated');
        return;
      }
      clearTimeout(timer);
      subscriber = { socket, token: message.token, checkedAt: Date.now() };
      subscribers.add(subscriber);
      socket.send(JSON.stringify({ type: 'ready' } satisfies FeedServerMessage));
    });
    socket.on('close', () => {
      clearTimeout(timer);
      if (subscriber) subscribers.delete(subscriber);
    });
  });
}
