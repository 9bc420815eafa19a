import { TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApiMutation } from '../api/hooks';
import { useSignIn } from '../auth/use-session-actions';
import { AuthForm } from '../components/AuthForm';
import { PasswordField } from '../components/PasswordField';

export function LoginPage() {
  const { t } = useTranslation();
  const signIn = useSignIn();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const login = useApiMutation('auth.login', { meta: { silent: true }, onSuccess: signIn });

  return (
    <AuthForm
      title={t('login.title')}
      subtitle={t('login.subtitle')}
      error={login.error}
      errorTitle={t('login.failed')}
      submitLabel={t('login.submit')}
      submitting={login.isPending}
      submitDisabled={!username.trim() || !password}
      onSubmit={() => login.mutate({ username, password })}
    >
      <TextInput label={t('login.username')} autoComplete="username" autoFocus value={username} onChange={(event) => setUsername(event.currentTarget.value)} />
      <PasswordField label={t('login.password')} autoComplete="current-password" value={password} onChange={(event) => setPassword(event.currentTarget.value)} />
    </AuthForm>
  );
}
