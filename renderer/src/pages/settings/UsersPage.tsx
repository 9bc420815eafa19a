import { Alert, Button, Center, Group, Loader, Paper, Stack, Switch } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconUserPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApiQuery } from '../../api/hooks';
import { errorMessage } from '../../components/notify';
import { PageHeader } from '../../components/PageHeader';
import { CreateUserModal } from './CreateUserModal';
import { UsersTable } from './UsersTable';

export function UsersPage() {
  const { t } = useTranslation();
  const [showInactive, setShowInactive] = useState(true);
  const [createOpen, createModal] = useDisclosure(false);
  // Always fetch everyone: a deactivated manager still has to be shown by name.
  const list = useApiQuery('users.list', { includeInactive: true }, { meta: { silent: true } });
  const users = list.data?.items ?? [];
  const visible = showInactive ? users : users.filter((user) => user.active);

  return (
    <>
      <PageHeader
        title={t('users.title')}
        description={t('users.subtitle')}
        actions={
          <Button leftSection={<IconUserPlus size={18} />} onClick={createModal.open}>
            {t('users.newUser')}
          </Button>
        }
      />
      <Paper withBorder radius="lg">
        <Group justify="flex-end" px="md" py="sm">
          <Switch
            label={t('users.showInactive')}
            checked={showInactive}
            onChange={(event) => setShowInactive(event.currentTarget.checked)}
          />
        </Group>
        {list.isPending ? (
          <Center py="xl">
            <Loader aria-label={t('common.loading')} />
          </Center>
        ) : list.isError ? (
          <Stack p="md">
            <Alert role="alert" color="red" variant="light" title={t('errors.requestFailed')}>
              {errorMessage(list.error)}
            </Alert>
          </Stack>
        ) : (
          <UsersTable users={visible} everyone={users} />
        )}
      </Paper>
      <CreateUserModal opened={createOpen} onClose={createModal.close} candidates={users.filter((user) => user.active)} />
    </>
  );
}
