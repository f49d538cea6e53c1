import { Anchor, Badge, Box, Button, Group, Paper, Stack, Table, Text } from '@mantine/core';
import { IconCircleCheck, IconPencil, IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useTeams, type TeamSummary } from '../api/meetings';
import type { PersonRef } from '../api/types';
import { DataTable } from '../components/DataTable';
import { NewTeamModal } from '../components/meeting/NewTeamModal';
import { PageHeader } from '../components/PageHeader';
import { QueryView } from '../components/QueryView';
import { useFormat } from '../lib/format';
import { cadenceText } from '../lib/meetings';
import { hasRole, TEAM_FORMER_ROLES } from '../lib/roles';
import { useCurrentUser } from '../lib/useCurrentUser';

/** The team's next meeting, linked, with how many reports are in. */
function NextMeeting({ team }: { team: TeamSummary }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const next = team.next_meeting;
  if (!next) {
    return (
      <Text span size="sm" c="dimmed">
        {t('meetings.noNextMeeting')}
      </Text>
    );
  }
  return (
    <Stack gap={0}>
      <Anchor component={Link} to={`/meetings/${next.id}`} style={{ whiteSpace: 'nowrap' }}>
        {fmt.dateTime(next.at)}
      </Anchor>
      <Text size="xs" c="dimmed">
        {t('meetings.reportsFiled', { count: next.reports })}
      </Text>
    </Stack>
  );
}

/** For a rep of the team: file the report for the next meeting, or that it is filed. */
function ReportState({ team }: { team: TeamSummary }) {
  const { t } = useTranslation();
  const next = team.next_meeting;
  if (!next) return null;
  if (next.filed) {
    return (
      <Stack gap={4} align="flex-start">
        <Badge color="green" variant="light" tt="none" leftSection={<IconCircleCheck size={14} aria-hidden />}>
          {t('meetings.reportFiled')}
        </Badge>
        <Anchor component={Link} to={`/meetings/${next.id}`} size="xs">
          {t('meetings.changeReport')}
        </Anchor>
      </Stack>
    );
  }
  return (
    <Button component={Link} to={`/meetings/${next.id}`} size="xs" leftSection={<IconPencil size={14} aria-hidden />}>
      {t('meetings.fileReport')}
    </Button>
  );
}

/** The teams one manages or belongs to (every team for department heads and admins), with their next meeting. */
export function TeamsPage() {
  const { t } = useTranslation();
  const fmt = useFormat();
  const me = useCurrentUser();
  const teams = useTeams();
  const [adding, setAdding] = useState(false);
  const rows = teams.data ?? [];
  const former = hasRole(me, ...TEAM_FORMER_ROLES);
  // A rep files a report for each meeting of their team; whoever leads the team reads them.
  const reporter = (managerId: number) => hasRole(me, 'sales_rep') && managerId !== me.id;
  const showReport = rows.some((r) => reporter(r.manager.id));
  const managerName = (m: PersonRef) => (m.id === me.id ? t('meetings.you', { name: m.name }) : m.name);
  const newTeam = former ? (
    <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setAdding(true)}>
      {t('meetings.new.button')}
    </Button>
  ) : undefined;

  return (
    <>
      <PageHeader title={t('meetings.teams.title')} description={t('meetings.teams.description')} actions={newTeam} />
      <QueryView
        error={teams.error}
        pending={teams.isPending}
        empty={rows.length === 0}
        onRetry={() => void teams.refetch()}
        emptyTitle={t('meetings.teams.empty')}
        emptyHint={former ? t('meetings.teams.emptyHintFormer') : t('meetings.teams.emptyHint')}
        emptyAction={newTeam}
      >
        <Stack gap="sm" hiddenFrom="sm" data-testid="teams-cards">
          {rows.map((team) => (
            <Paper key={team.id} withBorder radius="md" p="sm" component="article" aria-label={team.name}>
              <Stack gap={6}>
                <Anchor component={Link} to={`/teams/${team.id}`} fw={600} style={{ overflowWrap: 'anywhere' }}>
                  {team.name}
                </Anchor>
                <Text size="sm" c="dimmed">
                  {managerName(team.manager)} · {cadenceText(team.cadence, t)} · {t('meetings.team.members', { count: team.members })}
                </Text>
                <Group justify="space-between" align="flex-end" gap="xs">
                  <NextMeeting team={team} />
                  {reporter(team.manager.id) && <ReportState team={team} />}
                </Group>
              </Stack>
            </Paper>
          ))}
        </Stack>
        <Box visibleFrom="sm" data-testid="teams-table">
          <DataTable
            minWidth={showReport ? 900 : 760}
            columns={[
              { label: t('meetings.col.team') },
              { label: t('meetings.col.manager') },
              { label: t('meetings.col.cadence') },
              { label: t('meetings.col.members'), align: 'right' },
              { label: t('meetings.col.nextMeeting') },
              ...(showReport ? [{ label: t('meetings.col.yourReport') }] : []),
            ]}
          >
            {rows.map((team) => (
              <Table.Tr key={team.id} data-testid="team-row">
                <Table.Td>
                  <Anchor component={Link} to={`/teams/${team.id}`} fw={600} style={{ overflowWrap: 'anywhere' }}>
                    {team.name}
                  </Anchor>
                </Table.Td>
                <Table.Td>{managerName(team.manager)}</Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>{cadenceText(team.cadence, t)}</Table.Td>
                <Table.Td ta="right">{fmt.number(team.members)}</Table.Td>
                <Table.Td>
                  <NextMeeting team={team} />
                </Table.Td>
                {showReport && <Table.Td>{reporter(team.manager.id) && <ReportState team={team} />}</Table.Td>}
              </Table.Tr>
            ))}
          </DataTable>
        </Box>
      </QueryView>
      {former && <NewTeamModal opened={adding} onClose={() => setAdding(false)} />}
    </>
  );
}
