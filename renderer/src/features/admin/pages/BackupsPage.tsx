import { Alert, Button, Stack, Text } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { IconDatabase } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Backup } from '../../../../../shared/schemas/admin';
import { useApiMutation, useApiQuery } from '../../../api/hooks';
import { errorMessage } from '../../../components/notify';
import { PageHeader } from '../../../components/PageHeader';
import { BackupProgressPanel, useBackupProgress } from '../components/BackupProgressPanel';
import { BackupSettingsCard } from '../components/BackupSettingsCard';
import { BackupTable } from '../components/BackupTable';
import { DatabaseCheckCard } from '../components/DatabaseCheckCard';
import { QueryState } from '../components/QueryState';
import { RestoreBackupDialog } from '../components/RestoreBackupDialog';
import { RestoreSteps } from '../components/RestoreSteps';
import { Section } from '../components/Section';
import { formatBytes } from '../format';

export function BackupsPage() {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const list = useApiQuery('backups.list', {}, { meta: { silent: true } });
  const status = useApiQuery('admin.status', {}, { meta: { silent: true } });
  const [restoring, setRestoring] = useState<Backup | null>(null);
  const run = useApiMutation('backups.run', {
    meta: { silent: true },
    onSettled: () => queryClient.invalidateQueries({ predicate: (query) => /^(backups|admin)\./.test(String(query.queryKey[0])) }),
  });
  const dataFolder = status.data?.dataFolder ?? '<data folder>';
  // A backup of gigabytes takes minutes: its steps as the server reports them (a scheduled one too).
  const progress = useBackupProgress(run.isPending);
  const backupProgress = progress.data?.operation === 'backup' ? progress.data : undefined;
  const backupRunning = run.isPending || backupProgress?.state === 'running';

  return (
    <>
      <PageHeader
        title={t('admin.backups.title')}
        description={t('admin.backups.subtitle')}
        actions={
          <Button leftSection={<IconDatabase size={18} />} loading={run.isPending} onClick={() => run.mutate({})}>
            {t('admin.backups.runNow')}
          </Button>
        }
      />
      <Stack gap="lg">
        {backupRunning && (
          <BackupProgressPanel progress={backupProgress} label={run.isPending ? t('admin.backups.running') : t('admin.backups.progress.runningElsewhere')} />
        )}
        {run.isError && (
          <Alert role="alert" color="red" variant="light" title={t('errors.requestFailed')}>
            {errorMessage(run.error)}
          </Alert>
        )}
        {run.data && !run.isPending && (
          <Alert role="status" color={run.data.status === 'ok' ? 'teal' : 'red'} variant="light" data-testid="backup-result">
            {run.data.status === 'ok'
              ? t('admin.backups.done', { size: formatBytes(run.data.sizeBytes, t, i18n.language) })
              : t('admin.backups.failed', { check: run.data.check })}
          </Alert>
        )}
        <Section title={t('admin.backups.list')} description={list.data && `${t('admin.backups.folder')}: ${list.data.folder}`}>
          <QueryState query={list}>{(data) => <BackupTable backups={data.items} onRestore={setRestoring} />}</QueryState>
        </Section>
        <QueryState query={list}>{(data) => <BackupSettingsCard settings={data.settings} folder={data.folder} />}</QueryState>
        <DatabaseCheckCard />
        <Section title={t('admin.backups.restoreHelp.title')} description={t('admin.backups.restoreHelp.description')}>
          <RestoreSteps file="<backup file>" dataFolder={dataFolder} />
          <Text size="sm" c="dimmed">
            {t('admin.backups.restoreHelp.chooseHint')}
          </Text>
        </Section>
      </Stack>
      <RestoreBackupDialog
        backup={restoring}
        folder={list.data?.folder ?? ''}
        dataFolder={dataFolder}
        onClose={() => setRestoring(null)}
      />
    </>
  );
}
