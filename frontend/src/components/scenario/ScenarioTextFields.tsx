import { ActionIcon, Alert, Button, Group, Paper, SimpleGrid, Stack, Text, Textarea, TextInput, Tooltip } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { IconAlertCircle, IconArrowDown, IconArrowUp, IconPlus, IconTrash } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ScenarioLocale } from '../../api/types';
import { ANCHORS, newCompetency, type ScenarioFormValues } from '../../lib/scenarioForm';

type Form = UseFormReturnType<ScenarioFormValues>;

/** The server allows at most this many competencies in a rubric. */
const MAX_COMPETENCIES = 12;

/** An error the server gave for a path that is not itself an input (a language's text, a rubric's list). */
function PathError({ form, path }: { form: Form; path: string }) {
  const e = form.errors[path];
  if (!e) return null;
  return (
    <Alert color="red" variant="light" icon={<IconAlertCircle size={18} aria-hidden />} role="alert" py="xs">
      {String(e)}
    </Alert>
  );
}

function Section({ legend, hint, children, tone }: { legend: string; hint?: string; children: ReactNode; tone?: string }) {
  return (
    <Paper
      withBorder
      radius="md"
      p="md"
      component="fieldset"
      style={{ margin: 0, minWidth: 0, ...(tone ? { borderColor: `var(--mantine-color-${tone}-4)`, borderTopWidth: 4 } : {}) }}
    >
      <Text component="legend" fw={600} px={4}>
        {legend}
      </Text>
      {hint && (
        <Text size="xs" c="dimmed" mb="sm">
          {hint}
        </Text>
      )}
      <Stack gap="sm">{children}</Stack>
    </Paper>
  );
}

function CompetencyCard({ form, locale, i, count }: { form: Form; locale: ScenarioLocale; i: number; count: number }) {
  const { t } = useTranslation();
  const p = `competencies.${i}`;
  const n = i + 1;
  const move = (to: number) => form.reorderListItem('competencies', { from: i, to });
  return (
    <Paper withBorder radius="md" p="sm" pt={6} component="fieldset" style={{ margin: 0, minWidth: 0, position: 'relative' }} data-testid="competency">
      <Text component="legend" fw={600} size="sm" px={4}>
        {t('scenarioForm.competencyN', { n })}
      </Text>
      <Group gap={4} wrap="nowrap" style={{ position: 'absolute', top: 4, right: 8 }}>
        <Tooltip label={t('scenarioForm.moveUp')} openDelay={400}>
          <ActionIcon variant="subtle" color="gray" disabled={i === 0} onClick={() => move(i - 1)} aria-label={t('scenarioForm.moveUpN', { n })}>
            <IconArrowUp size={16} aria-hidden />
          </ActionIcon>
        </Tooltip>
        <Tooltip label={t('scenarioForm.moveDown')} openDelay={400}>
          <ActionIcon variant="subtle" color="gray" disabled={i === count - 1} onClick={() => move(i + 1)} aria-label={t('scenarioForm.moveDownN', { n })}>
            <IconArrowDown size={16} aria-hidden />
          </ActionIcon>
        </Tooltip>
        <Tooltip label={t('scenarioForm.remove')} openDelay={400}>
          <ActionIcon
            variant="subtle"
            color="red"
            disabled={count <= 1}
            onClick={() => form.removeListItem('competencies', i)}
            aria-label={t('scenarioForm.removeN', { n })}
          >
            <IconTrash size={16} aria-hidden />
          </ActionIcon>
        </Tooltip>
      </Group>
      <Stack gap="sm" mt="xs">
        <PathError form={form} path={`${p}.text.${locale}`} />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput
            label={t('scenarioForm.competencyId')}
            description={t('scenarioForm.competencyIdHint')}
            required
            maxLength={40}
            spellCheck={false}
            {...form.getInputProps(`${p}.id`)}
          />
          <TextInput
            label={t('scenarioForm.competencyName')}
            description={t('scenarioForm.competencyNameHint')}
            required
            maxLength={500}
            {...form.getInputProps(`${p}.text.${locale}.name`)}
          />
        </SimpleGrid>
        <SimpleGrid cols={{ base: 1, md: 3 }}>
          {ANCHORS.map((a) => (
            <Textarea
              key={a}
              label={t(`scenario.col.${a}`)}
              required
              autosize
              minRows={2}
              maxRows={8}
              maxLength={500}
              {...form.getInputProps(`${p}.text.${locale}.${a}`)}
            />
          ))}
        </SimpleGrid>
      </Stack>
    </Paper>
  );
}

/**
 * Everything a scenario says in one language: the persona, both briefs and the rubric's wording. The rubric's
 * competencies (their IDs and order) are shared by every language, so adding, removing or moving one here does
 * the same in the other tab.
 */
export function ScenarioTextFields({ form, locale }: { form: Form; locale: ScenarioLocale }) {
  const { t } = useTranslation();
  const competencies = form.getValues().competencies;
  const tp = `text.${locale}`;
  const long = (field: string, label: string, minRows = 3) => (
    <Textarea label={label} required autosize minRows={minRows} maxRows={14} maxLength={4000} {...form.getInputProps(`${tp}.${field}`)} />
  );
  return (
    <Stack gap="md">
      <PathError form={form} path={tp} />
      <Section legend={t('scenarioForm.persona')}>
        <TextInput label={t('scenario.name')} required maxLength={100} {...form.getInputProps(`${tp}.name`)} />
        {long('behaviour', t('scenario.behaviour'))}
      </Section>
      <Section legend={t('scenario.candidateBrief')} hint={t('scenario.candidateBriefHint')} tone="blue">
        {long('product', t('scenario.product'))}
        {long('goal', t('scenario.goal'))}
      </Section>
      <Section legend={t('scenario.interviewerBrief')} hint={t('scenario.interviewerBriefHint')} tone="orange">
        {long('opening_lines', t('scenario.openingLines'))}
        {long('hidden_constraints', t('scenario.hiddenConstraints'))}
        {long('objections', t('scenario.objections'))}
        {long('buying_triggers', t('scenario.buyingTriggers'))}
      </Section>
      <Section legend={t('scenario.rubric')} hint={t('scenarioForm.rubricHint')}>
        <PathError form={form} path={`rubric.${locale}`} />
        {competencies.map((c, i) => (
          <CompetencyCard key={c.key} form={form} locale={locale} i={i} count={competencies.length} />
        ))}
        <Group>
          <Button
            variant="light"
            leftSection={<IconPlus size={16} aria-hidden />}
            disabled={competencies.length >= MAX_COMPETENCIES}
            onClick={() => form.insertListItem('competencies', newCompetency())}
          >
            {t('scenarioForm.addCompetency')}
          </Button>
        </Group>
      </Section>
    </Stack>
  );
}
