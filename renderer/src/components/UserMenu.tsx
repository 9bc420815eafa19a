import { Avatar, Box, Group, Menu, Text, UnstyledButton } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconChevronDown, IconKey, IconLogout } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useCurrentUser } from '../auth/session-context';
import { useSignOut } from '../auth/use-session-actions';
import { ChangePasswordModal } from './ChangePasswordModal';

function initials(name: string): string {
  const words = name.trim().split(/\s+/).filter(Boolean);
  if (words.length === 0) return '?';
  // Chinese names read best as their first character; Latin ones as first and last initials.
  if (words.length === 1) return [...words[0]!].slice(0, words[0]!.match(/^\p{Script=Han}/u) ? 1 : 2).join('').toUpperCase();
  return (words[0]![0]! + words[words.length - 1]![0]!).toUpperCase();
}

export function UserMenu() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const signOut = useSignOut();
  const [passwordOpen, passwordModal] = useDisclosure(false);

  return (
    <>
      <Menu position="bottom-end" width={220} shadow="md">
        <Menu.Target>
          <UnstyledButton aria-label={t('header.userMenu')} px={6} py={4} style={{ borderRadius: 'var(--mantine-radius-md)' }}>
            <Group gap={10} wrap="nowrap">
              <Avatar color="indigo" radius="xl" size={34}>
                {initials(user.displayName)}
              </Avatar>
              <Box visibleFrom="sm" style={{ lineHeight: 1.2 }}>
                <Text size="sm" fw={600} truncate maw={160}>
                  {user.displayName}
                </Text>
                <Text size="xs" c="dimmed">
                  {t(`roles.${user.role}`)}
                </Text>
              </Box>
              <Box visibleFrom="sm" display="flex">
                <IconChevronDown size={14} />
              </Box>
            </Group>
          </UnstyledButton>
        </Menu.Target>
        <Menu.Dropdown>
          <Box px="sm" py={6}>
            <Text size="sm" fw={600} truncate>
              {user.displayName}
            </Text>
            <Text size="xs" c="dimmed" truncate>
              {user.username} · {t(`roles.${user.role}`)}
            </Text>
          </Box>
          <Menu.Divider />
          <Menu.Item leftSection={<IconKey size={16} />} onClick={passwordModal.open}>
            {t('header.changePassword')}
          </Menu.Item>
          <Menu.Divider />
          <Menu.Item color="red" leftSection={<IconLogout size={16} />} onClick={() => void signOut()}>
            {t('header.signOut')}
          </Menu.Item>
        </Menu.Dropdown>
      </Menu>
      <ChangePasswordModal opened={passwordOpen} onClose={passwordModal.close} />
    </>
  );
}
