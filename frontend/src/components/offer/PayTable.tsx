import { Badge, Paper, Table, Text, Tooltip } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Pay, PayScenario, PayTable as PayTableData } from '../../api/offers';
import { useFormat } from '../../lib/format';

/** "low", "target", "high" (the server's default scenarios) in the reader's language; other names as given. */
function scenarioName(s: PayScenario, t: (k: string, o?: Record<string, unknown>) => string): string {
  return t(`payTable.scenario.${s.name}`, { defaultValue: s.name });
}

/**
 * What a pay plan pays each month for a few monthly sales figures: one row per month (the ramp's months
 * marked), per scenario the total with its base and commission beneath, and the first year's totals.
 */
export function PayTable({ table, currency, caption }: { table: PayTableData; currency: string; caption?: string }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const money = (n: number) => fmt.money(n, currency);
  const cell = (p: Pay) => (
    <Tooltip
      label={t('payTable.breakdown', { base: money(p.base), commission: money(p.commission) })}
      withArrow
      openDelay={200}
    >
      <div>
        <Text size="sm" fw={600} style={{ whiteSpace: 'nowrap' }}>
          {money(p.total)}
        </Text>
        <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
          {t('payTable.parts', { base: money(p.base), commission: money(p.commission) })}
          {p.capped && (
            <Badge ml={4} size="xs" color="orange" variant="light" tt="none">
              {t('payTable.capped')}
            </Badge>
          )}
        </Text>
      </div>
    </Tooltip>
  );
  const months = table.rows.length;
  return (
    <Paper withBorder radius="md" data-testid="pay-table">
      <Table.ScrollContainer minWidth={100 + 140 * table.scenarios.length}>
        <Table verticalSpacing={6} fz="sm" striped="even" stickyHeader>
          {caption && <Table.Caption>{caption}</Table.Caption>}
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('payTable.month')}</Table.Th>
              {table.scenarios.map((s, i) => (
                <Table.Th key={i} ta="right">
                  <div>{scenarioName(s, t)}</div>
                  <Text size="xs" c="dimmed" fw={400}>
                    {t('payTable.salesPerMonth', { sales: money(s.sales) })}
                  </Text>
                </Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {table.rows.map((r) => (
              <Table.Tr key={r.month} data-testid="pay-row">
                <Table.Td style={{ whiteSpace: 'nowrap' }}>
                  {t('payTable.monthN', { n: r.month })}
                  {r.ramp && (
                    <Badge ml={6} size="xs" color="grape" variant="light" tt="none">
                      {t('payTable.ramp')}
                    </Badge>
                  )}
                </Table.Td>
                {r.pay.map((p, i) => (
                  <Table.Td key={i} ta="right">
                    {cell(p)}
                  </Table.Td>
                ))}
              </Table.Tr>
            ))}
          </Table.Tbody>
          <Table.Tfoot>
            <Table.Tr>
              <Table.Th>{months === 12 ? t('payTable.firstYear') : t('payTable.firstMonths', { count: months })}</Table.Th>
              {table.totals.map((total, i) => (
                <Table.Th key={i} ta="right" style={{ whiteSpace: 'nowrap' }} data-testid="pay-total">
                  {money(total)}
                </Table.Th>
              ))}
            </Table.Tr>
          </Table.Tfoot>
        </Table>
      </Table.ScrollContainer>
    </Paper>
  );
}
