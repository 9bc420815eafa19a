import { Button } from '@mantine/core';
import { IconLayoutKanban } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Lead } from '../../../../../shared/schemas/records/leads';
import type { Opportunity } from '../../../../../shared/schemas/records/opportunities';
import { RecordListPage } from '../../records/list/RecordListPage';
import { RecordCreateModal } from '../../records/record/RecordCreateModal';
import { leadsConfig } from '../configs/leads';
import { opportunitiesConfig } from '../configs/opportunities';
import { useDefaultPipeline } from '../pipelines';

export function LeadsPage() {
  return (
    <RecordListPage<Lead>
      config={leadsConfig}
      renderCreate={(opened, onClose) => <RecordCreateModal config={leadsConfig} opened={opened} onClose={onClose} initial={{ status: 'new' }} />}
    />
  );
}

/** The list of deals, with the way to the board beside its "New" button (as the board has the way back). */
export function OpportunitiesPage() {
  const { t } = useTranslation();
  const pipeline = useDefaultPipeline();
  const firstStage = pipeline?.stages.find((stage) => stage.kind === 'open')?.name;
  return (
    <RecordListPage<Opportunity>
      config={opportunitiesConfig}
      actions={
        <Button component={Link} to="/pipeline" variant="default" leftSection={<IconLayoutKanban size={16} />}>
          {t('sales.opportunities.board')}
        </Button>
      }
      renderCreate={(opened, onClose) => (
        <RecordCreateModal config={opportunitiesConfig} opened={opened} onClose={onClose} initial={firstStage ? { stage: firstStage } : undefined} />
      )}
    />
  );
}
