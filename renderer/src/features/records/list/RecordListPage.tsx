import { Button, Group, Paper, SegmentedControl, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconPlus, IconSearch } from '@tabler/icons-react';
import { useCallback, useMemo, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { PageHeader } from '../../../components/PageHeader';
import { ImportButton } from '../../import/ImportButton';
import type { ApiRecord, RecordTypeConfig } from '../types';
import { usePermissions } from '../users';
import { BulkBar } from './BulkBar';
import { ColumnChooser } from './ColumnChooser';
import { ExportMenu } from './ExportMenu';
import { FiltersPopover } from './FiltersPopover';
import { useListState } from './list-state';
import { RecordTable } from './RecordTable';
import { SavedViewsMenu } from './SavedViewsMenu';
import { useRecordPages } from './use-record-pages';

type Scope = 'all' | 'mine' | 'team';

interface Props<R extends ApiRecord> {
  config: RecordTypeConfig<R>;
  /** The type's create form, opened by the page's "New" button. */
  renderCreate?: (opened: boolean, onClose: () => void) => ReactNode;
  /** More of the page's own actions, in the title row before the "New" button. */
  actions?: ReactNode;
}

/** A record type's list page: toolbar, saved views, filters, column chooser, bulk actions, virtualised table. */
export function RecordListPage<R extends ApiRecord>({ config, renderCreate, actions }: Props<R>) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const permissions = usePermissions();
  const generic = config as unknown as RecordTypeConfig<ApiRecord>;
  const { state, setState, setFilter } = useListState(generic);
  const [createOpen, setCreateOpen] = useState(false);
  const [debouncedQ] = useDebouncedValue(state.q.trim(), 250);
  const input = useMemo(
    () => ({ q: debouncedQ || undefined, filter: state.filter, sort: state.sort }),
    [debouncedQ, state.filter, state.sort],
  );
  const queryKey = JSON.stringify(input);
  const pages = useRecordPages<R>(config.type, input);
  // Selection belongs to one query: a different filter shows different rows.
  const [selection, setSelection] = useState<{ key: string; ids: ReadonlySet<string> }>({ key: queryKey, ids: new Set() });
  const selected = selection.key === queryKey ? selection.ids : new Set<string>();

  const columns = useMemo(
    () => state.columns.flatMap((key) => config.columns.filter((column) => column.key === key)),
    [config.columns, state.columns],
  );
  const scope: Scope = state.filter.mine === true ? 'mine' : state.filter.team === true ? 'team' : 'all';

  const setScope = (next: Scope) =>
    setState((previous) => {
      const filter = { ...previous.filter };
      delete filter.mine;
      delete filter.team;
      if (next !== 'all') filter[next] = true;
      return { ...previous, filter };
    });

  const onSort = (field: string) =>
    setState((previous) => {
      const dir = previous.sort.field === field ? (previous.sort.dir === 'asc' ? 'desc' : 'asc') : field === 'updatedAt' || field === 'createdAt' ? 'desc' : 'asc';
      return { ...previous, sort: { field, dir } };
    });

  const onToggle = useCallback(
    (id: string) =>
      setSelection((previous) => {
        const ids = new Set(previous.key === queryKey ? previous.ids : []);
        if (ids.has(id)) ids.delete(id);
        else ids.add(id);
        return { key: queryKey, ids };
      }),
    [queryKey],
  );
  const onToggleAll = () => {
    const all = pages.rows.length > 0 && pages.rows.every((row) => selected.has(row.id));
    setSelection({ key: queryKey, ids: all ? new Set() : new Set(pages.rows.map((row) => row.id)) });
  };
  const clearSelection = () => setSelection({ key: queryKey, ids: new Set() });
  const onOpen = useCallback((record: R) => navigate(`${config.path}/${record.id}`), [navigate, config.path]);
  const { hasNextPage, isFetchingNextPage, fetchNextPage } = pages;
  const onLoadMore = useCallback(() => {
    if (hasNextPage && !isFetchingNextPage) void fetchNextPage();
  }, [hasNextPage, isFetchingNextPage, fetchNextPage]);

  const filtered = Boolean(debouncedQ) || Object.keys(state.filter).length > 0;
  const selectedRows = pages.rows.filter((row) => selected.has(row.id));

  return (
    <>
      <PageHeader
        title={t(config.labels.plural)}
        actions={
          <>
            {actions}
            {renderCreate && permissions.canCreate && (
              <Button leftSection={<IconPlus size={18} />} onClick={() => setCreateOpen(true)}>
                {t(config.labels.create)}
              </Button>
            )}
          </>
        }
      />
      <Paper withBorder radius="lg" style={{ overflow: 'hidden' }}>
        <Group justify="space-between" gap="sm" px="md" py="sm" wrap="wrap">
          <Group gap="sm" wrap="wrap">
            <SavedViewsMenu config={generic} state={state} onApply={setState} />
            <TextInput
              type="search"
              aria-label={t('records.list.quickFilter')}
              placeholder={t('records.list.quickFilterPlaceholder')}
              leftSection={<IconSearch size={16} />}
              value={state.q}
              onChange={(event) => {
                const q = event.currentTarget.value;
                setState((previous) => ({ ...previous, q }));
              }}
              w={240}
            />
            <SegmentedControl
              aria-label={t('records.list.scope')}
              value={scope}
              onChange={(value) => setScope(value as Scope)}
              data={[
                { value: 'all', label: t('records.list.scopeAll') },
                { value: 'mine', label: t('records.list.scopeMine') },
                ...(permissions.hasTeam ? [{ value: 'team', label: t('records.list.scopeTeam') }] : []),
              ]}
            />
          </Group>
          <Group gap="sm">
            <FiltersPopover
              config={generic}
              filter={state.filter}
              setFilter={setFilter}
              onClear={() => setState((previous) => ({ ...previous, filter: {} }))}
            />
            <ColumnChooser config={generic} columns={state.columns} onChange={(next) => setState((previous) => ({ ...previous, columns: next }))} />
            <ImportButton type={config.type} />
            <ExportMenu type={config.type} list={input} />
          </Group>
        </Group>
        {selectedRows.length > 0 && <BulkBar config={config} columns={columns} records={selectedRows} onClear={clearSelection} />}
        <RecordTable
          config={config}
          columns={columns}
          rows={pages.rows}
          hasMore={Boolean(pages.hasNextPage)}
          loading={pages.isPending}
          loadingMore={pages.isFetchingNextPage}
          onLoadMore={onLoadMore}
          sort={state.sort}
          onSort={onSort}
          selected={selected}
          onToggle={onToggle}
          onToggleAll={onToggleAll}
          onOpen={onOpen}
          resetKey={queryKey}
          empty={
            pages.isError ? (
              <Text c="red">{pages.error.message}</Text>
            ) : (
              <>
                <Text c="dimmed">{filtered ? t('records.list.emptyFiltered') : t(config.labels.empty)}</Text>
                {filtered && (
                  <Button variant="light" size="xs" onClick={() => setState((previous) => ({ ...previous, q: '', filter: {} }))}>
                    {t('records.list.clearFilters')}
                  </Button>
                )}
              </>
            )
          }
        />
        <Group justify="space-between" px="md" py={6} style={{ borderTop: '1px solid var(--mantine-color-default-border)' }}>
          <Text size="xs" c="dimmed" aria-live="polite" data-testid="list-status">
            {pages.hasNextPage
              ? t('records.list.loadedMore', { count: pages.rows.length })
              : t('records.list.loadedAll', { count: pages.rows.length })}
          </Text>
          <Text size="xs" c="dimmed" visibleFrom="sm">
            {t('records.list.keyboardHint')}
          </Text>
        </Group>
      </Paper>
      {renderCreate?.(createOpen, () => setCreateOpen(false))}
    </>
  );
}
