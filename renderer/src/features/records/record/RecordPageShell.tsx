import { Center, Grid, Loader } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import type { ApiRecord, RecordTypeConfig } from '../types';
import { RecordMissing } from './RecordMissing';
import { useRecord } from './use-record';

/** Loads the record of the route's `:id`; shows a loader, or why it cannot be shown, or the page. */
export function RecordPageShell<R extends ApiRecord>({ config, children }: { config: RecordTypeConfig<R>; children: (record: R) => ReactNode }) {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const record = useRecord<R>(config.type, id);
  if (record.isPending) {
    return (
      <Center py={80}>
        <Loader aria-label={t('common.loading')} />
      </Center>
    );
  }
  // Also after a refresh: a record someone just deleted says so instead of showing stale data.
  if (record.isError) return <RecordMissing config={config} error={record.error} />;
  return <>{children(record.data)}</>;
}

/** Details and related lists on the left, the timeline and history on the right (stacked on a phone). */
export function RecordColumns({ main, side }: { main: ReactNode; side: ReactNode }) {
  return (
    <Grid gap="lg" align="flex-start">
      <Grid.Col span={{ base: 12, lg: 7 }}>{main}</Grid.Col>
      <Grid.Col span={{ base: 12, lg: 5 }}>{side}</Grid.Col>
    </Grid>
  );
}
