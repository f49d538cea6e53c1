import { Alert, Button, Checkbox, Divider, Group, List, Skeleton, Stack, Table, Text, Title } from '@mantine/core';
import { IconAlertCircle, IconClockX, IconDownload, IconLinkOff, IconShieldCheck, IconTrash, IconUserOff } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { isApiError } from '../api/client';
import { deletePrivacy, getPrivacy, privacyDownloadURL, type PrivacyData } from '../api/privacy';
import { ErrorAlert } from '../components/ErrorAlert';
import { PublicCard, PublicMessage } from '../components/PublicLayout';
import { serverText } from '../lib/candidateText';
import { errorMessage } from '../lib/errors';
import { useFormat } from '../lib/format';
import { useCandidateLanguage } from '../lib/useCandidateLanguage';
import { usePageTitle } from '../lib/usePageTitle';

/** Why the link shows no one: forged or for another purpose (403), too old (409). */
type Problem = 'invalid' | 'expired';

function problemOf(err: unknown): Problem | null {
  if (!isApiError(err)) return null;
  if (err.status === 403) return 'invalid';
  if (err.status === 409) return 'expired';
  return null;
}

const problemIcon: Record<Problem, ReactNode> = { invalid: <IconLinkOff size={28} />, expired: <IconClockX size={28} /> };

const queryKey = (token: string) => ['public', 'privacy', token] as const;

/** The page the link under every candidate e-mail opens: what Bullpen holds about them, to download or delete. */
export function PrivacyPage() {
  const { token = '' } = useParams();
  const { t, i18n } = useTranslation();
  const q = useQuery({ queryKey: queryKey(token), queryFn: () => getPrivacy(token), refetchOnWindowFocus: false, staleTime: Infinity });
  usePageTitle(t('privacy.pageTitle'));
  useCandidateLanguage(q.data?.locale, token);

  if (q.isPending) return <Skeleton height={320} radius="lg" />;
  if (q.isError) {
    const problem = problemOf(q.error);
    if (problem) {
      return (
        <PublicMessage icon={problemIcon[problem]} color={problem === 'invalid' ? 'red' : 'orange'} title={t(`privacy.problem.${problem}.title`)} testId="privacy-problem">
          <Text>{serverText(isApiError(q.error) ? q.error.detail : '', `privacy.problem.${problem}.body`, t, i18n.resolvedLanguage ?? 'en')}</Text>
        </PublicMessage>
      );
    }
    if (isApiError(q.error) && q.error.status === 429) return <ErrorAlert message={t('public.tooMany')} onRetry={() => void q.refetch()} />;
    return <ErrorAlert error={q.error} onRetry={() => void q.refetch()} />;
  }
  if (q.data.anonymised_at) {
    return <Deleted data={q.data} />;
  }
  return <PrivacyView token={token} data={q.data} />;
}

function Deleted({ data }: { data: PrivacyData }) {
  const { t } = useTranslation();
  const f = useFormat();
  return (
    <PublicMessage icon={<IconUserOff size={28} />} color="green" title={t('privacy.deletedTitle')} testId="privacy-deleted">
      <Text>{t('privacy.deletedBody', { company: data.company, date: f.date(data.anonymised_at ?? '') })}</Text>
    </PublicMessage>
  );
}

