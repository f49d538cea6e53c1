import { Badge, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { SizingResult } from '../api/types';
import { useFormat } from '../lib/format';
import { WorkingSteps } from './WorkingSteps';

function Stat({ label, value, hint, testId, emphasis }: { label: string; value: string; hint?: string; testId?: string; emphasis?: boolean }) {
  return (
    <Paper withBorder radius="md" px={{ base: 8, sm: 'sm' }} py="sm" bg={emphasis ? 'indigo.0' : undefined}>
      <Text size="xs" c="dimmed" fw={600} lh={1.3} style={{ overflowWrap: 'break-word' }}>
        {label}
      </Text>
      <Text fz={emphasis ? 28 : 20} fw={700} lh={1.2} mt={4} data-testid={testId}>
        {value}
      </Text>
      {hint && (
        <Text size="xs" c="dimmed" mt={2}>
          {hint}
        </Text>
      )}
    </Paper>
  );
}

function Section({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <Stack gap="xs">
      <Title order={3} size="h5">
        {title}
      </Title>
      {children}
    </Stack>
  );
}

/** The sizing result: headcount, activity plan, rep capacity, ramp and the working. */
export function SizingResultView({
  result,
  currency,
  headingLevel = 2,
  title,
}: {
  result: SizingResult;
  currency: string;
  headingLevel?: 2 | 3;
  title?: string;
}) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const cap = result.rep_capacity;
  const ramp = result.ramp;

  return (
    <Stack gap="lg" data-testid="sizing-result">
      {title && (
        <Title order={headingLevel} size="h4">
          {title}
        </Title>
      )}
      <SimpleGrid cols={3} spacing="xs">
        <Stat
          emphasis
          label={t('sizing.repsNeeded')}
          value={fmt.number(result.reps_needed)}
          testId="reps-needed"
        />
        <Stat
          emphasis
          label={t('sizing.managerNeeded')}
          value={result.manager_needed ? t('common.yes') : t('common.no')}
          hint={
            result.manager_needed
              ? t('sizing.managersCount', { count: result.managers_needed })
              : t('sizing.noManagerHint')
          }
          testId="manager-needed"
        />
        <Stat
          emphasis
          label={t('sizing.headcount')}
          value={fmt.number(result.headcount)}
          testId="headcount"
        />
      </SimpleGrid>

      <Section title={t('sizing.activityTitle')}>
        <SimpleGrid cols={3} spacing="xs">
          <Stat label={t('sizing.deals')} value={fmt.number(result.activity.deals, 1)} />
          <Stat label={t('sizing.meetings')} value={fmt.number(result.activity.meetings, 1)} />
          <Stat label={t('sizing.coldCalls')} value={fmt.number(result.activity.cold_calls, 0)} />
        </SimpleGrid>
      </Section>

      <Section title={t('sizing.capacityTitle')}>
        <SimpleGrid cols={{ base: 2, sm: 3 }} spacing="sm">
          <Stat label={t('sizing.capColdCalls')} value={fmt.number(cap.cold_calls, 0)} />
          <Stat label={t('sizing.capMeetingsFromCalls')} value={fmt.number(cap.meetings_from_calls, 1)} />
          <Stat label={t('sizing.capMeetings')} value={fmt.number(cap.meetings, 1)} />
          <Stat label={t('sizing.capDeals')} value={fmt.number(cap.deals, 1)} />
          <Stat label={t('sizing.capRevenue')} value={fmt.money(cap.revenue, currency)} />
        </SimpleGrid>
        <Group gap="xs">
          <Badge variant="outline" color="gray" tt="none">
            {t(`sizing.binding.${cap.binding}`, { defaultValue: cap.binding })}
          </Badge>
          <Text size="xs" c="dimmed">
            {t('sizing.bindingHint')}
          </Text>
        </Group>
      </Section>

      <Section title={t('sizing.rampTitle')}>
        <Text size="sm">
          {t('sizing.rampSummary', {
            count: ramp.months,
            productivity: fmt.percent(ramp.productivity),
            attainment: fmt.percent(ramp.attainment_during_ramp),
            reps: fmt.number(ramp.reps_to_hit_target_during_ramp),
          })}
        </Text>
      </Section>

      <Section title={t('sizing.workingTitle')}>
        <WorkingSteps steps={result.working} currency={currency} />
      </Section>
    </Stack>
  );
}
