import { Alert, Code, Paper, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../components/PageHeader';
import { ConnectionForm } from './ConnectionForm';

/** Settings > Connection: what this desktop app uses now, and the choice again. */
export function ConnectionSettingsPage() {
  const { t } = useTranslation();
  const bridge = window.lanternDesktop;
  return (
    <>
      <PageHeader title={t('workstation.page.title')} description={t('workstation.page.description')} />
      <Paper withBorder radius="lg" p="lg" maw={640}>
        {bridge ? (
          <Stack gap="lg">
            <Stack gap={4}>
              <Text size="sm" fw={600}>
                {t('workstation.page.current')}
              </Text>
              <Text size="sm" data-testid="current-connection">
                {bridge.connection.mode === 'server'
                  ? t('workstation.page.currentServer', { url: bridge.connection.serverUrl })
                  : t('workstation.page.currentLocal')}
              </Text>
              {bridge.connection.mode === 'server' && (
                <>
                  <Text size="xs" c="dimmed">
                    {t('workstation.page.pinned')}
                  </Text>
                  <Code block style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-all' }}>
                    {bridge.connection.fingerprint}
                  </Code>
                </>
              )}
            </Stack>
            <ConnectionForm bridge={bridge} />
          </Stack>
        ) : (
          <Alert color="blue">{t('workstation.page.desktopOnly')}</Alert>
        )}
      </Paper>
    </>
  );
}
