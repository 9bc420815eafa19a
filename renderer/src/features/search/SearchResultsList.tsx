import { Badge, Box, Highlight, ScrollArea, Text } from '@mantine/core';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { groupEntries, type PaletteEntry } from './entries';
import classes from './SearchResultsList.module.css';
import { SearchStatus } from './SearchStatus';
import type { useGlobalSearch } from './use-global-search';

interface Props {
  /** The listbox's id; the text box points at it (aria-controls) and at the active option. */
  id: string;
  entries: readonly PaletteEntry[];
  activeKey: string | null;
  onActivate: (key: string) => void;
  /** The search behind the entries: its text is marked in titles, its state shown under them. */
  search: ReturnType<typeof useGlobalSearch>;
  /** What is in the box now ("nothing found for …" names it). */
  typed: string;
  maxHeight: string;
}

/** search.global refuses longer text (shared/schemas/search.ts). */
const MAX_QUERY_LENGTH = 200;

export function optionId(listId: string, key: string): string {
  return `${listId}-${key}`;
}

/** The text box's side of the list pattern: it keeps the focus and points at the highlighted option. */
export function listInputProps(listId: string, activeKey: string | null) {
  return {
    'aria-controls': listId,
    'aria-autocomplete': 'list' as const,
    'aria-activedescendant': activeKey ? optionId(listId, activeKey) : undefined,
    autoComplete: 'off',
    spellCheck: false,
    maxLength: MAX_QUERY_LENGTH,
  };
}

/** Entries under their group headings; the text box owns the keyboard, the mouse can point and click. */
export function SearchResultsList({ id, entries, activeKey, onActivate, search, typed, maxHeight }: Props) {
  const { t } = useTranslation();
  const highlight = search.q;
  useEffect(() => {
    if (activeKey) document.getElementById(optionId(id, activeKey))?.scrollIntoView({ block: 'nearest' });
  }, [id, activeKey]);

  return (
    <ScrollArea.Autosize mah={maxHeight} type="auto">
      <Box id={id} role="listbox" aria-label={t('search.resultsLabel')}>
        {groupEntries(entries).map(({ group, entries: members }) => (
          <Box key={group} role="group" aria-label={group}>
            <Text size="xs" fw={700} c="dimmed" tt="uppercase" className={classes.heading} aria-hidden>
              {group}
            </Text>
            {members.map((entry) => {
              const EntryIcon = entry.icon;
              return (
                <div
                  key={entry.key}
                  id={optionId(id, entry.key)}
                  role="option"
                  aria-selected={entry.key === activeKey}
                  data-active={entry.key === activeKey || undefined}
                  className={classes.option}
                  // Keep the focus in the text box: it owns the keyboard.
                  onMouseDown={(event) => event.preventDefault()}
                  onMouseMove={() => entry.key !== activeKey && onActivate(entry.key)}
                  onClick={() => entry.run()}
                >
                  <EntryIcon size={18} stroke={1.6} style={{ flexShrink: 0, opacity: 0.7 }} />
                  <Box style={{ minWidth: 0, flex: 1 }}>
                    <Highlight highlight={highlight} size="sm" fw={500} truncate>
                      {entry.title}
                    </Highlight>
                    {entry.subtitle && (
                      <Highlight highlight={highlight} size="xs" c="dimmed" truncate>
                        {entry.subtitle}
                      </Highlight>
                    )}
                  </Box>
                  {entry.note && (
                    <Badge size="xs" variant="light" color="gray" tt="none" style={{ flexShrink: 0 }}>
                      {entry.note}
                    </Badge>
                  )}
                </div>
              );
            })}
          </Box>
        ))}
      </Box>
      <SearchStatus q={typed.trim()} pending={search.pending} error={search.error} empty={entries.length === 0} />
    </ScrollArea.Autosize>
  );
}
