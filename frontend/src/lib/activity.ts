import { IconPhone, IconThumbDown, IconTrophy, IconUsersGroup, type Icon } from '@tabler/icons-react';
import type { ActivityKind } from '../api/clients';

/** The icon of each kind of sales activity. */
export const KIND_ICON: Record<ActivityKind, Icon> = {
  call: IconPhone,
  meeting: IconUsersGroup,
  deal_won: IconTrophy,
  deal_lost: IconThumbDown,
};

/** The badge colour of each kind of sales activity. */
export const KIND_COLOR: Record<ActivityKind, string> = {
  call: 'blue',
  meeting: 'violet',
  deal_won: 'green',
  deal_lost: 'gray',
};

export const isActivityKind = (kind: string): kind is ActivityKind => kind in KIND_ICON;
