import { Badge, Button, Group, Select, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ROLES, type Role } from '../../../../shared/roles';
import type { User } from '../../../../shared/schemas/users';
import { useApiMutation } from '../../api/hooks';
import { useCurrentUser } from '../../auth/session-context';
import { notifySuccess } from '../../components/notify';
import { useRefreshUsers } from './use-refresh-users';

function isRole(value: string | null): value is Role {
  return value !== null && (ROLES as readonly string[]).includes(value);
}

export function UserRow({ user, managerName }: { user: User; managerName: string | undefined }) {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const refresh = useRefreshUsers();
  const isMe = user.id === me.id;
  const name = user.displayName;

  // Errors (a stale version, the last administrator) reach the global notification; refreshing
  // afterwards puts the select back to what the server has.
  const update = useApiMutation('users.update', {
    onSuccess: (updated) => notifySuccess(t('users.roleChanged', { name, role: t(`roles.${updated.role}`) })),
    onSettled: refresh,
  });
  const deactivate = useApiMutation('users.deactivate', {
    onSuccess: () => notifySuccess(t('users.deactivated', { name })),
    onSettled: refresh,
  });
  const reactivate = useApiMutation('users.reactivate', {
    onSuccess: () => notifySuccess(t('users.reactivated', { name })),
    onSettled: refresh,
  });

  return (
    <Table.Tr data-testid={`user-row-${user.username}`} opacity={user.active ? 1 : 0.7}>
      <Table.Td>
        <Group gap={8} wrap="nowrap">
          <Text size="sm" ff="monospace">
            {user.username}
          </Text>
          {isMe && (
            <Badge size="xs" variant="light" color="gray">
              {t('users.you')}
            </Badge>
          )}
        </Group>
      </Table.Td>
      <Table.Td>
        <Text size="sm" fw={500}>
          {name}
        </Text>
      </Table.Td>
      <Table.Td>
        <Select
          size="xs"
          aria-label={t('users.roleFor', { name: user.username })}
          data={ROLES.map((role) => ({ value: role, label: t(`roles.${role}`) }))}
          value={user.role}
          allowDeselect={false}
          // Changing your own role could lock the office out of administration.
          disabled={isMe || !user.active || update.isPending}
          onChange={(role) => {
            if (isRole(role) && role !== user.role) update.mutate({ id: user.id, version: user.version, patch: { role } });
          }}
        />
      </Table.Td>
      <Table.Td>
        <Text size="sm" c={managerName ? undefined : 'dimmed'}>
          {managerName ?? t('common.none')}
        </Text>
      </Table.Td>
      <Table.Td>
        <Badge variant="light" color={user.active ? 'teal' : 'gray'}>
          {user.active ? t('users.active') : t('users.inactive')}
        </Badge>
      </Table.Td>
      <Table.Td ta="right">
        {user.active ? (
          <Button
            size="xs"
            variant="subtle"
            color="red"
            disabled={isMe}
            loading={deactivate.isPending}
            aria-label={`${t('users.deactivate')} ${user.username}`}
            onClick={() => deactivate.mutate({ id: user.id })}
          >
            {t('users.deactivate')}
          </Button>
        ) : (
          <Button
            size="xs"
            variant="subtle"
            color="teal"
            loading={reactivate.isPending}
            aria-label={`${t('users.reactivate')} ${user.username}`}
            onClick={() => reactivate.mutate({ id: user.id })}
          >
            {t('users.reactivate')}
          </Button>
        )}
      </Table.Td>
    </Table.Tr>
  );
}
