import { Anchor, Group, Paper, ScrollArea, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useApiQuery } from '../../api/hooks';
import { useFormatters } from '../records/format';
import { importTypeLabel } from './field-label';
import { BUSY_STATES } from './use-import-status';
import { canUndo, ImportStateBadge, UndoImportButton } from './steps/JobStep';

/** The user's latest imports (an admin's: everyone's) with their state, and undo for those that left records behind. */
export function RecentImports() {
  const { t } = useTranslation();
  const format = useFormatters();
  const list = useApiQuery(
    'import.list',
    { limit: 20 },
    // Fresh on every visit: import jobs are not in the change feed's record tables.
    { staleTime: 0, refetchInterval: (query) => (query.state.data?.items.some((item) => BUSY_STATES.has(item.state)) ? 1000 : false) },
  );
  const items = list.data?.items ?? [];
  return (
    <Paper withBorder radius="lg" p="md" mt="xl">
      <Title order={2} fz="h4" mb="sm">
        {t('import.recent.title')}
      </Title>
      {items.length === 0 ? (
        <Text c="dimmed">{list.isPending ? t('common.loading') : t('import.recent.empty')}</Text>
      ) : (
        <ScrollArea type="auto">
          <Table fz="sm" verticalSpacing={6} aria-label={t('import.recent.title')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('import.recent.file')}</Table.Th>
                <Table.Th>{t('import.recent.type')}</Table.Th>
                <Table.Th>{t('import.recent.state')}</Table.Th>
                <Table.Th>{t('import.recent.started')}</Table.Th>
                <Table.Th>{t('import.recent.counts')}</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((item) => (
                <Table.Tr key={item.jobId} data-testid="recent-import">
                  <Table.Td>
                    <Anchor component={Link} to={`/import?job=${encodeURIComponent(item.jobId)}`}>
                      {item.fileName ?? t('import.recent.noFile')}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>{importTypeLabel(item.type)}</Table.Td>
                  <Table.Td>
                    <ImportStateBadge state={item.state} />
                  </Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{format.dateTime(item.startedAt)}</Table.Td>
                  <Table.Td>
                    {item.created} / {item.updated} / {item.failed}
                  </Table.Td>
                  <Table.Td>
                    <Group justify="flex-end">{canUndo(item) && <UndoImportButton status={item} size="xs" />}</Group>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ScrollArea>
      )}
    </Paper>
  );
}
