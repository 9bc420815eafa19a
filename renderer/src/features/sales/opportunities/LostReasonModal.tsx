import { Alert, Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';

interface Props {
  /** The deal and the lost stage it is moving to; null when closed. */
  target: { name: string; stage: string } | null;
  onCancel: () => void;
  onSubmit: (reason: string) => void;
  saving: boolean;
  /** The server's message when saving failed. */
  error?: string | null;
}

/** A deal only moves to a lost stage with a reason (the backend refuses it without one). */
export function LostReasonModal({ target, onCancel, onSubmit, saving, error }: Props) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const [missing, setMissing] = useState(false);
  const close = () => {
    setReason('');
    setMissing(false);
    onCancel();
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!reason.trim()) {
      setMissing(true);
      return;
    }
    onSubmit(reason.trim());
  };
  return (
    <Modal opened={target !== null} onClose={close} title={target ? t('sales.stage.lostTitle', { name: target.name }) : ''} centered>
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          {error && (
            <Alert role="alert" color="red" variant="light">
              {error}
            </Alert>
          )}
          <Text size="sm">{target && t('sales.stage.lostBody', { stage: target.stage })}</Text>
          <Textarea
            label={t('sales.stage.lostReason')}
            required
            autosize
            minRows={2}
            maxLength={500}
            value={reason}
            onChange={(event) => {
              setReason(event.currentTarget.value);
              setMissing(false);
            }}
            error={missing ? t('records.validation.required') : undefined}
            data-autofocus
          />
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={close}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" color="red" loading={saving}>
              {t('sales.stage.lostSave')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
