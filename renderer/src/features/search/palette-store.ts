import { useSyncExternalStore } from 'react';

/**
 * Whether the command palette is open, and the text it opens with. A tiny store rather than a
 * context, so the header box, the phone icon and the global Ctrl+K can open the one palette that
 * the frame mounts, without a provider around the frame.
 */
interface PaletteState {
  opened: boolean;
  query: string;
}

let state: PaletteState = { opened: false, query: '' };
const listeners = new Set<() => void>();

function set(next: PaletteState) {
  state = next;
  for (const listener of listeners) listener();
}

export function openCommandPalette(query = ''): void {
  set({ opened: true, query });
}

export function closeCommandPalette(): void {
  set({ opened: false, query: '' });
}

export function usePaletteState(): PaletteState {
  return useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    () => state,
  );
}
