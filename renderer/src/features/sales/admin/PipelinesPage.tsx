import { Button, Group, Paper, Stack, TextInput } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApiMutation, useApiQuery } from '../../../api/hooks';
import { notifySuccess } from '../../../components/notify';
import { PageHeader } from '../../../components/PageHeader';
import { PipelineEditor } from './PipelineEditor';

/** Settings > Pipelines (administrators): each pipeline's stages, and a new pipeline. */
export function PipelinesPage() {
  const { t } = useTranslation();
  const pipelines = useApiQuery('pipelines.list', { includeInactive: true }, { meta: { silent: true } });
  const [name, setName] = useState('');
  const create = useApiMutation('pipelines.create', {
    onSuccess: (created) => {
      setName('');
      notifySuccess(t('sales.admin.saved', { name: created.name }));
    },
  });
  return (
    <>
      <PageHeader title={t('sales.admin.pipelines')} description={t('sales.admin.pipelinesDescription')} />
      <Stack gap="lg">
        {(pipelines.data?.items ?? []).map((pipeline) => (
          // Keyed by version: a saved pipeline (here or elsewhere) starts a fresh draft.
          <PipelineEditor key={`${pipeline.id}-${pipeline.version}`} pipeline={pipeline} />
        ))}
        <Paper withBorder radius="lg" p="lg">
          <Group align="flex-end" gap="sm">
            <TextInput label={t('sales.admin.pipelineName')} value={name} maxLength={80} onChange={(event) => setName(event.currentTarget.value)} />
            <Button
              leftSection={<IconPlus size={16} />}
              disabled={!name.trim()}
              loading={create.isPending}
              onClick={() =>
                create.mutate({
                  name: name.trim(),
                  stages: [
                    { name: t('sales.stageKinds.open'), kind: 'open', probability: 20 },
                    { name: t('sales.stageKinds.won'), kind: 'won', probability: 100 },
                    { name: t('sales.stageKinds.lost'), kind: 'lost', probability: 0 },
                  ],
                })
              }
            >
              {t('sales.admin.newPipeline')}
            </Button>
          </Group>
        </Paper>
      </Stack>
    </>
  );
}
