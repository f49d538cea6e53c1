import { Button, Group, Paper, SegmentedControl, Select } from '@mantine/core';
import { IconCheck, IconPlus, IconX } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useOpeningsPage, usePlans } from '../api/queries';
import { OPENING_STATUSES, type Opening, type OpeningDecision } from '../api/types';
import { NewOpeningModal } from '../components/NewOpeningModal';
import { OpeningDecisionModal } from '../components/OpeningDecisionModal';
import { OpeningsTable } from '../components/OpeningsTable';
import { PageHeader } from '../components/PageHeader';
import { QueryView } from '../components/QueryView';
import { canCreateOpening, canDecideOpening } from '../lib/pipeline';
import { hasRole } from '../lib/roles';
import { useCurrentUser } from '../lib/useCurrentUser';
import { LoadMoreOf } from '../components/LoadMore';

export function OpeningsPage() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  // Only plan readers may list plans; the others see openings without their plan's title.
  const plans = usePlans(undefined, hasRole(me, 'admin', 'department_head', 'recruiter'));
  const [role, setRole] = useState('all');
  const [status, setStatus] = useState<string | null>(null);
  const openings = useOpeningsPage(status);
  const [adding, setAdding] = useState(false);
  const [deciding, setDeciding] = useState<{ opening: Opening; decision: OpeningDecision } | null>(null);
  const planTitles = new Map((plans.data ?? []).map((p) => [p.id, p.title]));
  const rows = [...openings.items]
    .filter((o) => role === 'all' || o.role === role)
    .sort((a, b) => b.created_at.localeCompare(a.created_at) || b.id - a.id);
  const isHead = hasRole(me, 'department_head');

  return (
    <>
      <PageHeader
        title={t('openings.title')}
        description={t('openings.description')}
        actions={
          canCreateOpening(me) ? (
            <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setAdding(true)}>
              {t('openings.new')}
            </Button>
          ) : undefined
        }
      />
      <Group mb="md" align="flex-end">
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
        <Select
          aria-label={t('openings.filterStatus')}
          placeholder={t('openings.allStatuses')}
          value={status}
          onChange={setStatus}
          clearable
          w={220}
          data={OPENING_STATUSES.map((s) => ({ value: s, label: t(`status.${s}`) }))}
        />
      </Group>
      <QueryView
        error={openings.query.error}
        pending={openings.query.isPending}
        empty={rows.length === 0}
        onRetry={() => void openings.query.refetch()}
        emptyTitle={t('openings.empty')}
        emptyHint={t('openings.emptyHint')}
      >
        <Paper withBorder radius="md">
          <OpeningsTable
            openings={rows}
            planTitles={planTitles}
            pipeline
            testId="openings-table"
            actions={
              isHead
                ? (o) =>
                    canDecideOpening(me, o) ? (
                      <Group gap={6} wrap="nowrap">
                        <Button
                          size="compact-sm"
                          color="green"
                          variant="light"
                          leftSection={<IconCheck size={14} aria-hidden />}
                          aria-label={t('openings.approveOne', { title: o.title })}
                          onClick={() => setDeciding({ opening: o, decision: 'approve' })}
                        >
                          {t('openingDecision.approve')}
                        </Button>
                        <Button
                          size="compact-sm"
                          color="red"
                          variant="light"
                          leftSection={<IconX size={14} aria-hidden />}
                          aria-label={t('openings.rejectOne', { title: o.title })}
                          onClick={() => setDeciding({ opening: o, decision: 'reject' })}
                        >
                          {t('openingDecision.reject')}
                        </Button>
                      </Group>
                    ) : null
                : undefined
            }
          />
        </Paper>
      </QueryView>
      <LoadMoreOf list={openings} />
      <NewOpeningModal opened={adding} onClose={() => setAdding(false)} />
      {deciding && (
        <OpeningDecisionModal
          key={`${deciding.opening.id}-${deciding.decision}`}
          opening={deciding.opening}
          decision={deciding.decision}
          onClose={() => setDeciding(null)}
        />
      )}
    </>
  );
}
