import { Anchor, Button, Group, Paper, Text } from '@mantine/core';
import { IconPhonePlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { HomeAccount } from '../../api/home';
import { HomeList, HomeSection } from './HomeSection';

/** How many clients show before "Show all". */
const FIRST = 8;
/** Clients left this many days without work are marked for a call. */
const STALE_DAYS = 14;

/** Whole calendar days (in the reader's time zone) from iso to now. */
function daysSince(iso: string, now = new Date()): number {
  const d = new Date(iso);
  const a = new Date(d.getFullYear(), d.getMonth(), d.getDate()).getTime();
  const b = new Date(now.getFullYear(), now.getMonth(), now.getDate()).getTime();
  return Math.max(0, Math.round((b - a) / 86_400_000));
}

function LastWork({ at }: { at: string | null }) {
  const { t } = useTranslation();
  if (!at) {
    return (
      <Text size="sm" c="orange.8" data-testid="home-last-work">
        {t('home.clients.never')}
      </Text>
    );
  }
  const days = daysSince(at);
  return (
    <Text size="sm" c={days >= STALE_DAYS ? 'orange.8' : 'dimmed'} data-testid="home-last-work">
      {days === 0 ? t('home.clients.lastWorkToday') : t('home.clients.lastWorkDays', { count: days })}
    </Text>
  );
}

/** The rep's clients, the ones longest without work first, and the way to log the next call. */
export function ClientsCard({ accounts }: { accounts: HomeAccount[] }) {
  const { t } = useTranslation();
  const [all, setAll] = useState(false);
  const shown = all ? accounts : accounts.slice(0, FIRST);
  return (
    <HomeSection
      title={t('home.clients.title')}
      id="home-clients"
      actions={
        <Button component={Link} to="/log" variant="light" size="xs" leftSection={<IconPhonePlus size={14} aria-hidden />}>
          {t('home.clients.logActivity')}
        </Button>
      }
    >
      {accounts.length === 0 ? (
        <>
          <Text size="sm" fw={500}>
            {t('home.clients.none')}
          </Text>
          <Text size="sm" c="dimmed">
            {t('home.clients.noneHint')}
          </Text>
        </>
      ) : (
        <>
          <Text size="xs" c="dimmed" mb="xs">
            {t('home.clients.hint')}
          </Text>
          <HomeList label={t('home.clients.title')}>
            {shown.map((a) => (
              <Paper key={a.id} component="li" withBorder radius="md" px="sm" py={6} data-testid="home-client">
                <Group justify="space-between" gap="xs" wrap="wrap">
                  <Anchor component={Link} to={`/clients/${a.id}`} fw={600} size="sm" style={{ overflowWrap: 'anywhere' }}>
                    {a.name}
                  </Anchor>
                  <LastWork at={a.last_work} />
                </Group>
              </Paper>
            ))}
          </HomeList>
          {accounts.length > FIRST && (
            <Button variant="subtle" size="xs" mt="xs" onClick={() => setAll((v) => !v)}>
              {all ? t('home.showFewer') : t('home.showAll', { count: accounts.length })}
            </Button>
          )}
        </>
      )}
    </HomeSection>
  );
}
