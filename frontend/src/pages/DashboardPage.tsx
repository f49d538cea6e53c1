import { Button, Group, Skeleton, Stack, Tabs, Text } from '@mantine/core';
import { IconBriefcase, IconDownload, IconRefresh, IconUsersGroup } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { isApiError } from '../api/client';
import { dashboardCsvUrl, useDashboard, useRefreshDashboard, type DashboardQuery } from '../api/dashboard';
import { ActivityChart } from '../components/dashboard/ActivityChart';
import { DashboardFilters } from '../components/dashboard/DashboardFilters';
import { Discipline } from '../components/dashboard/Discipline';
import { HiringSection } from '../components/dashboard/HiringSection';
import { IdleAlert } from '../components/dashboard/IdleAlert';
import { KpiCards, KpiSkeleton } from '../components/dashboard/KpiCards';
import { DEFAULT_PRESET, PERIOD_PRESETS, resolvePeriod, validRange, type PeriodPreset, type Range } from '../components/dashboard/period';
import { RepsTable } from '../components/dashboard/RepsTable';
import { Section } from '../components/dashboard/Section';
import { TopPerformers } from '../components/dashboard/TopPerformers';
import { sumDays } from '../components/dashboard/totals';
import { EmptyBox } from '../components/EmptyState';
import { ErrorAlert } from '../components/ErrorAlert';
import { PageHeader } from '../components/PageHeader';
import { DASHBOARD_HIRING_ROLES, hasRole } from '../lib/roles';
import { useCurrentUser } from '../lib/useCurrentUser';

/** A 400 naming the team: a team in the URL that is not (or no longer) one of the caller's. */
const badTeam = (err: unknown) => isApiError(err) && err.status === 400 && err.errors.some((e) => e.field === 'team');

const isPreset = (v: string | null): v is PeriodPreset => !!v && (PERIOD_PRESETS as readonly string[]).includes(v);

