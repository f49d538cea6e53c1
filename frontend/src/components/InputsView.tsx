import { Table } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { SizingInput } from '../api/types';
import { useFormat } from '../lib/format';
import { SIZING_FIELDS } from '../lib/sizing';

/** The plan's inputs as a read-only two-column table. */
export function InputsView({ inputs, currency }: { inputs: SizingInput; currency: string }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  return (
    <Table variant="vertical" layout="fixed" withTableBorder={false} highlightOnHover={false}>
      <Table.Tbody>
        {SIZING_FIELDS.map((f) => {
          const v = inputs[f.name];
          const shown = f.money ? fmt.money(v, currency) : f.percent ? fmt.percent(v) : fmt.number(v);
          return (
            <Table.Tr key={f.name}>
              <Table.Th w="60%" fw={500}>
                {t(`fields.${f.name}.label`)}
              </Table.Th>
              <Table.Td ta="right">{shown}</Table.Td>
            </Table.Tr>
          );
        })}
      </Table.Tbody>
    </Table>
  );
}
