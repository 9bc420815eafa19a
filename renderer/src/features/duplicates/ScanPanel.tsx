import { Alert, Anchor, Badge, Button, Group, Progress, SegmentedControl, Stack, Table, Text } from '@mantine/core';
import { IconSearch } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { DuplicateGroup } from '../../../../shared/schemas/duplicates';
import type { z } from 'zod';
import { useApiMutation, useApiQuery } from '../../api/hooks';
import { recordTypeConfig } from '../records/registry';
import { Section } from '../admin/components/Section';
import type { DuplicateTypeName } from './match-fields';
import { MergeDialog } from './MergeDialog';

type Group = z.infer<typeof DuplicateGroup>;
const TYPES: readonly DuplicateTypeName[] = ['contacts', 'accounts', 'leads'];
const groupKey = (group: Group) => group.ids.join(',');

/** Scan one record type for duplicates in the background, watch the progress, merge group by group. */
export function ScanPanel({ type, onTypeChange }: { type: DuplicateTypeName; onTypeChange: (type: DuplicateTypeName) => void }) {
  const { t } = useTranslation();
  const [jobId, setJobId] = useState<string | null>(null);
  const [merging, setMerging] = useState<Group | null>(null);
  const [merged, setMerged] = useState<ReadonlySet<string>>(new Set());
  const start = useApiMutation('duplicates.scan', {
    onSuccess: ({ jobId: id }) => {
      setMerged(new Set());
      setJobId(id);
    },
  });
  const status = useApiQuery(
    'duplicates.scanStatus',
    { jobId: jobId ?? '' },
    { enabled: jobId !== null, refetchInterval: (query) => (query.state.data?.state === 'running' ? 500 : false) },
  );
  const scan = jobId ? status.data : undefined;
  const running = start.isPending || scan?.state === 'running' || (jobId !== null && !scan);
  const percent = scan && scan.total > 0 ? Math.min(100, Math.round((scan.processed / scan.total) * 100)) : 0;
  const config = recordTypeConfig(type);

  const changeType = (value: string) => {
    setJobId(null);
    onTypeChange(value as DuplicateTypeName);
  };

  return (
    <Section title={t('duplicates.page.scanTitle')}>
      <Group gap="md" align="flex-end" wrap="wrap">
        <Stack gap={4}>
          <Text size="sm" fw={500} id="duplicates-type">
            {t('duplicates.page.type')}
          </Text>
          <SegmentedControl
            aria-labelledby="duplicates-type"
            value={type}
            onChange={changeType}
            disabled={running}
            data={TYPES.map((value) => ({ value, label: t(`duplicates.types.${value}`) }))}
          />
        </Stack>
        <Button leftSection={<IconSearch size={16} />} onClick={() => start.mutate({ type })} loading={running}>
          {t('duplicates.page.scan')}
        </Button>
      </Group>
      {running && (
        <Stack gap={4}>
          <Progress value={percent} animated striped aria-label={t('duplicates.page.progressLabel')} />
          <Text size="sm" c="dimmed">
            {t('duplicates.page.scanning', { processed: scan?.processed ?? 0, total: scan?.total ?? 0 })}
          </Text>
        </Stack>
      )}
      {!jobId && !running && (
        <Text size="sm" c="dimmed">
          {t('duplicates.page.notScanned')}
        </Text>
      )}
      {scan && scan.state !== 'running' && scan.state !== 'done' && (
        <Alert color="red" variant="light" role="alert">
          {t('duplicates.page.failed', { message: scan.message ?? scan.state })}
        </Alert>
      )}
      {scan?.state === 'done' && (
        <>
          <Text size="sm" role="status">
            {scan.groupCount === 0
              ? t('duplicates.page.none')
              : scan.groupCount > scan.groups.length
                ? t('duplicates.page.doneTruncated', { count: scan.groupCount, shown: scan.groups.length })
                : t('duplicates.page.done', { count: scan.groupCount })}
          </Text>
          {scan.groups.length > 0 && (
            <Table striped withTableBorder aria-label={t('duplicates.page.title')}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('duplicates.page.records')}</Table.Th>
                  <Table.Th>{t('duplicates.page.rules')}</Table.Th>
                  <Table.Th>{t('duplicates.page.score')}</Table.Th>
                  <Table.Th>{t('duplicates.page.actions')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {scan.groups.map((group) => (
                  <Table.Tr key={groupKey(group)} data-testid="duplicate-group">
                    <Table.Td>
                      <Group gap="xs" wrap="wrap">
                        {group.ids.map((id, index) => (
                          <Anchor key={id} component={Link} to={`${config?.path ?? ''}/${id}`} size="sm">
                            {group.titles[index] ?? id}
                          </Anchor>
                        ))}
                      </Group>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">{group.rules.map((rule) => t(`duplicates.rules.${rule}`, { defaultValue: rule })).join(', ')}</Text>
                    </Table.Td>
                    <Table.Td>{Math.round(group.score * 100)}%</Table.Td>
                    <Table.Td>
                      {merged.has(groupKey(group)) ? (
                        <Badge color="teal" variant="light">
                          {t('duplicates.page.merged')}
                        </Badge>
                      ) : (
                        <Button size="compact-sm" variant="light" onClick={() => setMerging(group)}>
                          {t('duplicates.warning.merge')}
                        </Button>
                      )}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
        </>
      )}
      <MergeDialog
        type={scan?.type ?? type}
        ids={merging?.ids ?? []}
        opened={merging !== null}
        onClose={() => setMerging(null)}
        onMerged={() => merging && setMerged((previous) => new Set(previous).add(groupKey(merging)))}
        openSurvivor={false}
      />
    </Section>
  );
}
