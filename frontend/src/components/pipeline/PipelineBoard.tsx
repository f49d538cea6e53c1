import { Box, Button, Group, Loader, NumberInput, Select, Text, TextInput } from '@mantine/core';
import {
  DndContext,
  DragOverlay,
  KeyboardSensor,
  PointerSensor,
  useSensor,
  useSensors,
  type Announcements,
  type Active,
  type DragEndEvent,
  type DragStartEvent,
} from '@dnd-kit/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconSearch, IconUserPlus } from '@tabler/icons-react';
import { useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useBoard } from '../../api/queries';
import { SOURCES, STAGES, type Application, type ApplicationFilter, type Opening, type Stage } from '../../api/types';
import { columnCollision, columnKeyboardCoordinates } from '../../lib/boardKeyboard';
import { EXIT_STAGES } from '../../lib/pipeline';
import { useMoveFlow } from '../../lib/useMoveFlow';
import { ErrorAlert } from '../ErrorAlert';
import { AddCandidateModal } from './AddCandidateModal';
import { BoardCard, DraggedCard } from './BoardCard';
import { BoardColumn } from './BoardColumn';
import { QuickView } from './QuickView';

const appOf = (a: Active | null) => (a?.data.current as { app?: Application } | undefined)?.app;

/**
 * The opening's pipeline: a column per stage, a card per candidate. Cards move by dragging (mouse or
 * keyboard) or by their "Move to" menu, always through the API's rules: a legal move asks for its reason,
 * an illegal one shows the server's refusal and the card stays where it was.
 */
