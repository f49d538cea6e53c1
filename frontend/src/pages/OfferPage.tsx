import { Alert, Anchor, Breadcrumbs, Button, Grid, Group, List, Paper, Skeleton, Stack, Text, Textarea, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconAlertCircle, IconCheck, IconX } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { isApiError } from '../api/client';
import { decideOffer, offerKeys, useOffer, type Offer } from '../api/offers';
import { keys, useOpening } from '../api/queries';
import { ErrorAlert } from '../components/ErrorAlert';
import { PageHeader } from '../components/PageHeader';
import { OfferApprovals, OfferBreaches, OfferStatusBadge } from '../components/offer/OfferBits';
import { PayPreview } from '../components/offer/PayPlanFields';
import { PayTable } from '../components/offer/PayTable';
import { errorMessage } from '../lib/errors';
import { useFormat } from '../lib/format';
import { canManagePipeline } from '../lib/pipeline';
import { awaitedApprovers, planSentences } from '../lib/payPlan';
import { hasRole } from '../lib/roles';
import { useCurrentUser } from '../lib/useCurrentUser';

function Card({ title, id, children }: { title: string; id: string; children: ReactNode }) {
  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby={id}>
      <Title order={2} size="h4" mb="sm" id={id}>
        {title}
      </Title>
      {children}
    </Paper>
  );
}

