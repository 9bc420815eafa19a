import { Grid, Group, Paper, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormatters } from '../format';
import type { ApiRecord, FieldSpec, RecordTypeConfig } from '../types';
import { InlineField } from './InlineField';

interface Props<R extends ApiRecord> {
  config: RecordTypeConfig<R>;
  record: R;
  fields: readonly FieldSpec[];
  canEdit: boolean;
  title?: ReactNode;
}

/** The record's fields, each editable in place, and who created and last changed it. */
export function DetailsCard<R extends ApiRecord>({ config, record, fields, canEdit, title }: Props<R>) {
  const { t } = useTranslation();
  return (
    <Paper withBorder radius="lg" p="lg">
      <Title order={2} fz="h4" mb="md">
        {title ?? t('records.record.details')}
      </Title>
      <Grid gap={{ base: 'sm', sm: 'lg' }}>
        {fields.map((spec) => (
          <Grid.Col key={spec.key} span={{ base: 12, sm: spec.wide ? 12 : 6 }}>
            <InlineField config={config} record={record} spec={spec} canEdit={canEdit} />
          </Grid.Col>
        ))}
      </Grid>
      <RecordStamps record={record} />
    </Paper>
  );
}

/** "Created by Ann, 3 Nov 2026 10:04 · Updated by Bob, 5 minutes ago". */
export function RecordStamps({ record }: { record: ApiRecord }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const someone = t('records.record.someone');
  return (
    <Group gap="lg" mt="lg" pt="sm" style={{ borderTop: '1px solid var(--mantine-color-default-border)' }} data-testid="record-stamps">
      <Text size="xs" c="dimmed" title={format.dateTime(record.createdAt)}>
        {t('records.record.createdBy', { name: format.userName(record.createdBy) ?? someone, time: format.dateTime(record.createdAt) })}
      </Text>
      <Text size="xs" c="dimmed" title={format.dateTime(record.updatedAt)}>
        {t('records.record.updatedBy', { name: format.userName(record.updatedBy) ?? someone, time: format.relative(record.updatedAt) })}
      </Text>
    </Group>
  );
}
