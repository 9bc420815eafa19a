import { Button, Code } from '@mantine/core';
import { IconRefresh } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useApiQuery } from '../../../api/hooks';
import { PageHeader } from '../../../components/PageHeader';
import { formatDateTime } from '../../records/format';
import { InfoGrid } from '../components/InfoGrid';
import { QueryState } from '../components/QueryState';
import { Section } from '../components/Section';
import { formatBytes, formatDuration } from '../format';

export function ServerStatusPage() {
  const { t, i18n } = useTranslation();
  const status = useApiQuery('admin.status', {}, { meta: { silent: true }, refetchInterval: 30_000 });
  const number = (value: number) => new Intl.NumberFormat(i18n.language).format(value);

  return (
    <>
      <PageHeader
        title={t('admin.server.title')}
        description={t('admin.server.subtitle')}
        actions={
          <Button variant="default" leftSection={<IconRefresh size={18} />} loading={status.isFetching} onClick={() => void status.refetch()}>
            {t('admin.common.refresh')}
          </Button>
        }
      />
      <QueryState query={status}>
        {(data) => {
          const last = data.lastBackup;
          return (
            <Section title={t('admin.server.title')}>
              <InfoGrid
                items={[
                  { key: 'version', label: t('admin.server.version'), value: data.version },
                  { key: 'schema', label: t('admin.server.schema'), value: String(data.schemaVersion) },
                  { key: 'uptime', label: t('admin.server.uptime'), value: formatDuration(data.uptimeSeconds, t) },
                  { key: 'started', label: t('admin.server.startedAt'), value: formatDateTime(data.startedAt, i18n.language) },
                  { key: 'database-size', label: t('admin.server.databaseSize'), value: formatBytes(data.databaseBytes, t, i18n.language) },
                  { key: 'active-users', label: t('admin.server.activeUsers'), value: number(data.activeUsers) },
                  { key: 'sessions', label: t('admin.server.sessions'), value: number(data.sessions) },
                  {
                    key: 'last-backup',
                    label: t('admin.server.lastBackup'),
                    value: last
                      ? t('admin.server.lastBackupValue', {
                          time: formatDateTime(last.finishedAt, i18n.language),
                          kind: t(`admin.backups.kinds.${last.kind}`),
                          result: last.status === 'ok' ? t('admin.backups.ok') : t('admin.backups.bad'),
                        })
                      : t('admin.common.never'),
                    wide: true,
                  },
                  { key: 'data-folder', label: t('admin.server.dataFolder'), value: <Code>{data.dataFolder}</Code>, wide: true },
                  { key: 'database-file', label: t('admin.server.databaseFile'), value: <Code>{data.databaseFile}</Code>, wide: true },
                ]}
              />
            </Section>
          );
        }}
      </QueryState>
    </>
  );
}
