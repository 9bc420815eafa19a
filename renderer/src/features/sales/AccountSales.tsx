import { Group, Paper, SimpleGrid, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useApiQuery } from '../../api/hooks';
import { useFormatters } from '../records/format';
import { RelatedList } from '../records/record/RelatedList';
import { opportunitiesConfig } from './configs/opportunities';
import { formatDay } from './money';
import { useDefaultPipeline } from './pipelines';

/** An account's lifetime won amount, won deals, first and last purchase and open pipeline. */
export function AccountValueCard({ accountId }: { accountId: string }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const value = useApiQuery('accounts.value', { id: accountId }, { meta: { silent: true } });
  const data = value.data;
  if (!data) return null;
  const figures = [
    { label: t('sales.value.wonAmount'), text: format.money(data.wonAmount) },
    { label: t('sales.value.wonCount'), text: format.number(data.wonCount) },
    { label: t('sales.value.firstPurchase'), text: formatDay(data.firstPurchase, format.language) || '—' },
    { label: t('sales.value.lastPurchase'), text: formatDay(data.lastPurchase, format.language) || '—' },
  ];
  return (
    <Paper withBorder radius="lg" p="lg" component="section" aria-label={t('sales.value.title')}>
      <Group justify="space-between" mb="sm">
        <Title order={2} fz="h4">
          {t('sales.value.title')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('sales.value.openAmount')}: {format.money(data.openAmount)} · {t('sales.value.openCount', { count: data.openCount })}
        </Text>
      </Group>
      <SimpleGrid cols={{ base: 2, sm: 4 }}>
        {figures.map((figure) => (
          <div key={figure.label}>
            <Text size="xs" c="dimmed">
              {figure.label}
            </Text>
            <Text fw={700}>{figure.text}</Text>
          </div>
        ))}
      </SimpleGrid>
    </Paper>
  );
}

/** The account's deals, with a button to open a new one for it. */
export function AccountOpportunities({ accountId }: { accountId: string }) {
  const firstStage = useDefaultPipeline()?.stages.find((stage) => stage.kind === 'open')?.name;
  return (
    <RelatedList
      config={opportunitiesConfig}
      title="sales.opportunities.related"
      filter={{ accountId }}
      columns={['stage', 'amount', 'closeDate']}
      empty="sales.opportunities.noRelated"
      createInitial={firstStage ? { accountId, stage: firstStage } : undefined}
    />
  );
}
