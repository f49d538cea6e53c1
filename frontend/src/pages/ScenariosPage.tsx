import { Anchor, Badge, Button, Group, Switch, Table, Text } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { useScenarios } from '../api/queries';
import { DataTable } from '../components/DataTable';
import { PageHeader } from '../components/PageHeader';
import { QueryView } from '../components/QueryView';
import { DifficultyDots } from '../components/scenario/DifficultyDots';
import { hasRole, SCENARIO_EDITOR_ROLES } from '../lib/roles';
import { byDifficulty, scenarioText } from '../lib/scenarios';
import { useCurrentUser } from '../lib/useCurrentUser';

/** The library of negotiation role-play scenarios (buyer personas), from the gentlest buyer to the hardest. */
export function ScenariosPage() {
  const { t, i18n } = useTranslation();
  const user = useCurrentUser();
  const [params, setParams] = useSearchParams();
  const archived = params.get('archived') === 'true';
  const scenarios = useScenarios(archived);
  const canEdit = hasRole(user, ...SCENARIO_EDITOR_ROLES);
  const lang = i18n.resolvedLanguage ?? 'en';
  const rows = [...(scenarios.data ?? [])].sort(byDifficulty);

  const newButton = canEdit ? (
    <Button component={Link} to="/scenarios/new" leftSection={<IconPlus size={16} aria-hidden />}>
      {t('scenarios.new')}
    </Button>
  ) : null;

  return (
    <>
      <PageHeader title={t('scenarios.title')} description={t('scenarios.description')} actions={newButton} />
      <Group mb="md">
        <Switch
          label={t('scenarios.showArchived')}
          checked={archived}
          onChange={(e) => setParams(e.currentTarget.checked ? { archived: 'true' } : {}, { replace: true })}
        />
      </Group>
      <QueryView
        error={scenarios.error}
        pending={scenarios.isPending}
        empty={rows.length === 0}
        onRetry={() => void scenarios.refetch()}
        emptyTitle={t('scenarios.empty')}
        emptyHint={canEdit ? t('scenarios.emptyHint') : undefined}
      >
        <DataTable
          minWidth={640}
          spacious
          columns={[
            { label: t('scenarios.col.difficulty') },
            { label: t('scenarios.col.persona') },
            { label: t('scenarios.col.duration'), align: 'right' },
          ]}
        >
          {rows.map((s) => {
            const text = scenarioText(s, lang);
            return (
              <Table.Tr key={s.id} data-testid="scenario-row" style={{ verticalAlign: 'top' }}>
                <Table.Td w={110} pt="md">
                  <DifficultyDots difficulty={s.difficulty} />
                </Table.Td>
                <Table.Td>
                  <Group gap="xs" wrap="wrap">
                    <Anchor component={Link} to={`/scenarios/${s.id}`} fw={600}>
                      {text.name}
                    </Anchor>
                    {s.archived && (
                      <Badge color="gray" variant="light" size="sm">
                        {t('scenario.archived')}
                      </Badge>
                    )}
                  </Group>
                  <Text size="sm" c="dimmed" lineClamp={2} maw={720}>
                    {text.behaviour}
                  </Text>
                </Table.Td>
                <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                  {t('scenario.minutes', { count: s.duration_minutes })}
                </Table.Td>
              </Table.Tr>
            );
          })}
        </DataTable>
      </QueryView>
    </>
  );
}
