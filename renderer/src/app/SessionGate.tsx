import { Alert, Button, Center, Loader, Stack } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import { onSessionEnded } from '../api/client';
import { SeatKeeper } from '../features/admin/SeatKeeper';
import { useApiQuery } from '../api/hooks';
import { getToken, subscribeToken } from '../api/token-store';
import { CurrentUserContext } from '../auth/session-context';
import { errorMessage } from '../components/notify';
import { SignedOutPage } from '../pages/SignedOutPage';
import { AppRoutes } from './AppRoutes';
import { LiveUpdates } from './LiveUpdates';

/** Signed out: the login (or first-run) page. Signed in: the app. The token decides. */
export function SessionGate() {
  const token = useSyncExternalStore(subscribeToken, getToken);
  const queryClient = useQueryClient();
  const { t } = useTranslation();

  useEffect(
    () =>
      onSessionEnded(() => {
        queryClient.clear();
        notifications.show({ color: 'yellow', message: t('errors.sessionEnded'), autoClose: 6000 });
      }),
    [queryClient, t],
  );

  return token ? <SignedInApp /> : <SignedOutPage />;
}

function SignedInApp() {
  const { t } = useTranslation();
  const me = useApiQuery('auth.me', {}, { meta: { silent: true }, staleTime: Infinity });

  if (me.data) {
    return (
      <CurrentUserContext value={me.data.user}>
        <LiveUpdates />
        <SeatKeeper />
        <AppRoutes />
      </CurrentUserContext>
    );
  }
  if (me.isError) {
    return (
      <Center h="100vh" p="md">
        <Alert color="red" title={t('errors.loadFailed')} maw={480}>
          <Stack gap="sm">
            {errorMessage(me.error)}
            <Button w="fit-content" variant="light" color="red" onClick={() => void me.refetch()}>
              {t('common.retry')}
            </Button>
          </Stack>
        </Alert>
      </Center>
    );
  }
  return (
    <Center h="100vh">
      <Loader aria-label={t('common.loading')} />
    </Center>
  );
}
