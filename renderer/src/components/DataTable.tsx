import { Paper, Table, Text } from '@mantine/core';
import type { ReactNode } from 'react';

export interface DataColumn<Row> {
  /** Stable key of the column (also the React key of its cells). */
  key: string;
  header: ReactNode;
  cell: (row: Row) => ReactNode;
  /** Numbers and money are right-aligned, so their digits line up. */
  numeric?: boolean;
  /** The column's cell in the totals row; omit for an empty cell. */
  total?: ReactNode;
}

interface DataTableProps<Row> {
  label: string;
  columns: DataColumn<Row>[];
  rows: readonly Row[];
  rowKey: (row: Row) => string;
  /** Shown in place of the rows when there are none (and loading is done). */
  empty: ReactNode;
  loading?: boolean;
  /** Show the totals row (each column's `total`), when there are rows. */
  withTotals?: boolean;
  striped?: boolean;
  testId?: string;
}

/**
 * The plain table of the report and admin pages: a bordered card that scrolls sideways on a phone,
 * header, rows, an "empty" line, and an optional bold totals row.
 */
export function DataTable<Row>({ label, columns, rows, rowKey, empty, loading = false, withTotals = false, striped = true, testId }: DataTableProps<Row>) {
  const align = (column: DataColumn<Row>) => (column.numeric ? 'right' : undefined);
  return (
    <Paper withBorder radius="lg" style={{ overflowX: 'auto' }}>
      <Table striped={striped} highlightOnHover={striped} verticalSpacing={8} horizontalSpacing="md" aria-label={label} data-testid={testId}>
        <Table.Thead>
          <Table.Tr>
            {columns.map((column) => (
              <Table.Th key={column.key} ta={align(column)}>
                {column.header}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((row) => (
            <Table.Tr key={rowKey(row)}>
              {columns.map((column) => (
                <Table.Td key={column.key} ta={align(column)}>
                  {column.cell(row)}
                </Table.Td>
              ))}
            </Table.Tr>
          ))}
          {rows.length === 0 && !loading && (
            <Table.Tr>
              <Table.Td colSpan={columns.length}>
                <Text c="dimmed" size="sm">
                  {empty}
                </Text>
              </Table.Td>
            </Table.Tr>
          )}
        </Table.Tbody>
        {withTotals && rows.length > 0 && (
          <Table.Tfoot>
            <Table.Tr fw={700}>
              {columns.map((column) => (
                <Table.Td key={column.key} ta={align(column)}>
                  {column.total}
                </Table.Td>
              ))}
            </Table.Tr>
          </Table.Tfoot>
        )}
      </Table>
    </Paper>
  );
}