/** The sales side: filters in the URL (?team=&period=&from=&to=), KPIs against the previous period, activity, reps. */
function SalesView() {
  const { t, i18n } = useTranslation();
  const user = useCurrentUser();
  const [params, setParams] = useSearchParams();

  const teamRaw = Number(params.get('team'));
  const team = Number.isInteger(teamRaw) && teamRaw > 0 ? teamRaw : null;
  const custom = validRange(params.get('from'), params.get('to'));
  const periodRaw = params.get('period');
  const preset: PeriodPreset = isPreset(periodRaw) && (periodRaw !== 'custom' || custom) ? periodRaw : DEFAULT_PRESET;
  const { current, previous } = resolvePeriod(preset, custom);
  const q: DashboardQuery = { team, ...current };
  const prevQ: DashboardQuery = { team, ...previous };

  const dash = useDashboard(q);
  const prev = useDashboard(prevQ, !dash.isError);
  const refresh = useRefreshDashboard(q);

  const update = (fn: (p: URLSearchParams) => void) =>
    setParams(
      (p) => {
        fn(p);
        return p;
      },
      { replace: true },
    );
  const setTeam = (id: number | null) => update((p) => (id === null ? p.delete('team') : p.set('team', String(id))));
  const setRange = (r: Range) =>
    update((p) => {
      p.set('period', 'custom');
      p.set('from', r.from);
      p.set('to', r.to);
    });
  const setPreset = (v: PeriodPreset) => {
    if (v === 'custom') return setRange(current);
    update((p) => {
      if (v === DEFAULT_PRESET) p.delete('period');
      else p.set('period', v);
      p.delete('from');
      p.delete('to');
    });
  };

  const data = dash.data;
  const stale = dash.isPlaceholderData;
  const prevTotals = prev.isError ? null : prev.data && !prev.isPlaceholderData ? sumDays(prev.data.days) : undefined;

  return (
    <Stack gap="lg">
      <DashboardFilters
        teams={data?.teams ?? []}
        team={team}
        onTeam={setTeam}
        preset={preset}
        onPreset={setPreset}
        current={current}
        previous={previous}
        onCustom={setRange}
      />
      {data && !stale && (
        <Group gap="xs" data-testid="dashboard-as-of">
          <Text size="xs" c="dimmed">
            {t('dashboard.asOf', {
              time: new Date(data.as_of).toLocaleTimeString(i18n.language, { hour: '2-digit', minute: '2-digit', second: '2-digit' }),
            })}
          </Text>
          <Button
            size="compact-xs"
            variant="subtle"
            leftSection={<IconRefresh size={14} />}
            loading={refresh.isPending}
            onClick={() => refresh.mutate()}
            data-testid="dashboard-refresh"
          >
            {t('dashboard.refresh')}
          </Button>
          {refresh.isError && (
            <Text size="xs" c="red">
              {t('dashboard.refreshFailed')}
            </Text>
          )}
        </Group>
      )}
      {dash.isError ? (
        badTeam(dash.error) ? (
          <Stack gap="sm" align="flex-start">
            <ErrorAlert message={t('dashboard.filters.badTeam')} />
            <Button variant="default" onClick={() => setTeam(null)}>
              {t('dashboard.filters.allReps')}
            </Button>
          </Stack>
        ) : (
          <ErrorAlert error={dash.error} onRetry={() => void dash.refetch()} />
        )
      ) : !data ? (
        <Stack gap="lg" aria-busy="true" aria-label={t('common.loading')}>
          <KpiSkeleton />
          <Skeleton height={260} radius="md" />
          <Skeleton height={220} radius="md" />
        </Stack>
      ) : (
        <Stack gap="lg" aria-busy={stale} style={{ opacity: stale ? 0.6 : 1, transition: 'opacity 150ms' }} data-testid="dashboard-sales">
          <KpiCards current={sumDays(data.days)} previous={prevTotals} />
          <IdleAlert reps={data.reps} thresholdHours={data.idle_threshold_hours} />
          <Section title={t('dashboard.chart.title')} description={t('dashboard.chart.description')} testId="activity-section">
            <ActivityChart days={data.days} weeks={data.weeks} from={data.from} />
          </Section>
          <Section
            title={t('dashboard.reps.title')}
            description={t('dashboard.reps.description')}
            testId="reps-section"
            actions={
              <Button
                component="a"
                href={dashboardCsvUrl(q)}
                download
                variant="default"
                leftSection={<IconDownload size={16} aria-hidden />}
                data-testid="reps-csv"
              >
                {t('dashboard.reps.exportCsv')}
              </Button>
            }
          >
            {data.reps.length === 0 ? (
              <EmptyBox title={t('dashboard.reps.empty')} description={t('dashboard.reps.emptyHint')} />
            ) : (
              <div data-testid="reps-table">
                <RepsTable reps={data.reps} repDays={data.rep_days} meId={user.id} />
              </div>
            )}
          </Section>
          <Section title={t('dashboard.top.title')} description={t('dashboard.top.description')} testId="top-section">
            <TopPerformers week={data.top_week} period={data.top_period} scoreWorking={data.score_working} meId={user.id} />
          </Section>
          <Section title={t('dashboard.discipline.title')} description={t('dashboard.discipline.description')} testId="discipline-section">
            <Discipline reps={data.reps} />
          </Section>
        </Stack>
      )}
    </Stack>
  );
}

/**
 * The department dashboard for sales managers, department heads and admins: the team's activity against plan,
 * idle reps, top performers and discipline; for department heads and admins also the hiring side, in its own tab.
 */
export function DashboardPage() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const [params, setParams] = useSearchParams();
  const hiring = hasRole(user, ...DASHBOARD_HIRING_ROLES);
  const view = hiring && params.get('view') === 'hiring' ? 'hiring' : 'sales';
  const setView = (v: string | null) =>
    setParams(
      (p) => {
        if (v === 'hiring') p.set('view', 'hiring');
        else p.delete('view');
        return p;
      },
      { replace: true },
    );

  return (
    <>
      <PageHeader title={t('dashboard.title')} description={t('dashboard.description')} />
      {hiring ? (
        <Tabs value={view} onChange={setView} keepMounted={false}>
          <Tabs.List mb="lg">
            <Tabs.Tab value="sales" leftSection={<IconUsersGroup size={16} aria-hidden />}>
              {t('dashboard.tabs.sales')}
            </Tabs.Tab>
            <Tabs.Tab value="hiring" leftSection={<IconBriefcase size={16} aria-hidden />}>
              {t('dashboard.tabs.hiring')}
            </Tabs.Tab>
          </Tabs.List>
          <Tabs.Panel value="sales">
            <SalesView />
          </Tabs.Panel>
          <Tabs.Panel value="hiring">
            <HiringSection />
          </Tabs.Panel>
        </Tabs>
      ) : (
        <SalesView />
      )}
    </>
  );
}
