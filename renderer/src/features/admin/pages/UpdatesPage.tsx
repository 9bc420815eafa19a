import { Alert, Badge, Code, Group, Slider, Stack, Switch, Text } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { UpdatePolicy } from '../../../../../shared/schemas/admin';
import { useApiMutation, useApiQuery } from '../../../api/hooks';
import { errorMessage } from '../../../components/notify';
import { PageHeader } from '../../../components/PageHeader';
import { formatDate } from '../../records/format';
import { InfoGrid } from '../components/InfoGrid';
import { QueryState } from '../components/QueryState';
import { Section } from '../components/Section';

export function UpdatesPage() {
  const { t, i18n } = useTranslation();
  const status = useApiQuery('updates.status', {}, { meta: { silent: true } });

  return (
    <>
      <PageHeader title={t('admin.updates.title')} description={t('admin.updates.subtitle')} />
      <QueryState query={status}>
        {(data) => (
          <Stack gap="lg">
            <ChannelCard policy={data.policy} />
            <Section title={t('admin.updates.feed')}>
              {data.release ? (
                <InfoGrid
                  items={[
                    { key: 'release', label: t('admin.updates.release'), value: data.release.version },
                    {
                      key: 'release-date',
                      label: t('admin.updates.releaseDate'),
                      value: formatDate(data.release.releaseDate, i18n.language) || t('common.none'),
                    },
                    {
                      key: 'offered',
                      label: t('admin.updates.offered'),
                      value: (
                        <Badge color={data.offered ? 'teal' : 'orange'} variant="light">
                          {data.offered ? t('admin.common.yes') : t('admin.common.no')}
                        </Badge>
                      ),
                    },
                    {
                      key: 'files',
                      label: t('admin.updates.files'),
                      value: data.release.files.length ? <Code>{data.release.files.join(', ')}</Code> : t('common.none'),
                      wide: true,
                    },
                  ]}
                />
              ) : null}
              {/* Without a release the reason only repeats that the folder is empty, with its path. */}
              <Alert color={data.offered ? 'teal' : 'gray'} variant="light" data-testid="update-reason">
                {data.release ? data.reason : t('admin.updates.noRelease')}
              </Alert>
              <InfoGrid
                items={[
                  { key: 'server-version', label: t('admin.updates.serverVersion'), value: data.policy.serverVersion },
                  {
                    key: 'maintenance',
                    label: t('admin.updates.maintenanceUntil'),
                    value: data.policy.maintenanceUntil ? formatDate(data.policy.maintenanceUntil, i18n.language) : t('admin.updates.noMaintenance'),
                  },
                ]}
              />
            </Section>
          </Stack>
        )}
      </QueryState>
    </>
  );
}

/** Pause and staged percentage; the slider saves when released, not on every step. */
function ChannelCard({ policy }: { policy: UpdatePolicy }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [dragging, setDragging] = useState<number | null>(null);
  const configure = useApiMutation('updates.configure', {
    meta: { silent: true },
    // Returning the refetch keeps the mutation pending until the new policy is on screen: no flicker back.
    onSettled: () => queryClient.invalidateQueries({ predicate: (query) => String(query.queryKey[0]).startsWith('updates.') }),
  });
  const saving = configure.isPending ? configure.variables : undefined;
  const percent = dragging ?? saving?.stagePercent ?? policy.stagePercent;

  return (
    <Section title={t('admin.updates.channel')}>
      {configure.isError && (
        <Alert role="alert" color="red" variant="light" title={t('errors.requestFailed')}>
          {errorMessage(configure.error)}
        </Alert>
      )}
      <Switch
        label={t('admin.updates.paused')}
        description={t('admin.updates.pausedHint')}
        checked={saving?.paused ?? policy.paused}
        onChange={(event) => configure.mutate({ paused: event.currentTarget.checked })}
      />
      <Stack gap={4}>
        <Group justify="space-between">
          <Text size="sm" fw={500}>
            {t('admin.updates.stage', { percent })}
          </Text>
        </Group>
        <Slider
          thumbLabel={t('admin.updates.stageLabel')}
          min={0}
          max={100}
          step={5}
          value={percent}
          onChange={setDragging}
          onChangeEnd={(value) => {
            setDragging(null);
            configure.mutate({ stagePercent: value });
          }}
          disabled={policy.paused}
          label={(value) => `${value}%`}
          marks={[{ value: 0, label: '0%' }, { value: 50, label: '50%' }, { value: 100, label: '100%' }]}
          mb="lg"
        />
        <Text size="xs" c="dimmed">
          {t('admin.updates.stageHint')}
        </Text>
      </Stack>
    </Section>
  );
}
