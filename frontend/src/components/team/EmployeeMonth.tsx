import { Alert, Badge, Button, Grid, Group, NumberInput, Paper, Progress, Select, Skeleton, Stack, Text, Textarea, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { IconAlertCircle, IconCheck, IconX } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldErrors, isApiError } from '../../api/client';
import { decideExcuse, fileExcuse, setMonthlyPlan, teamKeys, type Employee, type Excuse } from '../../api/team';
import { errorMessage } from '../../lib/errors';
import { useFormat } from '../../lib/format';
import { hasRole, TEAM_READER_ROLES } from '../../lib/roles';
import { addMonths, monthLabel, monthRange, thisMonth, today } from '../../lib/team';
import { useCurrentUser } from '../../lib/useCurrentUser';
import { ErrorAlert } from '../ErrorAlert';
import { EvaluationView, ExcuseStatusBadge, MonthSelect, RampBadge } from './TeamBits';

function Card({ title, id, actions, children }: { title: string; id: string; actions?: ReactNode; children: ReactNode }) {
  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby={id}>
      <Group justify="space-between" mb="md" gap="sm" wrap="wrap">
        <Title order={2} size="h4" id={id}>
          {title}
        </Title>
        {actions}
      </Group>
      {children}
    </Paper>
  );
}

/** The pay plan in words: the ramp's terms until it ends, then the later ones. */
function PayPlanCard({ employee }: { employee: Employee }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const p = employee.plan;
  const money = (n: number) => fmt.money(n, p.currency);
  const inRamp = p.ramp_months > 0 && today() < employee.ramp_ends;
  return (
    <Card title={t('team.payPlan')} id="employee-plan" actions={inRamp ? <RampBadge /> : undefined}>
      <Stack gap="xs" data-testid="employee-pay-plan">
        <Text size="sm">
          {t('team.startedOn', { date: fmt.date(employee.start_date) })}
          {' · '}
          {t(`roles.${employee.role}`, { defaultValue: employee.role })}
        </Text>
        {p.ramp_months > 0 ? (
          <>
            <Text size="sm">
              <Text span fw={600}>
                {t('team.rampTerms', { count: p.ramp_months })}
              </Text>{' '}
              {t('team.terms', { base: money(p.ramp_base), pct: fmt.number(p.ramp_commission_pct) })}
              {' · '}
              {t('team.rampUntil', { date: fmt.date(employee.ramp_ends) })}
            </Text>
            <Text size="sm">
              <Text span fw={600}>
                {t('team.laterTerms')}
              </Text>{' '}
              {t('team.terms', { base: money(p.base), pct: fmt.number(p.commission_pct) })}
            </Text>
          </>
        ) : (
          <Text size="sm">{t('team.terms', { base: money(p.base), pct: fmt.number(p.commission_pct) })}</Text>
        )}
        {p.monthly_target > 0 && (
          <Text size="sm" c="dimmed">
            {p.accelerator_pct > 0
              ? t('team.accelerator', { target: money(p.monthly_target), pct: fmt.number(p.accelerator_pct) })
              : t('team.target', { target: money(p.monthly_target) })}
          </Text>
        )}
        {p.commission_cap > 0 && (
          <Text size="sm" c="dimmed">
            {t('team.commissionCap', { cap: money(p.commission_cap) })}
          </Text>
        )}
      </Stack>
    </Card>
  );
}

export function ProgressLine({ label, done, planned }: { label: string; done: number; planned: number | null }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const pct = planned && planned > 0 ? Math.min(100, (done / planned) * 100) : 0;
  const over = planned !== null && planned > 0 && done >= planned;
  return (
    <div>
      <Group justify="space-between" mb={4} gap="xs">
        <Text size="sm" fw={500}>
          {label}
        </Text>
        <Text size="sm" c="dimmed">
          {planned !== null
            ? t('team.doneOfPlanned', { done: fmt.number(done), planned: fmt.number(planned) })
            : t('team.doneNoPlan', { done: fmt.number(done) })}
        </Text>
      </Group>
      <Progress
        value={pct}
        color={over ? 'green' : 'indigo'}
        size="lg"
        radius="xl"
        aria-label={label}
        aria-valuetext={planned !== null ? t('team.doneOfPlanned', { done, planned }) : t('team.doneNoPlan', { done })}
      />
    </div>
  );
}

