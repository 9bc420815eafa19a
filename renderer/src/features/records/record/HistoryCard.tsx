import { Badge, Center, Group, Loader, Paper, Stack, Text, Timeline, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { IconArrowRight } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { recordCall, recordKeys, type HistoryEntry } from '../api';
import { fieldSpec } from '../field-specs';
import { useFormatters } from '../format';
import { RecordLink } from '../RecordLink';
import type { ApiRecord, RecordTypeConfig } from '../types';

const OP_COLORS: Record<HistoryEntry['op'], string> = { create: 'teal', update: 'indigo', delete: 'red', restore: 'orange', purge: 'red' };

function HistoryValue({ config, field, value }: { config: RecordTypeConfig<ApiRecord>; field: string; value: unknown }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const spec = fieldSpec(config, field);
  if (value === null || value === undefined || value === '') {
    return (
      <Text span size="sm" c="dimmed" fs="italic">
        {t('records.history.empty')}
      </Text>
    );
  }
  if (spec?.kind === 'reference' && typeof value === 'string') return <RecordLink type={spec.refType} id={value} />;
  return (
    <Text span size="sm" fw={500} lineClamp={3} style={{ overflowWrap: 'anywhere' }}>
      {format.value(spec, value)}
    </Text>
  );
}

/** A merge records the records it absorbed (id and title at the time) as this pseudo-field. */
const MERGED_FROM = 'mergedFrom';

function MergedFrom({ type, sources }: { type: string; sources: unknown }) {
  const { t } = useTranslation();
  const list = Array.isArray(sources) ? (sources as { id: string; title?: string }[]) : [];
  return (
    <Group gap={6} wrap="wrap" align="baseline" data-testid="history-change">
      <Text span size="sm" c="dimmed">
        {t('records.history.mergedFrom')}
      </Text>
      {list.map((source) => (
        <Text span size="sm" fw={500} key={source.id} title={`${type}/${source.id}`}>
          {source.title || source.id}
        </Text>
      ))}
    </Group>
  );
}

/** Every change to the record: who, when, and each field's old → new value, newest first. */
export function HistoryCard<R extends ApiRecord>({ config, record }: { config: RecordTypeConfig<R>; record: R }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const generic = config as unknown as RecordTypeConfig<ApiRecord>;
  const history = useQuery({
    queryKey: recordKeys.history(config.type, record.id),
    queryFn: () => recordCall<{ items: HistoryEntry[] }>(config.type, 'history', { id: record.id }),
    meta: { silent: true },
  });

  return (
    <Paper withBorder radius="lg" p="lg" component="section" aria-labelledby="history-title">
      <Title order={2} fz="h4" mb="md" id="history-title">
        {t('records.history.title')}
      </Title>
      {history.isPending ? (
        <Center py="md">
          <Loader size="sm" aria-label={t('common.loading')} />
        </Center>
      ) : history.isError ? (
        <Text c="red" size="sm">
          {history.error.message}
        </Text>
      ) : history.data.items.length === 0 ? (
        <Text c="dimmed" size="sm">
          {t('records.history.none')}
        </Text>
      ) : (
        <Timeline bulletSize={12} lineWidth={2} data-testid="history">
          {history.data.items.map((entry) => (
            <Timeline.Item key={entry.seq} color={OP_COLORS[entry.op]} data-testid="history-entry">
              <Group gap={6} wrap="wrap">
                <Badge size="xs" variant="light" color={OP_COLORS[entry.op]}>
                  {t(`records.history.ops.${entry.op}`)}
                </Badge>
                <Text size="sm" fw={600}>
                  {entry.userName ?? format.userName(entry.userId) ?? t('records.history.system')}
                </Text>
                <Text size="xs" c="dimmed" title={format.dateTime(entry.at)}>
                  {format.dateTime(entry.at)}
                </Text>
              </Group>
              {entry.fields.length > 0 && (
                <Stack gap={4} mt={6}>
                  {entry.fields.map((change) => {
                    if (change.field === MERGED_FROM) return <MergedFrom key={change.field} type={config.type} sources={change.newValue} />;
                    const spec = fieldSpec(generic, change.field);
                    return (
                      <Group key={change.field} gap={6} wrap="wrap" align="baseline" data-testid="history-change">
                        <Text span size="sm" c="dimmed">
                          {spec ? t(spec.label) : change.field}:
                        </Text>
                        <HistoryValue config={generic} field={change.field} value={change.oldValue} />
                        <IconArrowRight size={12} aria-label={t('records.history.changedTo')} />
                        <HistoryValue config={generic} field={change.field} value={change.newValue} />
                      </Group>
                    );
                  })}
                </Stack>
              )}
            </Timeline.Item>
          ))}
        </Timeline>
      )}
    </Paper>
  );
}
