import { Anchor, Badge, Box, Button, Flex, Group, Paper, SimpleGrid, Skeleton, Stack, Text, Title } from '@mantine/core';
import { IconInfoCircle } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useHiringDashboard, type HiringDashboard, type HiringOpening, type Predictor } from '../../api/dashboard';
import { useFormat } from '../../lib/format';
import { EmptyBox } from '../EmptyState';
import { ErrorAlert } from '../ErrorAlert';

const FIRST_OPENINGS = 6;
const NAME_WIDTH = 190;
const VALUE_WIDTH = 150;

const STATUS_COLOR: Record<string, string> = { open: 'teal', filled: 'indigo', closed: 'gray' };

/** One opening: how far its applications got (stages reached, as horizontal bars), its hires and time to fill. */
function OpeningFunnel({ o }: { o: HiringOpening }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const max = Math.max(1, o.applications, ...o.stages.map((s) => s.reached));
  const stage = (s: string) => t(`stage.${s}`, { defaultValue: s });
  return (
    <Paper withBorder radius="md" p="md" data-testid="opening-funnel" data-opening={o.opening_id}>
      <Group justify="space-between" align="flex-start" wrap="nowrap" gap="xs" mb="xs">
        <Anchor component={Link} to={`/openings/${o.opening_id}`} fw={600} size="sm" style={{ overflowWrap: 'anywhere' }}>
          {o.title}
        </Anchor>
        <Badge variant="light" color={STATUS_COLOR[o.status] ?? 'gray'} style={{ flexShrink: 0 }}>
          {t(`status.${o.status}`, { defaultValue: o.status })}
        </Badge>
      </Group>
      <Text size="xs" c="dimmed" mb="sm">
        {t('dashboard.hiring.facts', { count: o.applications, hired: o.hired, seats: o.seats })}
        {' · '}
        {o.median_days_to_fill === null
          ? t('dashboard.hiring.notFilled')
          : t('dashboard.hiring.daysToFill', { days: fmt.number(o.median_days_to_fill, 1), count: Math.round(o.median_days_to_fill) })}
      </Text>
      <Stack component="ol" gap={4} m={0} p={0} style={{ listStyle: 'none' }} aria-label={t('dashboard.hiring.funnelOf', { title: o.title })}>
        {o.stages.map((s) => (
          <Group component="li" key={s.stage} gap="xs" wrap="nowrap">
            <Text size="xs" w={120} style={{ flexShrink: 0 }} truncate>
              {stage(s.stage)}
            </Text>
            <Box style={{ flex: 1, minWidth: 0 }} aria-hidden>
              <Box
                h={10}
                bg={s.stage === 'hired' ? 'teal.6' : 'indigo.5'}
                style={{ width: s.reached > 0 ? `max(3px, ${(s.reached / max) * 100}%)` : 0, borderRadius: 3 }}
                data-testid="funnel-bar"
              />
            </Box>
            <Text size="xs" w={32} ta="right" style={{ flexShrink: 0, fontVariantNumeric: 'tabular-nums' }}>
              {fmt.number(s.reached)}
            </Text>
          </Group>
        ))}
      </Stack>
    </Paper>
  );
}

/** A correlation from -1 to 1 as a bar to the left (red) or right (green) of the middle. */
function DivergingBar({ value }: { value: number }) {
  const width = `${Math.min(1, Math.abs(value)) * 50}%`;
  return (
    <Box pos="relative" h={14} bg="gray.1" style={{ borderRadius: 3 }} aria-hidden>
      <Box
        pos="absolute"
        top={0}
        bottom={0}
        bg={value >= 0 ? 'teal.6' : 'red.6'}
        style={{ width, borderRadius: 3, ...(value >= 0 ? { left: '50%' } : { right: '50%' }) }}
        data-testid={value !== 0 ? 'predictor-bar' : undefined}
      />
      <Box pos="absolute" top={-2} bottom={-2} left="50%" w={1} bg="gray.6" />
    </Box>
  );
}

