import { Paper, SegmentedControl, Select, Stack, Text, useMantineColorScheme, type MantineColorScheme } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../components/PageHeader';
import { changeLanguage } from '../../i18n';
import { isLanguage, LANGUAGE_NAMES, LANGUAGES } from '../../i18n/languages';

export function PreferencesPage() {
  const { t, i18n } = useTranslation();
  const { colorScheme, setColorScheme } = useMantineColorScheme();
  return (
    <>
      <PageHeader title={t('settings.preferences.title')} description={t('settings.preferences.description')} />
      <Paper withBorder radius="lg" p="lg" maw={560}>
        <Stack gap="lg">
          <Select
            label={t('settings.preferences.language')}
            data={LANGUAGES.map((language) => ({ value: language, label: LANGUAGE_NAMES[language] }))}
            value={isLanguage(i18n.language) ? i18n.language : 'en'}
            onChange={(value) => isLanguage(value) && changeLanguage(value)}
            allowDeselect={false}
            maw={280}
          />
          <Stack gap={6}>
            <Text size="sm" fw={500} id="color-scheme-label">
              {t('settings.preferences.colorScheme')}
            </Text>
            <SegmentedControl
              aria-labelledby="color-scheme-label"
              w="fit-content"
              value={colorScheme}
              onChange={(value) => setColorScheme(value as MantineColorScheme)}
              data={[
                { value: 'light', label: t('settings.preferences.light') },
                { value: 'dark', label: t('settings.preferences.dark') },
                { value: 'auto', label: t('settings.preferences.auto') },
              ]}
            />
          </Stack>
        </Stack>
      </Paper>
    </>
  );
}
