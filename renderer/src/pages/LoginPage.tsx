import { Alert, Button, Stack, Text, TextInput, Title } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useApiMutation } from '../api/hooks';
import { useSignIn } from '../auth/use-session-actions';
import { errorMessage } from '../components/notify';
import { PasswordField } from '../components/PasswordField';

export function LoginPage() {
  const { t } = useTranslation();
  const signIn = useSignIn();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const login = useApiMutation('auth.login', { meta: { silent: true }, onSuccess: signIn });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    login.mutate({ username, password });
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <div>
          <Title order={2} fz="h3">
            {t('login.title')}
          </Title>
          <Text c="dimmed" size="sm" mt={4}>
            {t('login.subtitle')}
          </Text>
        </div>
        {login.isError && (
          <Alert role="alert" color="red" variant="light" title={t('login.failed')} icon={<IconAlertTriangle />}>
            {errorMessage(login.error)}
          </Alert>
        )}
        <TextInput
          label={t('login.username')}
          autoComplete="username"
          autoFocus
          value={username}
          onChange={(event) => setUsername(event.currentTarget.value)}
        />
        <PasswordField
          label={t('login.password')}
          autoComplete="current-password"
          value={password}
          onChange={(event) => setPassword(event.currentTarget.value)}
        />
        <Button type="submit" fullWidth mt="xs" loading={login.isPending} disabled={!username.trim() || !password}>
          {t('login.submit')}
        </Button>
      </Stack>
    </form>
  );
}