function PrivacyView({ token, data }: { token: string; data: PrivacyData }) {
  const { t } = useTranslation();
  const f = useFormat();
  const qc = useQueryClient();
  const [sure, setSure] = useState(false);
  const del = useMutation({
    mutationFn: () => deletePrivacy(token),
    onSuccess: (d) => {
      qc.setQueryData(queryKey(token), d);
      window.scrollTo({ top: 0 });
    },
  });
  const row = (label: string, value: ReactNode) =>
    value ? (
      <Table.Tr>
        <Table.Th w="35%" fw={500}>
          {label}
        </Table.Th>
        <Table.Td>{value}</Table.Td>
      </Table.Tr>
    ) : null;

  return (
    <PublicCard>
      <Stack gap="lg" component="section" aria-labelledby="privacy-heading">
        <Group gap="sm">
          <IconShieldCheck size={28} aria-hidden />
          <Title order={1} size="h2" id="privacy-heading">
            {t('privacy.title', { company: data.company })}
          </Title>
        </Group>
        <Text>{t('privacy.intro', { company: data.company })}</Text>

        <Table variant="vertical" withTableBorder aria-label={t('privacy.profile')}>
          <Table.Tbody>
            {row(t('privacy.name'), data.name)}
            {row(t('privacy.email'), data.email)}
            {row(t('privacy.phone'), data.phone)}
            {row(t('privacy.location'), data.location)}
            {row(t('privacy.cv'), data.cv)}
            {row(t('privacy.consent'), data.consent_at ? f.dateTime(data.consent_at) : '')}
            {row(t('privacy.since'), f.date(data.created_at))}
          </Table.Tbody>
        </Table>

        <Title order={2} size="h4">
          {t('privacy.applications')}
        </Title>
        {data.applications.map((a, i) => (
          <Stack key={i} gap={4}>
            <Text fw={600}>
              {a.opening} · {t(`stage.${a.stage}`)}
            </Text>
            <Text size="sm" c="dimmed">
              {t('privacy.appliedOn', { date: f.date(a.applied_at), since: f.date(a.stage_since) })}
            </Text>
            {a.answers.length > 0 && (
              <List size="sm" spacing={2}>
                {a.answers.map((x, j) => (
                  <List.Item key={j}>
                    <Text span size="sm" fw={500}>
                      {x.question}:
                    </Text>{' '}
                    {x.options?.join(', ') ?? (x.number !== undefined ? f.number(x.number) : x.text)}
                  </List.Item>
                ))}
              </List>
            )}
            {a.offers.map((o, j) => (
              <Text key={j} size="sm">
                {t('privacy.offer', { status: t(`privacy.offerStatus.${o.status}`), date: f.date(o.start_date) })}
              </Text>
            ))}
          </Stack>
        ))}
        {data.interviews.length > 0 && (
          <>
            <Title order={2} size="h4">
              {t('privacy.interviews')}
            </Title>
            <List size="sm">
              {data.interviews.map((iv, i) => (
                <List.Item key={i}>
                  {t('privacy.interview', { opening: iv.opening, date: f.dateTime(iv.starts_at) })}
                  {iv.status === 'cancelled' && ` (${t('privacy.cancelled')})`}
                </List.Item>
              ))}
            </List>
          </>
        )}

        <Text size="sm" c="dimmed">
          {data.retention_days > 0 ? t('privacy.retention', { count: data.retention_days, company: data.company }) : t('privacy.kept', { company: data.company })}
        </Text>
        <Group>
          <Button component="a" href={privacyDownloadURL(token)} download variant="light" leftSection={<IconDownload size={18} aria-hidden />}>
            {t('privacy.download')}
          </Button>
        </Group>

        <Divider />
        <Title order={2} size="h4">
          {t('privacy.deleteTitle')}
        </Title>
        {data.blocked ? (
          <Alert color="yellow" variant="light" icon={<IconAlertCircle size={18} aria-hidden />} data-testid="privacy-blocked">
            {t(`privacy.blocked.${data.blocked}`, { company: data.company })}
          </Alert>
        ) : (
          <>
            <Text>{t('privacy.deleteBody', { company: data.company })}</Text>
            <Checkbox label={t('privacy.deleteSure')} checked={sure} onChange={(e) => setSure(e.currentTarget.checked)} />
            {del.isError && (
              <Alert color="red" variant="light" icon={<IconAlertCircle size={18} aria-hidden />} role="alert">
                {isApiError(del.error) && del.error.status === 429 ? t('public.tooMany') : errorMessage(del.error, t)}
              </Alert>
            )}
            <Button color="red" disabled={!sure} loading={del.isPending} leftSection={<IconTrash size={18} aria-hidden />} onClick={() => del.mutate()} style={{ alignSelf: 'flex-start' }}>
              {t('privacy.delete')}
            </Button>
          </>
        )}
      </Stack>
    </PublicCard>
  );
}
