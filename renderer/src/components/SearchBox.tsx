import { ActionIcon, Box, Group, Kbd, Popover, Text, TextInput, UnstyledButton } from '@mantine/core';
import { IconSearch } from '@tabler/icons-react';
import { useCallback, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { openCommandPalette } from '../features/search/palette-store';
import { useRecordEntries } from '../features/search/record-entries';
import { listInputProps, SearchResultsList } from '../features/search/SearchResultsList';
import { MOD_KEY } from '../features/search/shortcut';
import { useActiveEntry } from '../features/search/use-active-entry';
import { useGlobalSearch } from '../features/search/use-global-search';

const LIST_ID = 'header-search-results';

/**
 * The header's global search: results by type drop down as the user types; ↑/↓ and Enter open a
 * record, Escape closes. On a phone it is an icon that opens the command palette instead.
 */
export function SearchBox() {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const [dismissed, setDismissed] = useState(false);
  const [focused, setFocused] = useState(false);
  const search = useGlobalSearch(text, focused);
  const opened = focused && !dismissed && text.trim() !== '';

  const onOpen = useCallback(() => {
    setText('');
    (document.activeElement as HTMLElement | null)?.blur();
  }, []);
  const entries = useRecordEntries(search.groups, onOpen);
  const { activeKey, setActiveKey, onKeyDown } = useActiveEntry(entries, () => setDismissed(true));

  const keyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    // Ctrl+K here takes what was typed on to the palette (the frame's shortcut would open it empty).
    if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 'k') {
      event.preventDefault();
      event.stopPropagation();
      toPalette();
      return;
    }
    if (!opened && (event.key === 'ArrowDown' || event.key === 'ArrowUp')) setDismissed(false);
    onKeyDown(event);
  };

  const toPalette = () => {
    const query = text;
    setText('');
    openCommandPalette(query);
  };

  return (
    <>
      <Popover opened={opened} onDismiss={() => setDismissed(true)} position="bottom-start" width="target" shadow="md" trapFocus={false} returnFocus={false}>
        <Popover.Target>
          <Box visibleFrom="sm" w="100%" maw={440} style={{ flex: 1 }}>
            <TextInput
              type="search"
              // A searchbox (the native role of type=search) that points at its popup list.
              aria-label={t('header.searchLabel')}
              {...listInputProps(LIST_ID, opened ? activeKey : null)}
              placeholder={t('header.searchPlaceholder')}
              leftSection={<IconSearch size={16} stroke={1.6} />}
              rightSection={<Kbd size="xs">{t('search.shortcutHint', { mod: MOD_KEY })}</Kbd>}
              rightSectionWidth={56}
              rightSectionPointerEvents="none"
              value={text}
              onChange={(event) => {
                setText(event.currentTarget.value);
                setDismissed(false);
              }}
              onKeyDown={keyDown}
              onFocus={() => setFocused(true)}
              onBlur={() => setFocused(false)}
            />
          </Box>
        </Popover.Target>
        <Popover.Dropdown p={4}>
          <SearchResultsList id={LIST_ID} entries={entries} activeKey={activeKey} onActivate={setActiveKey} search={search} typed={text} maxHeight="min(70vh, 520px)" />
          <UnstyledButton
            w="100%"
            px="sm"
            py={6}
            onMouseDown={(event) => event.preventDefault()}
            onClick={toPalette}
          >
            <Text size="xs" c="dimmed" ta="right">
              {t('search.moreInPalette', { mod: MOD_KEY })}
            </Text>
          </UnstyledButton>
        </Popover.Dropdown>
      </Popover>
      <Group hiddenFrom="sm" justify="flex-end" style={{ flex: 1 }}>
        <ActionIcon variant="default" size="lg" aria-label={t('search.open')} onClick={() => openCommandPalette()}>
          <IconSearch size={18} stroke={1.6} />
        </ActionIcon>
      </Group>
    </>
  );
}
