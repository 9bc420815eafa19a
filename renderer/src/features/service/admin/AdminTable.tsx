import { Paper, Table, Text } from '@mantine/core';
import type { ReactNode } from 'react';

interface Props {
  label: string;
  /** The header cells, in order. */
  head: ReactNode;
  columns: number;
  /** Shown in one row when there is nothing to list. */
  emptyText: string | null;
  children: ReactNode;
}

/** The striped, scrollable table of a settings list (templates, mailboxes), with its "nothing yet" row. */
export function AdminTable({ label, head, columns, emptyText, children }: Props) {
  return (
    <Paper withBorder radius="lg" style={{ overflowX: 'auto' }}>
      <Table striped verticalSpacing={8} horizontalSpacing="md" aria-label={label}>
        <Table.Thead>
          <Table.Tr>{head}</Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {children}
          {emptyText && (
            <Table.Tr>
              <Table.Td colSpan={columns}>
                <Text c="dimmed" size="sm">
                  {emptyText}
                </Text>
              </Table.Td>
            </Table.Tr>
          )}
        </Table.Tbody>
      </Table>
    </Paper>
  );
}
