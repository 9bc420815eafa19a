import { Button, Group, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconCheck } from '@tabler/icons-react';
import type { QueryClient } from '@tanstack/react-query';
import { call } from '../../api/client';
import { notifyError, notifySuccess } from '../../components/notify';
import { i18n } from '../../i18n';

/** "Merged into X" with an Undo button that calls merges.undo: a merge is one click from being taken back. */
export function showMergedNotice(queryClient: QueryClient, mergeId: string, message: string) {
  const id = `merge-${mergeId}`;
  const undo = async () => {
    notifications.hide(id);
    try {
      await call('merges.undo', { id: mergeId });
      notifySuccess(i18n.t('duplicates.merge.undone'));
    } catch (error) {
      notifyError(error);
    }
    // Every screen may show a moved child or a restored record.
    await queryClient.invalidateQueries();
  };
  notifications.show({
    id,
    color: 'teal',
    icon: <IconCheck size={18} />,
    autoClose: 20_000,
    message: (
      <Group justify="space-between" gap="sm" wrap="nowrap">
        <Text size="sm">{message}</Text>
        <Button size="compact-sm" variant="light" onClick={() => void undo()}>
          {i18n.t('duplicates.merge.undo')}
        </Button>
      </Group>
    ),
  });
}
