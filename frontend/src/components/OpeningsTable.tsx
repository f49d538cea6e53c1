import { Anchor, Table, Text } from '@mantine/core';
import type { MouseEvent, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import type { Opening } from '../api/types';
import { useFormat } from '../lib/format';
import { StageCounts } from './StageBadge';
import { StatusBadge } from './StatusBadge';

/** Clicks on a link, button or input inside a row do their own thing rather than open the row. */
function fromControl(e: MouseEvent): boolean {
  return !!(e.target as HTMLElement).closest('a, button, input, textarea, [role="button"], [role="menuitem"]');
}

/**
 * Openings as a table; a row (or its title, for the keyboard) opens the opening. With planTitles the plan
 * column links each to its plan; with pipeline each row counts its candidates per stage; actions adds a
 * last column of per-row buttons.
 */
export function OpeningsTable({
  openings,
  planTitles,
  pipeline,
  actions,
  testId,
}: {
  openings: Opening[];
  planTitles?: Map<number, string>;
  pipeline?: boolean;
  actions?: (o: Opening) => ReactNode;
  testId?: string;
}) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const navigate = useNavigate();
  return (
    <Table.ScrollContainer minWidth={pipeline ? 900 : 560}>
      <Table data-testid={testId} highlightOnHover>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('openings.col.title')}</Table.Th>
            <Table.Th>{t('openings.col.role')}</Table.Th>
            <Table.Th ta="right">{t('openings.col.seats')}</Table.Th>
            <Table.Th>{t('openings.col.status')}</Table.Th>
            {pipeline && <Table.Th>{t('openings.col.pipeline')}</Table.Th>}
            {planTitles && <Table.Th>{t('openings.col.plan')}</Table.Th>}
            <Table.Th>{t('openings.col.opened')}</Table.Th>
            {actions && <Table.Th>{t('openings.col.actions')}</Table.Th>}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {openings.map((o) => (
            <Table.Tr
              key={o.id}
              style={{ cursor: 'pointer' }}
              onClick={(e) => {
                if (!fromControl(e)) navigate(`/openings/${o.id}`);
              }}
            >
              <Table.Td fw={500}>
                <Anchor component={Link} to={`/openings/${o.id}`} c="inherit" fw={500} size="sm">
                  {o.title}
                </Anchor>
              </Table.Td>
              <Table.Td>{t(`roles.${o.role}`, { defaultValue: o.role })}</Table.Td>
              <Table.Td ta="right">{fmt.number(o.seats)}</Table.Td>
              <Table.Td>
                <StatusBadge status={o.status} size="sm" />
              </Table.Td>
              {pipeline && (
                <Table.Td>
                  <StageCounts counts={o.counts} />
                </Table.Td>
              )}
              {planTitles && (
                <Table.Td>
                  {o.plan_id !== null ? (
                    <Anchor component={Link} to={`/plans/${o.plan_id}`} size="sm">
                      {planTitles.get(o.plan_id) ?? t('openings.planNumber', { id: o.plan_id })}
                    </Anchor>
                  ) : (
                    <Text size="sm" c="dimmed">
                      {t('openings.noPlan')}
                    </Text>
                  )}
                </Table.Td>
              )}
              <Table.Td>{fmt.date(o.created_at)}</Table.Td>
              {actions && <Table.Td>{actions(o)}</Table.Td>}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
