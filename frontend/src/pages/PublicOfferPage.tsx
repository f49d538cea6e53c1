import { Alert, Button, Group, List, Paper, Skeleton, Stack, Text, Textarea, Title } from '@mantine/core';
import { IconAlertCircle, IconCircleCheck, IconCircleX, IconClockX, IconFileOff, IconLinkOff } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { isApiError } from '../api/client';
import { answerOffer, getPublicOffer, offerKeys, type PublicOffer } from '../api/offers';
import { ErrorAlert } from '../components/ErrorAlert';
import { PayTable } from '../components/offer/PayTable';
import { PublicCard, PublicMessage } from '../components/PublicLayout';
import { serverText } from '../lib/candidateText';
import { errorMessage } from '../lib/errors';
import { useFormat } from '../lib/format';
import { planSentences } from '../lib/payPlan';
import { useCandidateLanguage } from '../lib/useCandidateLanguage';
import { usePageTitle } from '../lib/usePageTitle';

const REASON_MAX = 1000;

/** Why the link opens no offer: forged or for another purpose (403), expired or answered (409), none (404). */
type Problem = 'invalid' | 'closed' | 'notFound';

function problemOf(err: unknown): Problem | null {
  if (!isApiError(err)) return null;
  if (err.status === 403) return 'invalid';
  if (err.status === 409 || err.status === 410) return 'closed';
  if (err.status === 404) return 'notFound';
  return null;
}

const problemIcon: Record<Problem, ReactNode> = {
  invalid: <IconLinkOff size={28} />,
  closed: <IconClockX size={28} />,
  notFound: <IconFileOff size={28} />,
};
const problemColor: Record<Problem, string> = { invalid: 'red', closed: 'orange', notFound: 'gray' };

/** The page a candidate opens from their offer e-mail: the offer and its pay table; accept or decline. */
export function PublicOfferPage() {
  const { token = '' } = useParams();
  const { t } = useTranslation();
  const q = useQuery({
    queryKey: offerKeys.publicOffer(token),
    queryFn: () => getPublicOffer(token),
    refetchOnWindowFocus: false,
    staleTime: Infinity,
  });
  usePageTitle(q.data?.title ?? t('publicOffer.pageTitle'));

  // In the candidate's language from the start; they can still switch.
  useCandidateLanguage(q.data?.locale, token);

  if (q.isPending) return <Skeleton height={420} radius="lg" />;
  if (q.isError) {
    const problem = problemOf(q.error);
    if (problem) return <ProblemMessage problem={problem} detail={isApiError(q.error) ? q.error.detail : ''} />;
    if (isApiError(q.error) && q.error.status === 429) return <ErrorAlert message={t('public.tooMany')} onRetry={() => void q.refetch()} />;
    return <ErrorAlert error={q.error} onRetry={() => void q.refetch()} />;
  }
  return <OfferView token={token} offer={q.data} />;
}

