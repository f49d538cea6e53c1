import {
  ActionIcon,
  Alert,
  Anchor,
  Badge,
  Button,
  Checkbox,
  Group,
  Paper,
  Skeleton,
  Stack,
  Table,
  Text,
  Tooltip,
  UnstyledButton,
} from '@mantine/core';
import {
  IconAlertTriangle,
  IconArrowDown,
  IconArrowUp,
  IconArrowsSort,
  IconCalendarPlus,
  IconChevronDown,
  IconChevronRight,
  IconListCheck,
  IconLock,
  IconLockOpen,
} from '@tabler/icons-react';
import { useElementSize } from '@mantine/hooks';
import { Fragment, useState, type CSSProperties, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useComparison } from '../../api/queries';
import { RECOMMENDATIONS, type ComparisonRound, type ComparisonRow, type Opening, type Recommendation } from '../../api/types';
import { useFormat } from '../../lib/format';
import { EmptyBox } from '../EmptyState';
import { ErrorAlert } from '../ErrorAlert';
import { ScheduleGroupInterviewModal } from '../interview/ScheduleGroupInterviewModal';
import { StageBadge } from '../StageBadge';
import { ShortlistModal } from './ShortlistModal';

/** Panel scores this far apart on one competency are a disagreement worth talking about. */
const DISAGREEMENT = 2;

const REC_COLORS: Record<Recommendation, string> = { strong_yes: 'green', yes: 'teal', no: 'orange', strong_no: 'red' };

type SortKey = string; // 'name' | 'questionnaire' | 'overall' | 'rec' | 'second' | 'c:<id>' | 's:<id>'
interface Sort {
  key: SortKey;
  desc: boolean;
}

/** Can be shortlisted: at the first interview with every scorecard of the panel in. */
const shortlistable = (r: ComparisonRow) => r.stage === 'first_interview' && !!r.first?.complete;
/** Can be invited to a second or group interview. */
const invitable = (r: ComparisonRow) => r.stage === 'shortlist' || r.stage === 'second_interview';

function competency(round: ComparisonRound | null, id: string) {
  const c = (round?.result?.competencies ?? []).find((x) => x.competency_id === id);
  return c && c.n > 0 ? c : null;
}

const hasScores = (round: ComparisonRound | null) => !!round?.result && round.result.scorecards > 0;

/** The value a row sorts by, or null (always sorted last). */
function sortValue(r: ComparisonRow, key: SortKey): number | string | null {
  if (key === 'name') return r.name.toLocaleLowerCase();
  if (key === 'questionnaire') return r.questionnaire?.percent ?? null;
  if (key === 'overall') return hasScores(r.first) ? (r.first?.result?.overall ?? null) : null;
  if (key === 'rec') return hasScores(r.first) ? (r.first?.result?.recommendation_mean ?? null) : null;
  if (key === 'second') return hasScores(r.second) ? (r.second?.result?.overall ?? null) : null;
  if (key.startsWith('c:')) return competency(r.first, key.slice(2))?.mean ?? null;
  if (key.startsWith('s:')) return competency(r.second, key.slice(2))?.mean ?? null;
  return null;
}

function sortRows(rows: ComparisonRow[], sort: Sort): ComparisonRow[] {
  return [...rows].sort((a, b) => {
    const x = sortValue(a, sort.key);
    const y = sortValue(b, sort.key);
    if (x === null && y === null) return a.name.localeCompare(b.name);
    if (x === null) return 1;
    if (y === null) return -1;
    const cmp = typeof x === 'string' ? x.localeCompare(String(y)) : x - (y as number);
    return (sort.desc ? -cmp : cmp) || a.name.localeCompare(b.name);
  });
}

/** A column heading that sorts the table when clicked, and says how it is sorted (aria-sort). */
function SortTh({
  label,
  sortKey,
  sort,
  onSort,
  align,
  style,
}: {
  label: string;
  sortKey: SortKey;
  sort: Sort;
  onSort: (key: SortKey) => void;
  align?: 'left' | 'right';
  style?: CSSProperties;
}) {
  const { t } = useTranslation();
  const active = sort.key === sortKey;
  const Icon = !active ? IconArrowsSort : sort.desc ? IconArrowDown : IconArrowUp;
  return (
    <Table.Th aria-sort={active ? (sort.desc ? 'descending' : 'ascending') : 'none'} ta={align} style={style}>
      <UnstyledButton onClick={() => onSort(sortKey)} title={t('compare.sortBy', { column: label })} style={{ fontWeight: 700, fontSize: 'inherit' }}>
        <Group gap={4} wrap="nowrap" justify={align === 'right' ? 'flex-end' : undefined}>
          <span>{label}</span>
          <Icon size={14} aria-hidden style={{ opacity: active ? 1 : 0.4, flex: 'none' }} />
        </Group>
      </UnstyledButton>
    </Table.Th>
  );
}

