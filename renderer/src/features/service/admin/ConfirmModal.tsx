import { Button, Group, Modal, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** "Delete X?" with the action in red; `loading` while the server works. */
export function ConfirmDelete({ title, message, loading, onConfirm, onClose }: { title: string; message: string; loading: boolean; onConfirm: () => void; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Modal opened onClose={onClose} title={title}>
      <Text size="sm" mb="lg">
        {message}
      </Text>
      <Group justify="flex-end">
        <Button variant="default" onClick={onClose}>
          {t('common.cancel')}
        </Button>
        <Button color="red" loading={loading} onClick={onConfirm}>
          {t('service.admin.delete')}
        </Button>
      </Group>
    </Modal>
  );
}
