import { Badge, Button, Divider, Drawer, Group, Skeleton, Stack, Text, Title } from '@mantine/core';
import { IconArrowRight } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useApplication } from '../../api/queries';
import { EventTimeline } from '../application/EventTimeline';
import { ProfileList } from '../application/ProfileList';
import { ErrorAlert } from '../ErrorAlert';
import { StageBadge } from '../StageBadge';
import { AttentionBadges, ScoreBadge } from './BoardCard';

/** A candidate at a glance, beside the board: contact, score, tags, latest events, and the way to their page. */
export function QuickView({ id, passMark, onClose }: { id: number | null; passMark?: number; onClose: () => void }) {
  const { t } = useTranslation();
  const app = useApplication(id);
  const a = app.data;
  return (
    <Drawer
      opened={id !== null}
      onClose={onClose}
      position="right"
      size="md"
      title={
        <Text fw={700} size="lg" component="span">
          {a?.candidate.name ?? t('common.loading')}
        </Text>
      }
    >
      {app.isError ? (
        <ErrorAlert error={app.error} onRetry={() => void app.refetch()} />
      ) : !a ? (
        <Stack>
          <Skeleton height={24} width="40%" />
          <Skeleton height={160} />
        </Stack>
      ) : (
        <Stack gap="md">
          <Group gap="xs">
            <StageBadge stage={a.stage} size="md" />
            <ScoreBadge app={a} passMark={passMark} />
            <AttentionBadges app={a} />
          </Group>
          <ProfileList app={a} compact />
          <div>
            <Text size="sm" fw={600} mb={4}>
              {t('candidate.tags')}
            </Text>
            {a.tags.length ? (
              <Group gap={4}>
                {a.tags.map((tag) => (
                  <Badge key={tag} variant="default" tt="none">
                    {tag}
                  </Badge>
                ))}
              </Group>
            ) : (
              <Text size="sm" c="dimmed">
                {t('candidate.noTags')}
              </Text>
            )}
          </div>
          <Divider />
          <Title order={3} size="h5">
            {t('quickView.latest')}
          </Title>
          <EventTimeline events={a.timeline ?? []} limit={5} />
          <Button component={Link} to={`/applications/${a.id}`} rightSection={<IconArrowRight size={16} aria-hidden />}>
            {t('quickView.open')}
          </Button>
        </Stack>
      )}
    </Drawer>
  );
}
