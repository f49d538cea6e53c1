import { Skeleton, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { useEmployee, useEmployees, usePayStatements } from '../api/team';
import { EmptyBox } from '../components/EmptyState';
import { ErrorAlert } from '../components/ErrorAlert';
import { PageHeader } from '../components/PageHeader';
import { EmployeeMonth } from '../components/team/EmployeeMonth';
import { StatementsTable } from '../components/team/StatementsTable';
import { hasRole, TEAM_READER_ROLES } from '../lib/roles';
import { isMonth, thisMonth } from '../lib/team';
import { useCurrentUser } from '../lib/useCurrentUser';

/**
 * The signed-in rep's own month: their plan and progress, excuses and pay statements. There is no "my
 * employee record" call: sales managers find themselves in the team list; reps through their own pay
 * statements (each names its employee), so a rep sees this page once their first month has closed.
 */
export function MyMonthPage() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const [params, setParams] = useSearchParams();
  const m = params.get('month');
  const month = isMonth(m) ? m : thisMonth();
  const leader = hasRole(me, ...TEAM_READER_ROLES);
  const seesAll = hasRole(me, 'admin', 'department_head');
  const employees = useEmployees(leader);
  const statements = usePayStatements('');
  const fromTeam = employees.data?.find((e) => e.user.id === me.id)?.id;
  const fromStatements = seesAll ? undefined : statements.data?.[0]?.employee_id;
  const employeeId = fromTeam ?? fromStatements ?? 0;
  const employee = useEmployee(employeeId, month, employeeId > 0);
  const searching = (leader && employees.isPending) || statements.isPending;
  const mine = (statements.data ?? []).filter((s) => s.employee_id === employeeId).sort((a, b) => b.month.localeCompare(a.month));

  let body;
  if (employeeId === 0) {
    if (searching) body = <Skeleton height={240} />;
    else if (statements.error && !leader) body = <ErrorAlert error={statements.error} onRetry={() => void statements.refetch()} />;
    else body = <EmptyBox title={t('myMonth.none')} description={t('myMonth.noneHint')} />;
  } else if (employee.error && !employee.data) {
    body = <ErrorAlert error={employee.error} onRetry={() => void employee.refetch()} />;
  } else if (!employee.data) {
    body = <Skeleton height={240} />;
  } else {
    body = (
      <EmployeeMonth
        employee={employee.data}
        month={month}
        loading={employee.isPlaceholderData}
        onMonthChange={(v) => setParams({ month: v }, { replace: true })}
      />
    );
  }

  return (
    <>
      <PageHeader title={t('myMonth.title')} description={t('myMonth.description')} />
      <Stack gap="xl">
        {body}
        {employeeId > 0 && (
          <section aria-labelledby="my-statements">
            <Title order={2} size="h4" mb="xs" id="my-statements">
              {t('myMonth.statements')}
            </Title>
            {statements.error ? (
              <ErrorAlert error={statements.error} onRetry={() => void statements.refetch()} />
            ) : mine.length === 0 ? (
              <Text size="sm" c="dimmed">
                {t('myMonth.noStatements')}
              </Text>
            ) : (
              <StatementsTable rows={mine} showEmployee={false} showMonth />
            )}
          </section>
        )}
      </Stack>
    </>
  );
}
