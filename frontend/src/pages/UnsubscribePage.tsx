import { Alert, Button, Skeleton, Stack, Text, Title } from '@mantine/core';
import { IconAlertCircle, IconClockX, IconLinkOff, IconMailOff, IconUserOff } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { isApiError } from '../api/client';
import { getUnsubscribe, unsubscribe, type UnsubscribeInfo } from '../api/care';
import { ErrorAlert } from '../components/ErrorAlert';
import { PublicCard, PublicMessage } from '../components/PublicLayout';
import { serverText } from '../lib/candidateText';
import { errorMessage } from '../lib/errors';
import { useCandidateLanguage } from '../lib/useCandidateLanguage';
import { usePageTitle } from '../lib/usePageTitle';

/** Why the link unsubscribes no one: forged or for another purpose (403), too old (409), no such contact (404). */
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
  notFound: <IconUserOff size={28} />,
};
const problemColor: Record<Problem, string> = { invalid: 'red', expired: 'orange', notFound: 'gray' };

const queryKey = (token: string) => ['public', 'unsubscribe', token] as const;

/** The page a greeting card's unsubscribe link opens: the contact stops the cards with one button. */
export function UnsubscribePage() {
  const { token = '' } = useParams();
  const { t } = useTranslation();
  const q = useQuery({
    queryKey: queryKey(token),
    queryFn: () => getUnsubscribe(token),
    refetchOnWindowFocus: false,
    staleTime: Infinity,
  });
  usePageTitle(t('care.unsubscribe.pageTitle'));

  // In the contact's language from the start; they can still switch.
  useCandidateLanguage(q.data?.locale, token);

  if (q.isPending) return <Skeleton height={280} radius="lg" />;
  if (q.isError) {
    const problem = problemOf(q.error);
    if (problem) return <ProblemMessage problem={problem} detail={isApiError(q.error) ? q.error.detail : ''} />;
    if (isApiError(q.error) && q.error.status === 429) return <ErrorAlert message={t('public.tooMany')} onRetry={() => void q.refetch()} />;
    return <ErrorAlert error={q.error} onRetry={() => void q.refetch()} />;
  }
  return <UnsubscribeView token={token} info={q.data} />;
}

function ProblemMessage({ problem, detail }: { problem: Problem; detail: string }) {
  const { t, i18n } = useTranslation();
  return (
    <PublicMessage icon={problemIcon[problem]} color={problemColor[problem]} title={t(`care.unsubscribe.problem.${problem}.title`)} testId="unsubscribe-problem">
      <Text>{serverText(detail, `care.unsubscribe.problem.${problem}.body`, t, i18n.resolvedLanguage ?? 'en')}</Text>
    </PublicMessage>
  );
}

function UnsubscribeView({ token, info }: { token: string; info: UnsubscribeInfo }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const stop = useMutation({
    mutationFn: () => unsubscribe(token),
    onSuccess: (data) => {
      qc.setQueryData(queryKey(token), data);
      window.scrollTo({ top: 0 });
    },
  });

  if (stop.isError) {
    const problem = problemOf(stop.error);
    if (problem) return <ProblemMessage problem={problem} detail={isApiError(stop.error) ? stop.error.detail : ''} />;
  }
  if (info.unsubscribed) {
    return (
      <PublicMessage icon={<IconMailOff size={28} />} color="green" title={t('care.unsubscribe.doneTitle')} testId="unsubscribe-done">
        <Text>{t('care.unsubscribe.doneBody', { company: info.company, name: info.name })}</Text>
        <Text size="sm" c="dimmed">
          {t('care.unsubscribe.doneHint', { company: info.company })}
        </Text>
      </PublicMessage>
    );
  }
  return (
    <PublicCard>
      <Stack gap="lg" component="section" aria-labelledby="unsubscribe-heading">
        <Title order={1} size="h2" id="unsubscribe-heading">
          {t('care.unsubscribe.question', { company: info.company, name: info.name })}
        </Title>
        <Text>{t('care.unsubscribe.body', { company: info.company })}</Text>
        {stop.isError && (
          <Alert color="red" variant="light" icon={<IconAlertCircle size={18} aria-hidden />} role="alert">
            {isApiError(stop.error) && stop.error.status === 429 ? t('public.tooMany') : errorMessage(stop.error, t)}
          </Alert>
        )}
        <Button size="md" color="red" leftSection={<IconMailOff size={18} aria-hidden />} loading={stop.isPending} onClick={() => stop.mutate()} style={{ alignSelf: 'flex-start' }}>
          {t('care.unsubscribe.confirm')}
        </Button>
      </Stack>
    </PublicCard>
  );
}
