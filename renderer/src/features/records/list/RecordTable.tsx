import { Anchor, Center, Checkbox, Group, Loader, Stack, Text, UnstyledButton } from '@mantine/core';
import { useViewportSize } from '@mantine/hooks';
import { IconArrowDown, IconArrowUp, IconArrowsSort } from '@tabler/icons-react';
import { useVirtualizer } from '@tanstack/react-virtual';
import { memo, useCallback, useEffect, useLayoutEffect, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { fieldSpec, valueOf } from '../field-specs';
import { useFormatters, type Formatters } from '../format';
import { RecordLink } from '../RecordLink';
import type { ApiRecord, ColumnSpec, RecordTypeConfig, SortState } from '../types';
import classes from './RecordTable.module.css';

const ROW_HEIGHT = 44;
const HEADER_HEIGHT = 40;
const CHECK_WIDTH = 44;
/** Start fetching the next page this many rows before the end of what is loaded. */
const PREFETCH_ROWS = 40;

interface Props<R extends ApiRecord> {
  config: RecordTypeConfig<R>;
  columns: readonly ColumnSpec<R>[];
  rows: readonly R[];
  hasMore: boolean;
  loading: boolean;
  loadingMore: boolean;
  onLoadMore: () => void;
  sort: SortState;
  onSort: (field: string) => void;
  selected: ReadonlySet<string>;
  onToggle: (id: string) => void;
  onToggleAll: () => void;
  onOpen: (record: R) => void;
  /** What to show when there are no rows. */
  empty: ReactNode;
  /** Changes when the query changes: the table then scrolls back to the top. */
  resetKey: string;
}

/** Fills the window below the table's top edge, so the page itself does not scroll. */
function useFillHeight(ref: React.RefObject<HTMLElement | null>) {
  const { height: viewport } = useViewportSize();
  const [height, setHeight] = useState(480);
  useLayoutEffect(() => {
    const top = ref.current?.getBoundingClientRect().top ?? 0;
    const wanted = Math.max(320, Math.floor((viewport || window.innerHeight) - top - 32));
    // Measured after layout: the toolbar above may wrap onto two lines on a narrow screen.
    setHeight(wanted);
  }, [ref, viewport]);
  return height;
}

/**
 * A virtualised table: only the rows in view (plus a few) are in the DOM, whatever the list's
 * length, and the next page is fetched before the user reaches the end. Keyboard: arrows move the
 * focused row, Home/End/PageUp/PageDown jump, Enter opens it, Space selects it.
 */
export function RecordTable<R extends ApiRecord>(props: Props<R>) {
  const { config, columns, rows, hasMore, loading, loadingMore, onLoadMore, sort, onSort, selected, onToggle, onToggleAll, onOpen } = props;
  const { t } = useTranslation();
  const scrollRef = useRef<HTMLDivElement>(null);
  const tableRef = useRef<HTMLTableElement>(null);
  const height = useFillHeight(scrollRef);
  const [focused, setFocused] = useState(-1);
  // One formatter for every cell (user names, currency, dates), not one per cell.
  const format = useFormatters();
  const onFocusRow = useCallback((index: number) => {
    setFocused(index);
    tableRef.current?.focus({ preventScroll: true });
  }, []);
  const count = rows.length + (hasMore ? 1 : 0);

  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 8,
    scrollPaddingStart: HEADER_HEIGHT,
    getItemKey: (index) => rows[index]?.id ?? `loader-${index}`,
  });
  const items = virtualizer.getVirtualItems();
  const lastIndex = items.length > 0 ? items[items.length - 1]!.index : -1;

  useEffect(() => {
    if (hasMore && !loadingMore && lastIndex >= rows.length - PREFETCH_ROWS) onLoadMore();
  }, [hasMore, loadingMore, lastIndex, rows.length, onLoadMore]);

  useEffect(() => {
    scrollRef.current?.scrollTo({ top: 0 });
    setFocused(-1);
  }, [props.resetKey]);

  const focusRow = (index: number) => {
    if (rows.length === 0) return;
    const next = Math.max(0, Math.min(rows.length - 1, index));
    setFocused(next);
    virtualizer.scrollToIndex(next, { align: 'auto' });
  };

  const onKeyDown = (event: KeyboardEvent<HTMLTableElement>) => {
    // Keys pressed on a link or checkbox inside a row keep their own meaning.
    if (event.target !== event.currentTarget) return;
    const page = Math.max(1, Math.floor((height - HEADER_HEIGHT) / ROW_HEIGHT) - 1);
    const current = focused < 0 ? -1 : focused;
    const moves: Record<string, () => void> = {
      ArrowDown: () => focusRow(current + 1),
      ArrowUp: () => focusRow(current - 1),
      PageDown: () => focusRow(current + page),
      PageUp: () => focusRow(current - page),
      Home: () => focusRow(0),
      End: () => focusRow(rows.length - 1),
      Enter: () => rows[current] && onOpen(rows[current]),
      ' ': () => rows[current] && onToggle(rows[current].id),
    };
    const move = moves[event.key];
    if (move) {
      event.preventDefault();
      move();
    }
  };

  // The table re-renders on every scroll step: with nothing selected, skip the walk over 100,000 rows.
  const allSelected = rows.length > 0 && selected.size >= rows.length && rows.every((row) => selected.has(row.id));
  const someSelected = selected.size > 0 && !allSelected;
  const padTop = items.length > 0 ? items[0]!.start : 0;
  const padBottom = items.length > 0 ? virtualizer.getTotalSize() - items[items.length - 1]!.end : 0;
  const width = CHECK_WIDTH + columns.reduce((sum, column) => sum + column.width, 0);
  const rowId = (index: number) => `${config.type}-row-${index}`;

  return (
    <div ref={scrollRef} className={classes.scroller} style={{ height }} data-testid={`${config.type}-scroller`}>
      <table
        ref={tableRef}
        role="grid"
        aria-label={t(config.labels.plural)}
        aria-multiselectable
        aria-busy={loading || loadingMore}
        aria-activedescendant={focused >= 0 && rows[focused] ? rowId(focused) : undefined}
        tabIndex={0}
        className={classes.table}
        style={{ width }}
        onKeyDown={onKeyDown}
        onFocus={(event) => {
          if (event.target === event.currentTarget && focused < 0 && rows.length > 0) setFocused(0);
        }}
      >
        <colgroup>
          <col style={{ width: CHECK_WIDTH }} />
          {columns.map((column) => (
            <col key={column.key} style={{ width: column.width }} />
          ))}
        </colgroup>
        <thead className={classes.head}>
          <tr>
            <th className={classes.checkCell}>
              <Checkbox
                size="xs"
                aria-label={t('records.list.selectAll')}
                checked={allSelected}
                indeterminate={someSelected}
                onChange={onToggleAll}
                disabled={rows.length === 0}
              />
            </th>
            {columns.map((column) => (
              <HeaderCell key={column.key} column={column} sort={sort} onSort={onSort} />
            ))}
          </tr>
        </thead>
        <tbody>
          {padTop > 0 && (
            <tr aria-hidden style={{ height: padTop }}>
              <td colSpan={columns.length + 1} />
            </tr>
          )}
          {items.map((item) => {
            const record = rows[item.index];
            if (!record) {
              return (
                <tr key={item.key} style={{ height: ROW_HEIGHT }} className={classes.row}>
                  <td colSpan={columns.length + 1} className={classes.loaderCell}>
                    <Group gap="xs" justify="center">
                      <Loader size="xs" />
                      <Text size="sm" c="dimmed">
                        {t('records.list.loadingMore')}
                      </Text>
                    </Group>
                  </td>
                </tr>
              );
            }
            return (
              <Row
                key={item.key}
                id={rowId(item.index)}
                index={item.index}
                record={record}
                config={config}
                columns={columns}
                selected={selected.has(record.id)}
                focused={focused === item.index}
                onToggle={onToggle}
                onFocusRow={onFocusRow}
                onOpen={onOpen}
                format={format}
              />
            );
          })}
          {padBottom > 0 && (
            <tr aria-hidden style={{ height: padBottom }}>
              <td colSpan={columns.length + 1} />
            </tr>
          )}
        </tbody>
      </table>
      {rows.length === 0 && (
        <Center py={64} px="md">
          {loading ? <Loader aria-label={t('common.loading')} /> : <Stack align="center">{props.empty}</Stack>}
        </Center>
      )}
    </div>
  );
}

