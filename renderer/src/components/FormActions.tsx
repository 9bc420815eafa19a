import { Button, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';

interface FormActionsProps {
  submitLabel: string;
  submitting: boolean;
  onCancel: () => void;
  submitDisabled?: boolean;
}

/** The footer of a dialog form: Cancel, then the submit button (Enter submits the form). */
export function FormActions({ submitLabel, submitting, onCancel, submitDisabled = false }: FormActionsProps) {
  const { t } = useTranslation();
  return (
    <Group justify="flex-end" gap="sm">
      <Button variant="default" onClick={onCancel}>
        {t('common.cancel')}
      </Button>
      <Button type="submit" loading={submitting} disabled={submitDisabled}>
        {submitLabel}
      </Button>
    </Group>
  );
}
