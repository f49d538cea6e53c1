import {
  Anchor,
  Badge,
  Button,
  Group,
  List,
  Modal,
  Paper,
  Select,
  Skeleton,
  Stack,
  Table,
  Text,
  Textarea,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconCalendarEvent, IconCalendarPlus, IconCalendarX, IconUserMinus } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { fieldErrors } from '../../api/client';
import { cancelInterview, excuseInterviewer } from '../../api/endpoints';
import { keys, useApplicationInterviews, useInterviewKit, useScenarios } from '../../api/queries';
import { RECOMMENDATIONS, type Application, type InterviewItem, type InterviewResult, type Panelist } from '../../api/types';
import { useFormat } from '../../lib/format';
import { scenarioText } from '../../lib/scenarios';
import { EmptyBox } from '../EmptyState';
import { ErrorAlert } from '../ErrorAlert';
import { ScheduleInterviewModal } from './ScheduleInterviewModal';

type PanelState = 'scored' | 'excused' | 'awaiting' | 'upcoming';

/** Where one interviewer of the panel stands with this candidate's scorecard. */
function panelState(iv: InterviewItem, p: Panelist, now: number): PanelState {
  if ((iv.submitted ?? []).includes(p.id)) return 'scored';
  if (p.excused) return 'excused';
  return new Date(iv.starts_at).getTime() > now ? 'upcoming' : 'awaiting';
}

const PANEL_COLORS: Record<PanelState, string> = { scored: 'green', excused: 'gray', awaiting: 'yellow', upcoming: 'blue' };

/** The interviewers who still owe this candidate's scorecard and may be excused. */
const excusable = (iv: InterviewItem) =>
  iv.interviewers.filter((p) => !p.excused && !(iv.submitted ?? []).includes(p.id));

/** "listening_skills" -> "Listening skills", for a competency whose name is not known. */
const humanize = (id: string) => {
  const s = id.replace(/[_-]+/g, ' ').trim();
  return s ? s[0].toUpperCase() + s.slice(1) : id;
};

/** A labelled line of an interview's details. */
function Detail({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Group gap={6} wrap="nowrap" align="flex-start">
      <Text size="sm" c="dimmed" style={{ flex: '0 0 auto' }}>
        {label}:
      </Text>
      <Text size="sm" component="div" style={{ minWidth: 0, overflowWrap: 'anywhere' }}>
        {children}
      </Text>
    </Group>
  );
}

/** The panel's combined result: per-competency mean and spread, the overall, the recommendations. */
function ResultView({ iv, result }: { iv: InterviewItem; result: InterviewResult }) {
  const { t, i18n } = useTranslation();
  const fmt = useFormat();
  // The kit carries the rubric (the scenario's, or the group rubric) in the reader's language.
  const kit = useInterviewKit(iv.id, i18n.resolvedLanguage === 'sq' ? 'sq' : 'en');
  const name = (id: string) => kit.data?.rubric.competencies.find((c) => c.id === id)?.name ?? humanize(id);
  const recs = RECOMMENDATIONS.filter((k) => result.recommendations?.[k]);
  return (
    <Stack gap="xs" data-testid="interview-result">
      <Text size="sm" fw={600}>
        {t('candidateInterviews.result', { overall: fmt.number(result.overall, 2) })}
      </Text>
      <Table.ScrollContainer minWidth={320}>
        <Table verticalSpacing={4} fz="sm">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('scenario.col.competency')}</Table.Th>
              <Table.Th ta="right">{t('interview.mean')}</Table.Th>
              <Table.Th ta="right">{t('interview.spread')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {result.competencies.map((c) => (
              <Table.Tr key={c.competency_id}>
                <Table.Td>{name(c.competency_id)}</Table.Td>
                <Table.Td ta="right">{fmt.number(c.mean, 2)}</Table.Td>
                <Table.Td ta="right" c={c.spread >= 2 ? 'orange.8' : undefined} fw={c.spread >= 2 ? 700 : undefined}>
                  {fmt.number(c.spread, 1)}
                </Table.Td>
              </Table.Tr>
            ))}
            <Table.Tr>
              <Table.Td fw={700}>{t('interview.overall')}</Table.Td>
              <Table.Td ta="right" fw={700}>
                {fmt.number(result.overall, 2)}
              </Table.Td>
              <Table.Td ta="right">{fmt.number(result.max_spread, 1)}</Table.Td>
            </Table.Tr>
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {result.max_spread >= 2 && (
        <Text size="xs" c="orange.8">
          {t('candidateInterviews.disagreement')}
        </Text>
      )}
      {recs.length > 0 && (
        <Group gap="xs" aria-label={t('interview.recommendation')}>
          {recs.map((k) => (
            <Badge key={k} variant="outline" color={k === 'strong_yes' || k === 'yes' ? 'green' : 'red'}>
              {t(`interview.rec.${k}`)}: {result.recommendations[k]}
            </Badge>
          ))}
        </Group>
      )}
    </Stack>
  );
}

