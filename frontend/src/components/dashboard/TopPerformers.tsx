import { Group, Paper, SimpleGrid, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { IconInfoCircle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { RankedRep } from '../../api/dashboard';
import { useFormat } from '../../lib/format';
import { KudosButton } from './KudosButton';

const MEDALS = ['yellow', 'gray', 'orange'];

function Ranking({ title, items, meId, testId }: { title: string; items: RankedRep[]; meId: number; testId: string }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  return (
    <Paper withBorder radius="md" p="md" data-testid={testId}>
      <Title order={3} size="h5" mb="sm">
        {title}
      </Title>
      {items.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('dashboard.top.empty')}
        </Text>
      ) : (
        <Stack component="ol" gap="sm" m={0} p={0} style={{ listStyle: 'none' }}>
          {items.map((r, i) => (
            <Group component="li" key={r.user_id} justify="space-between" wrap="nowrap" gap="sm">
              <Group gap="sm" wrap="nowrap" style={{ minWidth: 0 }}>
                <ThemeIcon variant={i < 3 ? 'filled' : 'light'} color={MEDALS[i] ?? 'gray'} radius="xl" size="md" aria-hidden>
                  <Text size="xs" fw={700}>
                    {i + 1}
                  </Text>
                </ThemeIcon>
                <div style={{ minWidth: 0 }}>
                  <Text size="sm" fw={600} truncate>
                    {r.name}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {[
                      t('dashboard.top.score', { score: fmt.number(r.score) }),
                      t('dashboard.top.calls', { count: r.calls, n: fmt.number(r.calls) }),
                      t('dashboard.top.meetings', { count: r.meetings, n: fmt.number(r.meetings) }),
                      t('dashboard.top.deals', { count: r.deals_won, n: fmt.number(r.deals_won) }),
                    ].join(' · ')}
                  </Text>
                </div>
              </Group>
              {r.user_id !== meId && <KudosButton rep={{ id: r.user_id, name: r.name }} />}
            </Group>
          ))}
        </Stack>
      )}
    </Paper>
  );
}

/** The best five of this week and of the period by score, with the score's working and a kudos button each. */
export function TopPerformers({
  week,
  period,
  scoreWorking,
  meId,
}: {
  week: RankedRep[];
  period: RankedRep[];
  scoreWorking: string;
  meId: number;
}) {
  const { t, i18n } = useTranslation();
  // The server says how the score is counted in English; other languages have it translated.
  const working = (i18n.resolvedLanguage ?? 'en').startsWith('en') && scoreWorking ? scoreWorking : t('dashboard.top.working');
  return (
    <Stack gap="xs">
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
        <Ranking title={t('dashboard.top.week')} items={week} meId={meId} testId="top-week" />
        <Ranking title={t('dashboard.top.period')} items={period} meId={meId} testId="top-period" />
      </SimpleGrid>
      <Group gap={6} wrap="nowrap" align="flex-start">
        <IconInfoCircle size={14} aria-hidden style={{ flexShrink: 0, marginTop: 3 }} />
        <Text size="xs" c="dimmed" data-testid="score-working">
          {t('dashboard.top.workingHint', { working })}
        </Text>
      </Group>
    </Stack>
  );
}
