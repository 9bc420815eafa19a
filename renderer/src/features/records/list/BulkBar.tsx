import { Alert, Button, Group, List, Modal, Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useQueryClient } from '@tanstack/react-query';
import { IconDownload, IconTrash, IconUserShare, IconX } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../../../api/client';
import { errorMessage, notifySuccess } from '../../../components/notify';
import { notifications } from '@mantine/notifications';
import { recordKeys } from '../api';
import { toCsv } from '../csv';
import { downloadText } from '../download';
import { fieldSpec, valueOf } from '../field-specs';
import { useFormatters } from '../format';
import { OwnerSelect } from '../OwnerSelect';
import { recordTypeConfig } from '../registry';
import type { ApiRecord, ColumnSpec, RecordTypeConfig } from '../types';
import { usePermissions } from '../users';

/** The API takes at most this many ids per bulk call. */
const BULK_CHUNK = 1000;

interface Props<R extends ApiRecord> {
  config: RecordTypeConfig<R>;
  columns: readonly ColumnSpec<R>[];
  /** The selected rows (all loaded: selection is of rows the user has seen). */
  records: readonly R[];
  onClear: () => void;
}

interface BulkOutcome {
  done: number;
  failed: { id: string; code: string; message: string }[];
}

async function inChunks(ids: string[], run: (chunk: string[]) => Promise<BulkOutcome>): Promise<BulkOutcome> {
  const total: BulkOutcome = { done: 0, failed: [] };
  for (let start = 0; start < ids.length; start += BULK_CHUNK) {
    const result = await run(ids.slice(start, start + BULK_CHUNK));
    total.done += result.done;
    total.failed.push(...result.failed);
  }
  return total;
}

