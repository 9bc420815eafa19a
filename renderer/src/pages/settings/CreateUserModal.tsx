import { Alert, Button, Group, Modal, Select, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useState, type ChangeEvent, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ROLES, type Role } from '../../../../shared/roles';
import type { User } from '../../../../shared/schemas/users';
import { fieldErrors } from '../../api/api-error';
import { useApiMutation } from '../../api/hooks';
import { errorMessage, notifySuccess } from '../../components/notify';
import { passwordError } from '../../components/password-rules';
import { useRefreshUsers } from './use-refresh-users';
import { PasswordField } from '../../components/PasswordField';

const EMPTY = { username: '', displayName: '', password: '', role: 'sales' as Role, managerId: null as string | null };

interface Props {
  opened: boolean;
  onClose: () => void;
  /** Who can be chosen as the new user's manager. */
  candidates: User[];
}

export function CreateUserModal({ opened, onClose, candidates }: Props) {
  const { t } = useTranslation();
  const refresh = useRefreshUsers();
  const [form, setForm] = useState(EMPTY);
  const [showErrors, setShowErrors] = useState(false);
  const create = useApiMutation('users.create', {
    meta: { silent: true },
    onSuccess: (user) => {
      notifySuccess(t('users.created', { name: user.displayName }));
      void refresh();
      close();
    },
  });
  const serverErrors = fieldErrors(create.error);

  const localErrors = {
    username: form.username.trim() ? null : t('validation.required'),
    displayName: form.displayName.trim() ? null : t('validation.required'),
    password: passwordError(t, form.password),
  };
  const errorFor = (field: keyof typeof localErrors) => (showErrors && localErrors[field]) || serverErrors[field];

  function close() {
    setForm(EMPTY);
    setShowErrors(false);
    create.reset();
    onClose();
  }

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setShowErrors(true);
    if (Object.values(localErrors).some(Boolean)) return;
    create.mutate({
      username: form.username.trim(),
      displayName: form.displayName.trim(),
      password: form.password,
      role: form.role,
      managerId: form.managerId,
    });
  };

  const text = (key: 'username' | 'displayName' | 'password') => ({
    value: form[key],
    onChange: (event: ChangeEvent<HTMLInputElement>) => {
      const value = event.currentTarget.value;
      setForm((previous) => ({ ...previous, [key]: value }));
    },
    error: errorFor(key),
  });

  return (
    <Modal opened={opened} onClose={close} title={t('users.createTitle')} size="lg" centered>
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          {create.isError && (
            <Alert role="alert" color="red" variant="light">
              {errorMessage(create.error)}
            </Alert>
          )}
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
            <TextInput label={t('users.username')} required autoComplete="off" data-autofocus {...text('username')} />
            <TextInput label={t('users.displayName')} required autoComplete="off" {...text('displayName')} />
            <PasswordField label={t('users.password')} required autoComplete="new-password" {...text('password')} />
            <Select
              label={t('users.role')}
              required
              allowDeselect={false}
              data={ROLES.map((role) => ({ value: role, label: t(`roles.${role}`) }))}
              value={form.role}
              onChange={(role) => role && setForm((previous) => ({ ...previous, role: role as Role }))}
              error={serverErrors.role}
            />
            <Select
              label={t('users.manager')}
              placeholder={t('users.noManager')}
              clearable
              searchable
              data={candidates.map((user) => ({ value: user.id, label: `${user.displayName} (${user.username})` }))}
              value={form.managerId}
              onChange={(managerId) => setForm((previous) => ({ ...previous, managerId }))}
              error={serverErrors.managerId}
            />
          </SimpleGrid>
          <Group justify="flex-end" gap="sm" mt="xs">
            <Button variant="default" onClick={close}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={create.isPending}>
              {t('users.create')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
