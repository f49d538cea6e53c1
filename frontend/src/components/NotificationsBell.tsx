import { ActionIcon, Badge, Button, Divider, Group, Indicator, Popover, ScrollArea, Stack, Text, UnstyledButton } from '@mantine/core';
import { IconBell } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { markNotificationRead } from '../api/endpoints';
import { mapPages } from '../api/paging';
import { keys, useNotifications } from '../api/queries';
import type { AppNotification } from '../api/types';
import { useFormat } from '../lib/format';

function internalLink(link?: string): string | null {
  if (!link) return null;
  if (link.startsWith('/') && !link.startsWith('//')) return link;
  try {
    const url = new URL(link);
    if (url.origin === window.location.origin) return url.pathname + url.search;
  } catch {
    return null;
  }
  return null;
}

/** The params each kind's template needs; a notice without them (an older one) is shown as the server wrote it. */
const NEEDS: Record<string, string[]> = {
  plan_submitted: ['plan_title', 'headcount'],
  plan_decided: ['plan_title', 'decision'],
  plan_reminder: ['plan_title'],
  plan_escalated: ['plan_title'],
  plan_revise_reminder: ['plan_title'],
  openings_opened: ['plan_title', 'headcount'],
  questionnaire_expired: ['candidate_name', 'opening_title'],
  knock_out_pending: ['candidate_name', 'opening_title'],
  below_pass_mark: ['candidate_name', 'opening_title', 'percent'],
  slate_ready: ['opening_title', 'slate'],
  opening_filled: ['opening_title'],
  import_finished: ['opening_title', 'created', 'duplicates', 'failed'],
  opening_pending: ['opening_title', 'seats'],
  opening_decided: ['opening_title', 'decision'],
  scorecards_complete: ['candidate_name', 'opening_title', 'overall'],
  scorecard_reminder: ['candidate_name', 'opening_title'],
  scorecards_overdue: ['candidate_name', 'opening_title', 'missing'],
  shortlist_open: ['opening_title', 'complete', 'needed', 'by_deadline'],
  interview_response: ['candidate_name', 'opening_title', 'response'],
  statements_ready: ['month'],
  onboarding_due: ['task', 'employee'],
  report_due: ['team'],
  report_reminder: ['team'],
  agenda_ready: ['team', 'missed'],
  greeting_planned: ['account', 'occasion', 'occasion_sq', 'day'],
  greeting_escalated: ['account', 'occasion', 'occasion_sq', 'rep', 'day'],
  kudos: ['from', 'message'],
  idle_digest: ['count', 'reps'],
};

/** The template key of a notice: some kinds have one template per outcome. */
function noticeKey(kind: string, params: Record<string, unknown>): string {
  if (BY_DECISION.has(kind)) return `notifications.message.${kind}_${params.decision}`;
  if (kind === 'interview_response') return `notifications.message.${kind}_${params.response}`;
  if (kind === 'shortlist_open' && params.by_deadline) return `notifications.message.${kind}_deadline`;
  return `notifications.message.${kind}`;
}

/** Kinds whose template depends on the decision taken. */
const BY_DECISION = new Set(['plan_decided', 'opening_decided']);

/** The notice in the reader's language when we have its template and params, else the server's English. */
function useNoticeText() {
  const { t, i18n } = useTranslation();
  const fmt = useFormat();
  return (n: AppNotification): string => {
    const params = n.params ?? {};
    const key = noticeKey(n.kind, params);
    const needs = NEEDS[n.kind] ?? ['plan_title'];
    if (needs.some((p) => params[p] === undefined || params[p] === null)) return n.message;
    const shown: Record<string, string | number> = { ...params };
    if (typeof params.percent === 'number') shown.percent = fmt.percent(params.percent / 100);
    if (typeof params.overall === 'number') shown.overall = fmt.number(params.overall as number);
    for (const k of ['created', 'duplicates', 'failed', 'seats', 'slate', 'complete', 'needed']) {
      if (typeof params[k] === 'number') shown[k] = fmt.number(params[k] as number);
    }
    // A day (YYYY-MM-DD, as client care sends it) in the reader's format.
    if (typeof params.day === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(params.day)) shown.day = fmt.date(`${params.day}T12:00:00`);
    // i18next picks the plural form ("1 seat", "3 seats") from a numeric count.
    if (typeof params.seats === 'number') shown.count = params.seats;
    if (typeof params.slate === 'number') shown.count = params.slate;
    const options = { ...shown, interpolation: { escapeValue: false } };
    return i18n.exists(key, options) ? t(key, options) : n.message;
  };
}

