import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';

const COLORS: Record<string, string> = { proposed: 'yellow', approved: 'green' };

/** Where a handover stands: proposed (waiting for a department head) or approved (the clients moved). */
export function HandoverStatusBadge({ status, size = 'md' }: { status: string; size?: 'sm' | 'md' | 'lg' }) {
  const { t } = useTranslation();
  return (
    <Badge color={COLORS[status] ?? 'gray'} variant="light" size={size} tt="none" data-testid="handover-status">
      {t(`handovers.status.${status}`, { defaultValue: status })}
    </Badge>
  );
}
