import { Anchor, Breadcrumbs, Skeleton, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { useEmployee } from '../api/team';
import { ErrorAlert } from '../components/ErrorAlert';
import { PageHeader } from '../components/PageHeader';
import { LeaveAction } from '../components/handover/LeaveAction';
import { EmployeeMonth } from '../components/team/EmployeeMonth';
import { OnboardingChecklist } from '../components/team/OnboardingChecklist';
import { isMonth, thisMonth } from '../lib/team';

/** One employee as their sales leaders see them: pay plan, the month's plan and progress, excuses. */
export function EmployeePage() {
  const { t } = useTranslation();
  const { id } = useParams();
  const employeeId = Number(id);
  const [params, setParams] = useSearchParams();
  const m = params.get('month');
  const month = isMonth(m) ? m : thisMonth();
  const query = useEmployee(employeeId, month);
  const employee = query.data;

  const crumbs = (
    <Breadcrumbs mb="sm" aria-label={t('common.breadcrumbs')}>
      <Anchor component={Link} to="/team" size="sm">
        {t('team.title')}
      </Anchor>
      <Text size="sm">{employee?.user.name ?? '…'}</Text>
    </Breadcrumbs>
  );
  if (query.error && !employee) {
    return (
      <>
        {crumbs}
        <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />
      </>
    );
  }
  if (!employee) {
    return (
      <>
        {crumbs}
        <Skeleton height={40} mb="md" />
        <Skeleton height={240} />
      </>
    );
  }
  return (
    <>
      {crumbs}
      <PageHeader
        title={employee.user.name}
        description={t(`roles.${employee.role}`, { defaultValue: employee.role })}
        actions={<LeaveAction employee={employee} />}
      />
      {query.error && <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />}
      <OnboardingChecklist employee={employee} mb="md" />
      <EmployeeMonth
        employee={employee}
        month={month}
        loading={query.isPlaceholderData}
        onMonthChange={(v) => setParams({ month: v }, { replace: true })}
      />
    </>
  );
}
