import {
  Alert,
  Anchor,
  Badge,
  Button,
  Divider,
  Group,
  Paper,
  SegmentedControl,
  SimpleGrid,
  Skeleton,
  Stack,
  Table,
  Text,
  Textarea,
  Title,
} from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconEyeOff } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { fieldErrors } from '../api/client';
import { saveScorecard } from '../api/endpoints';
import { keys, useInterviewKit, useScorecards } from '../api/queries';
import {
  RECOMMENDATIONS,
  SCENARIO_LOCALES,
  type Interview,
  type InterviewKit,
  type Recommendation,
  type Rubric,
  type Scorecard,
  type Scorecards,
} from '../api/types';
import { QuestionnaireView } from '../components/application/QuestionnaireView';
import { ErrorAlert } from '../components/ErrorAlert';
import { PageHeader } from '../components/PageHeader';
import { LANGUAGES } from '../i18n';
import { useFormat } from '../lib/format';
import { isScenarioLocale } from '../lib/scenarios';
import { usePageTitle } from '../lib/usePageTitle';
import { useCurrentUser } from '../lib/useCurrentUser';

function Section({ title, id, children, testId }: { title: string; id: string; children: ReactNode; testId?: string }) {
  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby={id} data-testid={testId}>
      <Title order={2} size="h4" mb="md" id={id}>
        {title}
      </Title>
      {children}
    </Paper>
  );
}

function Field({ label, children }: { label: string; children: ReactNode }) {
  if (!children) return null;
  return (
    <div>
      <Text size="xs" fw={700} tt="uppercase" c="dimmed" mb={2}>
        {label}
      </Text>
      <Text size="sm" component="div" style={{ whiteSpace: 'pre-wrap' }}>
        {children}
      </Text>
    </div>
  );
}

function Logistics({ iv }: { iv: Interview }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  return (
    <Stack gap="sm">
      <Field label={t('interview.when')}>
        {t('interview.whenValue', { at: fmt.dateTime(iv.starts_at), count: iv.duration_minutes })}
      </Field>
      <Field label={t('interview.location')}>{iv.location}</Field>
      {iv.video_url && (
        <Field label={t('interview.videoUrl')}>
          <Anchor href={iv.video_url} target="_blank" rel="noreferrer">
            {iv.video_url}
          </Anchor>
        </Field>
      )}
      <Field label={t('interview.candidates')}>{iv.candidates.map((c) => c.name).join(', ')}</Field>
      <Field label={t('interview.panel')}>{iv.interviewers.map((c) => c.name).join(', ')}</Field>
    </Stack>
  );
}

const RATING_DATA = ['1', '2', '3', '4', '5'];

