import { Paper, Stepper, Title } from '@mantine/core';
import { IconCheck, IconX } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Opportunity } from '../../../../../shared/schemas/records/opportunities';
import { errorMessage, notifyError, notifySuccess } from '../../../components/notify';
import { useUpdateRecord } from '../../records/record/use-record';
import { usePipelines, type StageData } from '../pipelines';
import { LostReasonModal } from './LostReasonModal';

/**
 * The deal's pipeline as a stepper: the open stages in order, then the stage that closed it.
 * Clicking a step moves the deal there (a lost stage asks for the reason first).
 */
export function StageProgress({ opportunity, canEdit }: { opportunity: Opportunity; canEdit: boolean }) {
  const { t } = useTranslation();
  const pipelines = usePipelines();
  const pipeline = pipelines.data?.items.find((item) => item.id === opportunity.pipelineId);
  const update = useUpdateRecord<Opportunity>('opportunities');
  const [lostTarget, setLostTarget] = useState<StageData | null>(null);
  if (!pipeline) return null;
  // A closed deal shows the road it took and the stage that closed it, not the other closing stages.
  const stages = pipeline.stages.filter((stage) => opportunity.stageKind === 'open' || stage.kind === 'open' || stage.id === opportunity.stageId);
  const active = Math.max(0, stages.findIndex((stage) => stage.id === opportunity.stageId));

  const move = (stage: StageData, lostReason?: string) =>
    update.mutate(
      { id: opportunity.id, version: opportunity.version, patch: lostReason ? { stage: stage.name, lostReason } : { stage: stage.name } },
      {
        onSuccess: () => {
          setLostTarget(null);
          notifySuccess(t('sales.stage.moved', { stage: stage.name }));
        },
        onError: (error) => {
          if (!lostReason) notifyError(error);
        },
      },
    );

  const onStep = (index: number) => {
    const stage = stages[index];
    if (!canEdit || !stage || stage.id === opportunity.stageId) return;
    if (stage.kind === 'lost') {
      update.reset();
      setLostTarget(stage);
    } else move(stage);
  };

  return (
    <Paper withBorder radius="lg" p="lg" component="section" aria-label={t('sales.stage.progress')}>
      <Title order={2} fz="h4" mb="md">
        {t('sales.stage.progress')}
      </Title>
      <Stepper active={active} onStepClick={canEdit ? onStep : undefined} size="sm" allowNextStepsSelect={canEdit} wrap>
        {stages.map((stage, index) => (
          <Stepper.Step
            key={stage.id}
            label={stage.name}
            description={`${stage.probability}%`}
            aria-label={t('sales.stage.moveTo', { stage: stage.name })}
            color={stage.kind === 'lost' && index === active ? 'red' : stage.kind === 'won' && index === active ? 'teal' : undefined}
            completedIcon={<IconCheck size={14} />}
            icon={stage.kind === 'lost' ? <IconX size={14} /> : stage.kind === 'won' ? <IconCheck size={14} /> : undefined}
          />
        ))}
      </Stepper>
      <LostReasonModal
        target={lostTarget && { name: opportunity.name, stage: lostTarget.name }}
        onCancel={() => setLostTarget(null)}
        onSubmit={(reason) => lostTarget && move(lostTarget, reason)}
        saving={update.isPending}
        error={update.isError && lostTarget ? errorMessage(update.error) : null}
      />
    </Paper>
  );
}
