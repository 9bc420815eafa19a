import { ActionIcon, Alert, Badge, Button, Group, NumberInput, Paper, Select, Stack, TextInput, Title } from '@mantine/core';
import { IconArrowDown, IconArrowUp, IconPlus, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { STAGE_KINDS } from '../../../../../shared/schemas/records/opportunities';
import { useApiMutation } from '../../../api/hooks';
import { errorMessage, notifySuccess } from '../../../components/notify';
import { STAGE_KIND_OPTIONS } from '../configs/options';
import type { PipelineData } from '../pipelines';

type Kind = (typeof STAGE_KINDS)[number];
interface StageDraft {
  id?: string;
  name: string;
  kind: Kind;
  probability: number;
}

/** One pipeline's ordered stages: rename, reorder, add, remove; saved as a whole list. */
export function PipelineEditor({ pipeline }: { pipeline: PipelineData }) {
  const { t } = useTranslation();
  const [stages, setStages] = useState<StageDraft[]>(() => pipeline.stages.map(({ id, name, kind, probability }) => ({ id, name, kind, probability })));
  const save = useApiMutation('pipelines.update', {
    meta: { silent: true },
    onSuccess: (saved) => notifySuccess(t('sales.admin.saved', { name: saved.name })),
  });
  const set = (index: number, patch: Partial<StageDraft>) => setStages((list) => list.map((stage, i) => (i === index ? { ...stage, ...patch } : stage)));
  const swap = (a: number, b: number) =>
    setStages((list) => {
      const next = [...list];
      [next[a], next[b]] = [next[b]!, next[a]!];
      return next;
    });

  return (
    <Paper withBorder radius="lg" p="lg" component="section" aria-label={pipeline.name}>
      <Group gap="sm" mb="md">
        <Title order={2} fz="h4">
          {pipeline.name}
        </Title>
        {pipeline.isDefault && <Badge variant="light">{t('sales.admin.default')}</Badge>}
      </Group>
      <Stack gap="xs">
        {save.isError && (
          <Alert role="alert" color="red" variant="light">
            {errorMessage(save.error)}
          </Alert>
        )}
        {stages.map((stage, index) => (
          <Group key={stage.id ?? `new-${index}`} gap="sm" wrap="nowrap">
            <TextInput aria-label={t('sales.admin.stageName')} value={stage.name} maxLength={80} onChange={(event) => set(index, { name: event.currentTarget.value })} style={{ flex: 1 }} />
            <Select aria-label={t('sales.admin.kind')} data={STAGE_KIND_OPTIONS.map((option) => ({ value: option.value, label: t(option.label) }))} value={stage.kind} onChange={(kind) => kind && set(index, { kind: kind as Kind })} allowDeselect={false} w={120} />
            <NumberInput aria-label={t('sales.admin.probability')} min={0} max={100} value={stage.probability} onChange={(value) => set(index, { probability: Number(value) || 0 })} w={90} suffix="%" />
            <ActionIcon variant="subtle" aria-label={t('sales.admin.moveUp', { name: stage.name })} disabled={index === 0} onClick={() => swap(index, index - 1)}>
              <IconArrowUp size={16} />
            </ActionIcon>
            <ActionIcon variant="subtle" aria-label={t('sales.admin.moveDown', { name: stage.name })} disabled={index === stages.length - 1} onClick={() => swap(index, index + 1)}>
              <IconArrowDown size={16} />
            </ActionIcon>
            <ActionIcon variant="subtle" color="red" aria-label={t('sales.admin.removeStage', { name: stage.name })} onClick={() => setStages(stages.filter((_, i) => i !== index))}>
              <IconTrash size={16} />
            </ActionIcon>
          </Group>
        ))}
        <Group justify="space-between" mt="sm">
          <Button variant="subtle" size="xs" leftSection={<IconPlus size={14} />} onClick={() => setStages([...stages, { name: '', kind: 'open', probability: 50 }])}>
            {t('sales.admin.addStage')}
          </Button>
          <Button
            size="xs"
            loading={save.isPending}
            onClick={() =>
              save.mutate({
                id: pipeline.id,
                version: pipeline.version,
                patch: { stages: stages.map((stage) => ({ ...(stage.id ? { id: stage.id } : {}), name: stage.name.trim(), kind: stage.kind, probability: stage.probability })) },
              })
            }
          >
            {t('sales.admin.save')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
