import { Alert, Button, Stack, Text, TextInput, Title } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useState, type ChangeEvent, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldErrors } from '../api/api-error';
import { useApiMutation } from '../api/hooks';
import { useSignIn } from '../auth/use-session-actions';
import { errorMessage } from '../components/notify';
import { confirmError, passwordError } from '../components/password-rules';
import { PasswordField } from '../components/PasswordField';

/** Creates the first administrator of a new office and signs them in. */
export function FirstRunPage({ needsSetupCode }: { needsSetupCode: boolean }) {
  const { t } = useTranslation();
  const signIn = useSignIn();
  const [form, setForm] = useState({ setupCode: '', username: 'admin', displayName: '', password: '', confirm: '' });
  const [showErrors, setShowErrors] = useState(false);
  const createAdmin = useApiMutation('setup.createAdmin', { meta: { silent: true }, onSuccess: signIn });
  const serverErrors = fieldErrors(createAdmin.error);

  const localErrors = {
    setupCode: needsSetupCode && !form.setupCode.trim() ? t('validation.required') : null,
    username: form.username.trim() ? null : t('validation.required'),
    displayName: form.displayName.trim() ? null : t('validation.required'),
    password: passwordError(t, form.password),
    confirm: confirmError(t, form.password, form.confirm),
  };
  const errorFor = (field: keyof typeof localErrors) => (showErrors && localErrors[field]) || serverErrors[field];

  const update = (field: keyof typeof form) => (event: ChangeEvent<HTMLInputElement>) => {
    // Read now: React clears currentTarget before the updater runs.
    const value = event.currentTarget.value;
    setForm((previous) => ({ ...previous, [field]: value }));
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setShowErrors(true);
    if (Object.values(localErrors).some(Boolean)) return;
    createAdmin.mutate({
      ...(needsSetupCode ? { setupCode: form.setupCode.trim() } : {}),
      username: form.username.trim(),
      displayName: form.displayName.trim(),
      password: form.password,
    });
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <div>
          <Title order={2} fz="h3">
            {t('setup.title')}
          </Title>
          <Text c="dimmed" size="sm" mt={4}>
            {t('setup.intro')}
          </Text>
        </div>
        {createAdmin.isError && (
          <Alert role="alert" color="red" variant="light" title={t('setup.failed')} icon={<IconAlertTriangle />}>
            {errorMessage(createAdmin.error)}
          </Alert>
        )}
        {needsSetupCode && (
          <TextInput
            label={t('setup.setupCode')}
            description={t('setup.setupCodeHint')}
            required
            autoComplete="one-time-code"
            value={form.setupCode}
            onChange={update('setupCode')}
            error={errorFor('setupCode')}
          />
        )}
        <TextInput
          label={t('setup.username')}
          required
          autoComplete="username"
          value={form.username}
          onChange={update('username')}
          error={errorFor('username')}
        />
        <TextInput
          label={t('setup.displayName')}
          required
          autoComplete="name"
          value={form.displayName}
          onChange={update('displayName')}
          error={errorFor('displayName')}
        />
        <PasswordField
          label={t('setup.password')}
          required
          autoComplete="new-password"
          value={form.password}
          onChange={update('password')}
          error={errorFor('password')}
        />
        <PasswordField
          label={t('setup.confirmPassword')}
          required
          autoComplete="new-password"
          value={form.confirm}
          onChange={update('confirm')}
          error={errorFor('confirm')}
        />
        <Button type="submit" fullWidth mt="xs" loading={createAdmin.isPending}>
          {t('setup.submit')}
        </Button>
      </Stack>
    </form>
  );
}