/** What can be done to the selected rows: change owner, delete, export to CSV. */
export function BulkBar<R extends ApiRecord>({ config, columns, records, onClear }: Props<R>) {
  const { t } = useTranslation();
  const format = useFormatters();
  const queryClient = useQueryClient();
  const permissions = usePermissions();
  const [ownerOpen, ownerModal] = useDisclosure(false);
  const [deleteOpen, deleteModal] = useDisclosure(false);
  const [owner, setOwner] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [failed, setFailed] = useState<BulkOutcome['failed']>([]);
  const ids = records.map((record) => record.id);
  const editable = records.filter((record) => permissions.canEditOwnedBy(record.ownerId));

  const finish = (outcome: BulkOutcome, success: string) => {
    void queryClient.invalidateQueries({ queryKey: [`${config.type}.list`] });
    if (outcome.done > 0) notifySuccess(success);
    if (outcome.failed.length > 0) {
      setFailed(outcome.failed);
    } else {
      ownerModal.close();
      deleteModal.close();
      onClear();
    }
  };

  const run = async (action: () => Promise<BulkOutcome>, success: (done: number) => string) => {
    setBusy(true);
    setFailed([]);
    try {
      const outcome = await action();
      finish(outcome, success(outcome.done));
    } catch (error) {
      notifications.show({ color: 'red', title: t('errors.requestFailed'), message: errorMessage(error) });
    } finally {
      setBusy(false);
    }
  };

  const changeOwner = () =>
    owner &&
    run(
      () => inChunks(ids, (chunk) => call('records.bulkSetOwner', { type: config.type, ids: chunk, ownerId: owner })),
      (done) => t('records.bulk.ownerChanged', { count: done }),
    );
  const remove = () =>
    run(
      () => inChunks(ids, (chunk) => call('records.bulkDelete', { type: config.type, ids: chunk })),
      (done) => t('records.bulk.deleted', { count: done }),
    );

  const exportCsv = () => {
    const cellText = (record: R, column: ColumnSpec<R>): string => {
      const key = column.field ?? column.key;
      if (column.text) return column.text(record, (field, value) => format.value(fieldSpec(config, field), value));
      if (column.key === config.primaryColumn && !column.field) return config.title(record);
      const spec = fieldSpec(config, key);
      const value = valueOf(record, key);
      if (spec?.kind === 'reference' && typeof value === 'string' && spec.refType) {
        // Names already fetched for the table; otherwise the id, which still identifies the record.
        const linked = queryClient.getQueryData<ApiRecord | null>(recordKeys.title(spec.refType, value));
        const refConfig = recordTypeConfig(spec.refType);
        return linked && refConfig ? refConfig.title(linked) : value;
      }
      return format.value(spec, value);
    };
    const rows = [columns.map((column) => t(column.label)), ...records.map((record) => columns.map((column) => cellText(record, column)))];
    const stamp = new Date().toISOString().slice(0, 16).replace(/[-:T]/g, '');
    downloadText(`${config.type}-${stamp}.csv`, toCsv(rows));
    notifySuccess(t('records.bulk.exported', { count: records.length }));
  };

  const failures = failed.length > 0 && (
    <Alert color="red" variant="light" role="alert" title={t('records.bulk.someFailed', { count: failed.length })}>
      <List size="sm">
        {[...new Set(failed.map((failure) => failure.message))].slice(0, 5).map((message) => (
          <List.Item key={message}>{message}</List.Item>
        ))}
      </List>
    </Alert>
  );

  return (
    <>
      <Group
        justify="space-between"
        px="md"
        py={8}
        gap="sm"
        bg="light-dark(var(--mantine-color-indigo-0), rgba(76, 110, 245, 0.12))"
        role="toolbar"
        aria-label={t('records.bulk.label')}
      >
        <Text size="sm" fw={600}>
          {t('records.bulk.selected', { count: records.length })}
        </Text>
        <Group gap="xs">
          {permissions.canCreate && editable.length > 0 && (
            <>
              <Button size="xs" variant="default" leftSection={<IconUserShare size={14} />} onClick={() => { setFailed([]); ownerModal.open(); }}>
                {t('records.bulk.changeOwner')}
              </Button>
              <Button size="xs" variant="default" color="red" leftSection={<IconTrash size={14} />} onClick={() => { setFailed([]); deleteModal.open(); }}>
                {t('records.bulk.delete')}
              </Button>
            </>
          )}
          <Button size="xs" variant="default" leftSection={<IconDownload size={14} />} onClick={exportCsv}>
            {t('records.bulk.export')}
          </Button>
          <Button size="xs" variant="subtle" leftSection={<IconX size={14} />} onClick={onClear}>
            {t('records.bulk.clear')}
          </Button>
        </Group>
      </Group>

      <Modal opened={ownerOpen} onClose={ownerModal.close} title={t('records.bulk.changeOwnerTitle', { count: records.length })} centered>
        <Stack gap="md">
          {failures}
          <OwnerSelect label={t('records.bulk.newOwner')} value={owner} onChange={setOwner} required />
          {editable.length < records.length && (
            <Text size="sm" c="dimmed">
              {t('records.bulk.notYours', { count: records.length - editable.length })}
            </Text>
          )}
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={ownerModal.close}>
              {t('common.cancel')}
            </Button>
            <Button onClick={() => void changeOwner()} loading={busy} disabled={!owner}>
              {t('records.bulk.apply')}
            </Button>
          </Group>
        </Stack>
      </Modal>

      <Modal opened={deleteOpen} onClose={deleteModal.close} title={t('records.bulk.deleteTitle', { count: records.length })} centered>
        <Stack gap="md">
          {failures}
          <Text size="sm">{t('records.bulk.deleteBody', { count: records.length })}</Text>
          {config.labels.bulkDeleteNote && (
            <Text size="sm" c="dimmed">
              {t(config.labels.bulkDeleteNote)}
            </Text>
          )}
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={deleteModal.close}>
              {t('common.cancel')}
            </Button>
            <Button color="red" onClick={() => void remove()} loading={busy}>
              {t('records.bulk.deleteConfirm', { count: records.length })}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}
