import { ActionIcon, Alert, Button, Group, Stack, Text, Tooltip } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { IconCheck, IconPencil, IconX } from '@tabler/icons-react';
import { useId, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldErrors, isApiError } from '../../../api/api-error';
import { errorMessage } from '../../../components/notify';
import { recordKeys } from '../api';
import { valueOf } from '../field-specs';
import { FieldInput, FieldValue, fromDraft, toDraft, type Draft } from '../fields';
import { useUsers } from '../users';
import type { ApiRecord, FieldSpec, RecordTypeConfig } from '../types';
import classes from './InlineField.module.css';
import { useUpdateRecord } from './use-record';

interface Props<R extends ApiRecord> {
  config: RecordTypeConfig<R>;
  record: R;
  spec: FieldSpec;
  canEdit: boolean;
}

interface Editing {
  draft: Draft;
  /** The version the edit started from; if the record moves on meanwhile, someone else saved it. */
  baseVersion: number;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/**
 * One field of a record page: shown as text; click it (or its pencil, or Enter on the pencil) to
 * edit; Enter saves, Esc cancels. The save names the version the edit started from, so a save by
 * someone else in between is a CONFLICT the user sees, never a silent overwrite.
 */
export function InlineField<R extends ApiRecord>({ config, record, spec, canEdit }: Props<R>) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const users = useUsers();
  const labelId = useId();
  const pencilRef = useRef<HTMLButtonElement>(null);
  const [editing, setEditing] = useState<Editing | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [conflict, setConflict] = useState(false);
  const update = useUpdateRecord<R>(config.type);
  const label = t(spec.label);
  const value = valueOf(record, spec.key);
  const editable = canEdit && !spec.readOnly;

  const start = () => {
    if (!editable) return;
    setEditing({ draft: toDraft(spec, value), baseVersion: record.version });
    setError(null);
    setConflict(false);
  };
  const stop = () => {
    setEditing(null);
    setError(null);
    setConflict(false);
    update.reset();
    requestAnimationFrame(() => pencilRef.current?.focus());
  };

  /** Takes the record as it is now on the server and starts the edit again from it. */
  const reload = async () => {
    await queryClient.refetchQueries({ queryKey: recordKeys.get(config.type, record.id), exact: true });
    const fresh = queryClient.getQueryData<R>(recordKeys.get(config.type, record.id)) ?? record;
    setEditing({ draft: toDraft(spec, valueOf(fresh, spec.key)), baseVersion: fresh.version });
    setConflict(false);
    setError(null);
  };

  const save = () => {
    if (!editing) return;
    const parsed = fromDraft(spec, editing.draft);
    if (!parsed.ok) {
      setError(t(`records.validation.${parsed.error}`));
      return;
    }
    if (same(parsed.value, value) && editing.baseVersion === record.version) {
      stop();
      return;
    }
    update.mutate(
      { id: record.id, version: editing.baseVersion, patch: { [spec.key]: parsed.value } },
      {
        onSuccess: stop,
        onError: (failure) => {
          if (isApiError(failure) && failure.code === 'CONFLICT') setConflict(true);
          else setError(fieldErrors(failure)[`patch.${spec.key}`] ?? errorMessage(failure));
        },
      },
    );
  };

  const onKeyDown = (event: KeyboardEvent<HTMLElement>) => {
    if (event.key === 'Escape') {
      event.preventDefault();
      stop();
    } else if (event.key === 'Enter' && (spec.kind !== 'textarea' || event.ctrlKey || event.metaKey)) {
      // A select's Enter picks an option first; only a closed one saves.
      if (event.currentTarget.getAttribute('aria-expanded') === 'true') return;
      event.preventDefault();
      save();
    }
  };

  if (editing) {
    const remoteSave = editing.baseVersion !== record.version && !conflict;
    const who = users.name(record.updatedBy) ?? t('records.record.someone');
    return (
      <Stack gap={6} className={classes.field} data-field={spec.key}>
        <Text size="xs" c="dimmed" fw={500} id={labelId}>
          {label}
        </Text>
        <Group gap={6} align="flex-start" wrap="nowrap">
          <div style={{ flex: 1, minWidth: 0 }}>
            <FieldInput spec={spec} value={editing.draft} onChange={(draft) => setEditing({ ...editing, draft })} ariaLabel={label} error={error} autoFocus onKeyDown={onKeyDown} />
          </div>
          <Tooltip label={t('records.record.save')} openDelay={400}>
            <ActionIcon size={36} variant="filled" aria-label={t('records.record.saveField', { field: label })} onClick={save} loading={update.isPending}>
              <IconCheck size={18} />
            </ActionIcon>
          </Tooltip>
          <Tooltip label={t('common.cancel')} openDelay={400}>
            <ActionIcon size={36} variant="default" aria-label={t('records.record.cancelField', { field: label })} onClick={stop}>
              <IconX size={18} />
            </ActionIcon>
          </Tooltip>
        </Group>
        {remoteSave && (
          <Alert color="yellow" variant="light" role="status" p="xs">
            <Group gap="sm" justify="space-between" wrap="nowrap">
              <Text size="sm">{t('records.record.remoteSaved', { name: who })}</Text>
              <Button size="compact-sm" variant="white" color="yellow" onClick={() => void reload()}>
                {t('records.record.reload')}
              </Button>
            </Group>
          </Alert>
        )}
        {conflict && (
          <Alert color="red" variant="light" role="alert" p="xs" title={t('records.record.conflictTitle')}>
            <Stack gap={6}>
              <Text size="sm">{t('records.record.conflictBody', { name: who })}</Text>
              <Button size="compact-sm" color="red" w="fit-content" onClick={() => void reload()}>
                {t('records.record.reload')}
              </Button>
            </Stack>
          </Alert>
        )}
      </Stack>
    );
  }

  return (
    <Stack gap={2} className={classes.field} data-field={spec.key}>
      <Text size="xs" c="dimmed" fw={500} id={labelId}>
        {label}
      </Text>
      <div
        className={`${classes.value} ${editable ? classes.editable : ''}`}
        onClick={(event) => {
          // A link inside the value (an email, the account) keeps its own meaning.
          if (!(event.target as HTMLElement).closest('a')) start();
        }}
      >
        <div className={classes.content} aria-labelledby={labelId}>
          {value === null || value === undefined || value === '' ? (
            <Text size="sm" c="dimmed">
              {t('common.none')}
            </Text>
          ) : (
            <FieldValue spec={spec} value={value} />
          )}
        </div>
        {editable && (
          <ActionIcon
            ref={pencilRef}
            size="sm"
            variant="subtle"
            color="gray"
            className={classes.editButton}
            aria-label={t('records.record.editField', { field: label })}
            onClick={(event) => {
              event.stopPropagation();
              start();
            }}
          >
            <IconPencil size={14} />
          </ActionIcon>
        )}
      </div>
    </Stack>
  );
}
