import { TextInput } from '@mantine/core';
import { useState, type ChangeEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldErrors } from '../api/api-error';
import { useApiMutation } from '../api/hooks';
import { useSignIn } from '../auth/use-session-actions';
import { AuthForm } from '../components/AuthForm';
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

  const submit = () => {
    setShowErrors(true);
    if (Object.values(localErrors).some(Boolean)) return;
    createAdmin.mutate({
      ...(needsSetupCode ? { setupCode: form.setupCode.trim() } : {}),
      username: form.username.trim(),
      displayName: form.displayName.trim(),
      password: form.password,
    });
  };
  const field = (name: keyof typeof localErrors) => ({ required: true, value: form[name], onChange: update(name), error: errorFor(name) });

  return (
    <AuthForm
      title={t('setup.title')}
      subtitle={t('setup.intro')}
      error={createAdmin.error}
      errorTitle={t('setup.failed')}
      submitLabel={t('setup.submit')}
      submitting={createAdmin.isPending}
      onSubmit={submit}
    >
      {needsSetupCode && <TextInput label={t('setup.setupCode')} description={t('setup.setupCodeHint')} autoComplete="one-time-code" {...field('setupCode')} />}
      <TextInput label={t('setup.username')} autoComplete="username" {...field('username')} />
      <TextInput label={t('setup.displayName')} autoComplete="name" {...field('displayName')} />
      <PasswordField label={t('setup.password')} autoComplete="new-password" {...field('password')} />
      <PasswordField label={t('setup.confirmPassword')} autoComplete="new-password" {...field('confirm')} />
    </AuthForm>
  );
}
