import { Alert, Button, Center, Stack, Text } from '@mantine/core';
import { IconAlertTriangle, IconRefresh } from '@tabler/icons-react';
import { Component, type ErrorInfo, type ReactNode } from 'react';
import { Translation } from 'react-i18next';

interface Props {
  children: ReactNode;
}

/** Catches a render crash so one broken page shows a way out instead of a blank window. */
export class ErrorBoundary extends Component<Props, { error: Error | null }> {
  override state = { error: null as Error | null };

  static getDerivedStateFromError(error: Error) {
    return { error };
  }

  override componentDidCatch(error: Error, info: ErrorInfo) {
    console.error('Render error', error, info.componentStack);
  }

  override render() {
    if (!this.state.error) return this.props.children;
    return (
      <Translation>
        {(t) => (
          <Center p="xl" mih={320}>
            <Alert
              role="alert"
              color="red"
              variant="light"
              maw={520}
              title={t('errors.boundaryTitle')}
              icon={<IconAlertTriangle />}
            >
              <Stack gap="md">
                <Text size="sm">{t('errors.boundaryBody')}</Text>
                <Button
                  w="fit-content"
                  color="red"
                  leftSection={<IconRefresh size={16} />}
                  onClick={() => window.location.reload()}
                >
                  {t('errors.reload')}
                </Button>
              </Stack>
            </Alert>
          </Center>
        )}
      </Translation>
    );
  }
}
