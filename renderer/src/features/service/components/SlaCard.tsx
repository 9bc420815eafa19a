import { Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Case } from '../../../../../shared/schemas/records/cases';
import { useFormatters } from '../../records/format';
import { SlaBadge } from './SlaBadge';

function Due({ label, at, breached, doneAt }: { label: string; at: string | null; breached: boolean; doneAt: string | null }) {
  const format = useFormatters();
  return (
    <Stack gap={2}>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="sm" fw={500} c={breached && !doneAt ? 'red' : undefined} td={doneAt ? 'line-through' : undefined}>
        {at ? format.dateTime(at) : '—'}
      </Text>
    </Stack>
  );
}

/** The case's SLA: its state and both due times (a met target is struck through). */
export function SlaCard({ record }: { record: Case }) {
  const { t } = useTranslation();
  return (
    <Paper withBorder radius="lg" p="lg" data-testid="case-sla">
      <Group justify="space-between" mb="sm">
        <Title order={2} fz="h4">
          {t('service.page.sla')}
        </Title>
        <SlaBadge record={record} />
      </Group>
      <SimpleGrid cols={2}>
        <Due
          label={t('service.cases.fields.firstResponseDueAt')}
          at={record.firstResponseDueAt}
          breached={record.firstResponseBreached}
          doneAt={record.firstResponseAt}
        />
        <Due label={t('service.cases.fields.resolutionDueAt')} at={record.resolutionDueAt} breached={record.resolutionBreached} doneAt={record.resolvedAt} />
      </SimpleGrid>
    </Paper>
  );
}
