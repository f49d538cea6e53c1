import { Group, Paper, Text, ThemeIcon } from '@mantine/core';
import { IconStar } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { Kudos } from '../../api/home';
import { useFormat } from '../../lib/format';
import { HomeList, HomeSection } from './HomeSection';

/** The latest kudos the rep's leaders gave them: from whom, what they said, when. */
export function KudosCard({ kudos }: { kudos: Kudos[] }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  return (
    <HomeSection title={t('home.kudos.title')} id="home-kudos">
      {kudos.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('home.kudos.none')}
        </Text>
      ) : (
        <HomeList label={t('home.kudos.title')}>
          {kudos.map((k) => (
            <Paper key={k.id} component="li" withBorder radius="md" p="sm" data-testid="home-kudos-item">
              <Group gap="sm" wrap="nowrap" align="flex-start">
                <ThemeIcon color="yellow" variant="light" radius="xl" aria-hidden>
                  <IconStar size={16} />
                </ThemeIcon>
                <div style={{ minWidth: 0 }}>
                  <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
                    {k.message}
                  </Text>
                  <Text size="xs" c="dimmed" mt={2}>
                    {t('home.kudos.fromOn', { name: k.from.name, when: fmt.date(k.created_at) })}
                  </Text>
                </div>
              </Group>
            </Paper>
          ))}
        </HomeList>
      )}
    </HomeSection>
  );
}
