import { Badge, Group, Paper, Title, Tooltip } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Greeting } from '../../api/care';
import { callState, type CallState } from '../../lib/care';
import { useFormat } from '../../lib/format';

const CALL_COLORS: Record<CallState, string> = { done: 'green', overdue: 'red', today: 'orange', tomorrow: 'yellow', upcoming: 'blue' };

/** Where a greeting's call stands: done, overdue, due today or tomorrow, or later. */
export function CallStatusBadge({ greeting: g, size = 'sm' }: { greeting: Greeting; size?: 'sm' | 'md' | 'lg' }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const state = callState(g);
  const label = t(`care.callState.${state}`);
  const badge = (
    <Badge size={size} variant="light" color={CALL_COLORS[state]} tt="none" data-testid="call-status">
      {label}
    </Badge>
  );
  if (state === 'done' && g.call_done_at) {
    return (
      <Tooltip label={t('care.callState.doneAt', { at: fmt.dateTime(g.call_done_at) })} withArrow>
        {badge}
      </Tooltip>
    );
  }
  return badge;
}

/** Whether a greeting's e-cards have gone (they go out in the morning of its day). */
export function CardsBadge({ greeting: g }: { greeting: Greeting }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  return g.cards_sent_at ? (
    <Tooltip label={t('care.cards.sentAt', { at: fmt.dateTime(g.cards_sent_at) })} withArrow>
      <Badge size="sm" variant="light" color="green" tt="none" data-testid="cards-status">
        {t('care.cards.sent')}
      </Badge>
    </Tooltip>
  ) : (
    <Badge size="sm" variant="light" color="gray" tt="none" data-testid="cards-status">
      {t('care.cards.notSent')}
    </Badge>
  );
}

const CARD_COLORS: Record<string, string> = { pending: 'gray', sent: 'green', skipped: 'orange' };

/** One e-card's status: waiting for its day, sent, or skipped (the contact unsubscribed meanwhile). */
export function CardStatusBadge({ status }: { status: string }) {
  const { t } = useTranslation();
  return (
    <Badge size="sm" variant="light" color={CARD_COLORS[status] ?? 'gray'} tt="none">
      {t(`care.cards.status.${status}`, { defaultValue: status })}
    </Badge>
  );
}

/** A titled, bordered section of the care pages. */
export function CareSection({ title, id, actions, children }: { title: ReactNode; id: string; actions?: ReactNode; children: ReactNode }) {
  return (
    <Paper withBorder radius="md" p={{ base: 'sm', sm: 'md' }} component="section" aria-labelledby={id}>
      <Group justify="space-between" mb="md" gap="sm" wrap="wrap">
        <Title order={2} size="h4" id={id}>
          {title}
        </Title>
        {actions}
      </Group>
      {children}
    </Paper>
  );
}
