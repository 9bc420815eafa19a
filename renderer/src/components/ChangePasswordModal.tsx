import { Alert, Modal, Stack, Text } from '@mantine/core';
import { useState, type ChangeEvent, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldErrors } from '../api/api-error';
import { useApiMutation } from '../api/hooks';
import { errorMessage, notifySuccess } from './notify';
import { confirmError, passwordError } from './password-rules';
import { PasswordField } from './PasswordField';
import { FormActions } from './FormActions';

const EMPTY = { current: '', next: '', confirm: '' };

export function ChangePasswordModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const [form, setForm] = useState(EMPTY);
  const [showErrors, setShowErrors] = useState(false);
  const change = useApiMutation('auth.changePassword', {
    meta: { silent: true },
    onSuccess: () => {
      notifySuccess(t('password.changed'));
      close();
    },
  });

  const errors = {
    current: form.current ? null : t('validation.required'),
    next: passwordError(t, form.next),
    confirm: confirmError(t, form.next, form.confirm),
  };
  // A wrong current password comes back as VALIDATION on `currentPassword`.
  const serverErrors = fieldErrors(change.error);
  const serverFieldError = { current: serverErrors.currentPassword, next: serverErrors.newPassword, confirm: undefined };

  function close() {
    setForm(EMPTY);
    setShowErrors(false);
    change.reset();
    onClose();
  }

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setShowErrors(true);
    if (Object.values(errors).some(Boolean)) return;
    change.mutate({ currentPassword: form.current, newPassword: form.next });
  };

  const field = (key: keyof typeof EMPTY) => ({
    value: form[key],
    onChange: (event: ChangeEvent<HTMLInputElement>) => {
      const value = event.currentTarget.value;
      setForm((previous) => ({ ...previous, [key]: value }));
    },
    error: (showErrors && errors[key]) || serverFieldError[key],
  });

  return (
    <Modal opened={opened} onClose={close} title={t('password.title')} centered>
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          {change.isError && (
            <Alert role="alert" color="red" variant="light">
              {errorMessage(change.error)}
            </Alert>
          )}
          <PasswordField label={t('password.current')} autoComplete="current-password" required data-autofocus {...field('current')} />
          <PasswordField label={t('password.new')} autoComplete="new-password" required {...field('next')} />
          <PasswordField label={t('password.confirm')} autoComplete="new-password" required {...field('confirm')} />
          <Text size="xs" c="dimmed">
            {t('password.hint')}
          </Text>
          <FormActions submitLabel={t('password.submit')} submitting={change.isPending} onCancel={close} />
        </Stack>
      </form>
    </Modal>
  );
}
