import { Button, Checkbox, Group, Popover, Stack, Text } from '@mantine/core';
import { IconColumns } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { ApiRecord, RecordTypeConfig } from '../types';

interface Props {
  config: RecordTypeConfig<ApiRecord>;
  columns: readonly string[];
  onChange: (columns: string[]) => void;
}

/** Which columns the list shows; the choice is kept with the list state and in saved views. */
export function ColumnChooser({ config, columns, onChange }: Props) {
  const { t } = useTranslation();
  const shown = new Set(columns);
  const toggle = (key: string) => {
    const next = new Set(shown);
    if (next.has(key)) next.delete(key);
    else next.add(key);
    // Keep the config's order: columns do not jump around as they are switched on and off.
    onChange(config.columns.map((column) => column.key).filter((k) => next.has(k)));
  };
  return (
    <Popover position="bottom-end" width={260} shadow="md" trapFocus>
      <Popover.Target>
        <Button variant="default" leftSection={<IconColumns size={16} />}>
          {t('records.list.columns')}
        </Button>
      </Popover.Target>
      <Popover.Dropdown>
        <Stack gap="xs" role="group" aria-label={t('records.list.columns')}>
          <Text size="xs" c="dimmed">
            {t('records.list.columnsHint')}
          </Text>
          {config.columns.map((column) => (
            <Checkbox
              key={column.key}
              label={t(column.label)}
              checked={shown.has(column.key)}
              // The name column is how a row is opened: it always stays.
              disabled={column.key === config.primaryColumn}
              onChange={() => toggle(column.key)}
            />
          ))}
          <Group justify="flex-end">
            <Button variant="subtle" size="xs" onClick={() => onChange([...config.defaultColumns])}>
              {t('records.list.resetColumns')}
            </Button>
          </Group>
        </Stack>
      </Popover.Dropdown>
    </Popover>
  );
}
