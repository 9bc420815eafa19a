import { Anchor, Skeleton, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { recordTypeConfig } from './registry';
import { useRecordTitle } from './titles';
import type { RecordTypeName } from './types';

/** A link to another record by its name; the name is fetched (in batches) and always rendered as text. */
export function RecordLink({ type, id, size = 'sm' }: { type: RecordTypeName | null | undefined; id: string | null | undefined; size?: 'xs' | 'sm' }) {
  const { t } = useTranslation();
  const title = useRecordTitle(type, id);
  const config = type ? recordTypeConfig(type) : undefined;
  if (!type || !id) return null;
  if (title === null) return <Skeleton height={12} width={96} radius="sm" display="inline-block" aria-label={t('common.loading')} />;
  if (title === '' || !config) {
    return (
      <Text component="span" size={size} c="dimmed" fs="italic">
        {t('records.record.unavailable')}
      </Text>
    );
  }
  return (
    <Anchor component={Link} to={`${config.path}/${id}`} size={size} truncate="end" title={title} style={{ maxWidth: '100%' }}>
      {title}
    </Anchor>
  );
}
