import { Button, Center, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { IconTrash, IconQuestionMark } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { ApiError } from '../../../api/api-error';
import type { ApiRecord, RecordTypeConfig } from '../types';

/** A record that cannot be shown: gone for good, or in the recycle bin (someone may have just deleted it). */
export function RecordMissing<R extends ApiRecord>({ config, error }: { config: RecordTypeConfig<R>; error: ApiError }) {
  const { t } = useTranslation();
  const inBin = error.code === 'NOT_FOUND' && Boolean((error.details as { deletedAt?: string } | undefined)?.deletedAt);
  return (
    <Center py={80}>
      <Stack align="center" gap="sm" ta="center" maw={480}>
        <ThemeIcon size={56} radius="xl" variant="light" color={inBin ? 'orange' : 'gray'}>
          {inBin ? <IconTrash size={28} /> : <IconQuestionMark size={28} />}
        </ThemeIcon>
        <Title order={1} fz="h3">
          {inBin ? t('records.record.inRecycleBin') : error.code === 'NOT_FOUND' ? t('records.record.notFound') : t('errors.requestFailed')}
        </Title>
        {error.code !== 'NOT_FOUND' && <Text c="dimmed">{error.message}</Text>}
        <Stack gap="xs" align="center">
          <Button component={Link} to={config.path} variant="light">
            {t('records.record.backToList', { list: t(config.labels.plural) })}
          </Button>
          {inBin && (
            <Button component={Link} to="/recycle-bin" variant="subtle">
              {t('records.record.openRecycleBin')}
            </Button>
          )}
        </Stack>
      </Stack>
    </Center>
  );
}