/** The sales leader's form for the month's plan; a closed month answers 409, said in words. */
function SetPlanForm({ employee, month }: { employee: Employee; month: string }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const qc = useQueryClient();
  const plan = employee.month?.plan;
  const form = useForm({
    mode: 'controlled',
    initialValues: { meetings: (plan?.meetings ?? '') as number | string, calls: (plan?.calls ?? '') as number | string },
    validate: {
      meetings: (v) => (v === '' || Number(v) < 0 || Number(v) > 1000 ? t('team.planMeetingsInvalid') : null),
      calls: (v) => (v === '' || Number(v) < 0 || Number(v) > 20000 ? t('team.planCallsInvalid') : null),
    },
  });
  const save = useMutation({
    mutationFn: (v: { meetings: number; calls: number }) => setMonthlyPlan(employee.id, month, v),
    onSuccess: (e) => {
      qc.setQueryData(teamKeys.employee(employee.id, month), e);
      void qc.invalidateQueries({ queryKey: teamKeys.employees });
      notifications.show({ color: 'green', message: t('team.planSaved', { name: employee.user.name, month: monthLabel(month, fmt.locale) }) });
    },
    onError: (err) => form.setErrors(fieldErrors(err)),
  });
  const closed = isApiError(save.error) && save.error.status === 409;
  return (
    <form onSubmit={form.onSubmit((v) => save.mutate({ meetings: Number(v.meetings), calls: Number(v.calls) }))} noValidate data-testid="set-plan-form">
      <Stack gap="sm">
        <Group align="flex-start" grow>
          <NumberInput label={t('team.meetings')} min={0} max={1000} allowDecimal={false} allowNegative={false} {...form.getInputProps('meetings')} />
          <NumberInput label={t('team.calls')} min={0} max={20000} allowDecimal={false} allowNegative={false} {...form.getInputProps('calls')} />
        </Group>
        {closed && (
          <Alert color="orange" variant="light" icon={<IconAlertCircle size={18} aria-hidden />} role="alert">
            {t('team.planClosed', { month: monthLabel(month, fmt.locale) })}
          </Alert>
        )}
        {save.isError && !closed && !(isApiError(save.error) && save.error.status === 400 && Object.keys(fieldErrors(save.error)).every((k) => k === 'meetings' || k === 'calls')) && (
          <ErrorAlert error={save.error} />
        )}
        <Group justify="flex-end">
          <Button type="submit" loading={save.isPending}>
            {t('team.setPlan')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** The employee's own form to excuse this month or the last one (until its window closes: 409 after). */
function FileExcuseForm({ employee, months }: { employee: Employee; months: string[] }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const qc = useQueryClient();
  const form = useForm({
    mode: 'controlled',
    initialValues: { month: months[0] ?? thisMonth(), reason: '' },
    validate: { reason: (v) => (v.trim() ? null : t('team.reasonRequired')) },
  });
  const file = useMutation({
    mutationFn: (v: { month: string; reason: string }) => fileExcuse(employee.id, v),
    onSuccess: (x) => {
      void qc.invalidateQueries({ queryKey: teamKeys.employees });
      notifications.show({ color: 'green', message: t('team.excuseFiled', { month: monthLabel(x.month.slice(0, 7), fmt.locale) }) });
      form.setFieldValue('reason', '');
    },
    onError: (err) => form.setErrors(fieldErrors(err)),
  });
  const late = isApiError(file.error) && file.error.status === 409;
  const fieldOnly =
    isApiError(file.error) && file.error.status === 400 && Object.keys(fieldErrors(file.error)).every((k) => k === 'month' || k === 'reason');
  return (
    <form onSubmit={form.onSubmit((v) => file.mutate({ month: v.month, reason: v.reason.trim() }))} noValidate data-testid="file-excuse-form">
      <Stack gap="sm">
        <Select
          label={t('team.excuseMonth')}
          data={months.map((m) => ({ value: m, label: monthLabel(m, fmt.locale) }))}
          allowDeselect={false}
          {...form.getInputProps('month')}
        />
        <Textarea
          label={t('team.excuseReason')}
          description={t('team.excuseReasonHint')}
          required
          autosize
          minRows={2}
          maxLength={2000}
          {...form.getInputProps('reason')}
        />
        {late && (
          <Alert color="orange" variant="light" icon={<IconAlertCircle size={18} aria-hidden />} role="alert">
            {t('team.excuseLate', { month: monthLabel(form.getValues().month, fmt.locale) })}
          </Alert>
        )}
        {file.isError && !late && !fieldOnly && <ErrorAlert error={file.error} />}
        <Group justify="flex-end">
          <Button type="submit" loading={file.isPending}>
            {t('team.fileExcuse')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function ExcusesList({ excuses, canDecide }: { excuses: Excuse[]; canDecide: boolean }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const qc = useQueryClient();
  const decide = useMutation({
    mutationFn: (v: { id: number; decision: 'accept' | 'refuse' }) => decideExcuse(v.id, v.decision),
    onSuccess: (x) => {
      void qc.invalidateQueries({ queryKey: teamKeys.employees });
      notifications.show({
        color: x.status === 'accepted' ? 'green' : 'gray',
        message: t(x.status === 'accepted' ? 'team.excuseAccepted' : 'team.excuseRefused', { month: monthLabel(x.month.slice(0, 7), fmt.locale) }),
      });
    },
    onError: (err) =>
      notifications.show({
        color: 'red',
        message: isApiError(err) && err.status === 409 ? t('team.decisionClosed') : errorMessage(err, t),
      }),
  });
  if (excuses.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        {t('team.noExcuses')}
      </Text>
    );
  }
  const sorted = [...excuses].sort((a, b) => (a.month === b.month ? b.filed_at.localeCompare(a.filed_at) : b.month.localeCompare(a.month)));
  return (
    <Stack gap="sm" data-testid="excuses">
      {sorted.map((x) => {
        const month = monthLabel(x.month.slice(0, 7), fmt.locale);
        const busy = decide.isPending && decide.variables?.id === x.id;
        return (
          <Paper key={x.id} withBorder radius="md" p="sm" data-testid="excuse">
            <Group justify="space-between" gap="xs" wrap="wrap" mb={4}>
              <Group gap="xs">
                <Text fw={600} size="sm">
                  {monthLabel(x.month.slice(0, 7), fmt.locale, true)}
                </Text>
                <ExcuseStatusBadge status={x.status} />
              </Group>
              <Text size="xs" c="dimmed">
                {x.decided_at
                  ? t('team.filedDecided', { filed: fmt.dateTime(x.filed_at), decided: fmt.dateTime(x.decided_at) })
                  : t('team.filed', { filed: fmt.dateTime(x.filed_at) })}
              </Text>
            </Group>
            <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
              {x.reason}
            </Text>
            {canDecide && x.status === 'pending' && (
              <Group gap="xs" mt="xs">
                <Button
                  size="xs"
                  color="green"
                  leftSection={<IconCheck size={14} aria-hidden />}
                  loading={busy && decide.variables?.decision === 'accept'}
                  disabled={busy}
                  onClick={() => decide.mutate({ id: x.id, decision: 'accept' })}
                  aria-label={t('team.acceptFor', { month })}
                >
                  {t('team.accept')}
                </Button>
                <Button
                  size="xs"
                  color="red"
                  variant="light"
                  leftSection={<IconX size={14} aria-hidden />}
                  loading={busy && decide.variables?.decision === 'refuse'}
                  disabled={busy}
                  onClick={() => decide.mutate({ id: x.id, decision: 'refuse' })}
                  aria-label={t('team.refuseFor', { month })}
                >
                  {t('team.refuse')}
                </Button>
              </Group>
            )}
          </Paper>
        );
      })}
    </Stack>
  );
}

/**
 * One employee's page: their pay plan, the chosen month's plan against what the activity log counts, the
 * evaluation it would get if it closed now, and their excuses. Sales leaders set the plan and decide excuses;
 * the employee files excuses.
 */
export function EmployeeMonth({
  employee,
  month,
  onMonthChange,
  loading,
}: {
  employee: Employee;
  month: string;
  onMonthChange: (m: string) => void;
  loading?: boolean;
}) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const me = useCurrentUser();
  const leader = hasRole(me, ...TEAM_READER_ROLES);
  const self = employee.user.id === me.id;
  const now = thisMonth();
  const startMonth = employee.start_date.slice(0, 7);
  const next = addMonths(now, 1);
  const months = monthRange(startMonth < addMonths(now, -35) ? addMonths(now, -35) : startMonth, startMonth > next ? startMonth : next);
  const excuseMonths = [now, addMonths(now, -1)].filter((m) => m >= startMonth);
  const progress = employee.month;
  const plan = progress?.plan ?? null;
  const currency = employee.plan.currency;

  return (
    <Grid gap="md">
      <Grid.Col span={{ base: 12, md: 5 }}>
        <Stack gap="md">
          <PayPlanCard employee={employee} />
          <Card title={t('team.excuses')} id="employee-excuses">
            <Stack gap="md">
              <ExcusesList excuses={employee.excuses ?? []} canDecide={leader && !self} />
              {self && excuseMonths.length > 0 && (
                <>
                  <Title order={3} size="h5">
                    {t('team.fileExcuseTitle')}
                  </Title>
                  <FileExcuseForm employee={employee} months={excuseMonths} />
                </>
              )}
            </Stack>
          </Card>
        </Stack>
      </Grid.Col>
      <Grid.Col span={{ base: 12, md: 7 }}>
        <Stack gap="md">
          <Card
            title={t('team.monthTitle', { month: monthLabel(month, fmt.locale, true) })}
            id="employee-month"
            actions={<MonthSelect months={months} value={month} onChange={onMonthChange} />}
          >
            {loading || !progress ? (
              <Skeleton height={120} />
            ) : (
              <Stack gap="md" data-testid="month-progress">
                {!plan && (
                  <Alert color="gray" variant="light">
                    {leader && !self ? t('team.noPlanLeader') : t('team.noPlan')}
                  </Alert>
                )}
                <ProgressLine label={t('team.meetings')} done={progress.actuals.meetings} planned={plan?.meetings ?? null} />
                <ProgressLine label={t('team.calls')} done={progress.actuals.calls} planned={plan?.calls ?? null} />
                <Group gap="xs">
                  <Text size="sm" fw={500}>
                    {t('team.wonSales')}
                  </Text>
                  <Badge variant="light" color="green" tt="none" size="lg">
                    {fmt.money(progress.won_sales, currency)}
                  </Badge>
                </Group>
              </Stack>
            )}
          </Card>
          {progress && plan && !loading && (
            <Card title={t('team.projection')} id="employee-projection">
              <Text size="sm" c="dimmed" mb="sm">
                {t('team.projectionHint')}
              </Text>
              <EvaluationView evaluation={progress.projection} currency={currency} />
            </Card>
          )}
          {leader && !loading && progress && (
            <Card title={t('team.setPlanTitle', { month: monthLabel(month, fmt.locale) })} id="employee-set-plan">
              <SetPlanForm key={`${employee.id}-${month}-${plan?.meetings ?? ''}-${plan?.calls ?? ''}`} employee={employee} month={month} />
            </Card>
          )}
        </Stack>
      </Grid.Col>
    </Grid>
  );
}