/** What the candidate answered to the invitation. */
function CandidateResponse({ iv, app }: { iv: InterviewItem; app: Application }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const c = iv.candidates.find((x) => x.id === app.id);
  const at = c?.responded_at ? fmt.dateTime(c.responded_at) : '';
  if (c?.response === 'confirmed') {
    return (
      <Text size="sm" c="green.8" span>
        {at ? t('candidateInterviews.response.confirmedAt', { at }) : t('candidateInterviews.response.confirmed')}
      </Text>
    );
  }
  if (c?.response === 'another_time') {
    return (
      <Stack gap={2}>
        <Text size="sm" c="orange.8" fw={600}>
          {at ? t('candidateInterviews.response.anotherTimeAt', { at }) : t('candidateInterviews.response.anotherTime')}
        </Text>
        {c.response_note && (
          <Text size="sm" fs="italic" style={{ whiteSpace: 'pre-wrap' }}>
            “{c.response_note}”
          </Text>
        )}
      </Stack>
    );
  }
  return (
    <Text size="sm" c="dimmed" span>
      {t('candidateInterviews.response.none')}
    </Text>
  );
}

function InterviewCard({
  iv,
  app,
  now,
  scenarioName,
  onReschedule,
  onCancel,
  onExcuse,
}: {
  iv: InterviewItem;
  app: Application;
  now: number;
  scenarioName: string | null;
  onReschedule: () => void;
  onCancel: () => void;
  onExcuse: () => void;
}) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const cancelled = iv.status === 'cancelled';
  const ended = new Date(iv.ends_at).getTime() <= now;
  const status = cancelled ? 'cancelled' : iv.complete ? 'complete' : ended ? 'awaitingScores' : 'upcoming';
  const statusColor = { cancelled: 'red', complete: 'green', awaitingScores: 'yellow', upcoming: 'blue' }[status];
  const headingId = `interview-${iv.id}-heading`;
  const others = iv.candidates.filter((c) => c.id !== app.id);
  const canExcuse = !cancelled && excusable(iv).length > 0;
  return (
    <Paper
      withBorder
      radius="sm"
      p="sm"
      component="article"
      aria-labelledby={headingId}
      data-testid={`interview-${iv.id}`}
      bg={cancelled ? 'gray.0' : undefined}
    >
      <Stack gap="xs">
        <Group justify="space-between" wrap="wrap" gap="xs">
          <Title order={3} size="h5" id={headingId} c={cancelled ? 'dimmed' : undefined}>
            {t(`candidateInterviews.kind.${iv.kind}`, { defaultValue: iv.kind })}
          </Title>
          <Badge color={statusColor} variant="light">
            {t(`candidateInterviews.status.${status}`)}
          </Badge>
        </Group>
        <Stack gap={4} c={cancelled ? 'dimmed' : undefined}>
          <Detail label={t('interview.when')}>
            <Text span size="sm" td={cancelled ? 'line-through' : undefined}>
              {t('interview.whenValue', { at: fmt.dateTime(iv.starts_at), count: iv.duration_minutes })}
            </Text>
            {iv.sequence > 0 && !cancelled && (
              <Text span size="xs" c="dimmed">
                {' '}
                ({t('candidateInterviews.updated', { count: iv.sequence })})
              </Text>
            )}
          </Detail>
          {iv.location && <Detail label={t('interview.location')}>{iv.location}</Detail>}
          {iv.video_url && (
            <Detail label={t('interview.videoUrl')}>
              <Anchor href={iv.video_url} target="_blank" rel="noreferrer" size="sm">
                {iv.video_url}
              </Anchor>
            </Detail>
          )}
          {scenarioName && <Detail label={t('interview.scenario')}>{scenarioName}</Detail>}
          {others.length > 0 && (
            <Detail label={t('candidateInterviews.with')}>{others.map((c) => c.name).join(', ')}</Detail>
          )}
          {!cancelled && (
            <Detail label={t('candidateInterviews.candidateAnswer')}>
              <CandidateResponse iv={iv} app={app} />
            </Detail>
          )}
        </Stack>
        <div>
          <Text size="sm" c="dimmed" mb={2}>
            {t('interview.panel')}:
          </Text>
          <List size="sm" spacing={2} listStyleType="none" aria-label={t('interview.panel')}>
            {iv.interviewers.map((p) => {
              const state = panelState(iv, p, now);
              return (
                <List.Item key={p.id} data-testid={`panelist-${p.id}`}>
                  <Group gap="xs" wrap="wrap">
                    <Text size="sm" c={cancelled ? 'dimmed' : undefined}>
                      {p.name}
                    </Text>
                    {!cancelled && (
                      <Badge size="sm" variant="light" color={PANEL_COLORS[state]}>
                        {t(`candidateInterviews.panel.${state}`)}
                      </Badge>
                    )}
                    {p.excused && p.excuse_reason && (
                      <Text size="xs" c="dimmed">
                        {t('candidateInterviews.excuseReason', { reason: p.excuse_reason })}
                      </Text>
                    )}
                  </Group>
                </List.Item>
              );
            })}
          </List>
        </div>
        {iv.complete && iv.result && !cancelled && <ResultView iv={iv} result={iv.result} />}
        <Group gap="xs" justify="space-between" wrap="wrap">
          <Anchor component={Link} to={`/interviews/${iv.id}`} size="sm">
            {t('interview.openKit')}
          </Anchor>
          {!cancelled && (
            <Group gap="xs">
              {!iv.complete && (
                <Button size="xs" variant="light" leftSection={<IconCalendarEvent size={14} aria-hidden />} onClick={onReschedule}>
                  {t('candidateInterviews.reschedule')}
                </Button>
              )}
              {canExcuse && (
                <Button size="xs" variant="default" leftSection={<IconUserMinus size={14} aria-hidden />} onClick={onExcuse}>
                  {t('candidateInterviews.excuse')}
                </Button>
              )}
              {!iv.complete && (
                <Button size="xs" variant="light" color="red" leftSection={<IconCalendarX size={14} aria-hidden />} onClick={onCancel}>
                  {t('candidateInterviews.cancel')}
                </Button>
              )}
            </Group>
          )}
        </Group>
      </Stack>
    </Paper>
  );
}

