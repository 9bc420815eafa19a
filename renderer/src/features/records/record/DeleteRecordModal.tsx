import { Alert, Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { errorMessage, notifySuccess } from '../../../components/notify';
import { recordCall } from '../api';
import type { ApiRecord, RecordTypeConfig } from '../types';

interface Props<R extends ApiRecord> {
  config: RecordTypeConfig<R>;
  record: R;
  opened: boolean;
  onClose: () => void;
  /** A question the type asks before deleting (an account: what to do with its contacts). */
  children?: ReactNode;
  /** Added to `{id}` (the answer to that question). */
  extraInput?: Record<string, unknown>;
  /** The confirm button waits for an answer. */
  ready?: boolean;
}

/** Confirms a delete; the record goes to the recycle bin, and the page goes back to the list. */
export function DeleteRecordModal<R extends ApiRecord>({ config, record, opened, onClose, children, extraInput, ready = true }: Props<R>) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const title = config.title(record);
  const remove = useMutation({
    mutationFn: () => recordCall<{ ok: true }>(config.type, 'delete', { id: record.id, ...extraInput }),
    meta: { silent: true },
    onSuccess: () => {
      notifySuccess(t('records.record.deleted', { name: title }));
      queryClient.removeQueries({ queryKey: [`${config.type}.get`, { id: record.id }], exact: true });
      void queryClient.invalidateQueries({ queryKey: [`${config.type}.list`] });
      void navigate(config.path);
    },
  });
  return (
    <Modal opened={opened} onClose={onClose} title={t('records.record.deleteTitle', { type: t(config.labels.singular) })} centered>
      <Stack gap="md">
        {remove.isError && (
          <Alert color="red" variant="light" role="alert">
            {errorMessage(remove.error)}
          </Alert>
        )}
        <Text size="sm">{t('records.record.deleteBody', { name: title })}</Text>
        {children}
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button color="red" onClick={() => remove.mutate()} loading={remove.isPending} disabled={!ready}>
            {t('records.record.deleteConfirm')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
