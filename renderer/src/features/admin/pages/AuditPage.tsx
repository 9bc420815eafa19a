import { Button, Center, Paper, Table, Text } from '@mantine/core';
import { useInfiniteQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { call } from '../../../api/client';
import { PageHeader } from '../../../components/PageHeader';
import { formatDateTime } from '../../records/format';
import { useUsers } from '../../records/users';
import { QueryState } from '../components/QueryState';

const PAGE_SIZE = 50;
const TABLES = new Set(['users', 'licence', 'seats', 'backups', 'settings']);
const OPS = new Set(['create', 'update', 'delete', 'restore']);

export function AuditPage() {
  const { t, i18n } = useTranslation();
  const users = useUsers();
  /** Users and seats are keyed by user id: show the person's name when we know it. */
  const recordName = (table: string, id: string) => (table === 'users' || table === 'seats' ? users.name(id) : null);
  // Keyed under admin.audit so the change feed's refresh of `admin.` does not miss it.
  const audit = useInfiniteQuery({
    queryKey: ['admin.audit', { limit: PAGE_SIZE }],
    queryFn: ({ pageParam }) => call('admin.audit', { limit: PAGE_SIZE, before: pageParam }),
    initialPageParam: undefined as number | undefined,
    getNextPageParam: (last) => (last.items.length < PAGE_SIZE ? undefined : last.items.at(-1)?.seq),
    meta: { silent: true },
  });
  const entries = audit.data?.pages.flatMap((page) => page.items);
  const query = { ...audit, data: entries };

  return (
    <>
      <PageHeader title={t('admin.audit.title')} description={t('admin.audit.subtitle')} />
      <QueryState query={query}>
        {(items) => (
          <Paper withBorder radius="lg">
            {items.length === 0 ? (
              <Text c="dimmed" p="lg">
                {t('admin.audit.empty')}
              </Text>
            ) : (
              <Table.ScrollContainer minWidth={640}>
                <Table verticalSpacing="sm" horizontalSpacing="md" aria-label={t('admin.audit.title')} striped>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>{t('admin.audit.time')}</Table.Th>
                      <Table.Th>{t('admin.audit.who')}</Table.Th>
                      <Table.Th>{t('admin.audit.what')}</Table.Th>
                      <Table.Th>{t('admin.audit.action')}</Table.Th>
                      <Table.Th>{t('admin.audit.record')}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {items.map((entry) => (
                      <Table.Tr key={entry.seq} data-testid="audit-row">
                        <Table.Td>{formatDateTime(entry.at, i18n.language)}</Table.Td>
                        <Table.Td>{entry.username ?? t('admin.audit.system')}</Table.Td>
                        <Table.Td>{TABLES.has(entry.table) ? t(`admin.audit.tables.${entry.table as 'users'}`) : entry.table}</Table.Td>
                        <Table.Td>{OPS.has(entry.op) ? t(`admin.audit.ops.${entry.op as 'create'}`) : entry.op}</Table.Td>
                        <Table.Td>
                          {recordName(entry.table, entry.recordId) ?? (
                            <Text size="xs" ff="monospace" c="dimmed">
                              {entry.recordId}
                            </Text>
                          )}
                        </Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
            )}
            {items.length > 0 && (
              <Center p="md">
                {audit.hasNextPage ? (
                  <Button variant="light" loading={audit.isFetchingNextPage} onClick={() => void audit.fetchNextPage()}>
                    {t('admin.audit.more')}
                  </Button>
                ) : (
                  <Text size="sm" c="dimmed">
                    {t('admin.audit.end')}
                  </Text>
                )}
              </Center>
            )}
          </Paper>
        )}
      </QueryState>
    </>
  );
}
