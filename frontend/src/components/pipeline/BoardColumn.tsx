import { ActionIcon, Badge, Box, Group, Stack, Text, Title } from '@mantine/core';
import { useDroppable } from '@dnd-kit/core';
import { IconLayoutSidebarLeftCollapse, IconLayoutSidebarLeftExpand } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Stage } from '../../api/types';
import { STAGE_COLORS } from '../../lib/pipeline';

/**
 * One stage of the board and a drop target. While a card is dragged, the columns it may move to now are
 * outlined; the column under it is shaded. The two ways out (rejected, withdrawn) are narrower and can be
 * collapsed to their count.
 */
export function BoardColumn({
  stage,
  count,
  narrow,
  collapsed,
  onToggle,
  dragging,
  legal,
  children,
}: {
  stage: Stage;
  count: number;
  narrow?: boolean;
  collapsed?: boolean;
  onToggle?: () => void;
  /** A card is being dragged. */
  dragging: boolean;
  /** The dragged card may move here now. */
  legal: boolean;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  const { setNodeRef, isOver } = useDroppable({ id: stage, data: { stage } });
  const headingId = `column-${stage}-heading`;
  const label = t(`stage.${stage}`);
  const color = STAGE_COLORS[stage];
  const width = collapsed ? 56 : narrow ? 200 : 240;
  const toggle = onToggle ? (
    <ActionIcon
      variant="subtle"
      color="gray"
      size="sm"
      onClick={onToggle}
      aria-expanded={!collapsed}
      aria-label={collapsed ? t('board.expand', { stage: label }) : t('board.collapse', { stage: label })}
    >
      {collapsed ? <IconLayoutSidebarLeftExpand size={14} aria-hidden /> : <IconLayoutSidebarLeftCollapse size={14} aria-hidden />}
    </ActionIcon>
  ) : null;

  return (
    <Box
      ref={setNodeRef}
      component="section"
      aria-labelledby={headingId}
      data-testid={`column-${stage}`}
      style={{
        flex: `0 0 ${width}px`,
        width,
        display: 'flex',
        flexDirection: 'column',
        borderRadius: 'var(--mantine-radius-md)',
        background: isOver ? `var(--mantine-color-${color}-1)` : 'var(--mantine-color-gray-0)',
        outline: dragging && legal ? `2px dashed var(--mantine-color-${color}-5)` : '1px solid var(--mantine-color-gray-3)',
        outlineOffset: -1,
        transition: 'background 120ms',
      }}
    >
      {collapsed ? (
        <Stack gap={8} align="center" py={8} style={{ borderBottom: `3px solid var(--mantine-color-${color}-4)` }}>
          {toggle}
          <Badge size="sm" variant="light" color={color} circle aria-label={t('board.columnCount', { count })}>
            {count}
          </Badge>
          <Title order={3} size="h6" id={headingId} style={{ writingMode: 'vertical-rl' }}>
            {label}
          </Title>
        </Stack>
      ) : (
        <Group justify="space-between" wrap="nowrap" gap={4} px="xs" py={8} style={{ borderBottom: `3px solid var(--mantine-color-${color}-4)` }}>
          <Title order={3} size="h6" id={headingId} style={{ minWidth: 0 }}>
            <Text span inherit truncate="end">
              {label}
            </Text>
          </Title>
          <Group gap={4} wrap="nowrap">
            <Badge size="sm" variant="light" color={color} aria-label={t('board.columnCount', { count })}>
              {count}
            </Badge>
            {toggle}
          </Group>
        </Group>
      )}
      {!collapsed && (
        <Stack gap={6} p={6} style={{ flex: 1, minHeight: 96 }}>
          {children}
          {count === 0 && (
            <Text size="xs" c="dimmed" ta="center" py="sm">
              {t('board.columnEmpty')}
            </Text>
          )}
        </Stack>
      )}
    </Box>
  );
}
