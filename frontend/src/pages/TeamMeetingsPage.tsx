import { Anchor, Badge, Breadcrumbs, Button, Grid, Group, Skeleton, Stack, Table, Text, Title } from '@mantine/core';
import { IconClock } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useTeamDetail } from '../api/meetings';
import { DataTable } from '../components/DataTable';
import { EmptyBox } from '../components/EmptyState';
import { ErrorAlert } from '../components/ErrorAlert';
import { CadenceModal } from '../components/meeting/CadenceModal';
import { MeetingStatusBadge, Section } from '../components/meeting/MeetingBits';
import { PageHeader } from '../components/PageHeader';
import { useFormat } from '../lib/format';
import { cadenceText } from '../lib/meetings';
import { hasRole, TEAM_FORMER_ROLES } from '../lib/roles';
import { useCurrentUser } from '../lib/useCurrentUser';

/** A team: its manager, its reps with the reports each missed, its cadence and its meetings. */
export function TeamMeetingsPage() {
  const { t } = useTranslation();
  const fmt = useFormat();
  const me = useCurrentUser();
  const { id } = useParams();
  const query = useTeamDetail(Number(id));
  const team = query.data;
  const [changing, setChanging] = useState(false);

  const crumbs = (
    <Breadcrumbs mb="sm" aria-label={t('common.breadcrumbs')}>
      <Anchor component={Link} to="/teams" size="sm">
        {t('meetings.teams.title')}
      </Anchor>
      <Text size="sm">{team?.name ?? '…'}</Text>
    </Breadcrumbs>
  );
  if (!team) {
    return (
      <>
        {crumbs}
        {query.error ? (
          <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />
        ) : (
          <>
            <Skeleton height={40} mb="md" />
            <Skeleton height={240} />
          </>
        )}
      </>
    );
  }

  const canChange = team.manager_id === me.id || hasRole(me, ...TEAM_FORMER_ROLES);
  const names = new Map(team.members.map((m) => [m.id, m.name]));
  names.set(team.manager.id, team.manager.name);
  const nameOf = (userId: number) => names.get(userId) ?? t('meetings.someone', { id: userId });
  const members = [...team.members].sort((a, b) => a.name.localeCompare(b.name, fmt.locale));
  const held = team.meetings.filter((m) => m.status === 'held').length;

  return (
    <>
      {crumbs}
      <PageHeader title={team.name} description={t('meetings.team.managedBy', { name: team.manager.name })} />
      {query.error && <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />}
      <Grid gap="md">
        <Grid.Col span={{ base: 12, md: 4 }}>
          <Stack gap="md">
            <Section
              title={t('meetings.team.cadence')}
              id="team-cadence"
              actions={
                canChange ? (
                  <Button size="xs" variant="light" onClick={() => setChanging(true)}>
                    {t('meetings.cadence.change')}
                  </Button>
                ) : undefined
              }
            >
              <Group gap="xs" wrap="nowrap">
                <IconClock size={18} aria-hidden />
                <Text fw={500} data-testid="team-cadence">
                  {cadenceText(team.cadence, t)}
                </Text>
              </Group>
              <Text size="xs" c="dimmed" mt={4}>
                {t('meetings.field.timeHint')}
              </Text>
            </Section>
            <Section title={t('meetings.team.members', { count: members.length })} id="team-members">
              <Text size="sm" mb="xs">
                <Text span c="dimmed">
                  {t('meetings.col.manager')}:
                </Text>{' '}
                <Text span fw={500}>
                  {team.manager.name}
                </Text>
              </Text>
              {members.length === 0 ? (
                <Text size="sm" c="dimmed">
                  {t('meetings.team.noMembers')}
                </Text>
              ) : (
                <Stack gap={6} data-testid="team-members">
                  {members.map((m) => {
                    const missed = team.missed[String(m.id)] ?? 0;
                    return (
                      <Group key={m.id} justify="space-between" gap="xs" wrap="nowrap">
                        <Text size="sm" fw={500} style={{ overflowWrap: 'anywhere' }}>
                          {m.name}
                        </Text>
                        {missed > 0 ? (
                          <Badge size="sm" color="orange" variant="light" tt="none">
                            {t('meetings.team.missed', { count: missed })}
                          </Badge>
                        ) : (
                          <Text size="xs" c="dimmed">
                            {t('meetings.team.noneMissed')}
                          </Text>
                        )}
                      </Group>
                    );
                  })}
                </Stack>
              )}
              {held > 0 && (
                <Text size="xs" c="dimmed" mt="xs">
                  {t('meetings.team.missedOf', { count: held })}
                </Text>
              )}
            </Section>
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 8 }}>
          <section aria-labelledby="team-meetings">
            <Title order={2} size="h4" mb="xs" id="team-meetings">
              {t('meetings.team.meetings')}
            </Title>
            {team.meetings.length === 0 ? (
              <EmptyBox title={t('meetings.team.noMeetings')} description={t('meetings.team.noMeetingsHint')} />
            ) : (
              <div data-testid="meetings-table">
                <DataTable
                  minWidth={520}
                  columns={[{ label: t('meetings.col.when') }, { label: t('meetings.col.status') }, { label: t('meetings.col.missed') }]}
                >
                  {team.meetings.map((m) => {
                    const missed = m.missed ?? [];
                    return (
                      <Table.Tr key={m.id}>
                        <Table.Td style={{ whiteSpace: 'nowrap' }}>
                          <Anchor component={Link} to={`/meetings/${m.id}`} fw={500}>
                            {fmt.dateTime(m.at)}
                          </Anchor>
                        </Table.Td>
                        <Table.Td>
                          <MeetingStatusBadge status={m.status} />
                        </Table.Td>
                        <Table.Td>
                          {m.status !== 'held' ? (
                            <Text span size="sm" c="dimmed">
                              —
                            </Text>
                          ) : missed.length === 0 ? (
                            <Text span size="sm" c="dimmed">
                              {t('meetings.team.allFiled')}
                            </Text>
                          ) : (
                            <Text span size="sm" c="orange.8">
                              {missed.map(nameOf).join(', ')}
                            </Text>
                          )}
                        </Table.Td>
                      </Table.Tr>
                    );
                  })}
                </DataTable>
              </div>
            )}
          </section>
        </Grid.Col>
      </Grid>
      {canChange && <CadenceModal key={JSON.stringify(team.cadence)} team={team} opened={changing} onClose={() => setChanging(false)} />}
    </>
  );
}
