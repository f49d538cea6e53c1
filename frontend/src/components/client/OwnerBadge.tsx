import { Badge } from '@mantine/core';
import { IconUserCheck, IconUserQuestion } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { Account } from '../../api/clients';
import { useFormat } from '../../lib/format';

// A long name wraps on a phone rather than running off the screen.
const WRAP = {
  root: { height: 'auto', maxWidth: '100%', paddingBlock: 4 },
  label: { whiteSpace: 'normal', overflow: 'visible' },
} as const;

/** Who owns a client: the rep who logged its first call, for the whole relationship. */
export function OwnerBadge({ account, size = 'lg' }: { account: Account; size?: 'md' | 'lg' | 'xl' }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  if (!account.owner) {
    return (
      <Badge size={size} radius="md" variant="outline" color="orange" leftSection={<IconUserQuestion size={16} aria-hidden />} tt="none" styles={WRAP} data-testid="owner-badge">
        {t('client.noOwner')}
      </Badge>
    );
  }
  return (
    <Badge size={size} radius="md" variant="filled" color="indigo" leftSection={<IconUserCheck size={16} aria-hidden />} tt="none" styles={WRAP} data-testid="owner-badge">
      {account.owner_since
        ? t('client.ownedBySince', { name: account.owner.name, date: fmt.date(account.owner_since) })
        : t('client.ownedBy', { name: account.owner.name })}
    </Badge>
  );
}
