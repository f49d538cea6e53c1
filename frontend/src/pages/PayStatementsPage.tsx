import { Badge, Button, Group, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconCheck, IconChecks, IconDownload } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { approveStatements, statementsCsvUrl, teamKeys, usePayStatements } from '../api/team';
import { ErrorAlert } from '../components/ErrorAlert';
import { PageHeader } from '../components/PageHeader';
import { QueryView } from '../components/QueryView';
import { StatementsTable } from '../components/team/StatementsTable';
import { MonthSelect } from '../components/team/TeamBits';
import { useFormat } from '../lib/format';
import { hasRole } from '../lib/roles';
import { addMonths, isMonth, lastMonth, monthLabel, monthRange, thisMonth } from '../lib/team';
import { useCurrentUser } from '../lib/useCurrentUser';

/** A month's pay statements for the whole team: the department head approves them in one go; CSV for payroll. */
export function PayStatementsPage() {
  const { t } = useTranslation();
  const fmt = useFormat();
  const me = useCurrentUser();
  const qc = useQueryClient();
  const canApprove = hasRole(me, 'department_head');
  const [params, setParams] = useSearchParams();
  const m = params.get('month');
  const month = isMonth(m) ? m : lastMonth();
  const statements = usePayStatements(month);
  const rows = [...(statements.data ?? [])].sort((a, b) => a.employee.name.localeCompare(b.employee.name, fmt.locale));
  const [selected, setSelected] = useState<Set<number>>(new Set());
  const drafts = rows.filter((r) => r.status !== 'approved').map((r) => r.id);
  const chosen = drafts.filter((id) => selected.has(id));
  const now = thisMonth();

  const approve = useMutation({
    mutationFn: (v: { ids: number[]; all: boolean }) => approveStatements(v.ids),
    onSuccess: (r) => {
      setSelected(new Set());
      void qc.invalidateQueries({ queryKey: teamKeys.statements });
      notifications.show({ color: 'green', message: t('payStatements.approved', { count: r.approved }) });
    },
  });

  const changeMonth = (v: string) => {
    setSelected(new Set());
    approve.reset();
    setParams({ month: v }, { replace: true });
  };

  return (
    <>
      <PageHeader
        title={t('payStatements.title')}
        description={canApprove ? t('payStatements.descriptionHead') : t('payStatements.description')}
        badge={
          drafts.length > 0 ? (
            <Badge color="yellow" variant="light" tt="none">
              {t('payStatements.draftCount', { count: drafts.length })}
            </Badge>
          ) : undefined
        }
      />
      <Group justify="space-between" align="flex-end" mb="md" wrap="wrap" gap="sm">
        <MonthSelect months={monthRange(addMonths(now, -35), now)} value={month} onChange={changeMonth} />
        <Group gap="sm" wrap="wrap">
          {canApprove && (
            <>
              <Button
                leftSection={<IconCheck size={16} aria-hidden />}
                disabled={chosen.length === 0 || approve.isPending}
                loading={approve.isPending && !approve.variables?.all}
                onClick={() => approve.mutate({ ids: chosen, all: false })}
              >
                {t('payStatements.approveSelected', { count: chosen.length })}
              </Button>
              <Button
                variant="light"
                leftSection={<IconChecks size={16} aria-hidden />}
                disabled={drafts.length === 0 || approve.isPending}
                loading={approve.isPending && !!approve.variables?.all}
                onClick={() => approve.mutate({ ids: drafts, all: true })}
              >
                {t('payStatements.approveAll', { count: drafts.length })}
              </Button>
            </>
          )}
          <Button
            component="a"
            href={statementsCsvUrl(month)}
            download
            variant="default"
            leftSection={<IconDownload size={16} aria-hidden />}
          >
            {t('payStatements.exportCsv')}
          </Button>
        </Group>
      </Group>
      {approve.isError && (
        <div style={{ marginBottom: 'var(--mantine-spacing-md)' }}>
          <ErrorAlert error={approve.error} />
        </div>
      )}
      <QueryView
        error={statements.error}
        pending={statements.isPending}
        empty={rows.length === 0}
        onRetry={() => void statements.refetch()}
        emptyTitle={t('payStatements.empty', { month: monthLabel(month, fmt.locale) })}
        emptyHint={t('payStatements.emptyHint')}
      >
        {canApprove && drafts.length === 0 && (
          <Text size="sm" c="dimmed" mb="sm">
            {t('payStatements.allApproved')}
          </Text>
        )}
        <StatementsTable
          rows={rows}
          linkEmployee
          selection={
            canApprove
              ? {
                  selected,
                  toggle: (id) =>
                    setSelected((s) => {
                      const n = new Set(s);
                      if (n.has(id)) n.delete(id);
                      else n.add(id);
                      return n;
                    }),
                  setAll: (ids) => setSelected(new Set(ids)),
                }
              : undefined
          }
        />
      </QueryView>
    </>
  );
}