/** A panel mean with its spread; a spread of two or more is flagged as a disagreement. */
function MeanCell({ round, id }: { round: ComparisonRound | null; id: string }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const c = competency(round, id);
  if (!c) {
    return (
      <Table.Td ta="right" c="dimmed">
        —
      </Table.Td>
    );
  }
  const text = `${fmt.number(c.mean, 1)} ±${fmt.number(c.spread, 1)}`;
  if (c.spread >= DISAGREEMENT) {
    return (
      <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
        <Tooltip label={t('compare.disagree', { spread: fmt.number(c.spread, 1) })} withArrow multiline maw={260}>
          <Badge
            color="orange"
            variant="light"
            tt="none"
            size="md"
            leftSection={<IconAlertTriangle size={12} aria-hidden />}
            aria-label={t('compare.disagreeLabel', { value: text })}
            tabIndex={0}
            data-testid="disagreement"
          >
            {text}
          </Badge>
        </Tooltip>
      </Table.Td>
    );
  }
  return (
    <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
      {text}
    </Table.Td>
  );
}

/** The recommendations counted, compactly, and who has yet to score. */
function Recommendations({ round }: { round: ComparisonRound | null }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  if (!round) return null;
  const r = round.result;
  return (
    <Stack gap={4}>
      {r && r.scorecards > 0 && (
        <Tooltip label={t('compare.recMean', { mean: fmt.number(r.recommendation_mean, 1) })} withArrow>
          <Group gap={4} wrap="nowrap">
            {RECOMMENDATIONS.filter((k) => r.recommendations?.[k])
              .reverse()
              .map((k) => (
                <Badge key={k} color={REC_COLORS[k]} variant="light" tt="none" size="sm" style={{ flex: 'none' }}>
                  {t(`interview.rec.${k}`)} ×{r.recommendations[k]}
                </Badge>
              ))}
          </Group>
        </Tooltip>
      )}
      {!round.complete && round.awaiting.length > 0 && (
        <Text size="xs" c="orange.8" data-testid="awaiting">
          {t('compare.awaiting', { names: round.awaiting.map((p) => p.name).join(', ') })}
        </Text>
      )}
    </Stack>
  );
}

function OverallCell({ round, testId, divider }: { round: ComparisonRound | null; testId: string; divider?: boolean }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const border: CSSProperties | undefined = divider ? { borderLeft: '1px solid var(--mantine-color-default-border)' } : undefined;
  if (!round || !hasScores(round)) {
    return (
      <Table.Td ta="right" c="dimmed" style={border}>
        {round ? t(round.hidden ? 'compare.hiddenUntilYours' : 'compare.noScores') : '—'}
      </Table.Td>
    );
  }
  const overall = round.result?.overall ?? 0;
  return (
    <Table.Td ta="right" style={{ whiteSpace: 'nowrap', ...border }} data-testid={testId} data-value={overall}>
      <Text span fw={700} size="sm">
        {fmt.number(overall, 2)}
      </Text>
      {!round.complete && (
        <Text span size="xs" c="dimmed">
          {' '}
          {t('compare.partial')}
        </Text>
      )}
    </Table.Td>
  );
}

/** Each interviewer's recommendation and notes for one round. */
function RoundNotes({ title, round }: { title: string; round: ComparisonRound }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  return (
    <Stack gap="xs" style={{ flex: '1 1 320px', minWidth: 0 }}>
      <Text fw={600} size="sm">
        {title}
        <Text span c="dimmed" size="sm">
          {' · '}
          {fmt.dateTime(round.starts_at)}
          {round.scenario ? ` · ${round.scenario.name}` : ''}
        </Text>
      </Text>
      {round.notes.length === 0 && (
        <Text size="sm" c="dimmed">
          {t('compare.noNotes')}
        </Text>
      )}
      {round.notes.map((n) => (
        <Paper key={n.interviewer.id} withBorder p="xs" radius="sm">
          <Group justify="space-between" gap="xs" mb={n.notes ? 4 : 0}>
            <Text size="sm" fw={500}>
              {n.interviewer.name}
            </Text>
            {n.recommendation && (
              <Badge color={REC_COLORS[n.recommendation]} variant="light" tt="none">
                {t(`interview.rec.${n.recommendation}`)}
              </Badge>
            )}
          </Group>
          {n.notes && (
            <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
              {n.notes}
            </Text>
          )}
        </Paper>
      ))}
      {round.awaiting.length > 0 && (
        <Text size="xs" c="dimmed">
          {t('compare.awaiting', { names: round.awaiting.map((p) => p.name).join(', ') })}
        </Text>
      )}
      <Anchor component={Link} to={`/interviews/${round.interview_id}`} size="sm">
        {t('interview.openKit')}
      </Anchor>
    </Stack>
  );
}

