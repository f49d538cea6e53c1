import { Alert, Anchor, Breadcrumbs, Button, Grid, Paper, Skeleton, Stack, Text, Title } from '@mantine/core';
import { IconEdit, IconInfoCircle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { usePlan } from '../api/queries';
import { DecisionPanel } from '../components/DecisionPanel';
import { ErrorAlert } from '../components/ErrorAlert';
import { InputsView } from '../components/InputsView';
import { OpeningsTable } from '../components/OpeningsTable';
import { StaffingProgress } from '../components/StaffingProgress';
import { PageHeader } from '../components/PageHeader';
import { PlanTimeline } from '../components/PlanTimeline';
import { useCurrentUser } from '../lib/useCurrentUser';
import { SizingResultView } from '../components/SizingResultView';
import { StatusBadge } from '../components/StatusBadge';
import { useFormat } from '../lib/format';
import { hasRole } from '../lib/roles';

function Card({ title, id, children }: { title: string; id: string; children: React.ReactNode }) {
  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby={id}>
      <Title order={2} size="h4" mb="md" id={id}>
        {title}
      </Title>
      {children}
    </Paper>
  );
}

export function PlanPage() {
  const { t } = useTranslation();
  const fmt = useFormat();
  const user = useCurrentUser();
  const id = Number(useParams().id);
  const plan = usePlan(id);

  if (plan.isPending) {
    return (
      <Stack>
        <Skeleton height={40} width="50%" />
        <Skeleton height={360} radius="md" />
      </Stack>
    );
  }
  if (plan.isError) return <ErrorAlert error={plan.error} onRetry={() => void plan.refetch()} />;

  const p = plan.data;
  const isAuthor = p.author?.id === user.id;
  // Nobody decides on a plan they wrote: another department head must.
  const canDecide = hasRole(user, 'department_head') && p.status === 'pending_approval' && !isAuthor;
  const canRevise = isAuthor && p.status === 'changes_requested';
  const timeline = p.timeline ?? [];
  const openings = p.openings ?? [];
  const lastDecision = [...timeline].reverse().find((e) => e.kind === 'changes_requested' || e.kind === 'rejected');

  return (
    <>
      <Breadcrumbs mb="xs" aria-label={t('common.breadcrumbs')}>
        <Anchor component={Link} to="/plans" size="sm">
          {t('plans.title')}
        </Anchor>
        <Text size="sm" c="dimmed" truncate maw={260}>
          {p.title}
        </Text>
      </Breadcrumbs>
      <PageHeader
        title={p.title}
        badge={<StatusBadge status={p.status} size="lg" />}
        description={t('plan.meta', {
          author: p.author?.name ?? '—',
          created: fmt.date(p.created_at),
          updated: fmt.dateTime(p.updated_at),
          revision: p.revision,
          currency: p.currency,
        })}
        actions={
          canRevise ? (
            <Button component={Link} to={`/plans/${p.id}/edit`} leftSection={<IconEdit size={16} aria-hidden />}>
              {t('plan.revise')}
            </Button>
          ) : undefined
        }
      />

      <Stack gap="lg">
        {canRevise && lastDecision?.comment && (
          <Alert color="orange" variant="light" icon={<IconInfoCircle size={18} aria-hidden />} title={t('plan.changesRequestedBy', { name: lastDecision.actor?.name ?? t('timeline.system') })}>
            <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>{lastDecision.comment}</Text>
          </Alert>
        )}
        {canDecide && <DecisionPanel plan={p} />}
        {p.status === 'pending_approval' && !canDecide && (
          <Alert color="yellow" variant="light" icon={<IconInfoCircle size={18} aria-hidden />}>
            {isAuthor && hasRole(user, 'department_head') ? t('plan.awaitingOtherHead') : t('plan.awaitingHint')}
          </Alert>
        )}

        <Grid gap="lg">
          <Grid.Col span={{ base: 12, lg: 7 }}>
            <Stack gap="lg">
              <Card title={t('plan.resultTitle')} id="result-heading">
                {p.result ? (
                  <SizingResultView result={p.result} currency={p.currency} />
                ) : (
                  <Text size="sm" c="dimmed">—</Text>
                )}
              </Card>
              {p.notes && (
                <Card title={t('plan.notes')} id="notes-heading">
                  <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
                    {p.notes}
                  </Text>
                </Card>
              )}
            </Stack>
          </Grid.Col>
          <Grid.Col span={{ base: 12, lg: 5 }}>
            <Stack gap="lg">
              <Card title={t('plan.timelineTitle')} id="timeline-heading">
                <PlanTimeline entries={timeline} />
              </Card>
              <Card title={t('plan.inputsTitle')} id="inputs-heading">
                <InputsView inputs={p.inputs} currency={p.currency} />
              </Card>
            </Stack>
          </Grid.Col>
        </Grid>

        {p.staffing && p.staffing.planned > 0 && (
          <Card title={t('plan.staffing.title')} id="staffing-heading">
            <StaffingProgress staffing={p.staffing} />
          </Card>
        )}
        <Card title={t('plan.openingsTitle')} id="openings-heading">
          {openings.length ? (
            <OpeningsTable openings={openings} testId="plan-openings" />
          ) : (
            <Text size="sm" c="dimmed">
              {p.status === 'approved' ? t('plan.openingsPending') : t('plan.openingsNone')}
            </Text>
          )}
        </Card>
      </Stack>
    </>
  );
}
