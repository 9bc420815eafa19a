import { Alert, Badge, Button, Group, List, Modal, Paper, Progress, SimpleGrid, Stack, Text } from '@mantine/core';
import { IconArrowBackUp, IconDownload, IconFileImport } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MethodOutput } from '../../../../../shared/methods';
import { call } from '../../../api/client';
import { useApiMutation } from '../../../api/hooks';
import { notifyError, notifySuccess } from '../../../components/notify';
import { downloadText } from '../../records/download';
import { BUSY_STATES, useImportStatus } from '../use-import-status';

type Status = MethodOutput<'import.status'>;

const STATE_COLORS: Record<Status['state'], string> = {
  running: 'blue',
  done: 'teal',
  failed: 'red',
  cancelled: 'gray',
  interrupted: 'orange',
  undoing: 'violet',
  undone: 'gray',
};

/** Whether the import left anything behind that undo would remove or restore. */
export const canUndo = (status: Status) => !BUSY_STATES.has(status.state) && status.state !== 'undone' && status.created + status.updated > 0;

export function ImportStateBadge({ state }: { state: Status['state'] }) {
  const { t } = useTranslation();
  return (
    <Badge color={STATE_COLORS[state]} variant="light" data-testid="import-state">
      {t(`import.states.${state}`)}
    </Badge>
  );
}

function Counts({ status }: { status: Status }) {
  const { t } = useTranslation();
  const counts = [
    ['created', status.created, 'teal'],
    ['updated', status.updated, 'blue'],
    ['skipped', status.skipped, 'gray'],
    ['failed', status.failed, 'red'],
  ] as const;
  return (
    <SimpleGrid cols={{ base: 2, sm: 4 }}>
      {counts.map(([key, value, color]) => (
        <Paper key={key} withBorder radius="md" p="sm" data-testid={`import-count-${key}`}>
          <Text size="xs" c="dimmed">
            {t(`import.run.${key}`)}
          </Text>
          <Text fz="xl" fw={700} c={value > 0 ? color : undefined}>
            {value.toLocaleString()}
          </Text>
        </Paper>
      ))}
    </SimpleGrid>
  );
}

/** Asks before undoing, then starts the undo (its progress shows through the status polling). */
export function UndoImportButton({ status, size = 'sm' }: { status: Status; size?: 'xs' | 'sm' }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [confirming, setConfirming] = useState(false);
  const undo = useApiMutation('import.undo', {
    onSuccess: (next) => {
      setConfirming(false);
      queryClient.setQueryData(['import.status', { jobId: next.jobId }], next);
      void queryClient.invalidateQueries({ predicate: (query) => String(query.queryKey[0]).startsWith('import.') });
    },
  });
  return (
    <>
      <Button size={size} color="red" variant="light" leftSection={<IconArrowBackUp size={16} />} onClick={() => setConfirming(true)}>
        {t('import.done.undo')}
      </Button>
      <Modal opened={confirming} onClose={() => setConfirming(false)} title={t('import.done.undoTitle')}>
        <Stack>
          <Text>{t('import.done.undoBody', { created: status.created, updated: status.updated })}</Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setConfirming(false)}>
              {t('common.cancel')}
            </Button>
            <Button color="red" loading={undo.isPending} onClick={() => undo.mutate({ jobId: status.jobId })}>
              {t('import.done.undoConfirm')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}

/** Saves the rows the import refused, with a reason column, as the CSV the backend wrote. */
async function downloadRejected(jobId: string) {
  try {
    const rejected = await call('import.rejected', { jobId });
    downloadText(rejected.fileName, rejected.csv);
  } catch (error) {
    notifyError(error);
  }
}

/** Steps 4 and 5: the progress of a running import (with cancel), then its summary, rejected rows and undo. */
export function JobStep({ jobId, onAnother }: { jobId: string; onAnother(): void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const status = useImportStatus(jobId);
  const cancel = useApiMutation('import.cancel');
  const state = status.data?.state;
  const type = status.data?.type;

  const previousState = useRef(state);

  // Lists of the type show what the import (or its undo) did once it stops.
  useEffect(() => {
    if (state && !BUSY_STATES.has(state) && type) {
      void queryClient.invalidateQueries({ predicate: (query) => [`${type}.`, 'import.list'].some((prefix) => String(query.queryKey[0]).startsWith(prefix)) });
    }
    if (state === 'undone' && previousState.current === 'undoing') notifySuccess(t('import.done.undone'));
    previousState.current = state;
  }, [state, type, queryClient, t]);

  if (status.isError) return <Alert color="red">{status.error.message}</Alert>;
  if (!status.data) return <Progress value={0} animated />;
  const data = status.data;
  const busy = BUSY_STATES.has(data.state);
  const percent = data.total > 0 ? Math.min(100, (data.processed / data.total) * 100) : busy ? 0 : 100;

  return (
    <Stack data-testid="import-job">
      <Group justify="space-between">
        <Group gap="sm">
          <ImportStateBadge state={data.state} />
          {data.fileName && <Text fw={500}>{data.fileName}</Text>}
        </Group>
        {data.state === 'running' && (
          <Button variant="default" color="red" loading={cancel.isPending} onClick={() => cancel.mutate({ jobId })}>
            {t('import.run.cancel')}
          </Button>
        )}
      </Group>
      <Stack gap={4}>
        <Progress
          value={data.state === 'undoing' ? 100 : percent}
          animated={busy}
          striped={busy}
          color={data.state === 'undoing' ? 'violet' : data.state === 'done' ? 'teal' : undefined}
          size="lg"
          aria-label={t('import.steps.run')}
          data-testid="import-progress"
        />
        <Text size="sm" c="dimmed" aria-live="polite">
          {data.state === 'undoing' ? t('import.run.undoing') : t('import.run.progress', { processed: data.processed.toLocaleString(), total: data.total.toLocaleString() })}
        </Text>
      </Stack>
      <Counts status={data} />
      {!busy && (
        <Stack>
          {data.message && <Alert color={data.state === 'failed' ? 'red' : 'gray'}>{data.message}</Alert>}
          <Text fw={600} data-testid="import-summary">
            {t('import.done.summary', { created: data.created, updated: data.updated, skipped: data.skipped })}
            {' · '}
            <Text span fw={600} c={data.failed > 0 ? 'red' : 'teal'}>
              {data.failed > 0 ? t('import.done.rejected', { count: data.failed }) : t('import.done.noneRejected')}
            </Text>
          </Text>
          {data.errors.length > 0 && (
            <Paper withBorder radius="md" p="sm">
              <Text size="sm" fw={500} mb={4}>
                {t('import.done.firstErrors')}
              </Text>
              <List size="sm" spacing={2}>
                {data.errors.slice(0, 5).map((error) => (
                  <List.Item key={error.line}>
                    {t('import.done.lineReason', { line: error.line, reason: error.reason })}
                  </List.Item>
                ))}
              </List>
            </Paper>
          )}
          <Group>
            {data.failed > 0 && (
              <Button variant="light" leftSection={<IconDownload size={16} />} onClick={() => void downloadRejected(jobId)}>
                {t('import.done.downloadRejected')}
              </Button>
            )}
            {canUndo(data) && <UndoImportButton status={data} />}
            <Button variant="default" leftSection={<IconFileImport size={16} />} onClick={onAnother}>
              {t('import.done.another')}
            </Button>
          </Group>
        </Stack>
      )}
    </Stack>
  );
}