function ProblemMessage({ problem, detail }: { problem: Problem; detail: string }) {
  const { t, i18n } = useTranslation();
  return (
    <PublicMessage icon={problemIcon[problem]} color={problemColor[problem]} title={t(`publicOffer.problem.${problem}.title`)} testId="offer-problem">
      <Text>{serverText(detail, `publicOffer.problem.${problem}.body`, t, i18n.resolvedLanguage ?? 'en')}</Text>
    </PublicMessage>
  );
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

/** The offer's outcome once answered, expired or withdrawn. */
function Outcome({ offer }: { offer: PublicOffer }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  switch (offer.status) {
    case 'accepted':
      return (
        <Alert color="green" variant="light" icon={<IconCircleCheck size={20} aria-hidden />} title={t('publicOffer.acceptedTitle')} data-testid="offer-outcome" role="status">
          {offer.seat === 'unavailable' ? t('publicOffer.acceptedPendingBody') : t('publicOffer.acceptedBody', { date: fmt.date(offer.start_date) })}
        </Alert>
      );
    case 'declined':
      return (
        <Alert color="gray" variant="light" icon={<IconCircleX size={20} aria-hidden />} title={t('publicOffer.declinedTitle')} data-testid="offer-outcome" role="status">
          {t('publicOffer.declinedBody')}
        </Alert>
      );
    case 'expired':
      return (
        <Alert color="orange" variant="light" icon={<IconClockX size={20} aria-hidden />} title={t('publicOffer.expiredTitle')} data-testid="offer-outcome" role="status">
          {t('publicOffer.expiredBody')}
        </Alert>
      );
    case 'withdrawn':
      return (
        <Alert color="gray" variant="light" icon={<IconFileOff size={20} aria-hidden />} title={t('publicOffer.withdrawnTitle')} data-testid="offer-outcome" role="status">
          {t('publicOffer.withdrawnBody')}
        </Alert>
      );
    default:
      return (
        <Alert color="yellow" variant="light" icon={<IconAlertCircle size={20} aria-hidden />} title={t('publicOffer.changedTitle')} data-testid="offer-outcome" role="status">
          {t('publicOffer.changedBody')}
        </Alert>
      );
  }
}

function OfferView({ token, offer }: { token: string; offer: PublicOffer }) {
  const { t, i18n } = useTranslation();
  const fmt = useFormat();
  const qc = useQueryClient();
  const [step, setStep] = useState<'choose' | 'accept' | 'decline'>('choose');
  const [reason, setReason] = useState('');
  const answer = useMutation({
    mutationFn: (d: 'accept' | 'decline') => answerOffer(token, d, d === 'decline' ? reason.trim() : '', offer.version),
    onSuccess: (data) => {
      qc.setQueryData(offerKeys.publicOffer(token), data);
      setStep('choose');
      window.scrollTo({ top: 0 });
    },
  });

  if (answer.isError && isApiError(answer.error) && answer.error.status === 403) {
    return <ProblemMessage problem="invalid" detail={answer.error.detail} />;
  }
  const open = offer.status === 'sent';
  const roleName = t(`roles.${offer.role}`, { defaultValue: offer.role });
  const lang = i18n.resolvedLanguage ?? 'en';
  const failure = !answer.isError
    ? null
    : isApiError(answer.error) && answer.error.status === 429
      ? t('public.tooMany')
      : isApiError(answer.error) && answer.error.status === 409
        ? serverText(answer.error.detail, 'publicOffer.conflict', t, lang)
        : errorMessage(answer.error, t);

  return (
    <PublicCard>
      <Stack gap="lg" aria-labelledby="offer-heading" component="section">
        <Stack gap={6}>
          <Text size="sm" c="dimmed" fw={500}>
            {offer.title}
          </Text>
          <Title order={1} size="h2" id="offer-heading">
            {offer.candidate_name ? t('publicOffer.greeting', { name: offer.candidate_name }) : t('publicOffer.pageTitle')}
          </Title>
          <Text>{t('publicOffer.intro', { title: offer.title, role: roleName })}</Text>
        </Stack>

        {!open && <Outcome offer={offer} />}

        <Stack gap="sm" data-testid="offer-details">
          <Detail label={t('publicOffer.role')}>{t('publicOffer.roleValue', { title: offer.title, role: roleName })}</Detail>
          <Detail label={t('publicOffer.start')}>{fmt.date(offer.start_date)}</Detail>
          {open && offer.expires_at && (
            <Detail label={t('publicOffer.expires')}>
              <span data-testid="offer-expires">{t('publicOffer.expiresValue', { at: fmt.dateTime(offer.expires_at) })}</span>
            </Detail>
          )}
        </Stack>

        <Stack gap="xs">
          <Title order={2} size="h4">
            {t('publicOffer.payTitle')}
          </Title>
          <List spacing={4}>
            {planSentences(offer.plan, t, fmt).map((s, i) => (
              <List.Item key={i}>{s}</List.Item>
            ))}
          </List>
        </Stack>

        {offer.pay_table && (
          <Stack gap="xs">
            <Title order={2} size="h4">
              {t('publicOffer.tableTitle')}
            </Title>
            <Text size="sm" c="dimmed">
              {t('publicOffer.tableHint')}
            </Text>
            <PayTable table={offer.pay_table} currency={offer.plan.currency} />
          </Stack>
        )}

        {open && step === 'choose' && (
          <Group grow wrap="wrap">
            <Button size="md" color="green" leftSection={<IconCircleCheck size={18} aria-hidden />} onClick={() => { answer.reset(); setStep('accept'); }}>
              {t('publicOffer.accept')}
            </Button>
            <Button size="md" variant="default" leftSection={<IconCircleX size={18} aria-hidden />} onClick={() => { answer.reset(); setStep('decline'); }}>
              {t('publicOffer.decline')}
            </Button>
          </Group>
        )}

        {open && step === 'accept' && (
          <Paper withBorder radius="md" p="md" bg="green.0" data-testid="offer-confirm">
            <Stack gap="sm">
              <Title order={2} size="h4">
                {t('publicOffer.confirmAcceptTitle')}
              </Title>
              <Text size="sm">{t('publicOffer.confirmAcceptBody', { date: fmt.date(offer.start_date) })}</Text>
              <Group justify="flex-end">
                <Button variant="default" onClick={() => setStep('choose')}>
                  {t('publicOffer.back')}
                </Button>
                <Button color="green" loading={answer.isPending} onClick={() => answer.mutate('accept')}>
                  {t('publicOffer.confirmAccept')}
                </Button>
              </Group>
            </Stack>
          </Paper>
        )}

        {open && step === 'decline' && (
          <form
            onSubmit={(e) => {
              e.preventDefault();
              answer.mutate('decline');
            }}
            noValidate
          >
            <Paper withBorder radius="md" p="md" data-testid="offer-confirm">
              <Stack gap="sm">
                <Title order={2} size="h4">
                  {t('publicOffer.confirmDeclineTitle')}
                </Title>
                <Textarea
                  label={t('publicOffer.reasonLabel')}
                  description={t('publicOffer.reasonHint', { max: REASON_MAX })}
                  autosize
                  minRows={3}
                  maxRows={8}
                  maxLength={REASON_MAX}
                  value={reason}
                  onChange={(e) => setReason(e.currentTarget.value)}
                  autoFocus
                />
                <Group justify="flex-end">
                  <Button variant="default" onClick={() => setStep('choose')}>
                    {t('publicOffer.back')}
                  </Button>
                  <Button type="submit" color="red" loading={answer.isPending}>
                    {t('publicOffer.confirmDecline')}
                  </Button>
                </Group>
              </Stack>
            </Paper>
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
