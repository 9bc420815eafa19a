import { Badge, Button, Divider, Group, Popover, ScrollArea, Stack } from '@mantine/core';
import { IconFilter } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { OwnerSelect } from '../OwnerSelect';
import type { ApiRecord, RecordTypeConfig } from '../types';
import { DateRangeFilter, FilterControl } from './FilterControls';

/** Filters that the scope switch shows on its own, and so are not counted here. */
const SCOPE_KEYS = new Set(['mine', 'team']);

interface Props {
  config: RecordTypeConfig<ApiRecord>;
  filter: Record<string, unknown>;
  setFilter: (key: string, value: unknown) => void;
  onClear: () => void;
}

export function FiltersPopover({ config, filter, setFilter, onClear }: Props) {
  const { t } = useTranslation();
  const active = Object.keys(filter).filter((key) => !SCOPE_KEYS.has(key)).length;
  return (
    <Popover position="bottom-end" width={340} shadow="md" trapFocus closeOnEscape>
      <Popover.Target>
        <Button
          variant="default"
          leftSection={<IconFilter size={16} />}
          rightSection={
            active > 0 ? (
              <Badge size="sm" circle>
                {active}
              </Badge>
            ) : null
          }
        >
          {t('records.list.filters')}
        </Button>
      </Popover.Target>
      <Popover.Dropdown p={0}>
        <ScrollArea.Autosize mah="min(70vh, 560px)" type="auto">
          <Stack gap="sm" p="md" role="group" aria-label={t('records.list.filters')}>
            <OwnerSelect
              everyone
              label={t('records.fields.ownerId')}
              placeholder={t('records.list.anyOwner')}
              value={typeof filter.ownerId === 'string' ? filter.ownerId : null}
              onChange={(id) => setFilter('ownerId', id ?? undefined)}
              withinPortal={false}
              clearable
            />
            {config.filters.map((spec) => (
              <FilterControl key={spec.field} spec={spec} value={filter[spec.field]} onChange={(value) => setFilter(spec.field, value)} />
            ))}
            <Divider />
            <DateRangeFilter label="records.fields.createdAt" value={filter.createdAt} onChange={(value) => setFilter('createdAt', value)} />
            <DateRangeFilter label="records.fields.updatedAt" value={filter.updatedAt} onChange={(value) => setFilter('updatedAt', value)} />
            <Group justify="flex-end">
              <Button variant="subtle" size="xs" onClick={onClear} disabled={Object.keys(filter).length === 0}>
                {t('records.list.clearFilters')}
              </Button>
            </Group>
          </Stack>
        </ScrollArea.Autosize>
      </Popover.Dropdown>
    </Popover>
  );
}
