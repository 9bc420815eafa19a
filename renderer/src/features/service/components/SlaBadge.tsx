import { Badge, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Case } from '../../../../../shared/schemas/records/cases';
import { useFormatters } from '../../records/format';

const SLA_COLORS = { none: 'gray', ok: 'teal', warning: 'orange', breached: 'red', paused: 'yellow', met: 'green' } as const;

/** The next target still running: the first response until it is given, then the resolution. */
export function nextDueAt(record: Case): string | null {
  if (record.slaState === 'none' || record.slaState === 'met') return null;
  return record.firstResponseAt ? record.resolutionDueAt : (record.firstResponseDueAt ?? record.resolutionDueAt);
}

/** Where a case stands against its SLA; overdue is red and filled so it stands out in a list. */
export function SlaBadge({ record, withDue = false }: { record: Case; withDue?: boolean }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const due = withDue ? nextDueAt(record) : null;
  const breached = record.slaState === 'breached';
  return (
    <Group gap={6} wrap="nowrap" data-testid="sla-state" data-sla={record.slaState}>
      {/* The state is what matters: the due time gives way when the column is narrow. */}
      <Badge variant={breached ? 'filled' : 'light'} color={SLA_COLORS[record.slaState]} size="sm" style={{ flexShrink: 0 }}>
        {t(`service.slaStates.${record.slaState}`)}
      </Badge>
      {due && (
        <Text size="xs" c={breached ? 'red' : 'dimmed'} fw={breached ? 600 : undefined} truncate>
          {format.dateTime(due)}
        </Text>
      )}
    </Group>
  );
}
