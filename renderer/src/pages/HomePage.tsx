import { Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useCurrentUser } from '../auth/session-context';
import { PageHeader } from '../components/PageHeader';
import { MyWork } from '../features/customers/activities/MyWork';
import { AtRiskCard } from '../features/service/components/AtRiskCard';

/** What needs the signed-in user now: their open activities and the accounts at risk. */
export function HomePage() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  return (
    <>
      <PageHeader title={t('home.welcome', { name: user.displayName })} description={t('home.intro', { role: t(`roles.${user.role}`) })} />
      <Stack gap="xl">
        <MyWork />
        <AtRiskCard />
      </Stack>
    </>
  );
}
