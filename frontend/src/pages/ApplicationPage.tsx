import {
  Alert,
  Anchor,
  Breadcrumbs,
  Button,
  Grid,
  Group,
  Paper,
  Skeleton,
  Stack,
  TagsInput,
  Text,
  Textarea,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconAlertTriangle, IconArrowRight, IconDoorExit, IconMailForward, IconX } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { fieldErrors } from '../api/client';
import { addNote, resendQuestionnaire, setTags } from '../api/endpoints';
import { keys, useApplication, useApplicationInterviews } from '../api/queries';
import type { Application } from '../api/types';
import { EventTimeline } from '../components/application/EventTimeline';
import { ProfileList } from '../components/application/ProfileList';
import { QuestionnaireView } from '../components/application/QuestionnaireView';
import { ErrorAlert } from '../components/ErrorAlert';
import { ApplicationInterviews } from '../components/interview/ApplicationInterviews';
import { ApplicationOffers } from '../components/offer/ApplicationOffers';
import { useApplicationOffers } from '../api/offers';
import { PageHeader } from '../components/PageHeader';
import { AttentionBadges, ScoreBadge } from '../components/pipeline/BoardCard';
import { StageBadge } from '../components/StageBadge';
import { useFormat } from '../lib/format';
import { canManagePipeline, daysSince } from '../lib/pipeline';
import { useCurrentUser } from '../lib/useCurrentUser';
import { useMoveFlow } from '../lib/useMoveFlow';

function Card({ title, id, children, testId }: { title: string; id: string; children: ReactNode; testId?: string }) {
  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby={id} data-testid={testId}>
      <Title order={2} size="h4" mb="md" id={id}>
        {title}
      </Title>
      {children}
    </Paper>
  );
}

/** Puts the application the server answered with into the cache, so the page shows it at once. */
function useApplicationUpdate() {
  const qc = useQueryClient();
  return (app: Application) => {
    qc.setQueryData(keys.application(app.id), app);
    void qc.invalidateQueries({ queryKey: keys.applications(app.opening_id) });
  };
}

/** The moves the application allows now, the knock-out to confirm, and the questionnaire to send again. */
function NextStep({ app }: { app: Application }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const moves = useMoveFlow();
  const update = useApplicationUpdate();
  const resend = useMutation({
    mutationFn: () => resendQuestionnaire(app.id),
    onSuccess: (a) => {
      update(a);
      notifications.show({ color: 'green', message: t('application.resent', { name: a.candidate.name }) });
    },
  });
  const next = app.allowed_moves.find((s) => s !== 'rejected' && s !== 'withdrawn');
  const knockOut = !!app.workflow?.knock_out_pending;
  const canResend = app.stage === 'questionnaire' && (app.questionnaire_status === 'expired' || app.questionnaire_status === 'sent');
  const due = app.workflow?.questionnaire_due ?? app.questionnaire_due;

  if (app.allowed_moves.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        {t('application.closed', { stage: t(`stage.${app.stage}`) })}
        {app.reason_code ? ` ${t('event.reasonCode', { code: t(`rejectionReason.${app.reason_code}`, { defaultValue: app.reason_code }) })}` : ''}
      </Text>
    );
  }
  return (
    <Stack gap="sm">
      {knockOut && (
        <Alert color="red" variant="light" icon={<IconAlertTriangle size={18} aria-hidden />} title={t('application.knockOutTitle')}>
          <Stack gap="xs" align="flex-start">
            <Text size="sm">{t('application.knockOut')}</Text>
            <Button size="xs" color="red" onClick={() => moves.request(app, 'rejected', 'knocked_out')}>
              {t('application.confirmRejection')}
            </Button>
          </Stack>
        </Alert>
      )}
      {app.stage === 'questionnaire' && (
        <Text size="sm">
          {app.questionnaire_status === 'sent' && due
            ? t('application.questionnaireDue', { due: fmt.dateTime(due) })
            : app.questionnaire_status === 'expired'
              ? t('application.questionnaireExpired')
              : app.questionnaire_status === 'submitted'
                ? t('application.questionnaireAnswered')
                : t('application.questionnaireNotSent')}
        </Text>
      )}
      <Group gap="xs">
        {next && (
          <Button leftSection={<IconArrowRight size={16} aria-hidden />} onClick={() => moves.request(app, next)}>
            {t('application.moveTo', { stage: t(`stage.${next}`) })}
          </Button>
        )}
        {canResend && (
          <Button variant="light" leftSection={<IconMailForward size={16} aria-hidden />} onClick={() => resend.mutate()} loading={resend.isPending}>
            {t('application.resend')}
          </Button>
        )}
        {app.allowed_moves.includes('rejected') && (
          <Button variant="light" color="red" leftSection={<IconX size={16} aria-hidden />} onClick={() => moves.request(app, 'rejected')}>
            {t('application.reject')}
          </Button>
        )}
        {app.allowed_moves.includes('withdrawn') && (
          <Button variant="default" leftSection={<IconDoorExit size={16} aria-hidden />} onClick={() => moves.request(app, 'withdrawn')}>
            {t('application.withdraw')}
          </Button>
        )}
      </Group>
      {resend.isError && <ErrorAlert error={resend.error} />}
      {moves.modal}
    </Stack>
  );
}