function HeaderCell<R extends ApiRecord>({ column, sort, onSort }: { column: ColumnSpec<R>; sort: SortState; onSort: (field: string) => void }) {
  const { t } = useTranslation();
  const label = t(column.label);
  const active = column.sort !== undefined && sort.field === column.sort;
  const ariaSort = active ? (sort.dir === 'asc' ? 'ascending' : 'descending') : undefined;
  const SortIcon = !active ? IconArrowsSort : sort.dir === 'asc' ? IconArrowUp : IconArrowDown;
  return (
    <th scope="col" aria-sort={ariaSort} title={label}>
      {column.sort ? (
        <UnstyledButton className={`${classes.sortButton} ${active ? classes.sorted : ''}`} onClick={() => onSort(column.sort!)}>
          <span className={classes.cellText}>{label}</span>
          <SortIcon size={14} stroke={1.8} style={{ flexShrink: 0, opacity: active ? 1 : 0.45 }} aria-hidden />
        </UnstyledButton>
      ) : (
        label
      )}
    </th>
  );
}

interface RowProps<R extends ApiRecord> {
  id: string;
  index: number;
  record: R;
  config: RecordTypeConfig<R>;
  columns: readonly ColumnSpec<R>[];
  selected: boolean;
  focused: boolean;
  onToggle: (id: string) => void;
  onFocusRow: (index: number) => void;
  onOpen: (record: R) => void;
  format: Formatters;
}

