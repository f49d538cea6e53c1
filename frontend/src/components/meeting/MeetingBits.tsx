import { Badge, Group, Paper, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

const STATUS_COLORS: Record<string, string> = { open: 'blue', held: 'gray', cancelled: 'orange' };

/** A meeting's status: open for reports, held, or cancelled by a new cadence. */
export function MeetingStatusBadge({ status }: { status: string }) {
  const { t } = useTranslation();
  return (
    <Badge size="sm" variant="light" color={STATUS_COLORS[status] ?? 'gray'} tt="none" data-testid="meeting-status">
      {t(`meetings.status.${status}`, { defaultValue: status })}
    </Badge>
  );
}

/** A titled, bordered section of a team's or a meeting's page. */
export function Section({ title, id, actions, children }: { title: ReactNode; id: string; actions?: ReactNode; children: ReactNode }) {
  return (
    <Paper withBorder radius="md" p={{ base: 'sm', sm: 'md' }} component="section" aria-labelledby={id}>
      <Group justify="space-between" mb="sm" gap="sm" wrap="wrap">
        <Title order={2} size="h4" id={id}>
          {title}
        </Title>
        {actions}
      </Group>
      {children}
    </Paper>
  );
}
