import { Alert, Button, Stack, Text, Title } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import type { FormEvent, ReactNode } from 'react';
import { errorMessage } from './notify';

interface AuthFormProps {
  title: string;
  subtitle: string;
  /** The server's refusal, shown above the fields under `errorTitle`. */
  error: unknown;
  errorTitle: string;
  submitLabel: string;
  submitting: boolean;
  submitDisabled?: boolean;
  onSubmit: () => void;
  children: ReactNode;
}

/** The card form of the signed-out screens (sign in, first administrator): heading, error, fields, one button. */
export function AuthForm({ title, subtitle, error, errorTitle, submitLabel, submitting, submitDisabled = false, onSubmit, children }: AuthFormProps) {
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSubmit();
  };
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <div>
          <Title order={2} fz="h3">
            {title}
          </Title>
          <Text c="dimmed" size="sm" mt={4}>
            {subtitle}
          </Text>
        </div>
        {error != null && (
          <Alert role="alert" color="red" variant="light" title={errorTitle} icon={<IconAlertTriangle />}>
            {errorMessage(error)}
          </Alert>
        )}
        {children}
        <Button type="submit" fullWidth mt="xs" loading={submitting} disabled={submitDisabled}>
          {submitLabel}
        </Button>
      </Stack>
    </form>
  );
}
