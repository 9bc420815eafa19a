import { Paper, SimpleGrid, Stack, Text, ThemeIcon, Title, UnstyledButton } from '@mantine/core';
import { IconChartBar, IconHeartHandshake, IconTimeline, type Icon } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PageHeader } from '../../../components/PageHeader';
import type { TKey } from '../../records/types';

const REPORTS: { to: string; title: TKey; description: TKey; icon: Icon }[] = [
  { to: '/reports/forecast', title: 'sales.reports.forecast', description: 'sales.reports.forecastDescription', icon: IconTimeline },
  { to: '/reports/sales', title: 'sales.reports.sales', description: 'sales.reports.salesDescription', icon: IconChartBar },
  { to: '/reports/loyal-customers', title: 'sales.reports.loyal', description: 'sales.reports.loyalDescription', icon: IconHeartHandshake },
];

/** The reports there are, one card each. */
export function ReportsPage() {
  const { t } = useTranslation();
  return (
    <>
      <PageHeader title={t('sales.reports.title')} description={t('sales.reports.intro')} />
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }}>
        {REPORTS.map((report) => (
          <UnstyledButton key={report.to} component={Link} to={report.to}>
            <Paper withBorder radius="lg" p="lg" h="100%">
              <Stack gap="sm">
                <ThemeIcon variant="light" size="lg" radius="md">
                  <report.icon size={20} />
                </ThemeIcon>
                <Title order={2} fz="h4">
                  {t(report.title)}
                </Title>
                <Text size="sm" c="dimmed">
                  {t(report.description)}
                </Text>
              </Stack>
            </Paper>
          </UnstyledButton>
        ))}
      </SimpleGrid>
    </>
  );
}
