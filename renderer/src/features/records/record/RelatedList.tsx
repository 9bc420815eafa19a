import { Anchor, Badge, Button, Center, Group, Loader, Paper, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { recordCall, recordKeys, type ListPage } from '../api';
import { fieldSpec, valueOf } from '../field-specs';
import { FieldValue } from '../fields';
import type { ApiRecord, RecordTypeConfig, TKey } from '../types';
import { usePermissions } from '../users';
import { RecordCreateModal } from './RecordCreateModal';

/** How many related records a record page lists before pointing to the filtered list. */
const RELATED_LIMIT = 50;
/** Long names and emails end in "…" in their column rather than widening the card. */
const ELLIPSIS = { overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' } as const;

interface Props<R extends ApiRecord> {
  config: RecordTypeConfig<R>;
  title: TKey;
  /** The related records: `{accountId: id}`, `{parentId: id}`. */
  filter: Record<string, unknown>;
  /** Field names shown after the name. */
  columns: readonly string[];
  empty: TKey;
  /** Values a record created from here starts with (the link back to this record). */
  createInitial?: Record<string, unknown>;
  createLabel?: TKey;
  createTitle?: TKey;
}

/** A record's related records of one type (an account's contacts), with a button to add one. */
export function RelatedList<R extends ApiRecord>({ config, title, filter, columns, empty, createInitial, createLabel, createTitle }: Props<R>) {
  const { t } = useTranslation();
  const permissions = usePermissions();
  const [createOpen, setCreateOpen] = useState(false);
  const input = { filter, sort: config.defaultSort, limit: RELATED_LIMIT };
  const related = useQuery({
    queryKey: recordKeys.list(config.type, input),
    queryFn: () => recordCall<ListPage<R>>(config.type, 'list', input),
    meta: { silent: true },
  });
  const items = related.data?.items ?? [];
  const headingId = `related-${config.type}-${title}`;

  return (
    <Paper withBorder radius="lg" component="section" aria-labelledby={headingId} style={{ overflow: 'hidden' }}>
      <Group justify="space-between" px="lg" py="md" gap="sm">
        <Group gap="xs">
          <Title order={2} fz="h4" id={headingId}>
            {t(title)}
          </Title>
          {related.data && (
            <Badge variant="light" color="gray" size="sm">
              {items.length}
              {related.data.nextCursor ? '+' : ''}
            </Badge>
          )}
        </Group>
        {createInitial && permissions.canCreate && (
          <Button size="xs" variant="light" leftSection={<IconPlus size={14} />} onClick={() => setCreateOpen(true)}>
            {t(createLabel ?? config.labels.create)}
          </Button>
        )}
      </Group>
      {related.isPending ? (
        <Center py="md">
          <Loader size="sm" aria-label={t('common.loading')} />
        </Center>
      ) : items.length === 0 ? (
        <Text c="dimmed" size="sm" px="lg" pb="md">
          {t(empty)}
        </Text>
      ) : (
        <Table layout="fixed" verticalSpacing={8} horizontalSpacing="lg" highlightOnHover aria-labelledby={headingId}>
            <Table.Tbody>
              {items.map((record) => (
                <Table.Tr key={record.id}>
                  <Table.Td w="36%" style={ELLIPSIS} title={config.title(record)}>
                    <Anchor component={Link} to={`${config.path}/${record.id}`} size="sm" fw={500}>
                      {config.title(record)}
                    </Anchor>
                  </Table.Td>
                  {columns.map((key) => {
                    const spec = fieldSpec(config, key);
                    return (
                      <Table.Td key={key} style={ELLIPSIS}>
                        {spec && <FieldValue spec={spec} value={valueOf(record, key)} />}
                      </Table.Td>
                    );
                  })}
                </Table.Tr>
              ))}
            </Table.Tbody>
        </Table>
      )}
      {createInitial && (
        <RecordCreateModal
          config={config}
          opened={createOpen}
          onClose={() => setCreateOpen(false)}
          initial={createInitial}
          openAfter={false}
          title={createTitle}
        />
      )}
    </Paper>
  );
}
