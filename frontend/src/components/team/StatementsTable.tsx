import { ActionIcon, Anchor, Checkbox, Grid, Group, Paper, Table, Text, Title, VisuallyHidden } from '@mantine/core';
import { IconChevronDown, IconChevronRight } from '@tabler/icons-react';
import { Fragment, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { PayStatement } from '../../api/team';
import { useFormat } from '../../lib/format';
import { monthLabel, statementLabel, sumOf } from '../../lib/team';
import { DataTable } from '../DataTable';
import { EvaluationView, RampBadge, StatementStatusBadge } from './TeamBits';

/**
 * Pay statements, one row each: the month of employment (the ramp's marked), base, commission, bonus,
 * penalty and total in the plan's currency, and the status (approved ones are locked). A row opens to show
 * its lines and the evaluation's working. With `selection`, drafts get a checkbox.
 */
export function StatementsTable({
  rows,
  selection,
  showEmployee = true,
  showMonth = false,
  linkEmployee = false,
}: {
  rows: PayStatement[];
  selection?: { selected: Set<number>; toggle: (id: number) => void; setAll: (ids: number[]) => void };
  showEmployee?: boolean;
  showMonth?: boolean;
  linkEmployee?: boolean;
}) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const [open, setOpen] = useState<Set<number>>(new Set());
  const toggleOpen = (id: number) =>
    setOpen((s) => {
      const n = new Set(s);
      if (n.has(id)) n.delete(id);
      else n.add(id);
      return n;
    });
  const drafts = rows.filter((r) => r.status !== 'approved').map((r) => r.id);
  const allChecked = !!selection && drafts.length > 0 && drafts.every((id) => selection.selected.has(id));
  const someChecked = !!selection && drafts.some((id) => selection.selected.has(id));

  const columns = [
    ...(selection
      ? [
          {
            label: (
              <Checkbox
                aria-label={t('payStatements.selectAll')}
                checked={allChecked}
                indeterminate={someChecked && !allChecked}
                disabled={drafts.length === 0}
                onChange={() => selection.setAll(allChecked ? [] : drafts)}
              />
            ),
          },
        ]
      : []),
    { label: <VisuallyHidden>{t('payStatements.details')}</VisuallyHidden> },
    ...(showEmployee ? [{ label: t('payStatements.col.employee') }] : []),
    ...(showMonth ? [{ label: t('payStatements.col.month') }] : []),
    { label: t('payStatements.col.monthIndex') },
    { label: t('payStatements.col.base'), align: 'right' as const },
    { label: t('payStatements.col.commission'), align: 'right' as const },
    { label: t('payStatements.col.bonus'), align: 'right' as const },
    { label: t('payStatements.col.penalty'), align: 'right' as const },
    { label: t('payStatements.col.total'), align: 'right' as const },
    { label: t('payStatements.col.status') },
  ];
  const money = (n: number, c: string) => (
    <Text span size="sm" style={{ whiteSpace: 'nowrap' }}>
      {fmt.money(n, c)}
    </Text>
  );

  return (
    <div data-testid="statements-table">
      <DataTable minWidth={900} columns={columns}>
        {rows.map((s) => {
          const c = s.currency;
          const lines = s.statement.lines ?? [];
          const approved = s.status === 'approved';
          const isOpen = open.has(s.id);
          return (
            <Fragment key={s.id}>
              <Table.Tr data-testid="statement-row" bg={approved ? 'var(--mantine-color-gray-0)' : undefined}>
                {selection && (
                  <Table.Td>
                    <Checkbox
                      aria-label={t('payStatements.select', { name: s.employee.name })}
                      checked={selection.selected.has(s.id)}
                      disabled={approved}
                      onChange={() => selection.toggle(s.id)}
                    />
                  </Table.Td>
                )}
                <Table.Td w={40}>
                  <ActionIcon
                    variant="subtle"
                    color="gray"
                    onClick={() => toggleOpen(s.id)}
                    aria-expanded={isOpen}
                    aria-label={isOpen ? t('payStatements.hideDetails', { name: s.employee.name }) : t('payStatements.showDetails', { name: s.employee.name })}
                  >
                    {isOpen ? <IconChevronDown size={16} aria-hidden /> : <IconChevronRight size={16} aria-hidden />}
                  </ActionIcon>
                </Table.Td>
                {showEmployee && (
                  <Table.Td>
                    {linkEmployee ? (
                      <Anchor component={Link} to={`/team/${s.employee_id}?month=${s.month}`} fw={600}>
                        {s.employee.name}
                      </Anchor>
                    ) : (
                      <Text span fw={600}>
                        {s.employee.name}
                      </Text>
                    )}
                  </Table.Td>
                )}
                {showMonth && <Table.Td style={{ whiteSpace: 'nowrap' }}>{monthLabel(s.month, fmt.locale)}</Table.Td>}
                <Table.Td style={{ whiteSpace: 'nowrap' }}>
                  <Group gap={6} wrap="nowrap">
                    {t('payStatements.monthN', { n: s.month_index })}
                    {s.statement.ramp && <RampBadge label={t('payStatements.ramp')} />}
                  </Group>
                </Table.Td>
                <Table.Td ta="right">{money(sumOf(lines, 'base'), c)}</Table.Td>
                <Table.Td ta="right">{money(sumOf(lines, 'commission'), c)}</Table.Td>
                <Table.Td ta="right">{money(sumOf(lines, 'bonus'), c)}</Table.Td>
                <Table.Td ta="right">{money(sumOf(lines, 'penalty'), c)}</Table.Td>
                <Table.Td ta="right">
                  <Text span fw={700} size="sm" style={{ whiteSpace: 'nowrap' }}>
                    {fmt.money(s.total, c)}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <StatementStatusBadge status={s.status} />
                  {approved && s.approved_at && (
                    <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
                      {fmt.dateTime(s.approved_at)}
                    </Text>
                  )}
                </Table.Td>
              </Table.Tr>
              {isOpen && (
                <Table.Tr data-testid="statement-details">
                  <Table.Td colSpan={columns.length}>
                    <Grid gap="md" py="xs">
                      <Grid.Col span={{ base: 12, md: 6 }}>
                        <Paper withBorder radius="md" p="sm">
                          <Title order={3} size="h6" mb="xs">
                            {t('payStatements.lines')}
                          </Title>
                          <Table fz="sm" verticalSpacing={4}>
                            <Table.Tbody>
                              {lines.map((l, i) => (
                                <Table.Tr key={i}>
                                  <Table.Td>{statementLabel(l, t, fmt, c)}</Table.Td>
                                  <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                                    {fmt.money(l.amount, c)}
                                  </Table.Td>
                                </Table.Tr>
                              ))}
                              <Table.Tr>
                                <Table.Td fw={700}>{t('payStatements.col.total')}</Table.Td>
                                <Table.Td ta="right" fw={700} style={{ whiteSpace: 'nowrap' }}>
                                  {fmt.money(s.total, c)}
                                </Table.Td>
                              </Table.Tr>
                            </Table.Tbody>
                          </Table>
                        </Paper>
                      </Grid.Col>
                      <Grid.Col span={{ base: 12, md: 6 }}>
                        <Paper withBorder radius="md" p="sm">
                          <Title order={3} size="h6" mb="xs">
                            {t('payStatements.evaluation')}
                          </Title>
                          <EvaluationView evaluation={s.evaluation} currency={c} />
                        </Paper>
                      </Grid.Col>
                    </Grid>
                  </Table.Td>
                </Table.Tr>
              )}
            </Fragment>
          );
        })}
      </DataTable>
    </div>
  );
}