const Row = memo(function Row<R extends ApiRecord>({ id, index, record, config, columns, selected, focused, onToggle, onFocusRow, onOpen, format }: RowProps<R>) {
  const { t } = useTranslation();
  const title = config.title(record);
  return (
    <tr
      id={id}
      aria-selected={selected}
      aria-rowindex={index + 2}
      data-record-id={record.id}
      className={`${classes.row} ${focused ? classes.focused : ''}`}
      style={{ height: ROW_HEIGHT }}
      onClick={() => onFocusRow(index)}
      onDoubleClick={() => onOpen(record)}
    >
      <td className={classes.checkCell} onClick={(event) => event.stopPropagation()}>
        {/* A native checkbox: a row is rendered on every scroll step, so it stays cheap. */}
        <input
          type="checkbox"
          className={classes.rowCheck}
          aria-label={t('records.list.selectRow', { name: title })}
          checked={selected}
          onChange={() => onToggle(record.id)}
          tabIndex={-1}
        />
      </td>
      {columns.map((column) => (
        <td key={column.key}>
          {column.key === config.primaryColumn ? (
            <Anchor component={Link} to={`${config.path}/${record.id}`} size="sm" fw={500} tabIndex={-1} className={classes.cellText} display="block" title={title}>
              {column.render ? column.render(record) : title}
            </Anchor>
          ) : (
            <Cell config={config} column={column} record={record} format={format} />
          )}
        </td>
      ))}
    </tr>
  );
}) as <R extends ApiRecord>(props: RowProps<R>) => ReactNode;

function Cell<R extends ApiRecord>({ config, column, record, format }: { config: RecordTypeConfig<R>; column: ColumnSpec<R>; record: R; format: Formatters }) {
  if (column.render) return <>{column.render(record)}</>;
  const spec = fieldSpec(config, column.field ?? column.key);
  const value = valueOf(record, column.field ?? column.key);
  if (spec?.kind === 'reference' && typeof value === 'string') return <RecordLink type={spec.refType} id={value} />;
  const text = format.value(spec, value);
  return (
    <span className={classes.cellText} title={text}>
      {text}
    </span>
  );
}
