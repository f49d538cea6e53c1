import { Group, Progress, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { PlanStaffing } from '../api/types';
import { useFormat } from '../lib/format';

/** A plan's hiring so far: seats filled against planned, per opening, with the days each seat took to fill. */
export function StaffingProgress({ staffing }: { staffing: PlanStaffing }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const pct = staffing.planned > 0 ? (staffing.filled / staffing.planned) * 100 : 0;
  const hires = staffing.openings.flatMap((o) => o.hires.map((h) => ({ ...h, opening: o.title })));
  return (
    <Stack gap="sm" data-testid="plan-staffing">
      <Group justify="space-between">
        <Text fw={600}>{t('plan.staffing.filled', { filled: staffing.filled, planned: staffing.planned })}</Text>
        <Text size="sm" c="dimmed">
          {fmt.percent(pct / 100)}
        </Text>
      </Group>
      <Progress value={pct} aria-label={t('plan.staffing.progress')} />
      {staffing.openings.map((o) => (
        <Group key={o.opening_id} justify="space-between" wrap="nowrap">
          <Text size="sm">{o.title}</Text>
          <Text size="sm" c="dimmed">
            {t('plan.staffing.seats', { filled: o.filled, seats: o.seats })}
          </Text>
        </Group>
      ))}
      {hires.length > 0 && (
        <Table striped withTableBorder fz="sm">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('plan.staffing.hire')}</Table.Th>
              <Table.Th>{t('plan.staffing.opening')}</Table.Th>
              <Table.Th>{t('plan.staffing.start')}</Table.Th>
              <Table.Th ta="right">{t('plan.staffing.daysToFill')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {hires.map((h) => (
              <Table.Tr key={`${h.opening}-${h.name}-${h.hired_at}`}>
                <Table.Td>{h.name}</Table.Td>
                <Table.Td>{h.opening}</Table.Td>
                <Table.Td>{fmt.date(h.start_date)}</Table.Td>
                <Table.Td ta="right">{fmt.number(h.days_to_fill, 1)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}
