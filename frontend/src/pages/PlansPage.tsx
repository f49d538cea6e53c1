import { Anchor, Button, Group, SegmentedControl, Select, Table, Text } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { usePlansPage } from '../api/queries';
import { PLAN_STATUSES, type PlanStatus } from '../api/types';
import { DataTable } from '../components/DataTable';
import { PageHeader } from '../components/PageHeader';
import { QueryView } from '../components/QueryView';
import { useCurrentUser } from '../lib/useCurrentUser';
import { StatusBadge } from '../components/StatusBadge';
import { useFormat } from '../lib/format';
import { hasRole, PLAN_AUTHOR_ROLES } from '../lib/roles';
import { LoadMoreOf } from '../components/LoadMore';

export function PlansPage() {
  const { t } = useTranslation();
  const fmt = useFormat();
  const user = useCurrentUser();
  const [params, setParams] = useSearchParams();
  const raw = params.get('status');
  const status = PLAN_STATUSES.includes(raw as PlanStatus) ? (raw as PlanStatus) : undefined;
  const plans = usePlansPage(status);
  const canCreate = hasRole(user, ...PLAN_AUTHOR_ROLES);

  const newButton = canCreate ? (
    <Button component={Link} to="/plans/new" leftSection={<IconPlus size={16} aria-hidden />}>
      {t('plans.new')}
    </Button>
  ) : null;

  const setStatus = (v: string) => setParams(v === 'all' ? {} : { status: v }, { replace: true });
  const filterOptions = [
    { value: 'all', label: t('plans.filterAll') },
    ...PLAN_STATUSES.map((s) => ({ value: s, label: t(`status.${s}`) })),
  ];

  // In the server's order (the latest change first; the oldest first when waiting), so pages follow on.
  const rows = plans.items;

  return (
    <>
      <PageHeader title={t('plans.title')} description={t('plans.description')} actions={newButton} />
      <Group mb="md">
        <SegmentedControl
          visibleFrom="md"
          aria-label={t('plans.filterLabel')}
          value={status ?? 'all'}
          onChange={setStatus}
          data={filterOptions}
        />
        <Select
          hiddenFrom="md"
          label={t('plans.filterStatus')}
          value={status ?? 'all'}
          onChange={(v) => setStatus(v ?? 'all')}
          data={filterOptions}
          allowDeselect={false}
          w="100%"
          maw={320}
        />
      </Group>
      <QueryView
        error={plans.query.error}
        pending={plans.query.isPending}
        empty={rows.length === 0}
        onRetry={() => void plans.query.refetch()}
        emptyTitle={status ? t('plans.emptyFiltered') : t('plans.empty')}
        emptyHint={canCreate && !status ? t('plans.emptyHint') : undefined}
        emptyAction={
          !status && canCreate ? (
            <Button component={Link} to="/plans/new" variant="light">
              {t('plans.createFirst')}
            </Button>
          ) : undefined
        }
      >
        <DataTable
          minWidth={680}
          columns={[
            { label: t('plans.col.title') },
            { label: t('plans.col.status') },
            { label: t('plans.col.headcount'), align: 'right' },
            { label: t('plans.col.author') },
            { label: t('plans.col.updated') },
          ]}
        >
          {rows.map((p) => (
            <Table.Tr key={p.id}>
              <Table.Td>
                <Anchor component={Link} to={`/plans/${p.id}`} fw={500}>
                  {p.title}
                </Anchor>
                {p.revision > 1 && (
                  <Text size="xs" c="dimmed">
                    {t('plan.revision', { n: p.revision })}
                  </Text>
                )}
              </Table.Td>
              <Table.Td>
                <StatusBadge status={p.status} size="sm" />
              </Table.Td>
              <Table.Td ta="right">{p.result ? fmt.number(p.result.headcount) : '—'}</Table.Td>
              <Table.Td>{p.author?.name ?? '—'}</Table.Td>
              <Table.Td>{fmt.date(p.updated_at)}</Table.Td>
            </Table.Tr>
          ))}
        </DataTable>
      </QueryView>
      <LoadMoreOf list={plans} />
    </>
  );
}
