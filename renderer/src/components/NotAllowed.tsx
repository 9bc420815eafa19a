import { Center, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { IconLock } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';

export function NotAllowed() {
  const { t } = useTranslation();
  return (
    <Center py={80}>
      <Stack align="center" gap="sm" maw={440} ta="center">
        <ThemeIcon size={56} radius="xl" variant="light" color="gray">
          <IconLock size={28} stroke={1.6} />
        </ThemeIcon>
        <Title order={2} fz="h3">
          {t('access.notAllowedTitle')}
        </Title>
        <Text c="dimmed">{t('access.notAllowedBody')}</Text>
      </Stack>
    </Center>
  );
}
