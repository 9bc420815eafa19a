import { Center, Loader } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useApiQuery } from '../api/hooks';
import { AuthLayout } from '../components/AuthLayout';
import { FirstRunPage } from './FirstRunPage';
import { LoginPage } from './LoginPage';

/** Before sign-in: the first-run form while the office has no administrator, the login form after. */
export function SignedOutPage() {
  const { t } = useTranslation();
  // If the status cannot be read the login form is the safe default: the server still decides.
  const status = useApiQuery('setup.status', {}, { meta: { silent: true }, staleTime: 0 });

  return (
    <AuthLayout>
      {status.isPending ? (
        <Center py="xl">
          <Loader aria-label={t('common.loading')} />
        </Center>
      ) : status.data?.needsSetup ? (
        <FirstRunPage needsSetupCode={status.data.needsSetupCode} />
      ) : (
        <LoginPage />
      )}
    </AuthLayout>
  );
}
