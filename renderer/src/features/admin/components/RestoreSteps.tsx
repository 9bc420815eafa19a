import { List, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { restoreCommand } from '../restore-command';
import { CopyCommand } from './CopyCommand';

/** Restore is done by the admin tool with the server stopped: the three steps, with the exact command. */
export function RestoreSteps({ file, dataFolder }: { file: string; dataFolder: string }) {
  const { t } = useTranslation();
  return (
    <List type="ordered" size="sm" spacing="xs">
      <List.Item>{t('admin.backups.restoreHelp.steps.stop')}</List.Item>
      <List.Item styles={{ itemWrapper: { width: '100%' }, itemLabel: { width: '100%' } }}>
        <Stack gap={6}>
          {t('admin.backups.restoreHelp.steps.run')}
          <CopyCommand command={restoreCommand(file, dataFolder)} />
        </Stack>
      </List.Item>
      <List.Item>{t('admin.backups.restoreHelp.steps.start')}</List.Item>
    </List>
  );
}
