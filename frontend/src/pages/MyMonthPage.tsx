import { Skeleton, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { useMyEmployee, usePayStatements } from '../api/team';
import { EmptyBox } from '../components/EmptyState';
import { ErrorAlert } from '../components/ErrorAlert';
import { PageHeader } from '../components/PageHeader';
import { EmployeeMonth } from '../components/team/EmployeeMonth';
import { OnboardingChecklist } from '../components/team/OnboardingChecklist';
import { StatementsTable } from '../components/team/StatementsTable';
import { isMonth, thisMonth } from '../lib/team';

/**
 * The signed-in rep's own month: their onboarding, plan and progress, excuses and pay statements, from their
 * own employee record (GET /employees/me), so a new hire sees it from their first day.
 */
export function MyMonthPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const m = params.get('month');
  const month = isMonth(m) ? m : thisMonth();
  const employee = useMyEmployee(month);
  const statements = usePayStatements('');
  const employeeId = employee.data?.id ?? 0;
  const mine = (statements.data ?? [])
    .filter((s) => s.employee_id === employeeId)
    .sort((a, b) => b.month.localeCompare(a.month));

  let body;
  if (employee.error && !employee.data) {
    body = <ErrorAlert error={employee.error} onRetry={() => void employee.refetch()} />;
  } else if (employee.isPending) {
    body = <Skeleton height={240} />;
  } else if (!employee.data) {
    body = <EmptyBox title={t('myMonth.none')} description={t('myMonth.noneHint')} />;
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
        {employee.data && <OnboardingChecklist employee={employee.data} />}
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
