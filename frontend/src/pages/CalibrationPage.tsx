import { Badge, Group, List, Paper, Select, Stack, Table, Text, Title, Tooltip } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { useCalibration, useOpenings } from '../api/queries';
import type { CalibrationRow } from '../api/types';
import { DataTable } from '../components/DataTable';
import { PageHeader } from '../components/PageHeader';
import { QueryView } from '../components/QueryView';
import { formatHours } from '../lib/duration';
import { useFormat } from '../lib/format';

/** A panel deviation at least this far from zero (in points of the 1-5 scale) is worth a calibration talk. */
const CONCERN = 0.75;

/** How interviewers score compared with the rest of their panels, and how promptly they hand in scorecards. */
export function CalibrationPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const raw = Number(params.get('opening'));
  const openingId = Number.isInteger(raw) && raw > 0 ? raw : null;
  const openings = useOpenings();
  const calibration = useCalibration(openingId);

  const titles = (openings.data ?? []).map((o) => o.title);
  const choices = [
    { value: 'all', label: t('reports.allOpenings') },
    ...[...(openings.data ?? [])]
      .sort((a, b) => a.title.localeCompare(b.title) || a.id - b.id)
      .map((o) => ({
        value: String(o.id),
        label:
          titles.filter((x) => x === o.title).length > 1
            ? `${o.title} (${t(`roles.${o.role}`, { defaultValue: o.role })}, #${o.id})`
            : o.title,
      })),
  ];
  const choose = (v: string | null) =>
    setParams(
      (p) => {
        if (!v || v === 'all') p.delete('opening');
        else p.set('opening', v);
        return p;
      },
      { replace: true },
    );

  return (
    <>
      <PageHeader title={t('calibration.title')} description={t('calibration.description')} />
      <Select
        label={t('reports.opening')}
        data={choices}
        value={openingId ? String(openingId) : 'all'}
        onChange={choose}
        allowDeselect={false}
        searchable
        nothingFoundMessage={t('reports.noOpeningFound')}
        maw={420}
        mb="lg"
        disabled={openings.isPending}
      />
      <Stack gap="lg">
        <QueryView
          error={calibration.error}
          pending={calibration.isPending}
          empty={(calibration.data ?? []).length === 0}
          onRetry={() => void calibration.refetch()}
          emptyTitle={t('calibration.empty')}
          emptyHint={t('calibration.emptyHint')}
        >
          <CalibrationTable rows={calibration.data ?? []} />
        </QueryView>
        <Measures />
      </Stack>
    </>
  );
}

function Deviation({ value }: { value: number | null }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  if (value == null) return <Text span c="dimmed">—</Text>;
  const shown = fmt.number(Math.abs(value), 1);
  const concern = Math.abs(value) >= CONCERN;
  const text =
    Math.abs(value) < 0.05
      ? t('calibration.inLine')
      : value > 0
        ? t('calibration.above', { value: shown })
        : t('calibration.below', { value: shown });
  if (!concern)
    return (
      <Text span size="sm" style={{ whiteSpace: 'nowrap' }}>
        {text}
      </Text>
    );
  return (
    <Tooltip label={t('calibration.concernHint', { threshold: fmt.number(CONCERN) })} multiline w={260} withArrow>
      <Group gap={4} wrap="nowrap" justify="flex-end" data-concern="true">
        <IconAlertTriangle size={14} color="var(--mantine-color-orange-7)" aria-hidden />
        <Text span size="sm" fw={700} c="orange.8" style={{ whiteSpace: 'nowrap' }}>
          {text}
        </Text>
        <Badge size="xs" color="orange" variant="light">
          {t('calibration.concern')}
        </Badge>
      </Group>
    </Tooltip>
  );
}

function CalibrationTable({ rows }: { rows: CalibrationRow[] }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const dash = <Text span c="dimmed">—</Text>;
  const sorted = [...rows].sort((a, b) => a.interviewer.name.localeCompare(b.interviewer.name));
  return (
    <div data-testid="calibration-table">
      <DataTable
        minWidth={860}
        columns={[
          { label: t('calibration.col.interviewer') },
          { label: t('calibration.col.scorecards'), align: 'right' },
          { label: t('calibration.col.average'), align: 'right' },
          { label: t('calibration.col.deviation'), align: 'right' },
          { label: t('calibration.col.distance'), align: 'right' },
          { label: t('calibration.col.late'), align: 'right' },
          { label: t('calibration.col.pending'), align: 'right' },
          { label: t('calibration.col.median'), align: 'right' },
        ]}
      >
        {sorted.map((r) => {
          // Without scorecards there is no average; without a panel to compare with, no deviation.
          const scored = r.scorecards > 0;
          const compared = scored && r.compared !== 0;
          const deviation = compared ? r.panel_deviation : null;
          const distance = compared ? r.panel_distance : null;
          const concern = deviation != null && Math.abs(deviation) >= CONCERN;
          return (
            <Table.Tr key={r.interviewer.id} bg={concern ? 'orange.0' : undefined} data-testid={`calibration-row-${r.interviewer.id}`}>
              <Table.Th scope="row" fw={500}>
                {r.interviewer.name}
              </Table.Th>
              <Table.Td ta="right" data-testid="calibration-scorecards">
                {fmt.number(r.scorecards)}
              </Table.Td>
              <Table.Td ta="right">{!scored || r.average_score == null ? dash : fmt.number(r.average_score, 2)}</Table.Td>
              <Table.Td ta="right">
                <Deviation value={deviation} />
              </Table.Td>
              <Table.Td ta="right">{distance == null ? dash : fmt.number(distance, 2)}</Table.Td>
              <Table.Td ta="right" c={r.late > 0 ? 'orange.8' : undefined}>
                {fmt.number(r.late)}
              </Table.Td>
              <Table.Td ta="right" c={r.pending > 0 ? 'red.8' : undefined} fw={r.pending > 0 ? 700 : undefined}>
                {fmt.number(r.pending)}
              </Table.Td>
              <Table.Td ta="right">
                {!scored || r.median_hours_to_submit == null ? dash : formatHours(r.median_hours_to_submit, t)}
              </Table.Td>
            </Table.Tr>
          );
        })}
      </DataTable>
    </div>
  );
}

/** What each column means, in plain words. */
function Measures() {
  const { t } = useTranslation();
  const fmt = useFormat();
  const items = ['scorecards', 'average', 'deviation', 'distance', 'late', 'pending', 'median'] as const;
  return (
    <Paper withBorder radius="md" p={{ base: 'sm', sm: 'lg' }} component="section" aria-labelledby="measures-heading">
      <Title order={2} size="h4" id="measures-heading" mb="sm">
        {t('calibration.measures')}
      </Title>
      <List size="sm" spacing={6}>
        {items.map((k) => (
          <List.Item key={k}>
            <Text span fw={600} size="sm">
              {t(`calibration.col.${k}`)}:
            </Text>{' '}
            {t(`calibration.explain.${k}`, { threshold: fmt.number(CONCERN) })}
          </List.Item>
        ))}
      </List>
    </Paper>
  );
}
