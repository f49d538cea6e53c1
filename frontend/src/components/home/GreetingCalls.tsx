import { Anchor, Badge, Button, Group, Modal, Paper, Stack, Text, Title } from '@mantine/core';
import { IconPhoneCheck } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Greeting } from '../../api/care';
import { homeKeys, type Home } from '../../api/home';
import { addDays, formatDay, occasionName, todayUTC } from '../../lib/care';
import { useFormat } from '../../lib/format';
import { CallDoneForm } from '../care/CallDoneForm';
import { HomeList, HomeSection } from './HomeSection';

/** How many coming calls show before "Show all". */
const FIRST_UPCOMING = 4;

/** The call-done form in a small modal: on success the call leaves the home's list at once. */
function CallDoneModal({ greeting, onClose }: { greeting: Greeting | null; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const qc = useQueryClient();
  const done = (id: number) => {
    qc.setQueryData<Home>(homeKeys.home, (h) => (h ? { ...h, calls: h.calls.filter((c) => c.id !== id), upcoming: h.upcoming.filter((c) => c.id !== id) } : h));
    void qc.invalidateQueries({ queryKey: homeKeys.home });
    onClose();
  };
  return (
    <Modal opened={!!greeting} onClose={onClose} title={greeting ? t('home.calls.modalTitle', { client: greeting.account }) : ''}>
      {greeting && (
        <Stack gap="sm">
          <Text size="sm">{t('home.calls.modalText', { occasion: occasionName(greeting, i18n.resolvedLanguage ?? 'en') })}</Text>
          <CallDoneForm key={greeting.id} greeting={greeting} onDone={() => done(greeting.id)} onCancel={onClose} autoFocus />
        </Stack>
      )}
    </Modal>
  );
}

function CallRow({ greeting: g, onDone }: { greeting: Greeting; onDone: () => void }) {
  const { t, i18n } = useTranslation();
  const fmt = useFormat();
  const occasion = occasionName(g, i18n.resolvedLanguage ?? 'en');
  return (
    <Paper component="li" withBorder radius="md" p="sm" data-testid="home-call" data-overdue={g.overdue}>
      <Group justify="space-between" align="center" gap="sm" wrap="wrap">
        <Stack gap={2} style={{ minWidth: 0, flex: '1 1 200px' }}>
          <Group gap="xs" wrap="wrap">
            <Text fw={600} style={{ overflowWrap: 'anywhere' }}>
              {g.account}
            </Text>
            {g.overdue && (
              <Badge color="red" variant="light" tt="none">
                {t('home.calls.overdue')}
              </Badge>
            )}
          </Group>
          <Anchor component={Link} to={`/greetings/${g.id}`} size="sm" style={{ overflowWrap: 'anywhere' }}>
            {occasion}
          </Anchor>
          {g.overdue && (
            <Text size="xs" c="dimmed">
              {t('home.calls.wasDue', { day: formatDay(fmt, g.day) })}
            </Text>
          )}
        </Stack>
        <Button
          color="green"
          leftSection={<IconPhoneCheck size={16} aria-hidden />}
          onClick={onDone}
          aria-label={t('home.calls.callDoneFor', { occasion, client: g.account })}
        >
          {t('home.calls.callDone')}
        </Button>
      </Group>
    </Paper>
  );
}

function UpcomingRow({ greeting: g }: { greeting: Greeting }) {
  const { t, i18n } = useTranslation();
  const fmt = useFormat();
  const tomorrow = g.day === addDays(todayUTC(), 1);
  return (
    <Paper component="li" withBorder radius="md" px="sm" py={6} data-testid="home-upcoming">
      <Group justify="space-between" align="center" gap="xs" wrap="wrap">
        <Stack gap={0} style={{ minWidth: 0, flex: '1 1 180px' }}>
          <Text size="sm" fw={600} style={{ overflowWrap: 'anywhere' }}>
            {g.account}
          </Text>
          <Anchor component={Link} to={`/greetings/${g.id}`} size="sm" style={{ overflowWrap: 'anywhere' }}>
            {occasionName(g, i18n.resolvedLanguage ?? 'en')}
          </Anchor>
        </Stack>
        <Text size="sm" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
          {tomorrow ? t('home.upcoming.tomorrow') : formatDay(fmt, g.day)}
        </Text>
      </Group>
    </Paper>
  );
}

/** Today's greeting calls (and the late ones), each one click from done, then the week's coming ones. */
export function GreetingCalls({ calls, upcoming }: { calls: Greeting[]; upcoming: Greeting[] }) {
  const { t } = useTranslation();
  const [calling, setCalling] = useState<Greeting | null>(null);
  const [allUpcoming, setAllUpcoming] = useState(false);
  const shown = allUpcoming ? upcoming : upcoming.slice(0, FIRST_UPCOMING);
  return (
    <HomeSection title={t('home.calls.title')} id="home-calls" count={calls.length} countLabel={t('home.calls.count', { count: calls.length })}>
      <Stack gap="md">
        {calls.length === 0 ? (
          <Stack gap={2}>
            <Text size="sm" fw={500}>
              {t('home.calls.none')}
            </Text>
            <Text size="sm" c="dimmed">
              {t('home.calls.noneHint')}
            </Text>
          </Stack>
        ) : (
          <HomeList label={t('home.calls.title')}>
            {calls.map((g) => (
              <CallRow key={g.id} greeting={g} onDone={() => setCalling(g)} />
            ))}
          </HomeList>
        )}
        <div>
          <Group justify="space-between" gap="xs" mb="xs">
            <Title order={3} size="h5" id="home-upcoming">
              {t('home.upcoming.title')}
            </Title>
            <Anchor component={Link} to="/greetings" size="sm">
              {t('home.upcoming.all')}
            </Anchor>
          </Group>
          {upcoming.length === 0 ? (
            <Text size="sm" c="dimmed">
              {t('home.upcoming.none')}
            </Text>
          ) : (
            <HomeList label={t('home.upcoming.title')}>
              {shown.map((g) => (
                <UpcomingRow key={g.id} greeting={g} />
              ))}
            </HomeList>
          )}
          {upcoming.length > FIRST_UPCOMING && (
            <Button variant="subtle" size="xs" mt="xs" onClick={() => setAllUpcoming((v) => !v)}>
              {allUpcoming ? t('home.showFewer') : t('home.showAll', { count: upcoming.length })}
            </Button>
          )}
        </div>
      </Stack>
      <CallDoneModal greeting={calling} onClose={() => setCalling(null)} />
    </HomeSection>
  );
}
