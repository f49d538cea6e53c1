import { Badge } from '@mantine/core';
import { IconPhone } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { isActivityKind, KIND_COLOR, KIND_ICON } from '../../lib/activity';

/** What a rep did with a client, as an icon and a word. */
export function ActivityKindBadge({ kind }: { kind: string }) {
  const { t } = useTranslation();
  const Icon = isActivityKind(kind) ? KIND_ICON[kind] : IconPhone;
  return (
    <Badge
      variant="light"
      color={isActivityKind(kind) ? KIND_COLOR[kind] : 'gray'}
      leftSection={<Icon size={14} aria-hidden />}
      style={{ flexShrink: 0 }}
    >
      {isActivityKind(kind) ? t(`activity.kind.${kind}`) : kind}
    </Badge>
  );
}
