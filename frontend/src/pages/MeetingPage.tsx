import { Anchor, Box, Breadcrumbs, Skeleton, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useMeeting, useTeamDetail } from '../api/meetings';
import { ErrorAlert } from '../components/ErrorAlert';
import { MeetingStatusBadge, Section } from '../components/meeting/MeetingBits';
import { ReportForm } from '../components/meeting/ReportForm';
import { Agenda } from '../components/meeting/ReportView';
import { PageHeader } from '../components/PageHeader';
import { useFormat } from '../lib/format';
import { hasRole, TEAM_FORMER_ROLES } from '../lib/roles';
import { useCurrentUser } from '../lib/useCurrentUser';

/**
 * A planning meeting, made for a phone: the team's manager (and department heads, admins) read the agenda, every
 * filed report and who has not filed; a rep of the team files or replaces their own report until it is held.
 * Notifications link here.
 */
export function MeetingPage() {
  const { t } = useTranslation();
  const fmt = useFormat();
  const me = useCurrentUser();
  const { id } = useParams();
  const query = useMeeting(Number(id));
  const meeting = query.data;
  // The meeting names its team, not who leads it or who is on it: the team does.
  const team = useTeamDetail(meeting?.team_id ?? 0, !!meeting);

  const crumbs = (
    <Breadcrumbs mb="sm" aria-label={t('common.breadcrumbs')}>
      <Anchor component={Link} to="/teams" size="sm">
        {t('meetings.teams.title')}
      </Anchor>
      {meeting ? (
        <Anchor component={Link} to={`/teams/${meeting.team_id}`} size="sm">
          {meeting.team}
        </Anchor>
      ) : (
        <Text size="sm">…</Text>
      )}
      {meeting && <Text size="sm">{fmt.dateTime(meeting.at)}</Text>}
    </Breadcrumbs>
  );

  let body;
  if (!meeting) {
    body = query.error ? <ErrorAlert error={query.error} onRetry={() => void query.refetch()} /> : <Skeleton height={240} />;
  } else if (!team.data) {
    body = team.error ? <ErrorAlert error={team.error} onRetry={() => void team.refetch()} /> : <Skeleton height={240} />;
  } else {
    const lead = team.data.manager_id === me.id || hasRole(me, ...TEAM_FORMER_ROLES);
    const member = team.data.members.some((m) => m.id === me.id);
    body = (
      <Stack gap="lg">
        {query.error && <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />}
        {member && (
          <Section title={t('meetings.report.title')} id="my-report">
            <ReportForm key={meeting.id} meeting={meeting} />
          </Section>
        )}
        {lead && (
          <Section title={t('meetings.agenda.title')} id="agenda">
            <Agenda meeting={meeting} />
          </Section>
        )}
        {!lead && !member && <ErrorAlert message={t('errors.forbiddenPage')} />}
      </Stack>
    );
  }

  return (
    <Box maw={820} mx="auto">
      {crumbs}
      <PageHeader
        title={meeting ? t('meetings.meeting.title', { team: meeting.team }) : t('meetings.meeting.titleLoading')}
        description={meeting ? t(meeting.status === 'held' ? 'meetings.meeting.heldAt' : 'meetings.meeting.startsAt', { at: fmt.dateTime(meeting.at) }) : undefined}
        badge={meeting ? <MeetingStatusBadge status={meeting.status} /> : undefined}
      />
      {body}
    </Box>
  );
}
