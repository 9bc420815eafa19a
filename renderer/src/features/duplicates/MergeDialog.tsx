import { Alert, Button, Group, Loader, Modal, Radio, ScrollArea, Stack, Table, Text } from '@mantine/core';
import { keepPreviousData, useMutation, useQueries, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { MethodInput } from '../../../../shared/methods';
import { call } from '../../api/client';
import { useApiQuery } from '../../api/hooks';
import { errorMessage } from '../../components/notify';
import { recordCall, recordKeys } from '../records/api';
import { formatDateTime } from '../records/format';
import { recordTypeConfig } from '../records/registry';
import { fieldSpec } from '../records/field-specs';
import type { ApiRecord, FieldSpec, RecordTypeConfig, TKey } from '../records/types';
import { oldestRecord } from './merge-choices';
import type { DuplicateTypeName } from './match-fields';
import { MergeMoves } from './MergeMoves';
import { PlainValue } from './PlainValue';
import { showMergedNotice } from './undo-merge-notice';

interface Props {
  type: DuplicateTypeName;
  /** The records to merge (two or more). */
  ids: readonly string[];
  opened: boolean;
  onClose: () => void;
  onMerged?: (survivorId: string) => void;
  /** Open the survivor's page afterwards (default); the duplicates page stays on its list. */
  openSurvivor?: boolean;
}

/**
 * Merge duplicates: pick the survivor and, per field that differs, the value that survives; see
 * what moves to the survivor before confirming. The fields, their default picks and the counts come
 * from merges.preview, so the dialog shows what the merge will do.
 */
export function MergeDialog({ type, ids, opened, onClose, onMerged, openSurvivor = true }: Props) {
  const { t } = useTranslation();
  return (
    <Modal opened={opened} onClose={onClose} title={t('duplicates.merge.title')} size="xl" centered>
      {opened && <MergeLoader type={type} ids={ids} onClose={onClose} onMerged={onMerged} openSurvivor={openSurvivor} />}
    </Modal>
  );
}

function MergeLoader({ type, ids, onClose, onMerged, openSurvivor }: Omit<Props, 'opened'>) {
  const { t } = useTranslation();
  const config = recordTypeConfig(type);
  const results = useQueries({
    queries: ids.map((id) => ({ queryKey: recordKeys.get(type, id), queryFn: () => recordCall<ApiRecord>(type, 'get', { id }) })),
  });
  if (!config || results.some((result) => result.isError)) {
    return (
      <Alert color="red" variant="light" role="alert">
        {t('duplicates.merge.loadFailed')}
      </Alert>
    );
  }
  if (results.some((result) => !result.data)) return <Loader size="sm" aria-label={t('common.loading')} />;
  return (
    <MergeChoices type={type} config={config} records={results.map((result) => result.data!)} onClose={onClose} onMerged={onMerged} openSurvivor={openSurvivor} />
  );
}

interface ChoicesProps {
  type: DuplicateTypeName;
  config: RecordTypeConfig;
  records: ApiRecord[];
  onClose: () => void;
  onMerged?: (survivorId: string) => void;
  openSurvivor?: boolean;
}

/** A field the record pages do not show still gets a row, under its API name. */
const specOf = (config: RecordTypeConfig, field: string): FieldSpec => fieldSpec(config, field) ?? { key: field, label: field as TKey, kind: 'text' };

/** The records a preview was made for, by title: the survivor and the others. */
function namesOf(config: RecordTypeConfig, records: readonly ApiRecord[], targetId: string) {
  return {
    survivor: config.title(records.find((record) => record.id === targetId) ?? records[0]!),
    sources: records.filter((record) => record.id !== targetId).map((record) => config.title(record)),
  };
}

function MergeChoices({ type, config, records, onClose, onMerged, openSurvivor }: ChoicesProps) {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [targetId, setTargetId] = useState(() => oldestRecord(records).id);
  // Only what the user changed; everything else follows the backend's default for the survivor.
  const [picks, setPicks] = useState<Record<string, string>>({});
  const sources = records.filter((record) => record.id !== targetId);
  const preview = useApiQuery(
    'merges.preview',
    { type, targetId, sourceIds: sources.map((record) => record.id) },
    // The last survivor's answer stays on screen while the new one loads (no flicker), but cannot be confirmed.
    { placeholderData: keepPreviousData, meta: { silent: true } },
  );
  const ready = preview.isSuccess && !preview.isPlaceholderData;
  const fields = preview.data?.fields ?? [];
  const pickOf = (field: (typeof fields)[number]) => picks[field.field] ?? field.keep;

  const merge = useMutation({
    mutationFn: (input: MethodInput<'contacts.merge'>) => call(`${type}.merge`, input),
    meta: { silent: true },
    onSuccess: async (result) => {
      showMergedNotice(queryClient, result.mergeId, t('duplicates.merge.done', { name: config.title(result.record as unknown as ApiRecord), moved: result.moved }));
      await queryClient.invalidateQueries();
      onClose();
      onMerged?.(targetId);
      if (openSurvivor) void navigate(`${config.path}/${targetId}`);
    },
  });

  const submit = () => {
    // Send only picks that differ from the survivor's own value: the backend fills empty ones the same way.
    const chosen = Object.fromEntries(fields.map((field) => [field.field, pickOf(field)]).filter(([, id]) => id !== targetId));
    merge.mutate({ targetId, sourceIds: sources.map((record) => record.id), fields: chosen });
  };

  const chooseTarget = (id: string) => {
    setTargetId(id);
    setPicks({});
  };

  return (
    <Stack gap="md">
      <Text size="sm">{t('duplicates.merge.intro')}</Text>
      {(merge.isError || preview.isError) && (
        <Alert color="red" variant="light" role="alert">
          {errorMessage(merge.error ?? preview.error)}
        </Alert>
      )}
      <ScrollArea.Autosize mah="60vh">
        <Table withTableBorder verticalSpacing="xs" aria-label={t('duplicates.merge.valuesTitle')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('duplicates.merge.survivor')}</Table.Th>
              {records.map((record) => (
                <Table.Th key={record.id}>
                  <Radio
                    name="survivor"
                    value={record.id}
                    checked={record.id === targetId}
                    onChange={() => chooseTarget(record.id)}
                    label={config.title(record)}
                    description={t('duplicates.merge.survivorHint', { created: formatDateTime(record.createdAt, i18n.language) })}
                  />
                </Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {fields.map((field) => {
              const spec = specOf(config, field.field);
              return (
                <Table.Tr key={field.field}>
                  <Table.Td>
                    <Text size="sm" fw={500}>
                      {t(spec.label)}
                    </Text>
                  </Table.Td>
                  {records.map((record) => (
                    <Table.Td key={record.id}>
                      <Radio
                        name={`pick-${field.field}`}
                        value={record.id}
                        checked={pickOf(field) === record.id}
                        onChange={() => setPicks((previous) => ({ ...previous, [field.field]: record.id }))}
                        aria-label={t('duplicates.merge.valueFor', { field: t(spec.label), record: config.title(record) })}
                        label={<PlainValue spec={spec} value={field.values.find((entry) => entry.id === record.id)?.value} />}
                      />
                    </Table.Td>
                  ))}
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </ScrollArea.Autosize>
      {preview.isPending && <Loader size="sm" aria-label={t('common.loading')} />}
      {preview.isSuccess && fields.length === 0 && (
        <Text size="sm" c="dimmed">
          {t('duplicates.merge.noDifferences')}
        </Text>
      )}
      {preview.data && <MergeMoves moves={preview.data.moves} {...namesOf(config, records, preview.data.targetId)} />}
      <Group justify="flex-end" gap="sm">
        <Button variant="default" onClick={onClose}>
          {t('common.cancel')}
        </Button>
        <Button color="orange" onClick={submit} loading={merge.isPending} disabled={!ready}>
          {t('duplicates.merge.confirm', { count: records.length })}
        </Button>
      </Group>
    </Stack>
  );
}