const stickyCell: CSSProperties = {
  position: 'sticky',
  left: 0,
  zIndex: 1,
  background: 'var(--mantine-color-body)',
  boxShadow: 'inset -1px 0 0 var(--mantine-color-default-border)',
};

/** The sticky cell of a selected row: the selection's tint over an opaque background. */
const stickySelected: CSSProperties = {
  ...stickyCell,
  background: 'linear-gradient(var(--mantine-primary-color-light), var(--mantine-primary-color-light)), var(--mantine-color-body)',
};

/**
 * The opening's candidates side by side: the slate's progress, each candidate's questionnaire and first-round
 * panel scores per competency (with disagreements flagged), their recommendations and notes, and any second
 * round; from here the hiring team shortlists and invites the shortlist to a second or group interview.
 */
export function CompareTab({ opening }: { opening: Opening }) {
  const { t, i18n } = useTranslation();
  const fmt = useFormat();
  const lang = i18n.resolvedLanguage ?? i18n.language ?? 'en';
  const cmp = useComparison(opening.id, lang);
  const [sort, setSort] = useState<Sort>({ key: 'overall', desc: true });
  const [selected, setSelected] = useState<Set<number>>(new Set());
  const [expanded, setExpanded] = useState<Set<number>>(new Set());
  const [dialog, setDialog] = useState<'shortlist' | 'schedule' | null>(null);
  // The visible width of the scrolling table, so that an opened row's notes fit in view.
  const { ref: boxRef, width: boxWidth } = useElementSize();

  if (cmp.isPending) return <Skeleton height={320} radius="md" />;
  if (cmp.isError) return <ErrorAlert error={cmp.error} onRetry={() => void cmp.refetch()} />;

  const data = cmp.data;
  const slate = data.slate;
  const comps = data.competencies ?? [];
  const rows = sortRows(data.rows ?? [], sort);
  const hasSecond = rows.some((r) => r.second);
  // The second round's competencies: the group rubric's, plus any other a second interview was scored on.
  const secondComps = [...(data.group_competencies ?? [])];
  if (hasSecond) {
    for (const r of rows) {
      for (const c of r.second?.result?.competencies ?? []) {
        if (!secondComps.some((x) => x.id === c.competency_id)) {
          secondComps.push({ id: c.competency_id, name: comps.find((x) => x.id === c.competency_id)?.name ?? c.competency_id });
        }
      }
    }
  }

  // Only what can still be acted on stays selected (a candidate shortlisted since leaves the shortlist choice).
  const chosen = rows.filter((r) => selected.has(r.application_id) && (shortlistable(r) || invitable(r)));
  const canShortlist = chosen.length > 0 && chosen.every(shortlistable);
  const canInvite = chosen.length > 0 && chosen.length <= 12 && chosen.every(invitable);
  const mixed = chosen.length > 0 && !canShortlist && !canInvite;

  const onSort = (key: SortKey) =>
    setSort((s) => (s.key === key ? { key, desc: !s.desc } : { key, desc: key !== 'name' }));
  const toggle = (set: Set<number>, id: number) => {
    const next = new Set(set);
    if (next.has(id)) next.delete(id);
    else next.add(id);
    return next;
  };
  const clearSelection = () => setSelected(new Set());

  // Columns: the candidate (with their stage) and the questionnaire; then per round the overall and the
  // recommendations first (what one compares at a glance), then each competency.
  const firstCols = 3 + comps.length; // scenario, overall, recommendations, competencies
  const secondCols = hasSecond ? 2 + secondComps.length : 0; // overall, recommendations, competencies
  const totalCols = 2 + firstCols + secondCols;

  const banner = (
    <Alert
      color={slate.open ? 'teal' : 'blue'}
      variant="light"
      icon={slate.open ? <IconLockOpen size={18} aria-hidden /> : <IconLock size={18} aria-hidden />}
      title={t('compare.slateProgress', { complete: slate.complete, count: slate.size })}
      data-testid="slate-banner"
    >
      <Stack gap={4}>
        <Text size="sm">
          {slate.open
            ? slate.opened_at
              ? t('compare.slateOpenSince', { at: fmt.dateTime(slate.opened_at) })
              : t('compare.slateOpen')
            : t('compare.slateClosed', { count: slate.size })}
        </Text>
        {slate.open && slate.note && <Text size="sm">{slate.note}</Text>}
        {slate.deadline && (
          <Text size="sm" c="dimmed">
            {t('compare.deadline', { at: fmt.dateTime(slate.deadline) })}
          </Text>
        )}
      </Stack>
    </Alert>
  );

  if (rows.length === 0) {
    return (
      <Stack gap="md">
        {banner}
        <EmptyBox title={t('compare.empty')} description={t('compare.emptyHint')} />
      </Stack>
    );
  }

  const groupHeader = (label: ReactNode, span: number, first = false) => (
    <Table.Th colSpan={span} style={{ borderLeft: first ? undefined : '1px solid var(--mantine-color-default-border)' }}>
      {label}
    </Table.Th>
  );

  return (
    <Stack gap="md">
      {banner}
      <Group justify="space-between" gap="sm" wrap="wrap">
        <Text size="sm" c="dimmed" style={{ flex: '1 1 320px' }}>
          {mixed ? t('compare.mixedSelection') : chosen.length ? t('compare.selected', { count: chosen.length }) : t('compare.selectHint')}
        </Text>
        <Group gap="xs">
          <Button leftSection={<IconListCheck size={16} aria-hidden />} disabled={!canShortlist} onClick={() => setDialog('shortlist')}>
            {t('compare.shortlistSelected')}
          </Button>
          <Button
            variant="light"
            leftSection={<IconCalendarPlus size={16} aria-hidden />}
            disabled={!canInvite}
            onClick={() => setDialog('schedule')}
          >
            {chosen.length === 1 && canInvite ? t('compare.scheduleSecond') : t('compare.scheduleGroup')}
          </Button>
        </Group>
      </Group>

      <Paper withBorder radius="md" ref={boxRef}>
        <Table.ScrollContainer minWidth={760 + 100 * (comps.length + secondComps.length)}>
          <Table verticalSpacing="sm" data-testid="comparison-table" aria-label={t('compare.tableLabel')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th style={stickyCell} />
                {groupHeader(null, 1, true)}
                {groupHeader(t('compare.group.first'), firstCols)}
                {hasSecond && groupHeader(t('compare.group.second'), secondCols)}
              </Table.Tr>
              <Table.Tr>
                <SortTh label={t('compare.col.candidate')} sortKey="name" sort={sort} onSort={onSort} style={{ ...stickyCell, zIndex: 2, minWidth: 200 }} />
                <SortTh label={t('compare.col.questionnaire')} sortKey="questionnaire" sort={sort} onSort={onSort} align="right" />
                <Table.Th style={{ borderLeft: '1px solid var(--mantine-color-default-border)' }}>{t('compare.col.scenario')}</Table.Th>
                <SortTh label={t('compare.col.overall')} sortKey="overall" sort={sort} onSort={onSort} align="right" />
                <SortTh label={t('compare.col.recommendations')} sortKey="rec" sort={sort} onSort={onSort} />
                {comps.map((c) => (
                  <SortTh key={c.id} label={c.name} sortKey={`c:${c.id}`} sort={sort} onSort={onSort} align="right" />
                ))}
                {hasSecond && (
                  <SortTh
                    label={t('compare.col.secondOverall')}
                    sortKey="second"
                    sort={sort}
                    onSort={onSort}
                    align="right"
                    style={{ borderLeft: '1px solid var(--mantine-color-default-border)' }}
                  />
                )}
                {hasSecond && <Table.Th>{t('compare.col.recommendations')}</Table.Th>}
                {hasSecond &&
                  secondComps.map((c) => (
                    <SortTh key={c.id} label={c.name} sortKey={`s:${c.id}`} sort={sort} onSort={onSort} align="right" />
                  ))}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((r) => {
                const open = expanded.has(r.application_id);
                const selectable = shortlistable(r) || invitable(r);
                const q = r.questionnaire;
                return (
                  <Fragment key={r.application_id}>
                    <Table.Tr data-application-id={r.application_id} bg={selected.has(r.application_id) ? 'var(--mantine-primary-color-light)' : undefined}>
                      <Table.Td style={selected.has(r.application_id) ? stickySelected : stickyCell}>
                        <Group gap={6} wrap="nowrap">
                          <Checkbox
                            aria-label={t('compare.select', { name: r.name })}
                            checked={selectable && selected.has(r.application_id)}
                            disabled={!selectable}
                            onChange={() => setSelected((s) => toggle(s, r.application_id))}
                          />
                          <ActionIcon
                            variant="subtle"
                            color="gray"
                            size="sm"
                            aria-expanded={open}
                            aria-label={t(open ? 'compare.hideDetails' : 'compare.showDetails', { name: r.name })}
                            onClick={() => setExpanded((s) => toggle(s, r.application_id))}
                          >
                            {open ? <IconChevronDown size={16} aria-hidden /> : <IconChevronRight size={16} aria-hidden />}
                          </ActionIcon>
                          <Stack gap={2} align="flex-start">
                            <Anchor component={Link} to={`/applications/${r.application_id}`} fw={500} size="sm">
                              {r.name}
                            </Anchor>
                            <StageBadge stage={r.stage} size="xs" />
                          </Stack>
                        </Group>
                      </Table.Td>
                      <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                        {q ? (
                          <Text size="sm" c={q.knocked_out ? 'red' : q.passed ? undefined : 'orange.8'}>
                            {q.knocked_out ? t('board.scoreKnockedOut', { score: fmt.number(q.percent, 0) }) : t('board.score', { score: fmt.number(q.percent, 0) })}
                          </Text>
                        ) : (
                          <Text size="sm" c="dimmed">
                            —
                          </Text>
                        )}
                      </Table.Td>
                      <Table.Td style={{ borderLeft: '1px solid var(--mantine-color-default-border)' }}>
                        {r.first?.scenario ? (
                          <Stack gap={0}>
                            <Text size="sm">{r.first.scenario.name}</Text>
                            <Text size="xs" c="dimmed">
                              {t('compare.difficulty', { n: r.first.scenario.difficulty })}
                            </Text>
                          </Stack>
                        ) : (
                          <Text size="sm" c="dimmed">
                            {r.first ? '—' : t('compare.noInterview')}
                          </Text>
                        )}
                      </Table.Td>
                      <OverallCell round={r.first} testId="overall" />
                      <Table.Td>
                        <Recommendations round={r.first} />
                      </Table.Td>
                      {comps.map((c) => (
                        <MeanCell key={c.id} round={r.first} id={c.id} />
                      ))}
                      {hasSecond && <OverallCell round={r.second} testId="second-overall" divider />}
                      {hasSecond && (
                        <Table.Td>
                          <Recommendations round={r.second} />
                        </Table.Td>
                      )}
                      {hasSecond && secondComps.map((c) => <MeanCell key={c.id} round={r.second} id={c.id} />)}
                    </Table.Tr>
                    {open && (
                      <Table.Tr>
                        <Table.Td colSpan={totalCols} bg="var(--mantine-color-default-hover)">
                          {/* Kept in view while the wide table scrolls sideways. */}
                          <Group
                            align="flex-start"
                            gap="lg"
                            wrap="wrap"
                            data-testid={`details-${r.application_id}`}
                            style={{ position: 'sticky', left: 'var(--mantine-spacing-sm)', maxWidth: boxWidth ? Math.min(960, boxWidth - 32) : 960 }}
                          >
                            {r.first && <RoundNotes title={t('compare.group.first')} round={r.first} />}
                            {r.second && (
                              <RoundNotes title={r.second.kind === 'group' ? t('compare.groupRound') : t('compare.secondRound')} round={r.second} />
                            )}
                            {!r.first && !r.second && (
                              <Text size="sm" c="dimmed">
                                {t('compare.noInterview')}
                              </Text>
                            )}
                          </Group>
                        </Table.Td>
                      </Table.Tr>
                    )}
                  </Fragment>
                );
              })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Paper>

      {dialog === 'shortlist' && (
        <ShortlistModal
          openingId={opening.id}
          slate={slate}
          selected={chosen}
          rest={rows.filter((r) => shortlistable(r) && !selected.has(r.application_id))}
          onClose={() => setDialog(null)}
          onDone={clearSelection}
        />
      )}
      {dialog === 'schedule' && (
        <ScheduleGroupInterviewModal
          opening={opening}
          candidates={chosen.map((r) => ({ application_id: r.application_id, name: r.name }))}
          onClose={() => setDialog(null)}
          onScheduled={clearSelection}
        />
      )}
    </Stack>
  );
}
