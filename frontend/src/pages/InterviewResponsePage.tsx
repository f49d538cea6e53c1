import { Alert, Anchor, Button, Group, Skeleton, Stack, Text, Textarea, Title } from '@mantine/core';
import {
  IconAlertCircle,
  IconCalendarCheck,
  IconCalendarQuestion,
  IconCalendarX,
  IconClockX,
  IconLinkOff,
} from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { TFunction } from 'i18next';
import { useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { isApiError } from '../api/client';
import { getPublicInterview, respondToInterview, type PublicInterview } from '../api/public';
import { ErrorAlert } from '../components/ErrorAlert';
import { PublicCard, PublicMessage } from '../components/PublicLayout';
import { serverText } from '../lib/candidateText';
import { errorMessage } from '../lib/errors';
import { useFormat } from '../lib/format';
import { useCandidateLanguage } from '../lib/useCandidateLanguage';
import { usePageTitle } from '../lib/usePageTitle';

const NOTE_MAX = 1000;

/** Why the link opens no interview: forged or for another purpose (403), past its time (409), none (404). */
type Problem = 'invalid' | 'expired' | 'notFound';

function problemOf(err: unknown): Problem | null {
  if (!isApiError(err)) return null;
  if (err.status === 403) return 'invalid';
  if (err.status === 409) return 'expired';
  if (err.status === 404) return 'notFound';
  return null;
}

const problemIcon: Record<Problem, ReactNode> = {
  invalid: <IconLinkOff size={28} />,
  expired: <IconClockX size={28} />,
  notFound: <IconCalendarX size={28} />,
};
const problemColor: Record<Problem, string> = { invalid: 'red', expired: 'orange', notFound: 'gray' };

const queryKey = (token: string) => ['public', 'interview', token] as const;

/** The page a candidate opens from their interview invitation: confirm, or ask for another time. */
export function InterviewResponsePage() {
  const { token = '' } = useParams();
  const { t } = useTranslation();
  const q = useQuery({
    queryKey: queryKey(token),
    queryFn: () => getPublicInterview(token),
    refetchOnWindowFocus: false,
    staleTime: Infinity,
  });
  usePageTitle(q.data?.title ?? t('publicInterview.pageTitle'));

  // In the candidate's language from the start, when the server says it; they can still switch.
  useCandidateLanguage(q.data?.locale, token);

  if (q.isPending) return <Skeleton height={360} radius="lg" />;
  if (q.isError) {
    const problem = problemOf(q.error);
    if (problem) return <ProblemMessage problem={problem} detail={isApiError(q.error) ? q.error.detail : ''} />;
    if (isApiError(q.error) && q.error.status === 429) return <ErrorAlert message={t('public.tooMany')} onRetry={() => void q.refetch()} />;
    return <ErrorAlert error={q.error} onRetry={() => void q.refetch()} />;
  }
  return <InterviewView token={token} interview={q.data} />;
}

function ProblemMessage({ problem, detail }: { problem: Problem; detail: string }) {
  const { t, i18n } = useTranslation();
  return (
    <PublicMessage
      icon={problemIcon[problem]}
      color={problemColor[problem]}
      title={t(`publicInterview.problem.${problem}.title`)}
      testId="interview-problem"
    >
      <Text>{serverText(detail, `publicInterview.problem.${problem}.body`, t, i18n.resolvedLanguage ?? 'en')}</Text>
    </PublicMessage>
  );
}

/** The note's error, from the server's fragment, in the reader's language: too long, or missing. */
function noteMessage(message: string, t: TFunction): string {
  const tooLong = /^must be at most (\d+) characters$/.exec(message);
  if (tooLong) return t('public.apply.errors.tooLong', { count: Number(tooLong[1]) });
  return t('publicInterview.noteRequired');
}

function Detail({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <Text size="xs" fw={700} tt="uppercase" c="dimmed">
        {label}
      </Text>
      <Text component="div" style={{ overflowWrap: 'anywhere' }}>
        {children}
      </Text>
    </div>
  );
}

function InterviewView({ token, interview: iv }: { token: string; interview: PublicInterview }) {
  const { t, i18n } = useTranslation();
  const fmt = useFormat();
  const qc = useQueryClient();
  const [asking, setAsking] = useState(false);
  const [note, setNote] = useState('');
  const [noteError, setNoteError] = useState<string | null>(null);
  const respond = useMutation({
    mutationFn: (r: { response: 'confirmed' | 'another_time'; note?: string }) => respondToInterview(token, { interview_id: iv.interview_id, sequence: iv.sequence }, r.response, r.note),
    onSuccess: (data) => {
      qc.setQueryData(queryKey(token), data);
      setAsking(false);
      setNote('');
      window.scrollTo({ top: 0 });
    },
    onError: (err) => {
      if (isApiError(err) && err.status === 400) {
        const e = err.errors.find((x) => x.field === 'note');
        if (e) setNoteError(noteMessage(e.message, t));
      }
      // The interview changed meanwhile (cancelled, or begun): show it as it now stands.
      if (isApiError(err) && err.status === 409) void qc.invalidateQueries({ queryKey: queryKey(token) });
    },
  });

  if (respond.isError && isApiError(respond.error) && respond.error.status === 403) {
    return <ProblemMessage problem="invalid" detail={respond.error.detail} />;
  }

  const cancelled = iv.status === 'cancelled';
  const sendAnotherTime = (e: FormEvent) => {
    e.preventDefault();
    const text = note.trim();
    if (!text) {
      setNoteError(t('publicInterview.noteRequired'));
      return;
    }
    setNoteError(null);
    respond.mutate({ response: 'another_time', note: text });
  };
  const failure = !respond.isError || noteError
    ? null
    : isApiError(respond.error) && respond.error.status === 429
      ? t('public.tooMany')
      : isApiError(respond.error) && respond.error.status === 409
        ? serverText(respond.error.detail, 'publicInterview.conflict', t, i18n.resolvedLanguage ?? 'en')
        : errorMessage(respond.error, t);

  return (
    <PublicCard>
      <Stack gap="lg" aria-labelledby="interview-heading" component="section">
        <Stack gap={6}>
          <Text size="sm" c="dimmed" fw={500}>
            {iv.title}
          </Text>
          <Title order={1} size="h2" id="interview-heading">
            {iv.candidate_name ? t('publicInterview.greeting', { name: iv.candidate_name }) : t('publicInterview.pageTitle')}
          </Title>
          <Text>{t(`publicInterview.intro.${iv.kind}`, { title: iv.title, defaultValue: t('publicInterview.intro.second', { title: iv.title }) })}</Text>
        </Stack>

        {cancelled && (
          <Alert color="red" variant="light" icon={<IconCalendarX size={18} aria-hidden />} title={t('publicInterview.cancelledTitle')} data-testid="interview-cancelled">
            {t('publicInterview.cancelledBody')}
          </Alert>
        )}

        <Stack gap="sm" c={cancelled ? 'dimmed' : undefined} data-testid="interview-details">
          <Detail label={t('publicInterview.when')}>
            <Text span td={cancelled ? 'line-through' : undefined}>
              {t('publicInterview.whenValue', { at: fmt.dateTime(iv.starts_at), count: iv.duration_minutes })}
            </Text>
          </Detail>
          {iv.location && <Detail label={t('publicInterview.where')}>{iv.location}</Detail>}
          {iv.video_url && (
            <Detail label={t('publicInterview.video')}>
              <Anchor href={iv.video_url} target="_blank" rel="noreferrer">
                {iv.video_url}
              </Anchor>
            </Detail>
          )}
        </Stack>

        {!cancelled && iv.response === 'confirmed' && (
          <Alert color="green" variant="light" icon={<IconCalendarCheck size={18} aria-hidden />} title={t('publicInterview.confirmedTitle')} data-testid="interview-response" role="status">
            {t('publicInterview.confirmedBody')}
          </Alert>
        )}
        {!cancelled && iv.response === 'another_time' && (
          <Alert color="orange" variant="light" icon={<IconCalendarQuestion size={18} aria-hidden />} title={t('publicInterview.anotherTimeTitle')} data-testid="interview-response" role="status">
            <Stack gap={4}>
              <Text size="sm">{t('publicInterview.anotherTimeBody')}</Text>
              {iv.response_note && (
                <Text size="sm" fs="italic" style={{ whiteSpace: 'pre-wrap' }}>
                  “{iv.response_note}”
                </Text>
              )}
            </Stack>
          </Alert>
        )}

        {!cancelled && !asking && (
          <Stack gap="xs">
            {iv.response && (
              <Text size="sm" c="dimmed">
                {t('publicInterview.changeHint')}
              </Text>
            )}
            <Group grow wrap="wrap">
              {iv.response !== 'confirmed' && (
                <Button
                  size="md"
                  color="green"
                  leftSection={<IconCalendarCheck size={18} aria-hidden />}
                  loading={respond.isPending}
                  onClick={() => respond.mutate({ response: 'confirmed' })}
                >
                  {t('publicInterview.confirm')}
                </Button>
              )}
              <Button
                size="md"
                variant="default"
                leftSection={<IconCalendarQuestion size={18} aria-hidden />}
                disabled={respond.isPending}
                onClick={() => {
                  respond.reset();
                  setAsking(true);
                }}
              >
                {t('publicInterview.askAnotherTime')}
              </Button>
            </Group>
          </Stack>
        )}

        {!cancelled && asking && (
          <form onSubmit={sendAnotherTime} noValidate>
            <Stack gap="sm">
              <Textarea
                label={t('publicInterview.noteLabel')}
                description={t('publicInterview.noteHint', { max: NOTE_MAX })}
                required
                autosize
                minRows={3}
                maxRows={8}
                maxLength={NOTE_MAX}
                value={note}
                onChange={(e) => {
                  setNote(e.currentTarget.value);
                  if (noteError) setNoteError(null);
                }}
                error={noteError}
                data-autofocus
                autoFocus
              />
              <Group justify="flex-end">
                <Button variant="default" onClick={() => setAsking(false)}>
                  {t('publicInterview.back')}
                </Button>
                <Button type="submit" loading={respond.isPending}>
                  {t('publicInterview.sendRequest')}
                </Button>
              </Group>
            </Stack>
          </form>
        )}

        {failure && (
          <Alert color="red" variant="light" icon={<IconAlertCircle size={18} aria-hidden />} role="alert">
            {failure}
          </Alert>
        )}
      </Stack>
    </PublicCard>
  );
}
