import { Anchor, Breadcrumbs, Group, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { ApiRecord, RecordTypeConfig } from '../types';

interface Props<R extends ApiRecord> {
  config: RecordTypeConfig<R>;
  title: string;
  badges?: ReactNode;
  actions?: ReactNode;
  /** A dimmed line under the title (a lead's job and company), above both columns of the page. */
  subtitle?: ReactNode;
}

/** Breadcrumb back to the list, the record's name as the page title, its badges and actions. */
export function RecordHeader<R extends ApiRecord>({ config, title, badges, actions, subtitle }: Props<R>) {
  const { t } = useTranslation();
  return (
    <Stack gap={6} mb="lg">
      <Breadcrumbs separator="/" aria-label={t('records.record.breadcrumb')}>
        <Anchor component={Link} to={config.path} size="sm">
          {t(config.labels.plural)}
        </Anchor>
        <Text size="sm" c="dimmed" truncate maw={360}>
          {title}
        </Text>
      </Breadcrumbs>
      <Group justify="space-between" align="flex-start" gap="md" wrap="wrap">
        <Group gap="sm" align="center" wrap="wrap" style={{ minWidth: 0, flex: '1 1 320px' }}>
          <Title order={1} fz="h2" style={{ overflowWrap: 'anywhere', minWidth: 0 }}>
            {title}
          </Title>
          {badges}
        </Group>
        {actions && (
          <Group gap="xs" wrap="wrap">
            {actions}
          </Group>
        )}
      </Group>
      {subtitle && (
        <Text size="sm" c="dimmed">
          {subtitle}
        </Text>
      )}
    </Stack>
  );
}
