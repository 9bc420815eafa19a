import { Anchor, Badge, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useApiQuery } from '../../../api/hooks';

/** The home page's list of accounts at risk of leaving, worst first, so someone calls them. */
export function AtRiskCard() {
  const { t } = useTranslation();
  const list = useApiQuery('reports.atRisk', { limit: 10 }, { meta: { silent: true } });
  return (
    <Paper withBorder radius="lg" p="lg" data-testid="at-risk-card">
      <Group gap="xs" mb="sm">
        <IconAlertTriangle size={20} stroke={1.6} color="var(--mantine-color-red-6)" />
        <Title order={2} fz="h4">
          {t('service.atRisk.title')}
        </Title>
      </Group>
      {(list.data?.items.length ?? 0) === 0 ? (
        <Text c="dimmed" size="sm">
          {t('service.atRisk.empty')}
        </Text>
      ) : (
        <Stack gap="xs">
          {list.data!.items.map((item) => (
            <Group key={item.accountId} justify="space-between" wrap="nowrap">
              <Anchor component={Link} to={`/accounts/${item.accountId}`} size="sm" truncate>
                {item.accountName}
              </Anchor>
              <Group gap={4} wrap="nowrap">
                {item.reasons.map((reason) => (
                  <Badge key={reason} size="sm" variant="light" color="red">
                    {t(`service.retention.reasons.${reason}`)}
                  </Badge>
                ))}
              </Group>
            </Group>
          ))}
        </Stack>
      )}
    </Paper>
  );
}
