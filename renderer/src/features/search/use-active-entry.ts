import { useState, type KeyboardEvent } from 'react';
import type { PaletteEntry } from './entries';

/**
 * The highlighted entry of a list driven from its text box: ↑/↓ move (wrapping), Enter runs it,
 * Escape calls `onEscape`. The highlight is kept by key, so it stays on the same record when a
 * newer answer arrives, and falls back to the first entry when that record is gone.
 */
export function useActiveEntry(entries: readonly PaletteEntry[], onEscape: () => void) {
  const [wanted, setActiveKey] = useState<string | null>(null);
  const index = Math.max(0, entries.findIndex((entry) => entry.key === wanted));
  const active = entries[index] ?? null;

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.nativeEvent.isComposing) return; // an IME (pinyin) is choosing characters: its keys are not ours
    if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      onEscape();
    } else if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      if (entries.length === 0) return;
      const step = event.key === 'ArrowDown' ? 1 : -1;
      setActiveKey(entries[(index + step + entries.length) % entries.length]!.key);
    } else if (event.key === 'Enter' && active) {
      event.preventDefault();
      active.run();
    }
  };

  return { activeKey: active?.key ?? null, setActiveKey, onKeyDown };
}
