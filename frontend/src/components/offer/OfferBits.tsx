import { Alert, Badge, Group, List, Stack, Text, ThemeIcon } from '@mantine/core';
import { IconAlertTriangle, IconCheck, IconHourglass, IconX } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { Offer, PayLimits } from '../../api/offers';
import { useFormat } from '../../lib/format';
import { awaitedApprovers, breachLines } from '../../lib/payPlan';

const STATUS_COLORS: Record<string, string> = {
  pending_approval: 'yellow',
  rejected: 'red',
  sent: 'blue',
  accepted: 'green',
  declined: 'gray',
  expired: 'gray',
  withdrawn: 'dark',
};

/** An offer's status in its colour. */
export function OfferStatusBadge({ status, size = 'md' }: { status: string; size?: 'sm' | 'md' | 'lg' }) {
  const { t } = useTranslation();
  return (
    <Badge color={STATUS_COLORS[status] ?? 'gray'} variant="light" size={size} tt="none" data-testid="offer-status">
      {t(`offer.status.${status}`, { defaultValue: status.replace(/_/g, ' ') })}
    </Badge>
  );
}

/** Who approved or rejected (with their comments), how many approvals are needed and who is still awaited. */
export function OfferApprovals({ offer }: { offer: Offer }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const approvals = offer.approvals ?? [];
  const approved = approvals.filter((a) => a.decision === 'approve').length;
  const awaited = awaitedApprovers(offer);
  return (
    <Stack gap={6} data-testid="offer-approvals">
      <Text size="sm">
        {t('offer.approvalsCount', { count: offer.approvals_needed, done: approved })}
      </Text>
      {approvals.length > 0 && (
        <List spacing={4} size="sm" center>
          {approvals.map((a, i) => (
            <List.Item
              key={i}
              icon={
                <ThemeIcon size={20} radius="xl" color={a.decision === 'approve' ? 'green' : 'red'} variant="light" aria-hidden>
                  {a.decision === 'approve' ? <IconCheck size={12} /> : <IconX size={12} />}
                </ThemeIcon>
              }
            >
              <Text size="sm" span>
                {t(a.decision === 'approve' ? 'offer.approvedBy' : 'offer.rejectedBy', { name: a.approver.name, at: fmt.dateTime(a.at) })}
              </Text>
              {a.comment && (
                <Text size="sm" fs="italic" c="dimmed" style={{ whiteSpace: 'pre-wrap' }}>
                  “{a.comment}”
                </Text>
              )}
            </List.Item>
          ))}
        </List>
      )}
      {offer.status === 'pending_approval' && awaited.length > 0 && (
        <Group gap={6} wrap="wrap">
          <ThemeIcon size={20} radius="xl" color="yellow" variant="light" aria-hidden>
            <IconHourglass size={12} />
          </ThemeIcon>
          <Text size="sm" c="dimmed">
            {t('offer.awaiting', { names: awaited.map((p) => p.name).join(', ') })}
          </Text>
        </Group>
      )}
      {offer.status === 'pending_approval' && (offer.approvers ?? []).length === 0 && (
        <Text size="sm" c="dimmed">
          {t('offer.awaitingAnyHead')}
        </Text>
      )}
    </Stack>
  );
}

/** The terms outside the opening's pay limits, highlighted: they cost one more approval. */
export function OfferBreaches({ offer, limits }: { offer: Offer; limits?: PayLimits | null }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const lines = breachLines(offer.breaches, limits, offer.plan, t, fmt);
  if (!lines.length) return null;
  return (
    <Alert color="orange" variant="light" icon={<IconAlertTriangle size={18} aria-hidden />} title={t('offer.breachesTitle')} data-testid="offer-breaches">
      <Stack gap={2}>
        {lines.map((l, i) => (
          <Text key={i} size="sm">
            {l}
          </Text>
        ))}
        <Text size="xs" c="dimmed">
          {t('offer.breachesExtra')}
        </Text>
      </Stack>
    </Alert>
  );
}
