import { Anchor, Group, Paper, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Activity } from '../../api/clients';
import { useFormat } from '../../lib/format';
import { ActivityKindBadge } from './ActivityKindBadge';

/** Logged work, newest first: kind, when, who, the amount of a deal won, and the notes. */
export function ActivityList({
  activities,
  showClient,
  showRep = true,
  label,
}: {
  activities: Activity[];
  /** Name the client of each activity, with a link to it (lists across clients). */
  showClient?: boolean;
  showRep?: boolean;
  label: string;
}) {
  const { t } = useTranslation();
  const fmt = useFormat();
  return (
    <Stack gap="xs" component="ul" aria-label={label} style={{ listStyle: 'none', margin: 0, padding: 0 }}>
      {activities.map((a) => (
        <Paper key={a.id} component="li" withBorder radius="md" p="sm">
          <Group gap="sm" justify="space-between" wrap="wrap" align="flex-start">
            <Group gap="sm" wrap="wrap" style={{ minWidth: 0 }}>
              <ActivityKindBadge kind={a.kind} />
              {showClient && (
                <Anchor component={Link} to={`/clients/${a.account_id}`} fw={600} size="sm" style={{ overflowWrap: 'anywhere' }}>
                  {a.account}
                </Anchor>
              )}
              {a.kind === 'deal_won' && a.currency && (
                <Text fw={700} size="sm" c="green.8">
                  {fmt.money(a.amount, a.currency)}
                </Text>
              )}
            </Group>
            <Text size="xs" c="dimmed">
              {showRep ? t('activity.byAt', { name: a.rep.name, when: fmt.dateTime(a.at) }) : fmt.dateTime(a.at)}
            </Text>
          </Group>
          {a.notes && (
            <Text size="sm" mt={6} style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
              {a.notes}
            </Text>
          )}
        </Paper>
      ))}
    </Stack>
  );
}
