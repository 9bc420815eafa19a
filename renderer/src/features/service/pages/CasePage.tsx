import { Badge, Group, Paper, SimpleGrid, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Case } from '../../../../../shared/schemas/records/cases';
import { useFormatters } from '../../records/format';
import { RecordLink } from '../../records/RecordLink';
import { DetailsCard } from '../../records/record/DetailsCard';
import { HistoryCard } from '../../records/record/HistoryCard';
import { RecordHeader } from '../../records/record/RecordHeader';
import { RecordColumns, RecordPageShell } from '../../records/record/RecordPageShell';
import { usePermissions } from '../../records/users';
import { CaseActions } from '../components/CaseActions';
import { CaseThread } from '../components/CaseThread';
import { ComposeCard } from '../components/ComposeCard';
import { DuplicateNotice, DuplicatesCard } from '../components/DuplicatesCard';
import { SlaCard } from '../components/SlaCard';
import { caseFields, casesConfig } from '../configs/cases';
import { PRIORITY_COLORS, STATUS_COLORS } from '../configs/options';

const EDITABLE = ['subject', 'type', 'priority', 'origin', 'accountId', 'contactId', 'customerEmail', 'description', 'resolution'];
const DETAILS = caseFields.filter((field) => EDITABLE.includes(field.key));

/** Who the case is for and who works it, at a glance. */
function PeopleCard({ record }: { record: Case }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const cell = (label: string, value: React.ReactNode, testId?: string) => (
    <Stack gap={2} data-testid={testId}>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <div>{value}</div>
    </Stack>
  );
  return (
    <Paper withBorder radius="lg" p="lg">
      <SimpleGrid cols={{ base: 2, sm: 3 }}>
        {cell(t('service.cases.fields.accountId'), <RecordLink type="accounts" id={record.accountId} />, 'case-account')}
        {cell(t('service.cases.fields.contactId'), record.contactId ? <RecordLink type="contacts" id={record.contactId} /> : <Text size="sm">{record.customerEmail ?? '—'}</Text>, 'case-contact')}
        {cell(t('service.cases.fields.assigneeId'), <Text size="sm">{format.userName(record.assigneeId) ?? t('service.page.unassigned')}</Text>, 'case-assignee')}
        {cell(t('records.fields.ownerId'), <Text size="sm">{format.userName(record.ownerId) ?? ''}</Text>)}
        {cell(t('service.cases.fields.satisfaction'), <Text size="sm" data-testid="case-satisfaction">{record.satisfaction ? `${record.satisfaction} / 5` : '—'}</Text>)}
      </SimpleGrid>
    </Paper>
  );
}

function CaseView({ record }: { record: Case }) {
  const { t } = useTranslation();
  const { me, canEditOwnedBy } = usePermissions();
  const canEdit = me.role !== 'readonly' && (canEditOwnedBy(record.ownerId) || record.assigneeId === me.id);
  return (
    <>
      <RecordHeader
        config={casesConfig}
        title={record.subject}
        badges={
          <Group gap={6}>
            <Badge variant="outline" size="lg" ff="monospace" data-testid="case-number">
              {record.number}
            </Badge>
            <Badge variant="light" size="lg" color={STATUS_COLORS[record.status]} data-testid="case-status">
              {t(`service.caseStatuses.${record.status}`)}
            </Badge>
            <Badge variant="dot" size="lg" color={PRIORITY_COLORS[record.priority]}>
              {t(`service.casePriorities.${record.priority}`)}
            </Badge>
            <Badge variant="light" size="lg" color="gray">
              {t(`service.caseTypes.${record.type}`)} · {t(`service.caseOrigins.${record.origin}`)}
            </Badge>
          </Group>
        }
        actions={<CaseActions record={record} />}
      />
      <DuplicateNotice record={record} canEdit={canEdit} />
      <RecordColumns
        main={
          <Stack gap="lg">
            <PeopleCard record={record} />
            {canEdit && record.status !== 'closed' && <ComposeCard record={record} />}
            <CaseThread caseId={record.id} />
            <DetailsCard config={casesConfig} record={record} fields={DETAILS} canEdit={canEdit} />
          </Stack>
        }
        side={
          <Stack gap="lg">
            <SlaCard record={record} />
            <DuplicatesCard record={record} canEdit={canEdit} />
            <HistoryCard config={casesConfig} record={record} />
          </Stack>
        }
      />
    </>
  );
}

export function CasePage() {
  return <RecordPageShell config={casesConfig}>{(record) => <CaseView key={record.id} record={record} />}</RecordPageShell>;
}
