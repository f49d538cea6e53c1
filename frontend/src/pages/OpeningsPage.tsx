import { Group, Paper, SegmentedControl, Skeleton } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useOpenings, usePlans } from '../api/queries';
import { EmptyBox } from '../components/EmptyState';
import { ErrorAlert } from '../components/ErrorAlert';
import { OpeningsTable } from '../components/OpeningsTable';
import { PageHeader } from '../components/PageHeader';

export function OpeningsPage() {
  const { t } = useTranslation();
  const openings = useOpenings();
  const plans = usePlans();
  const [role, setRole] = useState('all');
  const planTitles = new Map((plans.data ?? []).map((p) => [p.id, p.title]));
  const rows = [...(openings.data ?? [])]
    .filter((o) => role === 'all' || o.role === role)
    .sort((a, b) => b.created_at.localeCompare(a.created_at) || b.id - a.id);

  return (
    <>
      <PageHeader title={t('openings.title')} description={t('openings.description')} />
      <Group mb="md">
        <SegmentedControl
          aria-label={t('openings.filterLabel')}
          value={role}
          onChange={setRole}
          data={[
            { value: 'all', label: t('openings.filterAll') },
            { value: 'sales_manager', label: t('roles.sales_manager') },
            { value: 'sales_rep', label: t('roles.sales_rep') },
          ]}
        />
      </Group>
      {openings.isError ? (
        <ErrorAlert error={openings.error} onRetry={() => void openings.refetch()} />
      ) : openings.isPending ? (
        <Skeleton height={200} radius="md" />
      ) : rows.length === 0 ? (
        <EmptyBox title={t('openings.empty')} description={t('openings.emptyHint')} />
      ) : (
        <Paper withBorder radius="md">
          <OpeningsTable openings={rows} planTitles={planTitles} testId="openings-table" />
        </Paper>
      )}
    </>
  );
}
