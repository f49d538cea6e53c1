import { Anchor, Badge, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { usePlansPage } from '../api/queries';
import { DataTable } from '../components/DataTable';
import { PageHeader } from '../components/PageHeader';
import { QueryView } from '../components/QueryView';
import { useFormat } from '../lib/format';
import { waitingFor } from '../lib/age';
import { LoadMoreOf } from '../components/LoadMore';

export function ApprovalsPage() {
  const { t } = useTranslation();
  const fmt = useFormat();
  const navigate = useNavigate();
  const plans = usePlansPage('pending_approval');
  const rows = [...plans.items]
    .filter((p) => p.status === 'pending_approval')
    .sort((a, b) => a.updated_at.localeCompare(b.updated_at));

  return (
    <>
      <PageHeader
        title={t('approvals.title')}
        description={t('approvals.description')}
        badge={plans.total ? <Badge color="red" variant="light">{t('approvals.count', { count: plans.total })}</Badge> : undefined}
      />
      <QueryView
        error={plans.query.error}
        pending={plans.query.isPending}
        empty={rows.length === 0}
        onRetry={() => void plans.query.refetch()}
        emptyTitle={t('approvals.empty')}
        emptyHint={t('approvals.emptyHint')}
      >
        <DataTable
          minWidth={640}
          columns={[
            { label: t('plans.col.title') },
            { label: t('approvals.col.waiting') },
            { label: t('plans.col.headcount'), align: 'right' },
            { label: t('plans.col.author') },
            { label: t('approvals.col.submitted') },
          ]}
        >
          {rows.map((p) => {
            const age = waitingFor(p.updated_at);
            return (
              <Table.Tr key={p.id} style={{ cursor: 'pointer' }} onClick={() => navigate(`/plans/${p.id}`)}>
                <Table.Td>
                  <Anchor component={Link} to={`/plans/${p.id}`} fw={500} onClick={(e) => e.stopPropagation()}>
                    {p.title}
                  </Anchor>
                  {p.revision > 1 && (
                    <Text size="xs" c="dimmed">
                      {t('plan.revision', { n: p.revision })}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>
                  <Badge variant="light" color={age.days >= 3 ? 'red' : age.days >= 1 ? 'yellow' : 'gray'} tt="none">
                    {t(`approvals.waiting.${age.unit}`, { count: age.count })}
                  </Badge>
                </Table.Td>
                <Table.Td ta="right">{p.result ? fmt.number(p.result.headcount) : '—'}</Table.Td>
                <Table.Td>{p.author?.name ?? '—'}</Table.Td>
                <Table.Td>{fmt.dateTime(p.updated_at)}</Table.Td>
              </Table.Tr>
            );
          })}
        </DataTable>
      </QueryView>
      <LoadMoreOf list={plans} />
    </>
  );
}
