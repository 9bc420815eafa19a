import { Group, Loader, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../components/notify';

/** Under the results: searching, nothing found, or why the search failed. Nothing when there are results. */
export function SearchStatus({ q, pending, error, empty }: { q: string; pending: boolean; error: unknown; empty: boolean }) {
  const { t } = useTranslation();
  if (error) {
    return (
      <Text role="alert" size="sm" c="red" px="sm" py="xs">
        {t('search.failed', { message: errorMessage(error) })}
      </Text>
    );
  }
  if (pending && empty) {
    return (
      <Group gap="xs" px="sm" py="xs" role="status">
        <Loader size="xs" />
        <Text size="sm" c="dimmed">
          {t('search.searching')}
        </Text>
      </Group>
    );
  }
  if (empty && q !== '') {
    return (
      <Text role="status" size="sm" c="dimmed" px="sm" py="xs">
        {t('search.noResults', { q })}
      </Text>
    );
  }
  return null;
}