/** Approve, or reject with a comment, for an approver who has not yet decided this version. */
function OfferDecision({ offer }: { offer: Offer }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const [comment, setComment] = useState('');
  const [commentError, setCommentError] = useState<string | null>(null);
  const decide = useMutation({
    mutationFn: (d: 'approve' | 'reject') => decideOffer(offer.id, offer.version, d, comment.trim()),
    onSuccess: (updated, d) => {
      qc.setQueryData(offerKeys.offer(offer.id), updated);
      void qc.invalidateQueries({ queryKey: offerKeys.offers });
      void qc.invalidateQueries({ queryKey: keys.notifications });
      setComment('');
      notifications.show({ color: 'green', message: t(`offerPage.done.${d}`, { name: offer.candidate.name }) });
    },
    onError: (err) => {
      // Someone else decided, or the terms changed: show the offer as it now stands.
      if (isApiError(err) && err.status === 409) void qc.invalidateQueries({ queryKey: offerKeys.offer(offer.id) });
    },
  });
  const run = (d: 'approve' | 'reject') => {
    if (d === 'reject' && !comment.trim()) {
      setCommentError(t('offerPage.commentRequired'));
      return;
    }
    setCommentError(null);
    decide.mutate(d);
  };
  const failure = decide.isError
    ? isApiError(decide.error) && decide.error.status === 403
      ? t('offerPage.forbidden', { detail: decide.error.detail || t('errors.forbidden') })
      : isApiError(decide.error) && decide.error.status === 409
        ? t('offerPage.conflict', { detail: decide.error.detail || t('errors.conflict') })
        : errorMessage(decide.error, t)
    : null;
  const pending = decide.isPending ? decide.variables : null;
  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby="offer-decision-heading" bg="yellow.0" data-testid="offer-decision">
      <Stack gap="sm">
        <div>
          <Title order={2} size="h4" id="offer-decision-heading">
            {t('offerPage.decisionTitle')}
          </Title>
          <Text size="sm" c="dimmed">
            {t('offerPage.decisionHint')}
          </Text>
        </div>
        <Textarea
          label={t('offerPage.comment')}
          description={t('offerPage.commentHint')}
          autosize
          minRows={2}
          maxRows={8}
          maxLength={2000}
          value={comment}
          onChange={(e) => {
            setComment(e.currentTarget.value);
            if (commentError) setCommentError(null);
          }}
          error={commentError}
        />
        {failure && (
          <Alert color="red" variant="light" icon={<IconAlertCircle size={18} aria-hidden />} role="alert">
            {failure}
          </Alert>
        )}
        <Group gap="sm">
          <Button color="green" leftSection={<IconCheck size={16} aria-hidden />} onClick={() => run('approve')} loading={pending === 'approve'} disabled={decide.isPending && pending !== 'approve'}>
            {t('offerPage.approve')}
          </Button>
          <Button color="red" variant="light" leftSection={<IconX size={16} aria-hidden />} onClick={() => run('reject')} loading={pending === 'reject'} disabled={decide.isPending && pending !== 'reject'}>
            {t('offerPage.reject')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}

/** One offer for its approvers and the hiring managers: the terms, the pay table, what is outside the limits, the approvals. */
export function OfferPage() {
  const { t } = useTranslation();
  const fmt = useFormat();
  const me = useCurrentUser();
  const id = Number(useParams().id);
  const q = useOffer(id);
  const manager = canManagePipeline(me);
  const opening = useOpening(q.data && manager ? q.data.opening_id : Number.NaN);

  if (q.isPending) {
    return (
      <Stack>
        <Skeleton height={40} width="50%" />
        <Skeleton height={360} radius="md" />
      </Stack>
    );
  }
  if (q.isError) return <ErrorAlert error={q.error} onRetry={() => void q.refetch()} />;
  const o = q.data;
  const awaited = awaitedApprovers(o);
  const mine =
    o.status === 'pending_approval' &&
    o.created_by?.id !== me.id &&
    (awaited.some((p) => p.id === me.id) || ((o.approvers ?? []).length === 0 && hasRole(me, 'department_head')));
  const decidedByMe = (o.approvals ?? []).find((a) => a.approver.id === me.id);

  return (
    <>
      <Breadcrumbs mb="xs" aria-label={t('common.breadcrumbs')}>
        <Anchor component={Link} to="/offers" size="sm">
          {t('offers.title')}
        </Anchor>
        <Text size="sm" c="dimmed" truncate maw={240}>
          {o.candidate.name}
        </Text>
      </Breadcrumbs>
      <PageHeader
        title={t('offerPage.title', { name: o.candidate.name })}
        badge={
          <Group gap="xs">
            <OfferStatusBadge status={o.status} size="lg" />
            <Text size="sm" c="dimmed">
              {t('offer.version', { n: o.version })}
            </Text>
          </Group>
        }
        description={t('offerPage.meta', { opening: o.opening_title, by: o.created_by?.name ?? '—', at: fmt.dateTime(o.created_at) })}
      />
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, lg: 7 }}>
          <Stack gap="lg">
            {mine && <OfferDecision offer={o} />}
            {decidedByMe && o.status === 'pending_approval' && (
              <Alert color="blue" variant="light">
                {t(decidedByMe.decision === 'approve' ? 'offerPage.youApproved' : 'offerPage.youRejected')}
              </Alert>
            )}
            <OfferBreaches offer={o} limits={opening.data?.pay_limits} />
            <Card title={t('offerPage.payTitle')} id="offer-pay">
              <Stack gap="sm">
                <List size="sm" spacing={4}>
                  {planSentences(o.plan, t, fmt).map((s, i) => (
                    <List.Item key={i}>{s}</List.Item>
                  ))}
                </List>
                {o.pay_table ? <PayTable table={o.pay_table} currency={o.plan.currency} /> : <PayPreview plan={o.plan} />}
              </Stack>
            </Card>
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 5 }}>
          <Stack gap="lg">
            <Card title={t('offerPage.detailsTitle')} id="offer-details">
              <Stack gap={6}>
                <Text size="sm">
                  <Text span c="dimmed">
                    {t('offerPage.candidate')}:
                  </Text>{' '}
                  {manager ? (
                    <Anchor component={Link} to={`/applications/${o.application_id}`}>
                      {o.candidate.name}
                    </Anchor>
                  ) : (
                    o.candidate.name
                  )}
                </Text>
                <Text size="sm">
                  <Text span c="dimmed">
                    {t('offerPage.opening')}:
                  </Text>{' '}
                  {manager ? <Anchor component={Link} to={`/openings/${o.opening_id}`}>{o.opening_title}</Anchor> : o.opening_title}
                </Text>
                <Text size="sm">
                  <Text span c="dimmed">
                    {t('offerPage.start')}:
                  </Text>{' '}
                  {fmt.date(o.start_date)}
                </Text>
                <Text size="sm">
                  <Text span c="dimmed">
                    {t('offerPage.expiry')}:
                  </Text>{' '}
                  {o.expires_at ? fmt.dateTime(o.expires_at) : t('offerPage.expiryDays', { count: o.expires_days })}
                </Text>
                {o.sent_at && (
                  <Text size="sm">
                    <Text span c="dimmed">
                      {t('offerPage.sent')}:
                    </Text>{' '}
                    {fmt.dateTime(o.sent_at)}
                  </Text>
                )}
                {o.answered_at && (
                  <Text size="sm">
                    <Text span c="dimmed">
                      {t('offerPage.answered')}:
                    </Text>{' '}
                    {fmt.dateTime(o.answered_at)}
                  </Text>
                )}
                {o.status === 'declined' && o.decline_reason && (
                  <Text size="sm">{t('offer.declinedBecause', { reason: o.decline_reason })}</Text>
                )}
                {o.seat === 'filled' && (
                  <Text size="sm" c="green.8" fw={500}>
                    {t('offer.seatFilled')}
                  </Text>
                )}
                {o.seat === 'unavailable' && (
                  <Text size="sm" c="red.8" fw={500}>
                    {t('offer.seatUnavailable')}
                  </Text>
                )}
              </Stack>
            </Card>
            <Card title={t('offerPage.approvalsTitle')} id="offer-approvals">
              <OfferApprovals offer={o} />
            </Card>
          </Stack>
        </Grid.Col>
      </Grid>
    </>
  );
}
