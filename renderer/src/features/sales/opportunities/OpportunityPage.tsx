import { Badge, Group, Paper, SimpleGrid, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Opportunity } from '../../../../../shared/schemas/records/opportunities';
import { ActivityTimeline } from '../../customers/activities/ActivityTimeline';
import { DeleteButton } from '../../customers/pages/RecordActions';
import { META_FIELDS } from '../../records/field-specs';
import { useFormatters } from '../../records/format';
import { RecordLink } from '../../records/RecordLink';
import { DeleteRecordModal } from '../../records/record/DeleteRecordModal';
import { DetailsCard } from '../../records/record/DetailsCard';
import { HistoryCard } from '../../records/record/HistoryCard';
import { RecordHeader } from '../../records/record/RecordHeader';
import { RecordColumns, RecordPageShell } from '../../records/record/RecordPageShell';
import { usePermissions } from '../../records/users';
import { opportunitiesConfig, opportunityFields } from '../configs/opportunities';
import { formatDay } from '../money';
import { ContactRolesCard } from './ContactRolesCard';
import { LineItemsCard } from './LineItemsCard';
import { StageHistoryCard } from './StageHistoryCard';
import { StageProgress } from './StageProgress';

export const KIND_COLORS = { open: 'blue', won: 'teal', lost: 'red' } as const;

function detailsOf(opportunity: Opportunity) {
  const shown = opportunityFields.filter(
    (field) => field.key !== 'stage' && field.key !== 'stageKind' && (field.key !== 'lostReason' || opportunity.stageKind === 'lost'),
  );
  // With products the amount is their total: edited in the products card, not here.
  const fields = shown.map((field) => (field.key === 'amount' && opportunity.hasLineItems ? { ...field, readOnly: true } : field));
  return [...fields.slice(0, -1), META_FIELDS[0]!, fields[fields.length - 1]!];
}

function Figure({ label, value, testId }: { label: string; value: string; testId: string }) {
  return (
    <Paper withBorder radius="lg" p="md">
      <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
        {label}
      </Text>
      <Text fz="xl" fw={700} data-testid={testId}>
        {value || '—'}
      </Text>
    </Paper>
  );
}

function OpportunityView({ opportunity }: { opportunity: Opportunity }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const permissions = usePermissions();
  const canEdit = permissions.canEditOwnedBy(opportunity.ownerId);
  const [deleteOpen, setDeleteOpen] = useState(false);
  return (
    <>
      <RecordHeader
        config={opportunitiesConfig}
        title={opportunity.name}
        badges={
          <>
            <Badge variant="light" size="lg" color={KIND_COLORS[opportunity.stageKind]} data-testid="opportunity-stage">
              {opportunity.stage}
            </Badge>
            {opportunity.accountId && <RecordLink type="accounts" id={opportunity.accountId} />}
          </>
        }
        actions={canEdit && <DeleteButton onClick={() => setDeleteOpen(true)} />}
      />
      <Stack gap="lg" mb="lg">
        <SimpleGrid cols={{ base: 2, md: 4 }}>
          <Figure label={t('sales.opportunities.fields.amount')} value={opportunity.amount === null ? '' : format.money(opportunity.amount)} testId="figure-amount" />
          <Figure label={t('sales.opportunities.fields.closeDate')} value={formatDay(opportunity.closeDate, format.language)} testId="figure-close" />
          <Figure label={t('sales.opportunities.fields.probability')} value={`${opportunity.probability}%`} testId="figure-probability" />
          <Figure label={t('records.fields.ownerId')} value={format.userName(opportunity.ownerId) ?? ''} testId="figure-owner" />
        </SimpleGrid>
        <StageProgress opportunity={opportunity} canEdit={canEdit} />
      </Stack>
      <RecordColumns
        main={
          <Stack gap="lg">
            <DetailsCard config={opportunitiesConfig} record={opportunity} fields={detailsOf(opportunity)} canEdit={canEdit} />
            <LineItemsCard opportunity={opportunity} canEdit={canEdit} />
            <ContactRolesCard opportunity={opportunity} canEdit={canEdit} />
            {opportunity.leadId && (
              <Group gap={6}>
                <Text size="sm" c="dimmed">
                  {t('sales.opportunities.fromLead')}:
                </Text>
                <RecordLink type="leads" id={opportunity.leadId} />
              </Group>
            )}
          </Stack>
        }
        side={
          <Stack gap="lg">
            <StageHistoryCard opportunity={opportunity} />
            <ActivityTimeline filter={{ relatedType: 'opportunities', relatedId: opportunity.id }} relatedType="opportunities" relatedId={opportunity.id} />
            <HistoryCard config={opportunitiesConfig} record={opportunity} />
          </Stack>
        }
      />
      <DeleteRecordModal config={opportunitiesConfig} record={opportunity} opened={deleteOpen} onClose={() => setDeleteOpen(false)} />
    </>
  );
}

export function OpportunityPage() {
  return <RecordPageShell config={opportunitiesConfig}>{(opportunity) => <OpportunityView key={opportunity.id} opportunity={opportunity} />}</RecordPageShell>;
}
