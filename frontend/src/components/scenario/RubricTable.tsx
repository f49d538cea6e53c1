import { Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Rubric } from '../../api/types';
import { DataTable } from '../DataTable';

/** A rubric's competencies with what a 1, a 3 and a 5 look like; lang is the language the rubric is written in. */
export function RubricTable({ rubric, lang }: { rubric: Rubric; lang: string }) {
  const { t } = useTranslation();
  const competencies = rubric.competencies ?? [];
  return (
    <DataTable
      minWidth={760}
      spacious
      columns={[
        { label: t('scenario.col.competency') },
        { label: t('scenario.col.anchor_1') },
        { label: t('scenario.col.anchor_3') },
        { label: t('scenario.col.anchor_5') },
      ]}
    >
      {competencies.map((c) => (
        <Table.Tr key={c.id} lang={lang} style={{ verticalAlign: 'top' }}>
          <Table.Th scope="row" w="16%">
            <Text size="sm" fw={600}>
              {c.name}
            </Text>
          </Table.Th>
          <Table.Td w="28%">
            <Text size="sm">{c.anchor_1}</Text>
          </Table.Td>
          <Table.Td w="28%">
            <Text size="sm">{c.anchor_3}</Text>
          </Table.Td>
          <Table.Td w="28%">
            <Text size="sm">{c.anchor_5}</Text>
          </Table.Td>
        </Table.Tr>
      ))}
    </DataTable>
  );
}
