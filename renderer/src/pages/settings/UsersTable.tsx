import { Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { User } from '../../../../shared/schemas/users';
import { UserRow } from './UserRow';

export function UsersTable({ users, everyone }: { users: User[]; everyone: User[] }) {
  const { t } = useTranslation();
  const names = new Map(everyone.map((user) => [user.id, user.displayName]));

  if (users.length === 0) {
    return (
      <Text c="dimmed" ta="center" py="xl">
        {t('users.empty')}
      </Text>
    );
  }
  return (
    <Table.ScrollContainer minWidth={680}>
      <Table verticalSpacing="sm" horizontalSpacing="md" highlightOnHover>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('users.username')}</Table.Th>
            <Table.Th>{t('users.displayName')}</Table.Th>
            <Table.Th w={160}>{t('users.role')}</Table.Th>
            <Table.Th>{t('users.manager')}</Table.Th>
            <Table.Th>{t('users.status')}</Table.Th>
            <Table.Th w={120} ta="right">
              {t('users.actions')}
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {users.map((user) => (
            <UserRow key={user.id} user={user} managerName={user.managerId ? names.get(user.managerId) : undefined} />
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
