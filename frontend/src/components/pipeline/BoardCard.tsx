import { ActionIcon, Badge, Group, Menu, Paper, Stack, Text, Tooltip, UnstyledButton } from '@mantine/core';
import { useDraggable } from '@dnd-kit/core';
import { IconArrowsRightLeft, IconGripVertical } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Application, Stage } from '../../api/types';
import { daysSince, STAGE_COLORS } from '../../lib/pipeline';

/** The questionnaire score: red for a knock-out, green at or above the pass mark, yellow below it. */
export function ScoreBadge({ app, passMark }: { app: Application; passMark?: number }) {
  const { t } = useTranslation();
  if (app.score_percent === null) return null;
  const color = app.knocked_out ? 'red' : passMark === undefined || app.score_percent >= passMark ? 'green' : 'yellow';
  return (
    <Badge size="sm" variant={app.knocked_out ? 'filled' : 'light'} color={color} tt="none" data-testid="score-badge">
      {app.knocked_out
        ? t('board.scoreKnockedOut', { score: Math.round(app.score_percent) })
        : t('board.score', { score: Math.round(app.score_percent) })}
    </Badge>
  );
}

/** Markers that want the recruiter's attention: an expired questionnaire, a knock-out awaiting confirmation. */
export function AttentionBadges({ app }: { app: Application }) {
  const { t } = useTranslation();
  return (
    <>
      {app.questionnaire_status === 'expired' && app.stage === 'questionnaire' && (
        <Badge size="sm" color="orange" variant="outline" tt="none">
          {t('board.questionnaireExpired')}
        </Badge>
      )}
      {app.knocked_out && app.stage === 'questionnaire' && (
        <Badge size="sm" color="red" variant="outline" tt="none">
          {t('board.knockOutPending')}
        </Badge>
      )}
    </>
  );
}

/** What a card shows of an application; the board's card and its drag overlay both use it. */
function CardBody({
  app,
  passMark,
  handle,
  nameControl,
  menu,
}: {
  app: Application;
  passMark?: number;
  handle: ReactNode;
  nameControl: ReactNode;
  menu?: ReactNode;
}) {
  const { t } = useTranslation();
  const days = daysSince(app.stage_entered_at);
  return (
    <Group gap={6} align="flex-start" wrap="nowrap">
      {handle}
      <Stack gap={4} style={{ minWidth: 0, flex: 1 }}>
        <Group gap={4} justify="space-between" wrap="nowrap" align="flex-start">
          {nameControl}
          {menu}
        </Group>
        <Text size="xs" c="dimmed">
          {t(`source.${app.source}`, { defaultValue: app.source })} ·{' '}
          {days === 0 ? t('board.inStageToday') : t('board.inStageDays', { count: days })}
        </Text>
        {app.stage === 'rejected' && app.reason_code && (
          <Text size="xs" c="red.8">
            {t(`rejectionReason.${app.reason_code}`, { defaultValue: app.reason_code })}
          </Text>
        )}
        <Group gap={4}>
          <ScoreBadge app={app} passMark={passMark} />
          <AttentionBadges app={app} />
          {app.tags.map((tag) => (
            <Badge key={tag} size="xs" variant="default" tt="none" radius="sm">
              {tag}
            </Badge>
          ))}
        </Group>
      </Stack>
    </Group>
  );
}

/**
 * A candidate on the board. The grip is the drag handle for the keyboard (Space picks up, arrows move between
 * columns, Space drops, Escape cancels); the mouse can drag the whole card. The name opens the quick view and
 * the menu moves the candidate without dragging.
 */
export function BoardCard({
  app,
  passMark,
  canMove,
  onOpen,
  onMove,
}: {
  app: Application;
  passMark?: number;
  canMove: boolean;
  onOpen: () => void;
  onMove: (to: Stage) => void;
}) {
  const { t } = useTranslation();
  const name = app.candidate.name;
  // A closed application (hired, rejected, withdrawn) moves no more: nothing to drag.
  canMove = canMove && app.allowed_moves.length > 0;
  const { attributes, listeners, setNodeRef, setActivatorNodeRef, isDragging } = useDraggable({
    id: app.id,
    data: { app, stage: app.stage },
    disabled: !canMove,
    attributes: { roleDescription: t('board.draggable') },
  });

  return (
    <Paper
      ref={setNodeRef}
      {...(canMove ? listeners : {})}
      withBorder
      radius="md"
      p="xs"
      shadow="xs"
      data-testid="board-card"
      data-application-id={app.id}
      aria-label={name}
      component="article"
      style={{ opacity: isDragging ? 0.4 : 1, borderLeft: `3px solid var(--mantine-color-${STAGE_COLORS[app.stage]}-5)` }}
    >
      <CardBody
        app={app}
        passMark={passMark}
        handle={
          canMove ? (
            <ActionIcon
              ref={setActivatorNodeRef}
              {...attributes}
              variant="subtle"
              color="gray"
              size="sm"
              aria-label={t('board.dragHandle', { name })}
              style={{ cursor: 'grab', touchAction: 'none' }}
            >
              <IconGripVertical size={16} aria-hidden />
            </ActionIcon>
          ) : null
        }
        nameControl={
          <UnstyledButton onClick={onOpen} style={{ minWidth: 0 }}>
            <Text size="sm" fw={600} truncate="end">
              {name}
            </Text>
          </UnstyledButton>
        }
        menu={
          canMove && app.allowed_moves.length > 0 ? (
            <Menu position="bottom-end" withinPortal shadow="md">
              <Menu.Target>
                <Tooltip label={t('board.moveTo')} openDelay={400}>
                  <ActionIcon variant="subtle" color="gray" size="sm" aria-label={t('board.moveToFor', { name })}>
                    <IconArrowsRightLeft size={14} aria-hidden />
                  </ActionIcon>
                </Tooltip>
              </Menu.Target>
              <Menu.Dropdown>
                <Menu.Label>{t('board.moveTo')}</Menu.Label>
                {app.allowed_moves.map((s) => (
                  <Menu.Item key={s} color={s === 'rejected' ? 'red' : undefined} onClick={() => onMove(s)}>
                    {t(`stage.${s}`)}
                  </Menu.Item>
                ))}
              </Menu.Dropdown>
            </Menu>
          ) : undefined
        }
      />
    </Paper>
  );
}

/** The card as it follows the pointer or the arrow keys while dragged. */
export function DraggedCard({ app, passMark }: { app: Application; passMark?: number }) {
  return (
    <Paper withBorder radius="md" p="xs" shadow="lg" style={{ cursor: 'grabbing', borderLeft: `3px solid var(--mantine-color-${STAGE_COLORS[app.stage]}-5)` }}>
      <CardBody
        app={app}
        passMark={passMark}
        handle={<IconGripVertical size={16} aria-hidden style={{ marginTop: 4, color: 'var(--mantine-color-gray-6)' }} />}
        nameControl={
          <Text size="sm" fw={600} truncate="end">
            {app.candidate.name}
          </Text>
        }
      />
    </Paper>
  );
}
