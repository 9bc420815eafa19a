import { Alert, Badge, Button, Center, Group, Loader, Modal, Paper, SegmentedControl, Stack, Table, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import { IconRestore, IconTrashX } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';

import type { MethodOutput } from '../../../../../shared/methods';
import { call, subscribe } from '../../../api/client';
import { errorMessage, notifySuccess } from '../../../components/notify';
import { PageHeader } from '../../../components/PageHeader';
import { recordCall } from '../../records/api';
import { useFormatters } from '../../records/format';
import { recordTypeConfig } from '../../records/registry';
import type { RecordTypeName } from '../../records/types';
import { usePermissions } from '../../records/users';
import { PurgeProgress, usePurgeStatus } from './PurgeProgress';

type BinItem = MethodOutput<'recycleBin.list'>['items'][number];
// Every record type that can be deleted lands here: each can be looked at on its own.
const TYPES = ['all', 'accounts', 'contacts', 'leads', 'opportunities', 'cases', 'activities'] as const;
type TypeFilter = (typeof TYPES)[number];

/**
 * Deletes are recorded against the record's own table (`contacts`), which refreshes `contacts.*`;
 * the bin lists every table, so it listens to the change feed itself.
 */
function useBinLiveRefresh() {
  const queryClient = useQueryClient();
  useEffect(
    () =>
      subscribe((event) => {
        if (event.op === 'delete' || event.op === 'restore' || event.op === 'purge') {
          void queryClient.invalidateQueries({ queryKey: ['recycleBin.list'] });
        }
      }),
    [queryClient],
  );
}

function BinRow({ item, isAdmin, purgeBusy, onPurge }: { item: BinItem; isAdmin: boolean; purgeBusy: boolean; onPurge: (item: BinItem) => void }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const queryClient = useQueryClient();
  const permissions = usePermissions();
  const config = recordTypeConfig(item.type);
  const restore = useMutation({
    mutationFn: () => recordCall(item.type as RecordTypeName, 'restore', { id: item.id }),
    onSuccess: () => {
      notifySuccess(t('customers.recycleBin.restored', { name: item.title }));
      void queryClient.invalidateQueries({ predicate: (query) => String(query.queryKey[0]).startsWith(`${item.type}.`) || query.queryKey[0] === 'recycleBin.list' });
    },
  });
  return (
    <Table.Tr data-testid="bin-row">
      <Table.Td>
        <Badge variant="light" color="gray">
          {t(`records.types.${item.type}`)}
        </Badge>
      </Table.Td>
      <Table.Td maw={320}>
        <Text size="sm" fw={500} truncate="end" title={item.title}>
          {item.title}
        </Text>
        {item.dependants > 0 && (
          <Text size="xs" c="dimmed">
            {t('customers.recycleBin.dependants', { count: item.dependants })}
          </Text>
        )}
      </Table.Td>
      <Table.Td>
        <Text size="sm">{item.deletedByName ?? format.userName(item.deletedBy) ?? t('records.history.system')}</Text>
      </Table.Td>
      <Table.Td>
        <Text size="sm" title={format.dateTime(item.deletedAt)}>
          {format.dateTime(item.deletedAt)}
        </Text>
      </Table.Td>
      <Table.Td>
        <Group gap="xs" justify="flex-end" wrap="nowrap">
          {config && permissions.canCreate && (
            <Button
              size="xs"
              variant="light"
              leftSection={<IconRestore size={14} />}
              loading={restore.isPending}
              onClick={() => restore.mutate()}
              aria-label={t('customers.recycleBin.restoreNamed', { name: item.title })}
            >
              {t('customers.recycleBin.restore')}
            </Button>
          )}
          {isAdmin && (
            <Button
              size="xs"
              variant="subtle"
              color="red"
              leftSection={<IconTrashX size={14} />}
              disabled={purgeBusy}
              onClick={() => onPurge(item)}
              aria-label={t('customers.recycleBin.purgeNamed', { name: item.title })}
            >
              {t('customers.recycleBin.purge')}
            </Button>
          )}
        </Group>
      </Table.Td>
    </Table.Tr>
  );
}

/** What was deleted, by whom and when; restore it, or (administrators) delete it for good. */
export function RecycleBinPage() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const { isAdmin } = usePermissions();
  const [type, setType] = useState<TypeFilter>('all');
  const [purging, setPurging] = useState<BinItem | 'all' | null>(null);
  const [purgeOpen, purgeModal] = useDisclosure(false);
  useBinLiveRefresh();

  const input = type === 'all' ? {} : { type };
  const bin = useInfiniteQuery({
    queryKey: ['recycleBin.list', input, 'pages'],
    queryFn: ({ pageParam }) => call('recycleBin.list', { ...input, limit: 50, cursor: pageParam }),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    meta: { silent: true },
  });
  const items = bin.data?.pages.flatMap((page) => page.items) ?? [];

  const purge = useMutation({
    mutationFn: (target: BinItem | 'all') => call('recycleBin.purge', target === 'all' ? { all: true } : { entryIds: [target.entryId] }),
    meta: { silent: true },
    onSuccess: ({ purged }) => {
      notifySuccess(t('customers.recycleBin.purged', { count: purged }));
      void queryClient.invalidateQueries({ queryKey: ['recycleBin.list'] });
      purgeModal.close();
    },
    onSettled: () => void queryClient.invalidateQueries({ queryKey: ['recycleBin.purgeStatus'] }),
  });
  // A big bin takes a while: the server deletes in short steps and says how far it is.
  const purgeStatus = usePurgeStatus(isAdmin, purge.isPending);
  const purgeRunning = purge.isPending || purgeStatus.data?.state === 'running';
  const askPurge = (target: BinItem | 'all') => {
    purge.reset();
    setPurging(target);
    purgeModal.open();
  };

  return (
    <>
      <PageHeader
        title={t('customers.recycleBin.title')}
        description={t('customers.recycleBin.description')}
        actions={
          isAdmin && (
            <Button color="red" variant="light" leftSection={<IconTrashX size={16} />} onClick={() => askPurge('all')} disabled={items.length === 0 || purgeRunning}>
              {t('customers.recycleBin.purgeAll')}
            </Button>
          )
        }
      />
      {purgeRunning && !purgeOpen && (
        <Alert color="blue" variant="light" mb="md">
          <PurgeProgress status={purgeStatus.data} />
        </Alert>
      )}
      <Paper withBorder radius="lg" style={{ overflow: 'hidden' }}>
        <Group px="md" py="sm">
          <SegmentedControl
            aria-label={t('customers.recycleBin.typeFilter')}
            value={type}
            onChange={(value) => setType(value as TypeFilter)}
            data={TYPES.map((value) => ({ value, label: value === 'all' ? t('customers.recycleBin.allTypes') : t(`records.types.${value}`) }))}
          />
        </Group>
        {bin.isPending ? (
          <Center py="xl">
            <Loader aria-label={t('common.loading')} />
          </Center>
        ) : bin.isError ? (
          <Alert color="red" m="md" role="alert">
            {errorMessage(bin.error)}
          </Alert>
        ) : items.length === 0 ? (
          <Text c="dimmed" ta="center" py="xl">
            {t('customers.recycleBin.empty')}
          </Text>
        ) : (
          <Table.ScrollContainer minWidth={760}>
            <Table verticalSpacing="sm" horizontalSpacing="md" highlightOnHover aria-label={t('customers.recycleBin.title')}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th w={130}>{t('customers.recycleBin.type')}</Table.Th>
                  <Table.Th>{t('customers.recycleBin.name')}</Table.Th>
                  <Table.Th w={180}>{t('customers.recycleBin.deletedBy')}</Table.Th>
                  <Table.Th w={200}>{t('customers.recycleBin.deletedAt')}</Table.Th>
                  <Table.Th w={isAdmin ? 250 : 140} ta="right">
                    {t('users.actions')}
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {items.map((item) => (
                  <BinRow key={item.entryId} item={item} isAdmin={isAdmin} purgeBusy={purgeRunning} onPurge={askPurge} />
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
        {bin.hasNextPage && (
          <Group justify="center" py="sm">
            <Button variant="subtle" onClick={() => void bin.fetchNextPage()} loading={bin.isFetchingNextPage}>
              {t('customers.recycleBin.more')}
            </Button>
          </Group>
        )}
      </Paper>
      <Modal opened={purgeOpen} onClose={purgeModal.close} title={t('customers.recycleBin.purgeTitle')} centered>
        <Stack gap="md">
          {purge.isError && (
            <Alert color="red" variant="light" role="alert">
              {errorMessage(purge.error)}
            </Alert>
          )}
          {purge.isPending ? (
            <>
              <PurgeProgress status={purgeStatus.data} />
              <Group justify="flex-end">
                <Button variant="default" onClick={purgeModal.close}>
                  {t('customers.recycleBin.purgeClose')}
                </Button>
              </Group>
            </>
          ) : (
            <>
              <Text size="sm">
                {purging === 'all' ? t('customers.recycleBin.purgeAllBody') : t('customers.recycleBin.purgeBody', { name: purging?.title ?? '' })}
              </Text>
              <Group justify="flex-end" gap="sm">
                <Button variant="default" onClick={purgeModal.close}>
                  {t('common.cancel')}
                </Button>
                <Button color="red" disabled={purgeRunning} onClick={() => purging && purge.mutate(purging)}>
                  {t('customers.recycleBin.purgeConfirm')}
                </Button>
              </Group>
            </>
          )}
        </Stack>
      </Modal>
    </>
  );
}

