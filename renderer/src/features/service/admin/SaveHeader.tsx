import { Button } from '@mantine/core';
import { IconDeviceFloppy } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../../components/PageHeader';

interface Props {
  title: string;
  description: string;
  /** False while nothing can be saved (nothing changed, or a required field is empty). */
  canSave: boolean;
  saving: boolean;
  onSave: () => void;
}

/** A settings form's title row with its Save button. */
export function SaveHeader({ title, description, canSave, saving, onSave }: Props) {
  const { t } = useTranslation();
  return (
    <PageHeader
      title={title}
      description={description}
      actions={
        <Button leftSection={<IconDeviceFloppy size={16} />} disabled={!canSave} loading={saving} onClick={onSave}>
          {t('service.admin.save')}
        </Button>
      }
    />
  );
}