function Predictors({ p }: { p: HiringDashboard['predictors'] }) {
  const { t, i18n } = useTranslation();
  const fmt = useFormat();
  const english = (i18n.resolvedLanguage ?? 'en').startsWith('en');
  const signed = (v: number) => (v > 0 ? `+${fmt.number(v, 2)}` : v < 0 ? `−${fmt.number(-v, 2)}` : fmt.number(0));
  const name = (c: Predictor) => t(`dashboard.hiring.competency.${c.competency_id}`, { defaultValue: c.name });
  return (
    <Paper withBorder radius="md" p={{ base: 'sm', sm: 'lg' }} component="section" data-testid="predictors">
      <Title order={3} size="h4">
        {t('dashboard.hiring.predictorsTitle')}
      </Title>
      <Text size="sm" c="dimmed" mb="md">
        {t('dashboard.hiring.predictorsDescription', { count: p.hires, months: p.months })}
      </Text>
      <Stack gap="sm">
        <Flex gap={{ base: 2, sm: 'sm' }} direction={{ base: 'column', sm: 'row' }} aria-hidden>
          <Box w={{ sm: NAME_WIDTH }} visibleFrom="sm" style={{ flexShrink: 0 }} />
          <Group gap="sm" wrap="nowrap" style={{ flex: 1 }}>
            <Group justify="space-between" style={{ flex: 1 }}>
              <Text size="xs" c="dimmed">
                −1
              </Text>
              <Text size="xs" c="dimmed">
                0
              </Text>
              <Text size="xs" c="dimmed">
                +1
              </Text>
            </Group>
            <Box w={VALUE_WIDTH} style={{ flexShrink: 0 }} />
          </Group>
        </Flex>
        {p.competencies.map((c) => (
          <Flex key={c.competency_id} gap={{ base: 2, sm: 'sm' }} direction={{ base: 'column', sm: 'row' }} data-testid="predictor">
            <Text size="sm" w={{ sm: NAME_WIDTH }} style={{ flexShrink: 0 }}>
              {name(c)}
            </Text>
            <Group gap="sm" wrap="nowrap" style={{ flex: 1 }}>
              <Box style={{ flex: 1, minWidth: 40, opacity: c.correlation === null ? 0.5 : 1 }}>
                <DivergingBar value={c.correlation ?? 0} />
              </Box>
              <Text size="xs" w={VALUE_WIDTH} style={{ flexShrink: 0 }} c={c.correlation === null ? 'dimmed' : undefined}>
                {c.correlation === null
                  ? t('dashboard.hiring.notEnough', { n: c.n })
                  : t('dashboard.hiring.correlation', { r: signed(c.correlation), n: c.n })}
              </Text>
            </Group>
          </Flex>
        ))}
      </Stack>
      <Group gap={6} wrap="nowrap" align="flex-start" mt="md">
        <IconInfoCircle size={14} aria-hidden style={{ flexShrink: 0, marginTop: 3 }} />
        <Text size="xs" c="dimmed">
          {english && p.working ? p.working : t('dashboard.hiring.working', { months: p.months })}
        </Text>
      </Group>
    </Paper>
  );
}

/** The hiring side: each opening's funnel and time to fill, and which interview competencies went with good reps. */
export function HiringSection() {
  const { t } = useTranslation();
  const hiring = useHiringDashboard();
  const [all, setAll] = useState(false);
  if (hiring.isError) return <ErrorAlert error={hiring.error} onRetry={() => void hiring.refetch()} />;
  if (hiring.isPending) {
    return (
      <Stack gap="md" aria-busy="true">
        <SimpleGrid cols={{ base: 1, md: 2 }}>
          <Skeleton height={240} radius="md" />
          <Skeleton height={240} radius="md" />
        </SimpleGrid>
        <Skeleton height={260} radius="md" />
      </Stack>
    );
  }
  const { openings, predictors } = hiring.data;
  // Open openings first, then the rest as the server lists them (newest first).
  const sorted = [...openings].sort((a, b) => Number(b.status === 'open') - Number(a.status === 'open'));
  const shown = all ? sorted : sorted.slice(0, FIRST_OPENINGS);
  return (
    <Stack gap="lg" data-testid="hiring-section">
      <Paper withBorder radius="md" p={{ base: 'sm', sm: 'lg' }} component="section">
        <Title order={3} size="h4">
          {t('dashboard.hiring.openingsTitle')}
        </Title>
        <Text size="sm" c="dimmed" mb="md">
          {t('dashboard.hiring.openingsDescription')}
        </Text>
        {openings.length === 0 ? (
          <EmptyBox title={t('dashboard.hiring.noOpenings')} />
        ) : (
          <>
            <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
              {shown.map((o) => (
                <OpeningFunnel key={o.opening_id} o={o} />
              ))}
            </SimpleGrid>
            {sorted.length > FIRST_OPENINGS && (
              <Button variant="subtle" mt="sm" onClick={() => setAll((v) => !v)}>
                {all ? t('dashboard.hiring.showFewer') : t('dashboard.hiring.showAll', { count: sorted.length })}
              </Button>
            )}
          </>
        )}
      </Paper>
      <Predictors p={predictors} />
    </Stack>
  );
}
