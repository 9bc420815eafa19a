import { Box, Group, Loader, Modal, Text, TextInput } from '@mantine/core';
import { useHotkeys } from '@mantine/hooks';
import { IconSearch } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { matchCommands, useCommands } from './commands';
import type { CreatableType } from './creatable';
import { closeCommandPalette, openCommandPalette, usePaletteState } from './palette-store';
import { PaletteCreateModal } from './PaletteCreateModal';
import { listInputProps, SearchResultsList } from './SearchResultsList';
import { useActiveEntry } from './use-active-entry';
import { useGlobalSearch } from './use-global-search';
import { useRecordEntries } from './record-entries';

const LIST_ID = 'command-palette-results';

/**
 * Ctrl+K / Cmd+K from anywhere (text boxes included): records found by global search and the
 * commands of the user's role, driven from the keyboard. Mounted once by the app frame.
 */
export function CommandPalette() {
  const { t } = useTranslation();
  const { opened, query } = usePaletteState();
  const [creating, setCreating] = useState<CreatableType | null>(null);
  useHotkeys([['mod+K', () => (opened ? closeCommandPalette() : openCommandPalette())]], []);

  return (
    <>
      <Modal.Root opened={opened} onClose={closeCommandPalette} size="lg" yOffset="10vh">
        <Modal.Overlay />
        <Modal.Content aria-label={t('search.paletteTitle')}>
          {opened && <PaletteBody initial={query} onCreate={setCreating} />}
        </Modal.Content>
      </Modal.Root>
      {creating && <PaletteCreateModal type={creating} onClose={() => setCreating(null)} />}
    </>
  );
}

function PaletteBody({ initial, onCreate }: { initial: string; onCreate: (type: CreatableType) => void }) {
  const { t } = useTranslation();
  const [text, setText] = useState(initial);
  const search = useGlobalSearch(text);
  const records = useRecordEntries(search.groups, closeCommandPalette);
  const commands = useCommands(closeCommandPalette, onCreate);
  const entries = useMemo(() => [...records, ...matchCommands(commands, text)], [records, commands, text]);
  const { activeKey, setActiveKey, onKeyDown } = useActiveEntry(entries, closeCommandPalette);

  return (
    <Box p="sm">
      <TextInput
        data-autofocus
        size="md"
        role="combobox"
        aria-label={t('search.paletteTitle')}
        aria-expanded
        {...listInputProps(LIST_ID, activeKey)}
        placeholder={t('search.palettePlaceholder')}
        value={text}
        onChange={(event) => setText(event.currentTarget.value)}
        onKeyDown={onKeyDown}
        leftSection={<IconSearch size={18} stroke={1.6} />}
        rightSection={search.pending ? <Loader size="xs" aria-label={t('search.searching')} /> : null}
      />
      <Box mt="xs">
        <SearchResultsList id={LIST_ID} entries={entries} activeKey={activeKey} onActivate={setActiveKey} search={search} typed={text} maxHeight="min(60vh, 480px)" />
      </Box>
      <Group justify="flex-end" mt="xs">
        <Text size="xs" c="dimmed">
          {t('search.keyboardHint')}
        </Text>
      </Group>
    </Box>
  );
}