export function PipelineBoard({ opening, canManage }: { opening: Opening; canManage: boolean }) {
  const { t } = useTranslation();
  const [source, setSource] = useState<string | null>(null);
  const [minScore, setMinScore] = useState<number | string>('');
  const [tag, setTag] = useState('');
  const [q, setQ] = useState('');
  const [debouncedTag] = useDebouncedValue(tag, 300);
  const [debouncedQ] = useDebouncedValue(q, 300);
  const filter: ApplicationFilter = {
    source: source ?? undefined,
    min_score: typeof minScore === 'number' ? minScore : undefined,
    tag: debouncedTag.trim().toLowerCase() || undefined,
    q: debouncedQ.trim() || undefined,
  };
  const board = useBoard(opening.id, filter);
  const moves = useMoveFlow();
  const [dragged, setDragged] = useState<Application | null>(null);
  const [viewing, setViewing] = useState<number | null>(null);
  const [adding, setAdding] = useState(false);
  const [collapsed, setCollapsed] = useState<Partial<Record<Stage, boolean>>>({});
  const passMark = opening.questionnaire?.pass_mark;

  const sensors = useSensors(
    useSensor(PointerSensor, { activationConstraint: { distance: 6 } }),
    useSensor(KeyboardSensor, { coordinateGetter: columnKeyboardCoordinates, scrollBehavior: 'auto' }),
  );

  const byStage = useMemo(() => {
    const m = new Map<Stage, Application[]>(STAGES.map((s) => [s, []]));
    for (const a of board.data?.items ?? []) m.get(a.stage)?.push(a);
    return m;
  }, [board.data]);

  // Until the card leaves its own column, "picked up" is the news; being over its own column is not.
  const leftHome = useRef(false);
  const stageName = (id: unknown) => t(`stage.${String(id)}`);
  const announcements: Announcements = {
    onDragStart: ({ active }) => {
      leftHome.current = false;
      const a = appOf(active);
      return a ? t('board.announce.start', { name: a.candidate.name, stage: stageName(a.stage) }) : undefined;
    },
    onDragOver: ({ active, over }) => {
      const a = appOf(active);
      if (!a) return undefined;
      if (over?.id === a.stage && !leftHome.current) return undefined;
      leftHome.current = true;
      return over ? t('board.announce.over', { name: a.candidate.name, stage: stageName(over.id) }) : t('board.announce.nowhere', { name: a.candidate.name });
    },
    onDragEnd: ({ active, over }) => {
      const a = appOf(active);
      if (!a) return undefined;
      if (!over || over.id === a.stage) return t('board.announce.stays', { name: a.candidate.name, stage: stageName(a.stage) });
      return t('board.announce.dropped', { name: a.candidate.name, stage: stageName(over.id) });
    },
    onDragCancel: ({ active }) => {
      const a = appOf(active);
      return a ? t('board.announce.cancelled', { name: a.candidate.name, stage: stageName(a.stage) }) : undefined;
    },
  };

  const onDragStart = (e: DragStartEvent) => setDragged(appOf(e.active) ?? null);
  const onDragEnd = (e: DragEndEvent) => {
    setDragged(null);
    const a = appOf(e.active);
    if (a && e.over) moves.request(a, e.over.id as Stage);
  };

  const total = board.data?.total ?? 0;
  const shown = board.data?.items.length ?? 0;
  const filtered = !!(filter.source || filter.min_score !== undefined || filter.tag || filter.q);

  return (
    <>
      <Group justify="space-between" align="flex-end" mb="md" gap="sm">
        <Group gap="sm" align="flex-end" role="search" aria-label={t('board.filters')}>
          <TextInput
            label={t('board.search')}
            placeholder={t('board.searchPlaceholder')}
            leftSection={<IconSearch size={16} aria-hidden />}
            value={q}
            onChange={(e) => setQ(e.currentTarget.value)}
            w={220}
          />
          <Select
            label={t('board.source')}
            placeholder={t('board.allSources')}
            data={SOURCES.map((s) => ({ value: s, label: t(`source.${s}`) }))}
            value={source}
            onChange={setSource}
            clearable
            w={170}
          />
          <TextInput label={t('board.tag')} placeholder={t('board.anyTag')} value={tag} onChange={(e) => setTag(e.currentTarget.value)} w={140} />
          <NumberInput
            label={t('board.minScore')}
            placeholder="0–100"
            min={0}
            max={100}
            clampBehavior="strict"
            allowNegative={false}
            suffix=" %"
            value={minScore}
            onChange={setMinScore}
            w={130}
          />
          {(board.isFetching || moves.checking) && <Loader size="xs" mb={10} aria-label={t('common.loading')} />}
        </Group>
        {canManage && (
          <Button
            leftSection={<IconUserPlus size={16} aria-hidden />}
            onClick={() => setAdding(true)}
            disabled={opening.status !== 'open'}
            title={opening.status !== 'open' ? t('board.notOpen') : undefined}
          >
            {t('board.addCandidate')}
          </Button>
        )}
      </Group>
      <Text size="sm" c="dimmed" mb="xs" aria-live="polite">
        {board.data ? (filtered ? t('board.countFiltered', { count: total }) : t('board.count', { count: total })) : ''}
        {board.data && shown < total ? ` ${t('board.truncated', { shown })}` : ''}
      </Text>
      {board.isError ? (
        <ErrorAlert error={board.error} onRetry={() => void board.refetch()} />
      ) : (
        <DndContext
          sensors={sensors}
          collisionDetection={columnCollision}
          onDragStart={onDragStart}
          onDragEnd={onDragEnd}
          onDragCancel={() => setDragged(null)}
          accessibility={{ announcements, screenReaderInstructions: { draggable: t('board.instructions') }, restoreFocus: false }}
        >
          <Box
            data-testid="pipeline-board"
            style={{ display: 'flex', gap: 8, overflowX: 'auto', alignItems: 'stretch', paddingBottom: 8 }}
          >
            {STAGES.map((stage) => {
              const apps = byStage.get(stage) ?? [];
              const exit = EXIT_STAGES.includes(stage);
              return (
                <BoardColumn
                  key={stage}
                  stage={stage}
                  count={apps.length}
                  narrow={exit}
                  collapsed={exit && collapsed[stage]}
                  onToggle={exit ? () => setCollapsed((c) => ({ ...c, [stage]: !c[stage] })) : undefined}
                  dragging={dragged !== null}
                  legal={!!dragged?.allowed_moves.includes(stage)}
                >
                  {board.isPending
                    ? null
                    : apps.map((a) => (
                        <BoardCard
                          key={a.id}
                          app={a}
                          passMark={passMark}
                          canMove={canManage}
                          onOpen={() => setViewing(a.id)}
                          onMove={(to) => moves.request(a, to)}
                        />
                      ))}
                </BoardColumn>
              );
            })}
          </Box>
          <DragOverlay dropAnimation={null}>{dragged ? <DraggedCard app={dragged} passMark={passMark} /> : null}</DragOverlay>
        </DndContext>
      )}
      {moves.modal}
      <QuickView id={viewing} passMark={passMark} onClose={() => setViewing(null)} />
      {canManage && <AddCandidateModal opening={opening} opened={adding} onClose={() => setAdding(false)} />}
    </>
  );
}
