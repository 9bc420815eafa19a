import { Paper, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Opportunity } from '../../../../../shared/schemas/records/opportunities';
import { useApiQuery } from '../../../api/hooks';
import { useFormatters } from '../../records/format';

/** How long the deal sat in each stage, oldest first. */
export function StageHistoryCard({ opportunity }: { opportunity: Opportunity }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const history = useApiQuery('opportunities.stageHistory', { id: opportunity.id }, { meta: { silent: true } });
  const items = history.data?.items ?? [];
  return (
    <Paper withBorder radius="lg" component="section" aria-label={t('sales.stageHistory.title')} style={{ overflow: 'hidden' }}>
      <Title order={2} fz="h4" px="lg" py="md">
        {t('sales.stageHistory.title')}
      </Title>
      <Table verticalSpacing={6} horizontalSpacing="lg">
        <Table.Tbody>
          {items.map((entry, index) => (
            <Table.Tr key={`${entry.stageId}-${index}`}>
              <Table.Td fw={500}>{entry.stage}</Table.Td>
              <Table.Td>
                <Text size="sm" c="dimmed">
                  {format.date(entry.enteredAt)}
                  {entry.leftAt ? '' : ` – ${t('sales.stageHistory.current')}`}
                </Text>
              </Table.Td>
              <Table.Td ta="right">{t('sales.stageHistory.days', { count: entry.days })}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Paper>
  );
}
