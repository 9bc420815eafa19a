import { Accordion, Alert, Button, Group, List, Modal, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { IconRestore } from '@tabler/icons-react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { Backup } from '../../../../../shared/schemas/admin';
import { isApiError } from '../../../api/api-error';
import { useApiMutation } from '../../../api/hooks';
import { setToken } from '../../../api/token-store';
import { errorMessage } from '../../../components/notify';
import { formatDateTime } from '../../records/format';
import { RestoreSteps } from './RestoreSteps';
import { BackupProgressPanel, useBackupProgress } from './BackupProgressPanel';

interface SignedInPerson {
  username: string;
  displayName: string;
}

/** The refusal when others are signed in, in the user's language when the server named them. */
function restoreError(error: unknown, t: TFunction): string {
  const people = isApiError(error) && error.code === 'CONFLICT' ? (error.details as { signedIn?: SignedInPerson[] } | undefined)?.signedIn : undefined;
  if (!people?.length) return errorMessage(error);
  return t('admin.backups.restoreDialog.othersSignedIn', { names: people.map((p) => `${p.displayName} (${p.username})`).join(', ') });
}

/**
 * Restore from the admin page: says what will happen (everyone signed out, the current database kept
 * aside in the backup folder), shows progress while the server swaps the database, and then sends
 * the admin to the sign-in page, since their session ended with everyone else's.
 */
export function RestoreBackupDialog({ backup, folder, dataFolder, onClose }: { backup: Backup | null; folder: string; dataFolder: string; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const time = backup ? formatDateTime(backup.finishedAt, i18n.language) : '';
  const restore = useApiMutation('backups.restore', {
    meta: { silent: true },
    onSuccess: (result) => {
      notifications.show({
        id: 'backup-restored',
        color: 'teal',
        title: t('admin.backups.restoreDialog.doneTitle'),
        message: result.keptAside
          ? t('admin.backups.restoreDialog.done', { time, file: result.keptAside })
          : t('admin.backups.restoreDialog.doneNothingAside', { time }),
        autoClose: false,
      });
      // The server ended every session, this one too: back to the sign-in page, with nothing cached.
      setToken(null);
      queryClient.clear();
    },
  });
  // Minutes for gigabytes: the steps as the server reports them (it answers this even mid-swap).
  const progress = useBackupProgress(restore.isPending);
  const close = () => {
    if (restore.isPending) return;
    restore.reset();
    onClose();
  };

  return (
    <Modal
      opened={backup !== null}
      onClose={close}
      closeOnClickOutside={!restore.isPending}
      closeOnEscape={!restore.isPending}
      withCloseButton={!restore.isPending}
      title={t('admin.backups.restoreDialog.title', { time })}
      size="lg"
    >
      {backup && (
        <Stack gap="md">
          <Text size="sm">{t('admin.backups.restoreDialog.intro', { time })}</Text>
          <List size="sm" spacing="xs">
            <List.Item>{t('admin.backups.restoreDialog.lost', { time })}</List.Item>
            <List.Item>{t('admin.backups.restoreDialog.signedOut')}</List.Item>
            <List.Item>
              {t('admin.backups.restoreDialog.aside')}{' '}
              <Text span ff="monospace" size="sm">
                {folder}
              </Text>
            </List.Item>
            <List.Item>{t('admin.backups.restoreDialog.upgrade')}</List.Item>
            <List.Item>{t('admin.backups.restoreDialog.licence')}</List.Item>
          </List>
          {restore.isPending && (
            <BackupProgressPanel progress={progress.data?.operation === 'restore' ? progress.data : undefined} label={t('admin.backups.restoreDialog.running')} />
          )}
          {restore.isError && (
            <Alert role="alert" color="red" variant="light" title={t('admin.backups.restoreDialog.refused')}>
              {restoreError(restore.error, t)}
            </Alert>
          )}
          <Accordion variant="contained" chevronPosition="left">
            <Accordion.Item value="offline">
              <Accordion.Control>{t('admin.backups.restoreDialog.offline')}</Accordion.Control>
              <Accordion.Panel>
                <RestoreSteps file={backup.file} dataFolder={dataFolder} />
              </Accordion.Panel>
            </Accordion.Item>
          </Accordion>
          <Group justify="flex-end">
            <Button variant="default" onClick={close} disabled={restore.isPending}>
              {t('common.cancel')}
            </Button>
            <Button color="red" leftSection={<IconRestore size={18} />} loading={restore.isPending} onClick={() => restore.mutate({ id: backup.id })}>
              {t('admin.backups.restoreDialog.confirm')}
            </Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}
