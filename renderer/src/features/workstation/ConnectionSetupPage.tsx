import { Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { DesktopBridge } from '../../../../shared/desktop-bridge';
import { AuthLayout } from '../../components/AuthLayout';
import { ConnectionForm } from './ConnectionForm';

/**
 * Before anything else on a first start (nothing chosen yet), and instead of the app when the
 * office server showed another certificate than the trusted one at start.
 */
export function ConnectionSetupPage({ bridge }: { bridge: DesktopBridge }) {
  const { t } = useTranslation();
  const changed = bridge.connection.mode === 'server' && bridge.connection.certificateChanged;
  return (
    <AuthLayout>
      <Stack gap="lg">
        <Stack gap={4}>
          <Title order={2} size="h3">
            {changed ? t('workstation.setup.changedTitle') : t('workstation.setup.title')}
          </Title>
          {!changed && (
            <Text size="sm" c="dimmed">
              {t('workstation.setup.description')}
            </Text>
          )}
        </Stack>
        <ConnectionForm bridge={bridge} />
      </Stack>
    </AuthLayout>
  );
}
