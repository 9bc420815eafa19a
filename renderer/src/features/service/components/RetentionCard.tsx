import { Badge, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useApiQuery } from '../../../api/hooks';

function Figure({ label, value, testId, warn }: { label: string; value: string; testId: string; warn: boolean }) {
  return (
    <Stack gap={2}>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text fz="xl" fw={700} c={warn ? 'red' : undefined} data-testid={testId}>
        {value}
      </Text>
    </Stack>
  );
}

/** An account's service signals (open complaints, satisfaction, case load, last contact) and whether it is at risk. */
export function RetentionCard({ accountId }: { accountId: string }) {
  const { t, i18n } = useTranslation();
  const signals = useApiQuery('accounts.retention', { id: accountId }, { meta: { silent: true } });
  if (!signals.data) return null;
  const data = signals.data;
  const reasons = new Set(data.reasons);
  const none = t('service.retention.none');
  const average = data.averageSatisfaction === null ? none : new Intl.NumberFormat(i18n.language, { maximumFractionDigits: 1 }).format(data.averageSatisfaction);
  return (
    <Paper withBorder radius="lg" p="lg" data-testid="retention-card">
      <Group justify="space-between" mb="sm">
        <Title order={2} fz="h4">
          {t('service.retention.title')}
        </Title>
        {data.atRisk && (
          <Badge color="red" variant="light">
            {t('service.retention.atRisk')}
          </Badge>
        )}
      </Group>
      <SimpleGrid cols={{ base: 2, sm: 4 }}>
        <Figure label={t('service.retention.openComplaints')} value={String(data.openComplaints)} testId="retention-open-complaints" warn={reasons.has('openComplaints')} />
        <Figure label={t('service.retention.averageSatisfaction')} value={average} testId="retention-satisfaction" warn={reasons.has('lowSatisfaction')} />
        <Figure label={t('service.retention.casesLast90Days')} value={String(data.casesLast90Days)} testId="retention-cases-90" warn={reasons.has('manyCases')} />
        <Figure
          label={t('service.retention.daysSinceLastContact')}
          value={data.daysSinceLastContact === null ? none : String(data.daysSinceLastContact)}
          testId="retention-last-contact"
          warn={reasons.has('noContact')}
        />
      </SimpleGrid>
    </Paper>
  );
}
