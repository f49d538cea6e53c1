import { Button, Paper, Select, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { IconDownload } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { getPipelineReport, pipelineReportCsvUrl, type PipelineReport } from '../api/public';
import { useOpenings } from '../api/queries';
import { BarChart } from '../components/BarChart';
import { DataTable } from '../components/DataTable';
import { PageHeader } from '../components/PageHeader';
import { QueryView } from '../components/QueryView';
import { formatHours } from '../lib/duration';
import { useFormat } from '../lib/format';

/** The recruiting report: where candidates stand, how they move on, how fast, and which sources pay off. */
export function ReportsPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const raw = Number(params.get('opening'));
  const openingId = Number.isInteger(raw) && raw > 0 ? raw : null;
  const openings = useOpenings();
  const report = useQuery({
    queryKey: ['reports', 'pipeline', openingId ?? 'all'],
    queryFn: () => getPipelineReport(openingId),
  });

  const titles = (openings.data ?? []).map((o) => o.title);
  const choices = [
    { value: 'all', label: t('reports.allOpenings') },
    ...[...(openings.data ?? [])]
      .sort((a, b) => a.title.localeCompare(b.title) || a.id - b.id)
      .map((o) => ({
        value: String(o.id),
        // Openings of one plan may share a title: tell them apart by role and number.
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
      <PageHeader
        title={t('reports.title')}
        description={t('reports.description')}
        actions={
          <Button
            component="a"
            href={pipelineReportCsvUrl(openingId)}
            download
            variant="default"
            leftSection={<IconDownload size={16} aria-hidden />}
            data-testid="report-csv"
          >
            {t('reports.exportCsv')}
          </Button>
        }
      />
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
      <QueryView
        error={report.error}
        pending={report.isPending}
        empty={report.data?.total === 0}
        onRetry={() => void report.refetch()}
        emptyTitle={t('reports.empty')}
        emptyHint={t('reports.emptyHint')}
      >
        {report.data && <ReportView report={report.data} />}
      </QueryView>
    </>
  );
}

function Stat({ label, value, hint, testId }: { label: string; value: ReactNode; hint?: string; testId?: string }) {
  return (
    <Paper withBorder radius="md" p="md">
      <Text size="sm" c="dimmed">
        {label}
      </Text>
      <Text size="xl" fw={700} data-testid={testId}>
        {value}
      </Text>
      {hint && (
        <Text size="xs" c="dimmed">
          {hint}
        </Text>
      )}
    </Paper>
  );
}

function Section({ title, description, children, testId }: { title: string; description: string; children: ReactNode; testId?: string }) {
  return (
    <Paper withBorder radius="md" p={{ base: 'sm', sm: 'lg' }} component="section" data-testid={testId}>
      <Stack gap="md">
        <div>
          <Title order={2} size="h4">
            {title}
          </Title>
          <Text size="sm" c="dimmed">
            {description}
          </Text>
        </div>
        {children}
      </Stack>
    </Paper>
  );
}

function ReportView({ report: r }: { report: PipelineReport }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const stage = (s: string) => t(`stage.${s}`, { defaultValue: s });
  const source = (s: string) => t(`source.${s}`, { defaultValue: s });
  const hired = r.stages.find((s) => s.stage === 'hired')?.reached ?? 0;
  const rejected = r.closed.rejected ?? 0;
  const withdrawn = r.closed.withdrawn ?? 0;
  const dash = <Text span c="dimmed">—</Text>;

  return (
    <Stack gap="lg">
      <SimpleGrid cols={{ base: 2, md: 4 }}>
        <Stat label={t('reports.total')} value={fmt.number(r.total)} testId="report-total" />
        <Stat label={t('reports.hired')} value={fmt.number(hired)} />
        <Stat
          label={t('reports.firstContact')}
          value={r.median_first_contact_hours == null ? t('reports.none') : formatHours(r.median_first_contact_hours, t)}
          hint={t('reports.contacted', { count: r.contacted, total: r.total })}
        />
        <Stat
          label={t('reports.closed')}
          value={fmt.number(rejected + withdrawn)}
          hint={t('reports.closedHint', { rejected, withdrawn })}
        />
      </SimpleGrid>

      <Section title={t('reports.stages.title')} description={t('reports.stages.description')} testId="report-stages">
        <BarChart
          title={t('reports.stages.title')}
          testId="stage-chart"
          format={(n) => fmt.number(n)}
          series={[
            { key: 'current', label: t('reports.stages.current'), color: 'indigo' },
            { key: 'reached', label: t('reports.stages.reached'), color: 'teal' },
          ]}
          rows={r.stages.map((s) => ({ label: stage(s.stage), values: { current: s.current, reached: s.reached } }))}
        />
        <DataTable
          minWidth={640}
          columns={[
            { label: t('reports.stages.stage') },
            { label: t('reports.stages.current'), align: 'right' },
            { label: t('reports.stages.reached'), align: 'right' },
            { label: t('reports.stages.passThrough'), align: 'right' },
            { label: t('reports.stages.medianTime'), align: 'right' },
          ]}
        >
          {r.stages.map((s) => (
            <Table.Tr key={s.stage}>
              <Table.Td>{stage(s.stage)}</Table.Td>
              <Table.Td ta="right">{fmt.number(s.current)}</Table.Td>
              <Table.Td ta="right">{fmt.number(s.reached)}</Table.Td>
              <Table.Td ta="right">
                {s.pass_through_percent == null ? dash : fmt.percent(s.pass_through_percent / 100)}
              </Table.Td>
              <Table.Td ta="right">
                {s.median_hours == null ? dash : formatHours(s.median_hours, t)}
              </Table.Td>
            </Table.Tr>
          ))}
        </DataTable>
      </Section>

      <Section title={t('reports.sources.title')} description={t('reports.sources.description')} testId="report-sources">
        {r.sources.length === 0 ? (
          <Text c="dimmed" size="sm">
            {t('reports.sources.empty')}
          </Text>
        ) : (
          <>
            <BarChart
              title={t('reports.sources.title')}
              testId="source-chart"
              format={(n) => fmt.number(n)}
              series={[
                { key: 'applications', label: t('reports.sources.applications'), color: 'indigo' },
                { key: 'screened', label: t('reports.sources.screened'), color: 'cyan' },
                { key: 'interviewed', label: t('reports.sources.interviewed'), color: 'teal' },
                { key: 'hired', label: t('reports.sources.hired'), color: 'green' },
              ]}
              rows={r.sources.map((s) => ({
                label: source(s.source),
                values: { applications: s.applications, screened: s.screened, interviewed: s.interviewed, hired: s.hired },
              }))}
            />
            <DataTable
              minWidth={560}
              columns={[
                { label: t('reports.sources.source') },
                { label: t('reports.sources.applications'), align: 'right' },
                { label: t('reports.sources.screened'), align: 'right' },
                { label: t('reports.sources.interviewed'), align: 'right' },
                { label: t('reports.sources.hired'), align: 'right' },
              ]}
            >
              {r.sources.map((s) => (
                <Table.Tr key={s.source}>
                  <Table.Td>{source(s.source)}</Table.Td>
                  <Table.Td ta="right">{fmt.number(s.applications)}</Table.Td>
                  <Table.Td ta="right">{fmt.number(s.screened)}</Table.Td>
                  <Table.Td ta="right">{fmt.number(s.interviewed)}</Table.Td>
                  <Table.Td ta="right">{fmt.number(s.hired)}</Table.Td>
                </Table.Tr>
              ))}
            </DataTable>
          </>
        )}
      </Section>
    </Stack>
  );
}