/** Asks before cancelling: everyone gets the cancellation and it cannot be undone. */
function CancelInterviewModal({ iv, app, onClose, onDone }: { iv: InterviewItem; app: Application; onClose: () => void; onDone: () => void }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const cancel = useMutation({
    mutationFn: () => cancelInterview(iv.id),
    onSuccess: () => {
      notifications.show({ color: 'green', message: t('candidateInterviews.cancelled', { name: app.candidate.name }) });
      onDone();
      onClose();
    },
  });
  return (
    <Modal opened onClose={onClose} title={t('candidateInterviews.cancelTitle')}>
      <Stack gap="md">
        <Text size="sm">
          {t('candidateInterviews.cancelBody', { at: fmt.dateTime(iv.starts_at), name: app.candidate.name })}
        </Text>
        {cancel.isError && <ErrorAlert error={cancel.error} />}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose} data-autofocus>
            {t('candidateInterviews.keep')}
          </Button>
          <Button color="red" onClick={() => cancel.mutate()} loading={cancel.isPending}>
            {t('candidateInterviews.confirmCancel')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

/** Excuses one interviewer who has not scored: they no longer owe a scorecard for this interview. */
function ExcuseModal({ iv, onClose, onDone }: { iv: InterviewItem; onClose: () => void; onDone: () => void }) {
  const { t } = useTranslation();
  const choices = excusable(iv);
  const [who, setWho] = useState<string | null>(choices.length === 1 ? String(choices[0].id) : null);
  const [reason, setReason] = useState('');
  const [missing, setMissing] = useState<Record<string, string>>({});
  const excuse = useMutation({
    mutationFn: () => excuseInterviewer(iv.id, Number(who), reason.trim()),
    onSuccess: () => {
      const name = choices.find((p) => String(p.id) === who)?.name ?? '';
      notifications.show({ color: 'green', message: t('candidateInterviews.excused', { name }) });
      onDone();
      onClose();
    },
  });
  const server = fieldErrors(excuse.error);
  const errs = { ...server, ...missing };
  const showAlert = excuse.isError && !server.interviewer_id && !server.reason;
  return (
    <Modal opened onClose={onClose} title={t('candidateInterviews.excuseTitle')}>
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          const m: Record<string, string> = {};
          if (!who) m.interviewer_id = t('candidateInterviews.excuseWhoRequired');
          if (!reason.trim()) m.reason = t('candidateInterviews.excuseReasonRequired');
          setMissing(m);
          if (Object.keys(m).length === 0) excuse.mutate();
        }}
      >
        <Stack gap="md">
          <Text size="sm" c="dimmed">
            {t('candidateInterviews.excuseHint')}
          </Text>
          <Select
            label={t('candidateInterviews.excuseWho')}
            required
            data={choices.map((p) => ({ value: String(p.id), label: p.name }))}
            value={who}
            onChange={(v) => {
              setWho(v);
              setMissing((m) => ({ ...m, interviewer_id: '' }));
            }}
            error={errs.interviewer_id || undefined}
            comboboxProps={{ withinPortal: true }}
            data-autofocus
          />
          <Textarea
            label={t('candidateInterviews.excuseReasonLabel')}
            description={t('candidateInterviews.excuseReasonHint')}
            required
            autosize
            minRows={2}
            maxRows={6}
            maxLength={1000}
            value={reason}
            onChange={(e) => {
              setReason(e.currentTarget.value);
              setMissing((m) => ({ ...m, reason: '' }));
            }}
            error={errs.reason || undefined}
          />
          {showAlert && <ErrorAlert error={excuse.error} />}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={excuse.isPending}>
              {t('candidateInterviews.confirmExcuse')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

type Dialog =
  | { kind: 'schedule' }
  | { kind: 'reschedule'; iv: InterviewItem }
  | { kind: 'cancel'; iv: InterviewItem }
  | { kind: 'excuse'; iv: InterviewItem };

/**
 * The application's interviews, newest first: when and where, the panel and who has scored, the candidate's
 * answer to the invitation, the result once complete; and, for hiring managers, scheduling, rescheduling,
 * cancelling and excusing an interviewer.
 */
export function ApplicationInterviews({ app }: { app: Application }) {
  const { t, i18n } = useTranslation();
  const qc = useQueryClient();
  const list = useApplicationInterviews(app.id);
  const scenarios = useScenarios(true);
  const [dialog, setDialog] = useState<Dialog | null>(null);
  // One clock for the whole list, read when it was fetched (not on every render).
  const now = list.dataUpdatedAt || 0;
  const atInterview = app.stage === 'first_interview' || app.stage === 'second_interview';

  const changed = () => {
    void qc.invalidateQueries({ queryKey: keys.applicationInterviews(app.id) });
    void qc.invalidateQueries({ queryKey: keys.application(app.id) });
    void qc.invalidateQueries({ queryKey: keys.applications(app.opening_id) });
    void qc.invalidateQueries({ queryKey: ['interviews'] });
    void qc.invalidateQueries({ queryKey: ['comparison', app.opening_id] });
  };
  const scenarioName = (id: number | null) => {
    const s = id ? scenarios.data?.find((x) => x.id === id) : undefined;
    return s ? t('interview.scenarioOption', { name: scenarioText(s, i18n.language).name, difficulty: s.difficulty }) : null;
  };

  const items = list.data?.items ?? [];
  return (
    <Stack gap="sm" data-testid="interview-scheduler">
      {atInterview && !list.isPending && (
        <Group>
          <Button variant="light" leftSection={<IconCalendarPlus size={16} aria-hidden />} onClick={() => setDialog({ kind: 'schedule' })}>
            {t('interview.schedule')}
          </Button>
        </Group>
      )}
      {list.isPending ? (
        <Skeleton height={120} radius="sm" />
      ) : list.isError ? (
        <ErrorAlert error={list.error} onRetry={() => void list.refetch()} />
      ) : items.length === 0 ? (
        <EmptyBox title={t('candidateInterviews.none')} description={atInterview ? t('candidateInterviews.noneHint') : undefined} />
      ) : (
        items.map((iv) => (
          <InterviewCard
            key={iv.id}
            iv={iv}
            app={app}
            now={now}
            scenarioName={scenarioName(iv.scenario_id)}
            onReschedule={() => setDialog({ kind: 'reschedule', iv })}
            onCancel={() => setDialog({ kind: 'cancel', iv })}
            onExcuse={() => setDialog({ kind: 'excuse', iv })}
          />
        ))
      )}
      {dialog?.kind === 'schedule' && (
        <ScheduleInterviewModal
          app={app}
          suggestedScenarioId={list.data?.suggested_scenario_id ?? null}
          onClose={() => setDialog(null)}
          onScheduled={changed}
        />
      )}
      {dialog?.kind === 'reschedule' && (
        <ScheduleInterviewModal app={app} interview={dialog.iv} onClose={() => setDialog(null)} onScheduled={changed} />
      )}
      {dialog?.kind === 'cancel' && <CancelInterviewModal iv={dialog.iv} app={app} onClose={() => setDialog(null)} onDone={changed} />}
      {dialog?.kind === 'excuse' && <ExcuseModal iv={dialog.iv} onClose={() => setDialog(null)} onDone={changed} />}
    </Stack>
  );
}
