import { Alert, Badge, Button, Group, Stack, Text } from '@mantine/core';
import { IconArrowsExchange } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Lead } from '../../../../../shared/schemas/records/leads';
import { ActivityTimeline } from '../../customers/activities/ActivityTimeline';
import { contactName } from '../../customers/configs/contacts';
import { DeleteButton } from '../../customers/pages/RecordActions';
import { RecordDuplicateWarning } from '../../duplicates/RecordDuplicateWarning';
import { META_FIELDS } from '../../records/field-specs';
import { useFormatters } from '../../records/format';
import { RecordLink } from '../../records/RecordLink';
import { DeleteRecordModal } from '../../records/record/DeleteRecordModal';
import { DetailsCard } from '../../records/record/DetailsCard';
import { HistoryCard } from '../../records/record/HistoryCard';
import { RecordHeader } from '../../records/record/RecordHeader';
import { RecordColumns, RecordPageShell } from '../../records/record/RecordPageShell';
import { usePermissions } from '../../records/users';
import { leadFields, leadsConfig } from '../configs/leads';
import { ConvertLeadModal } from './ConvertLeadModal';

const DETAILS = [...leadFields.slice(0, -1), META_FIELDS[0]!, leadFields[leadFields.length - 1]!];
const RATING_COLORS = { hot: 'red', warm: 'orange', cold: 'blue' } as const;

/** What a converted lead became: it stays read-only and points there. */
function ConvertedNotice({ lead }: { lead: Lead }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const links = [
    { type: 'accounts', id: lead.convertedAccountId, label: t('sales.leads.becameAccount') },
    { type: 'contacts', id: lead.convertedContactId, label: t('sales.leads.becameContact') },
    { type: 'opportunities', id: lead.convertedOpportunityId, label: t('sales.leads.becameOpportunity') },
  ] as const;
  return (
    <Alert color="teal" variant="light" title={t('sales.leads.convertedTitle')} mb="lg" data-testid="lead-converted">
      <Text size="sm" mb="xs">
        {t('sales.leads.convertedBody', { time: format.dateTime(lead.convertedAt) })}
      </Text>
      <Group gap="lg">
        {links.map(
          (link) =>
            link.id && (
              <Group key={link.type} gap={6}>
                <Text size="sm" c="dimmed">
                  {link.label}:
                </Text>
                <RecordLink type={link.type} id={link.id} />
              </Group>
            ),
        )}
      </Group>
    </Alert>
  );
}

function LeadView({ lead }: { lead: Lead }) {
  const { t } = useTranslation();
  const permissions = usePermissions();
  const converted = lead.status === 'converted';
  const canEdit = !converted && permissions.canEditOwnedBy(lead.ownerId);
  const [deleteOpen, setDeleteOpen] = useState(false);
  const [convertOpen, setConvertOpen] = useState(false);
  return (
    <>
      <RecordHeader
        config={leadsConfig}
        title={contactName(lead)}
        subtitle={lead.company && `${lead.title ? `${lead.title}, ` : ''}${lead.company}`}
        badges={
          <>
            <Badge variant="light" size="lg" color={converted ? 'teal' : 'blue'}>
              {t(`sales.leadStatuses.${lead.status}`)}
            </Badge>
            {lead.rating && (
              <Badge variant="light" size="lg" color={RATING_COLORS[lead.rating]}>
                {t(`sales.leadRatings.${lead.rating}`)}
              </Badge>
            )}
          </>
        }
        actions={
          canEdit && (
            <>
              <Button leftSection={<IconArrowsExchange size={16} />} onClick={() => setConvertOpen(true)}>
                {t('sales.leads.convert')}
              </Button>
              <DeleteButton onClick={() => setDeleteOpen(true)} />
            </>
          )
        }
      />
      {converted && <ConvertedNotice lead={lead} />}
      {!converted && <RecordDuplicateWarning type="leads" record={lead} />}
      <RecordColumns
        main={<DetailsCard config={leadsConfig} record={lead} fields={DETAILS} canEdit={canEdit} />}
        side={
          <Stack gap="lg">
            <ActivityTimeline filter={{ relatedType: 'leads', relatedId: lead.id }} relatedType="leads" relatedId={lead.id} />
            <HistoryCard config={leadsConfig} record={lead} />
          </Stack>
        }
      />
      {canEdit && <ConvertLeadModal lead={lead} opened={convertOpen} onClose={() => setConvertOpen(false)} />}
      <DeleteRecordModal config={leadsConfig} record={lead} opened={deleteOpen} onClose={() => setDeleteOpen(false)} />
    </>
  );
}

export function LeadPage() {
  return <RecordPageShell config={leadsConfig}>{(lead) => <LeadView key={lead.id} lead={lead} />}</RecordPageShell>;
}
