import { Button, Group, Paper, Text, ThemeIcon } from '@mantine/core';
import { IconCircleCheck, IconPencil } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { ReportDue } from '../../api/home';
import { useFormat } from '../../lib/format';
import { HomeList, HomeSection } from './HomeSection';

/** The planning meetings still waiting for the rep's report, each one tap from its form. */
export function ReportsDueCard({ reports }: { reports: ReportDue[] }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  return (
    <HomeSection title={t('home.reports.title')} id="home-reports" count={reports.length} countLabel={t('home.reports.count', { count: reports.length })}>
      {reports.length === 0 ? (
        <Group gap="xs" data-testid="home-reports-filed">
          <ThemeIcon color="green" variant="light" radius="xl" size="sm" aria-hidden>
            <IconCircleCheck size={14} />
          </ThemeIcon>
          <Text size="sm">{t('home.reports.allFiled')}</Text>
        </Group>
      ) : (
        <HomeList label={t('home.reports.title')}>
          {reports.map((r) => (
            <Paper key={r.meeting_id} component="li" withBorder radius="md" p="sm" data-testid="home-report">
              <Group justify="space-between" align="center" gap="sm" wrap="wrap">
                <div style={{ minWidth: 0, flex: '1 1 180px' }}>
                  <Text fw={600} style={{ overflowWrap: 'anywhere' }}>
                    {r.team}
                  </Text>
                  <Text size="sm" c="dimmed">
                    {t('home.reports.meetingAt', { at: fmt.dateTime(r.at) })}
                  </Text>
                </div>
                <Button
                  component={Link}
                  to={`/meetings/${r.meeting_id}`}
                  leftSection={<IconPencil size={16} aria-hidden />}
                  aria-label={t('home.reports.fileFor', { team: r.team })}
                >
                  {t('meetings.fileReport')}
                </Button>
              </Group>
            </Paper>
          ))}
        </HomeList>
      )}
    </HomeSection>
  );
}
