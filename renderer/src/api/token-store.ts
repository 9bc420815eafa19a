import { readStored, writeStored } from '../lib/storage';

const TOKEN_KEY = 'lantern.token';
const listeners = new Set<() => void>();

export function getToken(): string | null {
  return readStored(TOKEN_KEY);
}

export function setToken(token: string | null): void {
  writeStored(TOKEN_KEY, token);
  for (const listener of listeners) listener();
}

/** For useSyncExternalStore; also hears sign-in and sign-out in other tabs of the same browser. */
export function subscribeToken(listener: () => void): () => void {
  listeners.add(listener);
  const onStorage = (event: StorageEvent) => {
    if (event.key === TOKEN_KEY || event.key === null) listener();
  };
  window.addEventListener('storage', onStorage);
  return () => {
    listeners.delete(listener);
    window.removeEventListener('storage', onStorage);
  };
}
