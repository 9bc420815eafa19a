import { Center, Paper, Stack, Text, ThemeIcon } from '@mantine/core';
import { IconHourglassHigh } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { SectionKey } from '../app/navigation';
import { PageHeader } from '../components/PageHeader';

/** Stands in for a section another issue builds, so the frame and its navigation are complete. */
export function ComingSoonPage({ section }: { section: SectionKey }) {
  const { t } = useTranslation();
  return (
    <>
      <PageHeader title={t(`nav.${section}`)} />
      <Paper withBorder radius="lg" p="xl">
        <Center py={48}>
          <Stack align="center" gap="xs" ta="center">
            <ThemeIcon size={56} radius="xl" variant="light">
              <IconHourglassHigh size={28} stroke={1.6} />
            </ThemeIcon>
            <Text fw={600} fz="lg">
              {t('placeholder.comingSoon')}
            </Text>
            <Text c="dimmed">{t('placeholder.body')}</Text>
          </Stack>
        </Center>
      </Paper>
    </>
  );
}
