import { Anchor, Badge, Center, Loader, Paper, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useApiQuery } from '../../../api/hooks';
import { useFormatters } from '../../records/format';
import { RecordLink } from '../../records/RecordLink';
import { PRIORITY_COLORS, STATUS_COLORS } from '../configs/options';
import { SlaBadge } from './SlaBadge';

export type QueueName = 'mine' | 'unassigned' | 'overdue' | 'team';

/** One work queue, soonest due first; an overdue row is tinted so it is seen first. */
export function QueueTable({ name }: { name: QueueName }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const queue = useApiQuery('cases.queue', { name, limit: 200 });
  if (queue.isPending) {
    return (
      <Center py="xl">
        <Loader aria-label={t('common.loading')} />
      </Center>
    );
  }
  if (queue.isError) return <Text c="red">{queue.error.message}</Text>;
  if (queue.data.items.length === 0) {
    return (
      <Text c="dimmed" py="xl" ta="center">
        {t('service.queues.empty')}
      </Text>
    );
  }
  return (
    <Paper withBorder radius="lg" style={{ overflow: 'hidden' }}>
      <Table.ScrollContainer minWidth={900}>
        <Table verticalSpacing="xs" aria-label={t(`service.queues.${name}`)} data-testid={`queue-${name}`}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('service.cases.fields.number')}</Table.Th>
              <Table.Th>{t('service.cases.fields.subject')}</Table.Th>
              <Table.Th>{t('service.cases.fields.status')}</Table.Th>
              <Table.Th>{t('service.cases.fields.priority')}</Table.Th>
              <Table.Th>{t('service.cases.fields.sla')}</Table.Th>
              <Table.Th>{t('service.cases.fields.contactId')}</Table.Th>
              <Table.Th>{t('service.cases.fields.assigneeId')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {queue.data.items.map((record) => (
              <Table.Tr key={record.id} bg={record.slaState === 'breached' ? 'var(--mantine-color-red-light)' : undefined}>
                <Table.Td>
                  <Text size="sm" ff="monospace">
                    {record.number}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Anchor component={Link} to={`/cases/${record.id}`} size="sm">
                    {record.subject}
                  </Anchor>
                </Table.Td>
                <Table.Td>
                  <Badge variant="light" color={STATUS_COLORS[record.status]} size="sm">
                    {t(`service.caseStatuses.${record.status}`)}
                  </Badge>
                </Table.Td>
                <Table.Td>
                  <Badge variant="dot" color={PRIORITY_COLORS[record.priority]} size="sm">
                    {t(`service.casePriorities.${record.priority}`)}
                  </Badge>
                </Table.Td>
                <Table.Td>
                  <SlaBadge record={record} withDue />
                </Table.Td>
                <Table.Td>
                  <RecordLink type="contacts" id={record.contactId} />
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{format.userName(record.assigneeId) ?? t('service.page.unassigned')}</Text>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Paper>
  );
}
