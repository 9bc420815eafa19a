import type { MethodInput, MethodName, MethodOutput } from '../../../shared/methods';
import type { ChangeEvent } from '../../../shared/schemas/system';
import { ApiError, isApiError } from './api-error';
import { createHttpTransport } from './http-transport';
import { createIpcTransport } from './ipc-transport';
import { getToken, setToken } from './token-store';
import type { Transport } from './transport';

export { ApiError, isApiError } from './api-error';

const transport: Transport = window.lantern ? createIpcTransport(window.lantern) : createHttpTransport(getToken);
const sessionEndedListeners = new Set<() => void>();

/**
 * A 401 on a call that carried a token means either that the session is gone or that a password
 * in the input was wrong (changePassword). Only the first sends the user back to the login page,
 * so ask the server which one it was.
 */
async function sessionIsGone(method: string, token: string): Promise<boolean> {
  if (method === 'auth.me') return true;
  try {
    await transport.call('auth.me', {}, token);
    return false;
  } catch (error) {
    return isApiError(error) && error.code === 'UNAUTHENTICATED';
  }
}

/** Calls one method of the contract with the signed-in user's token. Rejects with ApiError. */
export async function call<M extends MethodName>(method: M, input: MethodInput<M>): Promise<MethodOutput<M>> {
  const token = getToken();
  try {
    return (await transport.call(method, input, token)) as MethodOutput<M>;
  } catch (error) {
    const apiError = isApiError(error) ? error : new ApiError('INTERNAL', String(error));
    // A page's calls fail together when the session ends: only the first to hear back from the
    // server ends it here (the token is checked again after the wait). Listeners run before the
    // token goes (they clear the query cache): the login page that the change mounts must start its
    // own queries after any clear, or they would be cleared in flight and it would spin for good.
    if (apiError.code === 'UNAUTHENTICATED' && token && getToken() === token && (await sessionIsGone(method, token)) && getToken() === token) {
      for (const listener of sessionEndedListeners) listener();
      setToken(null);
    }
    throw apiError;
  }
}

/** Hears every committed change (to refresh what is on screen); returns the unsubscribe function. */
export function subscribe(listener: (event: ChangeEvent) => void): () => void {
  return transport.subscribe(listener);
}

/** Called when the server says the stored token no longer works (expired, revoked, user deactivated). */
export function onSessionEnded(listener: () => void): () => void {
  sessionEndedListeners.add(listener);
  return () => sessionEndedListeners.delete(listener);
}
