import { Alert, Button, Group, Radio, Stack, TextInput } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BackupSettings } from '../../../../../shared/schemas/admin';
import { useApiMutation } from '../../../api/hooks';
import { errorMessage, notifySuccess } from '../../../components/notify';
import { Section } from './Section';

/** Where backups go and whether they run daily. An empty folder means the default one. */
export function BackupSettingsCard({ settings, folder }: { settings: BackupSettings; folder: string }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [folderText, setFolderText] = useState(settings.folder ?? '');
  const [schedule, setSchedule] = useState(settings.schedule);
  const configure = useApiMutation('backups.configure', {
    meta: { silent: true },
    onSuccess: () => {
      notifySuccess(t('admin.common.saved'));
      void queryClient.invalidateQueries({ queryKey: ['backups.list'] });
    },
  });
  const defaultFolder = settings.folder === null ? folder : t('common.none');
  const changed = folderText.trim() !== (settings.folder ?? '') || schedule !== settings.schedule;

  return (
    <Section title={t('admin.backups.settings.title')}>
      {configure.isError && (
        <Alert role="alert" color="red" variant="light" title={t('errors.requestFailed')}>
          {errorMessage(configure.error)}
        </Alert>
      )}
      <TextInput
        label={t('admin.backups.settings.folder')}
        description={t('admin.backups.settings.folderHint', { folder: defaultFolder })}
        placeholder={folder}
        value={folderText}
        onChange={(event) => setFolderText(event.currentTarget.value)}
      />
      <Radio.Group label={t('admin.backups.settings.schedule')} value={schedule} onChange={(value) => setSchedule(value as BackupSettings['schedule'])}>
        <Stack gap="xs" mt="xs">
          <Radio value="daily" label={t('admin.backups.settings.daily')} />
          <Radio value="off" label={t('admin.backups.settings.off')} />
        </Stack>
      </Radio.Group>
      <Group>
        <Button
          disabled={!changed}
          loading={configure.isPending}
          onClick={() => configure.mutate({ folder: folderText.trim() || null, schedule })}
        >
          {t('admin.common.save')}
        </Button>
      </Group>
    </Section>
  );
}