function TagsEditor({ app, canEdit }: { app: Application; canEdit: boolean }) {
  const { t } = useTranslation();
  const update = useApplicationUpdate();
  const [tags, setTagsValue] = useState(app.tags);
  const save = useMutation({
    mutationFn: () => setTags(app.id, tags),
    onSuccess: (a) => {
      update(a);
      setTagsValue(a.tags);
      notifications.show({ color: 'green', message: t('application.tagsSaved') });
    },
  });
  const changed = [...tags].sort().join('\n') !== [...app.tags].sort().join('\n');
  return (
    <Stack gap="xs">
      <TagsInput
        aria-label={t('candidate.tags')}
        description={canEdit ? t('application.tagsHint') : undefined}
        value={tags}
        onChange={setTagsValue}
        maxTags={20}
        maxLength={40}
        clearable={canEdit}
        readOnly={!canEdit}
        error={fieldErrors(save.error).tags}
      />
      {canEdit && changed && (
        <Group gap="xs">
          <Button size="xs" onClick={() => save.mutate()} loading={save.isPending}>
            {t('application.saveTags')}
          </Button>
          <Button size="xs" variant="default" onClick={() => setTagsValue(app.tags)}>
            {t('common.cancel')}
          </Button>
        </Group>
      )}
      {save.isError && !fieldErrors(save.error).tags && <ErrorAlert error={save.error} />}
    </Stack>
  );
}

