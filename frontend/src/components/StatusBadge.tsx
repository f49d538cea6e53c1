import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';

const COLORS: Record<string, string> = {
  pending_approval: 'yellow',
  changes_requested: 'orange',
  approved: 'green',
  rejected: 'red',
  open: 'blue',
  filled: 'green',
  closed: 'gray',
};

export function StatusBadge({ status, size = 'md' }: { status: string; size?: 'sm' | 'md' | 'lg' }) {
  const { t } = useTranslation();
  return (
    <Badge color={COLORS[status] ?? 'gray'} variant="light" size={size} data-testid="status-badge">
      {t(`status.${status}`, { defaultValue: status.replace(/_/g, ' ') })}
    </Badge>
  );
}
