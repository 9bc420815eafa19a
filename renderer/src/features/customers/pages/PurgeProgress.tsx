import { Progress, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { MethodOutput } from '../../../../../shared/methods';
import { useApiQuery } from '../../../api/hooks';

type PurgeStatus = MethodOutput<'recycleBin.purgeStatus'>;
const POLL_MS = 400;

/**
 * How far the emptying of the recycle bin is (administrators): asked again every few hundred
 * milliseconds while this page waits for a purge or one is running on the server.
 */
export function usePurgeStatus(enabled: boolean, waiting: boolean) {
  return useApiQuery('recycleBin.purgeStatus', {}, {
    enabled,
    meta: { silent: true },
    refetchInterval: (query) => (waiting || query.state.data?.state === 'running' ? POLL_MS : false),
  });
}

/** Records deleted for good so far out of the total, and that others keep working meanwhile. */
export function PurgeProgress({ status }: { status: PurgeStatus | undefined }) {
  const { t } = useTranslation();
  const running = status?.state === 'running';
  const processed = running ? status.processed : 0;
  const total = running ? status.total : 0;
  const label = running
    ? t('customers.recycleBin.purgeProgress', { processed: processed.toLocaleString(), total: total.toLocaleString() })
    : t('customers.recycleBin.purgeRunning');
  return (
    <Stack gap={6} role="status" aria-live="polite" data-testid="purge-progress">
      <Progress value={total > 0 ? Math.min(100, (processed / total) * 100) : 100} striped animated size="lg" aria-label={label} />
      <Text size="sm">{label}</Text>
      <Text size="xs" c="dimmed">
        {t('customers.recycleBin.purgeBackground')}
      </Text>
    </Stack>
  );
}
