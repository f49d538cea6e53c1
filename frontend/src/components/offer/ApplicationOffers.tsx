import { Alert, Anchor, Button, Group, Modal, Paper, Skeleton, Stack, Text, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconAlertTriangle, IconArrowBackUp, IconEdit, IconFileDollar } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { fieldErrors } from '../../api/client';
import { offerKeys, useApplicationOffers, withdrawOffer, type Offer } from '../../api/offers';
import { keys, useOpening } from '../../api/queries';
import type { Application, Opening } from '../../api/types';
import { useFormat } from '../../lib/format';
import { isLiveOffer, rampSummary } from '../../lib/payPlan';
import { ErrorAlert } from '../ErrorAlert';
import { OfferApprovals, OfferBreaches, OfferStatusBadge } from './OfferBits';
import { OfferModal } from './OfferModal';

/** Withdraws a live offer, with a reason; a link already sent to the candidate stops working. */
function WithdrawModal({ offer, app, onClose }: { offer: Offer; app: Application; onClose: () => void }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const withdraw = useMutation({
    mutationFn: () => withdrawOffer(offer.id, reason.trim()),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: offerKeys.offers });
      void qc.invalidateQueries({ queryKey: keys.application(app.id) });
      notifications.show({ color: 'green', message: t('offer.withdrawn', { name: app.candidate.name }) });
      onClose();
    },
    onError: (err) => setError(fieldErrors(err).reason ?? null),
  });
  return (
    <Modal opened onClose={onClose} title={t('offer.withdrawTitle', { name: app.candidate.name })}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (!reason.trim()) {
            setError(t('offer.reasonRequired'));
            return;
          }
          withdraw.mutate();
        }}
        noValidate
      >
        <Stack gap="sm">
          <Text size="sm">{offer.status === 'sent' ? t('offer.withdrawSentHint') : t('offer.withdrawHint')}</Text>
          <Textarea
            label={t('offer.withdrawReason')}
            required
            autosize
            minRows={2}
            maxLength={1000}
            value={reason}
            onChange={(e) => {
              setReason(e.currentTarget.value);
              if (error) setError(null);
            }}
            error={error}
            data-autofocus
          />
          {withdraw.isError && !fieldErrors(withdraw.error).reason && <ErrorAlert error={withdraw.error} />}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" color="red" loading={withdraw.isPending}>
              {t('offer.withdraw')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

/** One offer of the application: status, version, terms, approvals, breaches, the candidate's answer, actions. */
function OfferCard({
  offer,
  opening,
  onEdit,
  onWithdraw,
}: {
  offer: Offer;
  opening: Opening | undefined;
  onEdit: () => void;
  onWithdraw: () => void;
}) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const live = isLiveOffer(offer);
  return (
    <Paper withBorder radius="md" p="sm" data-testid="offer-card">
      <Stack gap="xs">
        <Group justify="space-between" wrap="wrap" gap="xs">
          <Group gap="xs">
            <OfferStatusBadge status={offer.status} />
            <Anchor component={Link} to={`/offers/${offer.id}`} size="sm" fw={600}>
              {t('offer.version', { n: offer.version })}
            </Anchor>
          </Group>
          <Text size="xs" c="dimmed">
            {t('offer.draftedBy', { name: offer.created_by?.name ?? '—', at: fmt.dateTime(offer.created_at) })}
          </Text>
        </Group>
        <Text size="sm">
          {t('offer.terms', { start: fmt.date(offer.start_date), pay: rampSummary(offer.plan, t, fmt) })}
        </Text>
        {offer.status === 'sent' && offer.expires_at && (
          <Text size="sm" c="dimmed">
            {t('offer.expiresAt', { at: fmt.dateTime(offer.expires_at) })}
          </Text>
        )}
        <OfferBreaches offer={offer} limits={opening?.pay_limits} />
        <OfferApprovals offer={offer} />
        {offer.seat === 'filled' && (
          <Text size="sm" c="green.8" fw={500}>
            {t('offer.seatFilled')}
          </Text>
        )}
        {offer.seat === 'unavailable' && (
          <Alert color="red" variant="light" icon={<IconAlertTriangle size={18} aria-hidden />} title={t('offer.seatUnavailableTitle')}>
            {t('offer.seatUnavailable')}
          </Alert>
        )}
        {offer.status === 'declined' && (
          <Text size="sm">
            {offer.decline_reason ? t('offer.declinedBecause', { reason: offer.decline_reason }) : t('offer.declinedNoReason')}
          </Text>
        )}
        {live && (
          <Group gap="xs">
            <Button size="xs" variant="light" leftSection={<IconEdit size={14} aria-hidden />} onClick={onEdit}>
              {t('offer.editTerms')}
            </Button>
            <Button size="xs" variant="light" color="red" leftSection={<IconArrowBackUp size={14} aria-hidden />} onClick={onWithdraw}>
              {t('offer.withdraw')}
            </Button>
          </Group>
        )}
      </Stack>
    </Paper>
  );
}

/** The candidate page's offers (hiring managers): draft one at the second interview, follow it to the answer. */
export function ApplicationOffers({ app }: { app: Application }) {
  const { t } = useTranslation();
  const offers = useApplicationOffers(app.id);
  const fetched = useOpening(app.opening?.pay_limits ? Number.NaN : app.opening_id);
  const opening = app.opening?.pay_limits ? app.opening : (fetched.data ?? app.opening);
  const [drafting, setDrafting] = useState(false);
  const [editing, setEditing] = useState<Offer | null>(null);
  const [withdrawing, setWithdrawing] = useState<Offer | null>(null);
  const list = offers.data ?? [];
  const hasLive = list.some(isLiveOffer);
  const canDraft = (app.stage === 'second_interview' || app.stage === 'offer') && !hasLive && offers.isSuccess;

  return (
    <Stack gap="sm">
      {canDraft && (
        <Group>
          <Button leftSection={<IconFileDollar size={16} aria-hidden />} onClick={() => setDrafting(true)}>
            {t('offer.draft')}
          </Button>
        </Group>
      )}
      {offers.isPending ? (
        <Skeleton height={80} radius="md" />
      ) : offers.isError ? (
        <ErrorAlert error={offers.error} onRetry={() => void offers.refetch()} />
      ) : list.length === 0 ? (
        <Text size="sm" c="dimmed">
          {app.stage === 'second_interview' ? t('offer.noneYet') : t('offer.none')}
        </Text>
      ) : (
        list.map((o) => (
          <OfferCard key={o.id} offer={o} opening={opening} onEdit={() => setEditing(o)} onWithdraw={() => setWithdrawing(o)} />
        ))
      )}
      {drafting && <OfferModal app={app} opening={opening} onClose={() => setDrafting(false)} />}
      {editing && <OfferModal app={app} opening={opening} offer={editing} onClose={() => setEditing(null)} />}
      {withdrawing && <WithdrawModal app={app} offer={withdrawing} onClose={() => setWithdrawing(null)} />}
    </Stack>
  );
}
