import { Paper, Text, ThemeIcon, Group, Stack } from '@mantine/core';
import { IconSparkles } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useCurrentUser } from '../auth/session-context';
import { PageHeader } from '../components/PageHeader';
import { MyWork } from '../features/customers/activities/MyWork';
import { AtRiskCard } from '../features/service/components/AtRiskCard';

export function HomePage() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  return (
    <>
      <PageHeader title={t('home.welcome', { name: user.displayName })} />
      <Paper withBorder radius="lg" p="lg" maw={720}>
        <Group gap="md" wrap="nowrap" align="flex-start">
          <ThemeIcon size={40} radius="md" variant="light">
            <IconSparkles size={22} stroke={1.6} />
          </ThemeIcon>
          <Stack gap={2}>
            <Text fw={600}>{t('app.name')}</Text>
            <Text c="dimmed">{t('home.intro', { role: t(`roles.${user.role}`) })}</Text>
          </Stack>
        </Group>
      </Paper>
      <Stack mt="xl">
        <MyWork />
        <AtRiskCard />
      </Stack>
    </>
  );
}
