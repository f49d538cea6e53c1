import { Anchor, Badge, Button, Group, Paper, Skeleton, Stack, Text, Title } from '@mantine/core';
import { IconClipboardCheck } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useMyInterviews } from '../api/queries';
import type { MyInterview } from '../api/types';
import { EmptyBox } from '../components/EmptyState';
import { ErrorAlert } from '../components/ErrorAlert';
import { PageHeader } from '../components/PageHeader';
import { useFormat } from '../lib/format';

function Section({ id, title, count, children }: { id: string; title: string; count: number; children: ReactNode }) {
  return (
    <Stack gap="sm" component="section" aria-labelledby={id}>
      <Group gap="xs">
        <Title order={2} size="h4" id={id}>
          {title}
        </Title>
        {count > 0 && (
          <Badge variant="light" circle>
            {count}
          </Badge>
        )}
      </Group>
      {children}
    </Stack>
  );
}

/** One interview: when, what kind, with whom, where; and what to do about it. */
function InterviewCard({ iv, owed }: { iv: MyInterview; owed: boolean }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const owedNames = iv.candidates.filter((c) => (iv.owed ?? []).includes(c.id));
  return (
    <Paper withBorder radius="md" p="md" component="article" aria-label={t('myInterviews.cardLabel', { kind: t(`myInterviews.kind.${iv.kind}`, { defaultValue: iv.kind }), at: fmt.dateTime(iv.starts_at) })}>
      <Stack gap={6}>
        <Group justify="space-between" gap="xs" wrap="wrap">
          <Group gap="xs">
            <Text fw={600}>{t('interview.whenValue', { at: fmt.dateTime(iv.starts_at), count: iv.duration_minutes })}</Text>
            <Badge variant="light" tt="none" color={iv.kind === 'first' ? 'cyan' : 'indigo'}>
              {t(`myInterviews.kind.${iv.kind}`, { defaultValue: iv.kind })}
            </Badge>
          </Group>
          <Button component={Link} to={`/interviews/${iv.id}`} size="xs" variant={owed ? 'default' : 'light'}>
            {t('interview.openKit')}
          </Button>
        </Group>
        <Text size="sm">
          <Text span c="dimmed" size="sm">
            {t('interview.candidates')}:{' '}
          </Text>
          {iv.candidates.map((c) => c.name).join(', ')}
        </Text>
        {(iv.location || iv.video_url) && (
          <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
            <Text span c="dimmed" size="sm">
              {t('interview.location')}:{' '}
            </Text>
            {iv.location}
            {iv.location && iv.video_url ? ' · ' : ''}
            {iv.video_url && (
              <Anchor href={iv.video_url} target="_blank" rel="noreferrer" size="sm">
                {iv.video_url}
              </Anchor>
            )}
          </Text>
        )}
        {owed && owedNames.length > 0 && (
          <Group gap="xs" mt={4}>
            {owedNames.map((c) => (
              <Button
                key={c.id}
                component={Link}
                to={`/interviews/${iv.id}#scorecard-${c.id}`}
                size="xs"
                leftSection={<IconClipboardCheck size={14} aria-hidden />}
              >
                {t('myInterviews.score', { name: c.name })}
              </Button>
            ))}
          </Group>
        )}
      </Stack>
    </Paper>
  );
}

/** The signed-in interviewer's interviews: the scorecards they still owe, then what is coming up. */
export function MyInterviewsPage() {
  const { t } = useTranslation();
  const list = useMyInterviews();
  // "Now" is when the list was fetched (it is fetched again every minute), so that rendering stays pure.
  const now = list.dataUpdatedAt;

  if (list.isPending) {
    return (
      <>
        <PageHeader title={t('myInterviews.title')} description={t('myInterviews.description')} />
        <Skeleton height={200} radius="md" />
      </>
    );
  }
  if (list.isError) {
    return (
      <>
        <PageHeader title={t('myInterviews.title')} description={t('myInterviews.description')} />
        <ErrorAlert error={list.error} onRetry={() => void list.refetch()} />
      </>
    );
  }

  const live = list.data.filter((iv) => iv.status !== 'cancelled');
  const at = (iv: MyInterview) => new Date(iv.starts_at).getTime();
  // Scorecards are accepted from the interview's start: the oldest debt first.
  const owed = live.filter((iv) => at(iv) <= now && (iv.owed ?? []).length > 0).sort((a, b) => at(a) - at(b));
  const upcoming = live.filter((iv) => at(iv) > now).sort((a, b) => at(a) - at(b));

  return (
    <>
      <PageHeader title={t('myInterviews.title')} description={t('myInterviews.description')} />
      <Stack gap="xl">
        <Section id="owed-heading" title={t('myInterviews.owedTitle')} count={owed.length}>
          {owed.length === 0 ? (
            <EmptyBox title={t('myInterviews.owedEmpty')} description={t('myInterviews.owedEmptyHint')} />
          ) : (
            owed.map((iv) => <InterviewCard key={iv.id} iv={iv} owed />)
          )}
        </Section>
        <Section id="upcoming-heading" title={t('myInterviews.upcomingTitle')} count={upcoming.length}>
          {upcoming.length === 0 ? (
            <EmptyBox title={t('myInterviews.upcomingEmpty')} description={t('myInterviews.upcomingEmptyHint')} />
          ) : (
            upcoming.map((iv) => <InterviewCard key={iv.id} iv={iv} owed={false} />)
          )}
        </Section>
      </Stack>
    </>
  );
}
