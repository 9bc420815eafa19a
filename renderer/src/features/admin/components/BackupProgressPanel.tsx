import { Progress, Stack, Stepper, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { BackupProgress } from '../../../../../shared/schemas/backup-progress';
import { useApiQuery } from '../../../api/hooks';

const POLL_MS = 500;

/**
 * The latest backup or restore, asked again every half second while `waiting` (this page started
 * one) or while the server says one runs (a scheduled backup, another tab). During a restore the
 * server answers it from the swap itself, to the administrator restoring.
 */
export function useBackupProgress(waiting: boolean) {
  return useApiQuery('backups.progress', {}, {
    meta: { silent: true },
    retry: false,
    refetchInterval: (query) => (waiting || query.state.data?.state === 'running' ? POLL_MS : false),
  });
}

function minutesAndSeconds(total: number): string {
  const seconds = Math.floor(total);
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
}

/**
 * The steps of a backup (copy, verify) or a restore (verify the backup, keep the current database
 * aside, put the backup in place, open it), the current one with how far it is: a bar when its work
 * can be counted (pages, bytes), a moving bar and the time so far when it cannot (integrity checks).
 */
export function BackupProgressPanel({ progress, label }: { progress: BackupProgress | undefined; label: string }) {
  const { t } = useTranslation();
  const running = progress?.state === 'running' ? progress : null;
  const active = running?.step ? running.steps.indexOf(running.step) : 0;
  const percent = running && running.total > 0 ? Math.min(100, Math.floor((running.done / running.total) * 100)) : null;
  return (
    <Stack gap="sm" role="status" aria-live="polite" aria-label={label} data-testid="backup-progress">
      <Text size="sm" fw={500}>
        {label}
        {running && ` · ${t('admin.backups.progress.elapsed', { time: minutesAndSeconds(running.elapsedSeconds) })}`}
      </Text>
      {running ? (
        <Stepper active={active} orientation="vertical" size="sm" iconSize={24}>
          {running.steps.map((step, index) => (
            <Stepper.Step
              key={step}
              loading={index === active}
              label={t(`admin.backups.progress.steps.${step}`)}
              description={
                index === active ? (
                  <Stack gap={4} mt={4} miw={280}>
                    <Progress value={percent ?? 100} striped animated={percent === null || percent < 100} aria-label={t(`admin.backups.progress.steps.${step}`)} />
                    <Text size="xs" c="dimmed">
                      {percent !== null
                        ? t('admin.backups.progress.percent', { percent })
                        : t('admin.backups.progress.uncounted', { time: minutesAndSeconds(running.stepElapsedSeconds) })}
                    </Text>
                  </Stack>
                ) : undefined
              }
            />
          ))}
        </Stepper>
      ) : (
        <Progress value={100} striped animated aria-label={label} />
      )}
    </Stack>
  );
}
