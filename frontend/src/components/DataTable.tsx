import { Paper, Table } from '@mantine/core';
import type { ReactNode } from 'react';

/** A column heading of a DataTable. */
export interface Column {
  label: ReactNode;
  align?: 'left' | 'right';
  /** For a sortable column: how the rows are sorted by it (aria-sort). */
  sort?: 'ascending' | 'descending' | 'none';
}

/** A bordered, horizontally scrollable table with a header row; children are its rows. */
export function DataTable(props: { columns: Column[]; minWidth: number; spacious?: boolean; children: ReactNode }) {
  return (
    <Paper withBorder radius="md">
      <Table.ScrollContainer minWidth={props.minWidth}>
        <Table verticalSpacing={props.spacious ? 'sm' : undefined}>
          <Table.Thead>
            <Table.Tr>
              {props.columns.map((c, i) => (
                <Table.Th key={i} ta={c.align} aria-sort={c.sort}>
                  {c.label}
                </Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>{props.children}</Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Paper>
  );
}
