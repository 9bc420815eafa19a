import { Alert, Grid, Modal, Stack } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { fieldErrors } from '../../../api/api-error';
import { useCurrentUser } from '../../../auth/session-context';
import { errorMessage, notifySuccess } from '../../../components/notify';
import { CreateDuplicateWarning } from '../../duplicates/CreateDuplicateWarning';
import { recordCall } from '../api';
import { META_FIELDS } from '../field-specs';
import { FieldInput, fromDraft, toDraft, type Draft } from '../fields';
import type { ApiRecord, FieldSpec, RecordTypeConfig, TKey } from '../types';
import { FormActions } from '../../../components/FormActions';

interface Props<R extends ApiRecord> {
  config: RecordTypeConfig<R>;
  opened: boolean;
  onClose: () => void;
  /** Values filled in already (the account of a contact created from the account's page). */
  initial?: Record<string, unknown>;
  /** Open the new record's page (from a list); stay put (from a related list). */
  openAfter?: boolean;
  onCreated?: (record: R) => void;
  /** Which of the type's fields to ask for, in order (a quick action asks for fewer); default: its `inCreate` fields. */
  fields?: readonly string[];
  /** Ask for the owner too (default); quick actions give the record to the user. */
  withOwner?: boolean;
  title?: TKey;
}

const OWNER = META_FIELDS.find((field) => field.key === 'ownerId')!;

/** The create form of a record type: its `inCreate` fields and the owner; the API's field errors land on the fields. */
export function RecordCreateModal<R extends ApiRecord>(props: Props<R>) {
  const { config, opened, onClose, initial, openAfter = true, onCreated, withOwner = true } = props;
  const { t } = useTranslation();
  const me = useCurrentUser();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const chosen = props.fields
    ? props.fields.flatMap((key) => config.fields.filter((field) => field.key === key))
    : config.fields.filter((field) => field.inCreate);
  const fields: FieldSpec[] = withOwner ? [...chosen, OWNER] : chosen;
  const blank = () =>
    Object.fromEntries(fields.map((spec) => [spec.key, toDraft(spec, initial?.[spec.key] ?? (spec.key === 'ownerId' ? me.id : null))])) as Record<string, Draft>;
  const [drafts, setDrafts] = useState<Record<string, Draft>>(blank);
  const [localErrors, setLocalErrors] = useState<Record<string, string>>({});

  const create = useMutation({
    mutationFn: (input: Record<string, unknown>) => recordCall<R>(config.type, 'create', input),
    meta: { silent: true },
    onSuccess: (record) => {
      notifySuccess(t(config.labels.created, { name: config.title(record) }));
      void queryClient.invalidateQueries({ queryKey: [`${config.type}.list`] });
      onCreated?.(record);
      close();
      if (openAfter) void navigate(`${config.path}/${record.id}`);
    },
  });
  const serverErrors = fieldErrors(create.error);
  const unplaced = create.isError && !fields.some((spec) => serverErrors[spec.key]);

  function close() {
    setDrafts(blank());
    setLocalErrors({});
    create.reset();
    onClose();
  }

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const input: Record<string, unknown> = { ...initial };
    const errors: Record<string, string> = {};
    for (const spec of fields) {
      const parsed = fromDraft(spec, drafts[spec.key] ?? null);
      if (!parsed.ok) errors[spec.key] = t(`records.validation.${parsed.error}`);
      else if (parsed.value !== null) input[spec.key] = parsed.value;
      else delete input[spec.key];
    }
    setLocalErrors(errors);
    if (Object.keys(errors).length === 0) create.mutate(input);
  };

  return (
    <Modal opened={opened} onClose={close} title={t(props.title ?? config.labels.create)} size="lg" centered>
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          {unplaced && (
            <Alert role="alert" color="red" variant="light">
              {errorMessage(create.error)}
            </Alert>
          )}
          <Grid gap="md">
            {fields.map((spec, index) => (
              <Grid.Col key={spec.key} span={{ base: 12, sm: spec.wide ? 12 : 6 }}>
                <FieldInput
                  spec={spec}
                  label={t(spec.label)}
                  value={drafts[spec.key] ?? null}
                  onChange={(draft) => setDrafts((previous) => ({ ...previous, [spec.key]: draft }))}
                  error={localErrors[spec.key] ?? serverErrors[spec.key]}
                  autoFocus={index === 0}
                />
              </Grid.Col>
            ))}
          </Grid>
          <CreateDuplicateWarning type={config.type} values={drafts} />
          <FormActions submitLabel={t('records.create.submit')} submitting={create.isPending} onCancel={close} />
        </Stack>
      </form>
    </Modal>
  );
}
