import { Box, Center, Group, Paper, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { BrandMark } from './BrandMark';
import { ColorSchemeToggle } from './ColorSchemeToggle';
import { LanguageMenu } from './LanguageMenu';

/** The frame of the pages before sign-in: language and theme can be chosen before anything else. */
export function AuthLayout({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <Box mih="100vh" bg="light-dark(var(--mantine-color-gray-0), var(--mantine-color-dark-8))">
      <Group justify="flex-end" gap="xs" p="md">
        <LanguageMenu />
        <ColorSchemeToggle />
      </Group>
      <Center px="md" pb={64}>
        <Stack w="100%" maw={420} gap="lg">
          <Stack align="center" gap={6}>
            <BrandMark size="lg" />
            <Text c="dimmed" size="sm" ta="center">
              {t('app.tagline')}
            </Text>
          </Stack>
          <Paper withBorder shadow="sm" radius="lg" p="xl">
            {children}
          </Paper>
        </Stack>
      </Center>
    </Box>
  );
}
