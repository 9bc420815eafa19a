import type { Icon } from '@tabler/icons-react';

/**
 * One line of the search dropdown or the palette: a record found by `search.global` or a command.
 * Both lists are made of these, so one list component and one keyboard model serve both.
 */
export interface PaletteEntry {
  /** Unique and stable across answers (`contacts:<id>`, `command:go-cases`): the highlight follows it. */
  key: string;
  /** The heading the entry sits under; entries of one group are adjacent. */
  group: string;
  title: string;
  subtitle?: string | null;
  /** Why a record matched when its title does not show it ("matched Phone"). */
  note?: string | null;
  icon: Icon;
  run(): void;
}

/** The entries under their headings, in the order given. */
export function groupEntries(entries: readonly PaletteEntry[]): { group: string; entries: PaletteEntry[] }[] {
  const groups: { group: string; entries: PaletteEntry[] }[] = [];
  for (const entry of entries) {
    const last = groups[groups.length - 1];
    if (last && last.group === entry.group) last.entries.push(entry);
    else groups.push({ group: entry.group, entries: [entry] });
  }
  return groups;
}
