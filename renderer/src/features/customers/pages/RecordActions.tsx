import { Button } from '@mantine/core';
import { IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';

export function DeleteButton({ onClick }: { onClick: () => void }) {
  const { t } = useTranslation();
  return (
    <Button variant="default" color="red" leftSection={<IconTrash size={16} />} onClick={onClick}>
      {t('records.record.delete')}
    </Button>
  );
}