/** One interviewer's scorecard for one candidate: every competency 1-5 with evidence, a recommendation, notes. */
function ScorecardForm({
  interviewId,
  applicationId,
  rubric,
  mine,
  onSaved,
}: {
  interviewId: number;
  applicationId: number;
  rubric: Rubric;
  mine: Scorecard | null;
  onSaved: (s: Scorecards) => void;
}) {
  const { t } = useTranslation();
  const comps = rubric.competencies;
  const [scores, setScores] = useState<Record<string, string>>(() =>
    Object.fromEntries((mine?.ratings ?? []).map((r) => [r.competency_id, String(r.score)])),
  );
  const [evidence, setEvidence] = useState<Record<string, string>>(() =>
    Object.fromEntries((mine?.ratings ?? []).map((r) => [r.competency_id, r.evidence])),
  );
  const [recommendation, setRecommendation] = useState<Recommendation | ''>(mine?.recommendation ?? '');
  const [notes, setNotes] = useState(mine?.notes ?? '');
  const [missing, setMissing] = useState<Record<string, string>>({});
  const save = useMutation({
    mutationFn: () =>
      saveScorecard(
        interviewId,
        {
          application_id: applicationId,
          ratings: comps.filter((c) => scores[c.id]).map((c) => ({ competency_id: c.id, score: Number(scores[c.id]), evidence: (evidence[c.id] ?? '').trim() })),
          recommendation,
          notes: notes.trim(),
        },
        !!mine,
      ),
    onSuccess: (s) => {
      notifications.show({ color: 'green', message: t('interview.scorecardSaved') });
      onSaved(s);
    },
  });
  // The server names ratings by their index in what was sent: map them back to competencies.
  const sent = comps.filter((c) => scores[c.id]);
  const serverErrs: Record<string, string> = {};
  for (const [k, v] of Object.entries(fieldErrors(save.error))) {
    const m = /^ratings\.(\d+)/.exec(k);
    const c = m ? sent[Number(m[1])] : undefined;
    const key = c ? c.id : k;
    if (!serverErrs[key]) serverErrs[key] = v;
  }
  const errs = { ...serverErrs, ...missing };
  const known = new Set([...comps.map((c) => c.id), 'recommendation', 'notes', 'ratings']);
  const showAlert = save.isError && !Object.keys(serverErrs).some((k) => known.has(k));

  return (
    <form
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        const m: Record<string, string> = {};
        for (const c of comps) if (!scores[c.id]) m[c.id] = t('interview.scoreRequired');
        if (!recommendation) m.recommendation = t('interview.recommendationRequired');
        setMissing(m);
        if (Object.keys(m).length === 0) save.mutate();
      }}
      data-testid={`scorecard-form-${applicationId}`}
    >
      <Stack gap="md">
        {comps.map((c) => (
          <Stack key={c.id} gap={4} role="group" aria-labelledby={`comp-${applicationId}-${c.id}`}>
            <Text fw={600} size="sm" id={`comp-${applicationId}-${c.id}`}>
              {c.name}
            </Text>
            <Text size="xs" c="dimmed">
              1 — {c.anchor_1}
              <br />3 — {c.anchor_3}
              <br />5 — {c.anchor_5}
            </Text>
            <SegmentedControl
              data={RATING_DATA}
              value={scores[c.id] ?? ''}
              onChange={(v) => {
                setScores((s) => ({ ...s, [c.id]: v }));
                setMissing((m) => {
                  const rest = { ...m };
                  delete rest[c.id];
                  return rest;
                });
              }}
              aria-label={t('interview.scoreFor', { name: c.name })}
              fullWidth
            />
            {errs[c.id] && (
              <Text size="xs" c="red" role="alert">
                {errs[c.id]}
              </Text>
            )}
            <Textarea
              aria-label={t('interview.evidenceFor', { name: c.name })}
              placeholder={t('interview.evidence')}
              autosize
              minRows={2}
              maxRows={6}
              value={evidence[c.id] ?? ''}
              onChange={(e) => {
                const v = e.currentTarget.value;
                setEvidence((s) => ({ ...s, [c.id]: v }));
              }}
            />
          </Stack>
        ))}
        {errs.ratings && (
          <Text size="xs" c="red" role="alert">
            {errs.ratings}
          </Text>
        )}
        <Stack gap={4}>
          <Text fw={600} size="sm" id={`rec-${applicationId}`}>
            {t('interview.recommendation')}
          </Text>
          <SegmentedControl
            aria-labelledby={`rec-${applicationId}`}
            data={RECOMMENDATIONS.map((r) => ({ value: r, label: t(`interview.rec.${r}`) }))}
            value={recommendation}
            onChange={(v) => {
              setRecommendation(v as Recommendation);
              setMissing((m) => {
                const rest = { ...m };
                delete rest.recommendation;
                return rest;
              });
            }}
            fullWidth
          />
          {errs.recommendation && (
            <Text size="xs" c="red" role="alert">
              {errs.recommendation}
            </Text>
          )}
        </Stack>
        <Textarea label={t('interview.notes')} autosize minRows={2} maxRows={8} maxLength={10000} value={notes} onChange={(e) => setNotes(e.currentTarget.value)} error={errs.notes} />
        {showAlert && <ErrorAlert error={save.error} />}
        <Group>
          <Button type="submit" loading={save.isPending}>
            {mine ? t('interview.saveScorecard') : t('interview.submitScorecard')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** The panel's scorecards and their combination, once the user may see them. */
function PanelResult({ data, rubric, panelSize }: { data: Scorecards; rubric: Rubric; panelSize: number }) {
  const { t } = useTranslation();
  const name = (id: string) => rubric.competencies.find((c) => c.id === id)?.name ?? id;
  if (data.hidden) {
    const n = Math.max(0, panelSize - data.awaiting.length);
    return (
      <Alert variant="light" icon={<IconEyeOff size={18} aria-hidden />}>
        {t('interview.hidden', { count: n })}
      </Alert>
    );
  }
  const r = data.result;
  return (
    <Stack gap="sm">
      {data.others.map((s) => (
        <Paper key={s.interviewer.id} withBorder p="sm" radius="sm">
          <Group justify="space-between" mb={4}>
            <Text fw={600} size="sm">
              {s.interviewer.name}
            </Text>
            <Badge variant="light">{t(`interview.rec.${s.recommendation}`)}</Badge>
          </Group>
          {s.ratings.map((rt) => (
            <Text key={rt.competency_id} size="sm">
              {name(rt.competency_id)}: <b>{rt.score}</b>
              {rt.evidence ? ` — ${rt.evidence}` : ''}
            </Text>
          ))}
          {s.notes && (
            <Text size="sm" c="dimmed" style={{ whiteSpace: 'pre-wrap' }}>
              {s.notes}
            </Text>
          )}
        </Paper>
      ))}
      {data.awaiting.length > 0 && (
        <Text size="sm" c="dimmed">
          {t('interview.awaiting', { names: data.awaiting.map((p) => p.name).join(', ') })}
        </Text>
      )}
      {r && r.scorecards > 0 && (
        <Table data-testid="panel-result">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('scenario.col.competency')}</Table.Th>
              <Table.Th>{t('interview.mean')}</Table.Th>
              <Table.Th>{t('interview.spread')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {r.competencies.map((c) => (
              <Table.Tr key={c.competency_id}>
                <Table.Td>{name(c.competency_id)}</Table.Td>
                <Table.Td>{c.mean.toFixed(2)}</Table.Td>
                <Table.Td>{c.spread}</Table.Td>
              </Table.Tr>
            ))}
            <Table.Tr>
              <Table.Td fw={700}>{t('interview.overall')}</Table.Td>
              <Table.Td fw={700}>{r.overall.toFixed(2)}</Table.Td>
              <Table.Td>{r.max_spread}</Table.Td>
            </Table.Tr>
          </Table.Tbody>
        </Table>
      )}
      {r && r.scorecards > 0 && (
        <Group gap="xs">
          {RECOMMENDATIONS.filter((k) => r.recommendations[k]).map((k) => (
            <Badge key={k} variant="outline">
              {t(`interview.rec.${k}`)}: {r.recommendations[k]}
            </Badge>
          ))}
        </Group>
      )}
    </Stack>
  );
}

function CandidateScoring({ kit, applicationId, name }: { kit: InterviewKit; applicationId: number; name: string }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const ivId = kit.interview.id;
  const me = useCurrentUser();
  const onPanel = kit.interview.interviewers.some((p) => p.id === me.id);
  const cards = useScorecards(ivId, applicationId);
  return (
    <Section title={t('interview.scorecardFor', { name })} id={`scorecard-${applicationId}`}>
      {cards.isPending ? (
        <Skeleton height={200} />
      ) : cards.isError ? (
        <ErrorAlert error={cards.error} onRetry={() => void cards.refetch()} />
      ) : (
        <Stack gap="lg">
          {onPanel ? (
            <ScorecardForm
              key={cards.data.mine?.updated_at ?? 'new'}
              interviewId={ivId}
              applicationId={applicationId}
              rubric={kit.rubric}
              mine={cards.data.mine}
              onSaved={(s) => {
                qc.setQueryData(keys.scorecards(ivId, applicationId), s);
                // What was owed and the slate's comparison have changed with it.
                void qc.invalidateQueries({ queryKey: keys.myInterviews });
                void qc.invalidateQueries({ queryKey: keys.comparisons(kit.interview.opening_id) });
              }}
            />
          ) : (
            <Text size="sm" c="dimmed">
              {t('interview.notOnPanel')}
            </Text>
          )}
          <Divider label={t('interview.panelScorecards')} labelPosition="left" />
          <PanelResult data={cards.data} rubric={kit.rubric} panelSize={kit.interview.interviewers.length} />
        </Stack>
      )}
    </Section>
  );
}

/** The interview kit: logistics, the persona to play and its hidden brief, the candidates' answers and scorecards. */
export function InterviewPage() {
  const { t } = useTranslation();
  const id = Number(useParams().id);
  const [params, setParams] = useSearchParams();
  const langParam = params.get('lang');
  const lang = isScenarioLocale(langParam) ? langParam : '';
  const kit = useInterviewKit(id, lang);
  const wide = useMediaQuery('(min-width: 900px)');
  usePageTitle(t('interview.kitTitle'));

  if (kit.isPending) {
    return (
      <Stack>
        <Skeleton height={40} width="50%" />
        <Skeleton height={360} radius="md" />
      </Stack>
    );
  }
  if (kit.isError) return <ErrorAlert error={kit.error} onRetry={() => void kit.refetch()} />;
  const k = kit.data;
  const sc = k.scenario;
  const shown = lang || k.locale;

  return (
    <>
      <PageHeader
        title={sc ? t('interview.kitTitleWith', { name: sc.name }) : t('interview.kitTitle')}
        badge={k.interview.status === 'cancelled' ? <Badge color="red">{t('interview.cancelled')}</Badge> : undefined}
      />
      <Group mb="md">
        <SegmentedControl
          aria-label={t('scenario.textLanguage')}
          data={SCENARIO_LOCALES.map((l) => ({ value: l, label: LANGUAGES.find((x) => x.code === l)?.label ?? l }))}
          value={shown}
          onChange={(v) => setParams((p) => {
            p.set('lang', v);
            return p;
          }, { replace: true })}
        />
      </Group>
      <SimpleGrid cols={wide ? 2 : 1} spacing="lg" style={{ alignItems: 'start' }}>
        <Stack gap="lg">
          <Section title={t('interview.logistics')} id="logistics-heading">
            <Logistics iv={k.interview} />
          </Section>
          {sc && (
            <Section title={t('interview.persona')} id="persona-heading" testId="persona">
              <Stack gap="sm" lang={shown}>
                <Field label={t('scenario.name')}>{sc.name}</Field>
                <Field label={t('scenario.behaviour')}>{sc.behaviour}</Field>
                <Title order={3} size="h5">
                  {t('scenario.interviewerBrief')}
                </Title>
                <Field label={t('scenario.openingLines')}>{sc.opening_lines}</Field>
                <Field label={t('scenario.hiddenConstraints')}>{sc.hidden_constraints}</Field>
                <Field label={t('scenario.objections')}>{sc.objections}</Field>
                <Field label={t('scenario.buyingTriggers')}>{sc.buying_triggers}</Field>
              </Stack>
            </Section>
          )}
          {sc && (
            <Section title={t('scenario.candidateBrief')} id="candidate-brief-heading">
              <Stack gap="sm" lang={shown}>
                <Field label={t('scenario.product')}>{sc.product}</Field>
                <Field label={t('scenario.goal')}>{sc.goal}</Field>
              </Stack>
            </Section>
          )}
          {k.candidates.map((c) => (
            <Section key={c.application_id} title={t('interview.answersOf', { name: c.name })} id={`answers-${c.application_id}`}>
              <Stack gap="xs">
                <Anchor component={Link} to={`/applications/${c.application_id}`} size="sm">
                  {t('interview.openCandidate')}
                </Anchor>
                {c.questionnaire ? (
                  <QuestionnaireView response={c.questionnaire} />
                ) : (
                  <Text size="sm" c="dimmed">
                    {t('application.questionnaireNone')}
                  </Text>
                )}
              </Stack>
            </Section>
          ))}
        </Stack>
        <Stack gap="lg">
          {k.candidates.map((c) => (
            <CandidateScoring key={c.application_id} kit={k} applicationId={c.application_id} name={c.name} />
          ))}
        </Stack>
      </SimpleGrid>
    </>
  );
}
