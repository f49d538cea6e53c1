import { Anchor, Table } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Opening } from '../api/types';
import { useFormat } from '../lib/format';
import { StatusBadge } from './StatusBadge';

/** Openings as a table; with planTitles the plan column links each to its plan. */
export function OpeningsTable({
  openings,
  planTitles,
  testId,
}: {
  openings: Opening[];
  planTitles?: Map<number, string>;
  testId?: string;
}) {
  const { t } = useTranslation();
  const fmt = useFormat();
  return (
    <Table.ScrollContainer minWidth={560}>
      <Table data-testid={testId}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('openings.col.title')}</Table.Th>
            <Table.Th>{t('openings.col.role')}</Table.Th>
            <Table.Th ta="right">{t('openings.col.seats')}</Table.Th>
            <Table.Th>{t('openings.col.status')}</Table.Th>
            {planTitles && <Table.Th>{t('openings.col.plan')}</Table.Th>}
            <Table.Th>{t('openings.col.opened')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {openings.map((o) => (
            <Table.Tr key={o.id}>
              <Table.Td fw={500}>{o.title}</Table.Td>
              <Table.Td>{t(`roles.${o.role}`, { defaultValue: o.role })}</Table.Td>
              <Table.Td ta="right">{fmt.number(o.seats)}</Table.Td>
              <Table.Td>
                <StatusBadge status={o.status} size="sm" />
              </Table.Td>
              {planTitles && (
                <Table.Td>
                  <Anchor component={Link} to={`/plans/${o.plan_id}`} size="sm">
                    {planTitles.get(o.plan_id) ?? t('openings.planNumber', { id: o.plan_id })}
                  </Anchor>
                </Table.Td>
              )}
              <Table.Td>{fmt.date(o.created_at)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