function Notes({ app }: { app: Application }) {
  const { t } = useTranslation();
  const update = useApplicationUpdate();
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  const add = useMutation({
    mutationFn: () => addNote(app.id, text.trim()),
    onSuccess: (a) => {
      update(a);
      setText('');
      notifications.show({ color: 'green', message: t('application.noteAdded') });
    },
    onError: (err) => setError(fieldErrors(err).text ?? null),
  });
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        if (!text.trim()) {
          setError(t('application.noteRequired'));
          return;
        }
        setError(null);
        add.mutate();
      }}
      noValidate
    >
      <Stack gap="xs">
        <Textarea
          label={t('application.note')}
          description={t('application.noteHint')}
          autosize
          minRows={2}
          maxRows={8}
          maxLength={4000}
          value={text}
          onChange={(e) => {
            setText(e.currentTarget.value);
            if (error) setError(null);
          }}
          error={error}
        />
        {add.isError && !fieldErrors(add.error).text && <ErrorAlert error={add.error} />}
        <Group>
          <Button type="submit" size="xs" loading={add.isPending}>
            {t('application.addNote')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** A candidate's application: profile, the next step, questionnaire answers, the whole timeline, notes and tags. */
export function ApplicationPage() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const id = Number(useParams().id);
  const query = useApplication(Number.isFinite(id) ? id : null);
  const canManage = canManagePipeline(me);
  // Hiring managers only: the interviews show at an interview stage, or once there have been any.
  const interviews = useApplicationInterviews(id, canManage);
  const offers = useApplicationOffers(id, canManage);

  if (query.isPending) {
    return (
      <Stack>
        <Skeleton height={40} width="50%" />
        <Skeleton height={360} radius="md" />
      </Stack>
    );
  }
  if (query.isError) return <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />;

  const app = query.data;
  const days = daysSince(app.stage_entered_at);
  const openingTitle = app.opening?.title ?? t('application.openingNumber', { id: app.opening_id });
  const others = app.other_applications ?? [];

  return (
    <>
      <Breadcrumbs mb="xs" aria-label={t('common.breadcrumbs')}>
        <Anchor component={Link} to="/openings" size="sm">
          {t('openings.title')}
        </Anchor>
        <Anchor component={Link} to={`/openings/${app.opening_id}`} size="sm" truncate maw={260}>
          {openingTitle}
        </Anchor>
        <Text size="sm" c="dimmed" truncate maw={200}>
          {app.candidate.name}
        </Text>
      </Breadcrumbs>
      <PageHeader
        title={app.candidate.name}
        badge={
          <Group gap="xs">
            <StageBadge stage={app.stage} size="lg" />
            <ScoreBadge app={app} passMark={app.questionnaire?.questionnaire.pass_mark ?? app.opening?.questionnaire?.pass_mark} />
            <AttentionBadges app={app} />
          </Group>
        }
        description={t('application.meta', {
          opening: openingTitle,
          days: days === 0 ? t('board.inStageToday') : t('board.inStageDays', { count: days }),
        })}
      />
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, lg: 7 }}>
          <Stack gap="lg">
            {canManage && (
              <Card title={t('application.nextStep')} id="next-heading">
                <NextStep app={app} />
              </Card>
            )}
            {canManage &&
              (app.stage === 'first_interview' || app.stage === 'second_interview' || (interviews.data?.items.length ?? 0) > 0) && (
                <Card title={t('candidateInterviews.title')} id="interview-heading" testId="interviews">
                  <ApplicationInterviews app={app} />
                </Card>
              )}
            {canManage &&
              (app.stage === 'second_interview' || app.stage === 'offer' || app.stage === 'hired' || (offers.data?.length ?? 0) > 0) && (
                <Card title={t('offer.sectionTitle')} id="offers-heading" testId="offers">
                  <ApplicationOffers app={app} />
                </Card>
              )}
            <Card title={t('application.questionnaire')} id="questionnaire-heading">
              {app.questionnaire ? (
                <QuestionnaireView response={app.questionnaire} />
              ) : (
                <Text size="sm" c="dimmed">
                  {app.questionnaire_status === 'sent' && app.stage !== 'questionnaire'
                    ? t('application.questionnaireUnanswered')
                    : app.questionnaire_status === 'sent'
                      ? t('application.questionnaireWaiting')
                      : app.questionnaire_status === 'expired'
                        ? t('application.questionnaireExpired')
                        : t('application.questionnaireNone')}
                </Text>
              )}
            </Card>
            <Card title={t('application.timeline')} id="timeline-heading">
              <EventTimeline events={app.timeline ?? []} />
            </Card>
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 5 }}>
          <Stack gap="lg">
            <Card title={t('application.profile')} id="profile-heading">
              <ProfileList app={app} />
            </Card>
            <Card title={t('candidate.tags')} id="tags-heading">
              <TagsEditor key={app.tags.join('\n')} app={app} canEdit={canManage} />
            </Card>
            <Card title={t('application.notes')} id="notes-heading">
              <Notes app={app} />
            </Card>
            <Card title={t('application.others')} id="others-heading">
              {others.length === 0 ? (
                <Text size="sm" c="dimmed">
                  {t('application.noOthers')}
                </Text>
              ) : (
                <Stack gap="xs">
                  {others.map((o) => (
                    <Group key={o.id} justify="space-between" wrap="nowrap">
                      <Anchor component={Link} to={`/applications/${o.id}`} size="sm" style={{ minWidth: 0 }}>
                        {o.opening_title || t('application.openingNumber', { id: o.opening_id })}
                      </Anchor>
                      <StageBadge stage={o.stage} />
                    </Group>
                  ))}
                </Stack>
              )}
            </Card>
          </Stack>
        </Grid.Col>
      </Grid>
    </>
  );
}