export function NotificationsBell() {
  const noticeText = useNoticeText();
  const { t } = useTranslation();
  const fmt = useFormat();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const [opened, setOpened] = useState(false);
  const notifications = useNotifications();
  const items = notifications.items;
  const unread = items.filter((n) => !n.read_at);

  const markRead = useMutation({
    mutationFn: (id: number) => markNotificationRead(id),
    onSuccess: (_d, id) => {
      qc.setQueryData(
        keys.notifications,
        mapPages<AppNotification>((n) => (n.id === id ? { ...n, read_at: new Date().toISOString() } : n)),
      );
    },
    onSettled: () => void qc.invalidateQueries({ queryKey: keys.notifications }),
  });

  const open = (n: AppNotification) => {
    if (!n.read_at) markRead.mutate(n.id);
    const to = internalLink(n.link);
    if (to) {
      setOpened(false);
      navigate(to);
    }
  };

  const label = unread.length
    ? t('notifications.labelUnread', { count: unread.length })
    : t('notifications.label');

  return (
    <Popover opened={opened} onChange={setOpened} position="bottom-end" width={360} shadow="md" withArrow>
      <Popover.Target>
        <Indicator
          disabled={unread.length === 0}
          label={unread.length > 9 ? '9+' : unread.length}
          size={16}
          color="red"
          offset={4}
        >
          <ActionIcon variant="subtle" color="gray" size="lg" aria-label={label} onClick={() => setOpened((o) => !o)}>
            <IconBell size={20} aria-hidden />
          </ActionIcon>
        </Indicator>
      </Popover.Target>
      <Popover.Dropdown p={0}>
        <Group justify="space-between" px="md" py="sm">
          <Text fw={600} size="sm" component="h2">
            {t('notifications.title')}
          </Text>
          {unread.length > 0 && (
            <Button
              variant="subtle"
              size="compact-xs"
              onClick={() => unread.forEach((n) => markRead.mutate(n.id))}
            >
              {t('notifications.markAllRead')}
            </Button>
          )}
        </Group>
        <Divider />
        <ScrollArea.Autosize mah={380}>
          {notifications.query.isError ? (
            <Text size="sm" c="red" p="md">
              {t('notifications.loadFailed')}
            </Text>
          ) : items.length === 0 ? (
            <Text size="sm" c="dimmed" p="md" ta="center">
              {notifications.query.isPending ? t('common.loading') : t('notifications.empty')}
            </Text>
          ) : (
            <Stack gap={0}>
              {items.map((n) => (
                <UnstyledButton
                  key={n.id}
                  onClick={() => open(n)}
                  px="md"
                  py="sm"
                  style={{
                    borderBottom: '1px solid var(--mantine-color-gray-2)',
                    background: n.read_at ? undefined : 'var(--mantine-color-indigo-0)',
                  }}
                >
                  <Group justify="space-between" align="flex-start" wrap="nowrap" gap="xs">
                    <Text size="sm" fw={n.read_at ? 400 : 600} style={{ overflowWrap: 'anywhere' }}>
                      {noticeText(n)}
                    </Text>
                    {!n.read_at && (
                      <Badge size="xs" variant="filled" color="indigo">
                        {t('notifications.new')}
                      </Badge>
                    )}
                  </Group>
                  <Text size="xs" c="dimmed" mt={2}>
                    {t(`notifications.kind.${n.kind}`, { defaultValue: n.kind.replace(/_/g, ' ') })} ·{' '}
                    {fmt.dateTime(n.created_at)}
                  </Text>
                </UnstyledButton>
              ))}
              {notifications.query.hasNextPage ? (
                <Button
                  variant="subtle"
                  size="compact-sm"
                  m="xs"
                  onClick={() => void notifications.query.fetchNextPage()}
                  loading={notifications.query.isFetchingNextPage}
                >
                  {t('paging.more')}
                </Button>
              ) : null}
            </Stack>
          )}
        </ScrollArea.Autosize>
      </Popover.Dropdown>
    </Popover>
  );
}
