import { Anchor, Group } from '@mantine/core';
import { IconArrowsExchange } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Account } from '../../api/clients';
import { HANDOVER_ROLES, hasRole } from '../../lib/roles';
import { useCurrentUser } from '../../lib/useCurrentUser';

/**
 * Where a client's owner can change, for department heads and admins: only by handing over all of the owner's
 * clients (one owner per client; ownership moves only by an approved handover).
 */
export function HandOverLink({ account }: { account: Account }) {
  const { t } = useTranslation();
  const me = useCurrentUser();
  if (!account.owner || !hasRole(me, ...HANDOVER_ROLES)) return null;
  return (
    <Anchor component={Link} to={`/handovers?new=1&from=${account.owner.id}`} size="sm">
      <Group gap={4} wrap="nowrap" component="span">
        <IconArrowsExchange size={14} aria-hidden />
        {t('client.handOver')}
      </Group>
    </Anchor>
  );
}
