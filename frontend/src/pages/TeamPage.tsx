import { Anchor, Group, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useEmployees } from '../api/team';
import { DataTable } from '../components/DataTable';
import { LoadMoreOf } from '../components/LoadMore';
import { PageHeader } from '../components/PageHeader';
import { QueryView } from '../components/QueryView';
import { RampBadge } from '../components/team/TeamBits';
import { useFormat } from '../lib/format';
import { today } from '../lib/team';

/** The hires: who they are, when they started and when their pay ramp ends. */
export function TeamPage() {
  const { t } = useTranslation();
  const fmt = useFormat();
  const employees = useEmployees();
  const rows = [...employees.items].sort((a, b) => a.user.name.localeCompare(b.user.name, fmt.locale));
  const now = today();

  return (
    <>
      <PageHeader title={t('team.title')} description={t('team.description')} />
      <QueryView
        error={employees.query.error}
        pending={employees.query.isPending}
        empty={rows.length === 0}
        onRetry={() => void employees.query.refetch()}
        emptyTitle={t('team.empty')}
        emptyHint={t('team.emptyHint')}
      >
        <div data-testid="team-table">
          <DataTable
            minWidth={640}
            columns={[
              { label: t('team.col.name') },
              { label: t('team.col.role') },
              { label: t('team.col.start') },
              { label: t('team.col.rampEnds') },
            ]}
          >
            {rows.map((e) => {
              const inRamp = e.plan.ramp_months > 0 && now < e.ramp_ends;
              const notStarted = now < e.start_date;
              return (
                <Table.Tr key={e.id} data-testid="team-row">
                  <Table.Td>
                    <Anchor component={Link} to={`/team/${e.id}`} fw={600} style={{ overflowWrap: 'anywhere' }}>
                      {e.user.name}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>{t(`roles.${e.role}`, { defaultValue: e.role })}</Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>
                    <Group gap={6} wrap="nowrap">
                      {fmt.date(e.start_date)}
                      {notStarted && (
                        <Text span size="xs" c="dimmed">
                          {t('team.notStarted')}
                        </Text>
                      )}
                    </Group>
                  </Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>
                    {e.plan.ramp_months > 0 ? (
                      <Group gap={6} wrap="nowrap">
                        {fmt.date(e.ramp_ends)}
                        {inRamp && <RampBadge />}
                      </Group>
                    ) : (
                      <Text span c="dimmed" size="sm">
                        {t('team.noRamp')}
                      </Text>
                    )}
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </DataTable>
        </div>
      </QueryView>
      <LoadMoreOf list={employees} />
    </>
  );
}
