import {
  Alert,
  Anchor,
  Badge,
  Breadcrumbs,
  Button,
  Group,
  Paper,
  SegmentedControl,
  SimpleGrid,
  Skeleton,
  Stack,
  Text,
  ThemeIcon,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconArchive, IconArchiveOff, IconClock, IconCopy, IconEyeOff, IconInfoCircle, IconPencil, IconUser } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { saveScenario } from '../api/endpoints';
import { keys, useScenario } from '../api/queries';
import { SCENARIO_LOCALES, type Scenario, type ScenarioLocale } from '../api/types';
import { ErrorAlert } from '../components/ErrorAlert';
import { PageHeader } from '../components/PageHeader';
import { DifficultyDots } from '../components/scenario/DifficultyDots';
import { RubricTable } from '../components/scenario/RubricTable';
import { LANGUAGES } from '../i18n';
import { hasRole, SCENARIO_EDITOR_ROLES } from '../lib/roles';
import { toScenarioBody, toScenarioValues } from '../lib/scenarioForm';
import { isScenarioLocale, scenarioText } from '../lib/scenarios';
import { usePageTitle } from '../lib/usePageTitle';
import { useCurrentUser } from '../lib/useCurrentUser';

const languageName = (l: ScenarioLocale) => LANGUAGES.find((x) => x.code === l)?.label ?? l;

/** One labelled paragraph of a brief; keeps the writer's line breaks. */
function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <Text size="xs" fw={700} tt="uppercase" c="dimmed" mb={2}>
        {label}
      </Text>
      <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
        {children}
      </Text>
    </div>
  );
}

function Brief(props: { id: string; title: string; hint: string; icon: ReactNode; color: string; lang: string; children: ReactNode }) {
  return (
    <Paper
      withBorder
      radius="md"
      p="md"
      component="section"
      aria-labelledby={props.id}
      style={{ borderColor: `var(--mantine-color-${props.color}-4)`, borderTopWidth: 4 }}
    >
      <Group gap="sm" wrap="nowrap" align="flex-start" mb="md">
        <ThemeIcon variant="light" color={props.color} size={32} radius="xl" aria-hidden>
          {props.icon}
        </ThemeIcon>
        <div>
          <Title order={2} size="h4" id={props.id}>
            {props.title}
          </Title>
          <Text size="xs" c="dimmed">
            {props.hint}
          </Text>
        </div>
      </Group>
      <Stack gap="md" lang={props.lang}>
        {props.children}
      </Stack>
    </Paper>
  );
}

/** Archives a scenario or restores it, sending the rest of it unchanged. */
function useArchive(s: Scenario, name: string) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (archived: boolean) => saveScenario({ ...toScenarioBody(toScenarioValues(s)), archived }, s.id),
    onSuccess: (saved) => {
      qc.setQueryData(keys.scenario(saved.id), saved);
      void qc.invalidateQueries({ queryKey: keys.scenarios });
      notifications.show({ color: 'green', message: t(saved.archived ? 'scenario.archivedDone' : 'scenario.restoredDone', { name }) });
    },
  });
}

/** One role-play scenario: the persona, the candidate's and the interviewer's briefs, and the rubric. */
export function ScenarioPage() {
  const { t } = useTranslation();
  const id = Number(useParams().id);
  const scenario = useScenario(id);

  if (scenario.isPending) {
    return (
      <Stack>
        <Skeleton height={40} width="50%" />
        <Skeleton height={360} radius="md" />
      </Stack>
    );
  }
  if (scenario.isError) {
    return (
      <>
        <PageHeader title={t('scenarios.title')} />
        <ErrorAlert error={scenario.error} onRetry={() => void scenario.refetch()} />
      </>
    );
  }
  return <ScenarioView s={scenario.data} />;
}

function ScenarioView({ s }: { s: Scenario }) {
  const { t, i18n } = useTranslation();
  const me = useCurrentUser();
  const [params, setParams] = useSearchParams();
  const asked = params.get('lang');
  const ui = i18n.resolvedLanguage;
  const lang: ScenarioLocale = isScenarioLocale(asked) ? asked : isScenarioLocale(ui) ? ui : 'en';
  const text = scenarioText(s, lang);
  const uiName = scenarioText(s, ui).name;
  const archive = useArchive(s, uiName);
  const canEdit = hasRole(me, ...SCENARIO_EDITOR_ROLES);
  usePageTitle(uiName);

  const actions = canEdit ? (
    <>
      <Button component={Link} to={`/scenarios/${s.id}/edit`} variant="default" leftSection={<IconPencil size={16} aria-hidden />}>
        {t('scenario.edit')}
      </Button>
      <Button component={Link} to={`/scenarios/new?from=${s.id}`} variant="default" leftSection={<IconCopy size={16} aria-hidden />}>
        {t('scenario.duplicate')}
      </Button>
      <Button
        variant="light"
        color={s.archived ? 'teal' : 'gray'}
        loading={archive.isPending}
        onClick={() => archive.mutate(!s.archived)}
        leftSection={s.archived ? <IconArchiveOff size={16} aria-hidden /> : <IconArchive size={16} aria-hidden />}
      >
        {s.archived ? t('scenario.restore') : t('scenario.archive')}
      </Button>
    </>
  ) : null;

  return (
    <>
      <Breadcrumbs mb="xs" aria-label={t('common.breadcrumbs')}>
        <Anchor component={Link} to="/scenarios" size="sm">
          {t('scenarios.title')}
        </Anchor>
        <Text size="sm" c="dimmed" truncate maw={260}>
          {uiName}
        </Text>
      </Breadcrumbs>
      <PageHeader
        title={<span lang={lang}>{text.name}</span>}
        badge={
          s.archived ? (
            <Badge color="gray" variant="light" size="lg">
              {t('scenario.archived')}
            </Badge>
          ) : undefined
        }
        actions={actions}
      />
      <Stack gap="md">
        {archive.isError && <ErrorAlert error={archive.error} />}
        {s.archived && (
          <Alert color="gray" variant="light" icon={<IconInfoCircle size={18} aria-hidden />}>
            {t('scenario.archivedNote')}
          </Alert>
        )}
        <Paper withBorder radius="md" p="md" component="section" aria-labelledby="scenario-persona">
          <Group justify="space-between" align="flex-start" gap="md" mb="sm">
            <Group gap="lg" wrap="wrap">
              <Group gap="xs" wrap="nowrap">
                <DifficultyDots difficulty={s.difficulty} size={12} />
                <Text size="sm">{t('scenario.difficultyOf', { n: s.difficulty })}</Text>
              </Group>
              <Group gap={6} wrap="nowrap">
                <IconClock size={16} aria-hidden />
                <Text size="sm">{t('scenario.durationIs', { count: s.duration_minutes })}</Text>
              </Group>
              <Text size="sm" c="dimmed" ff="monospace">
                {s.slug}
              </Text>
            </Group>
            <Group gap="xs" wrap="nowrap">
              <Text size="sm" fw={500} id="scenario-text-language">
                {t('scenario.textLanguage')}
              </Text>
              <SegmentedControl
                size="xs"
                aria-labelledby="scenario-text-language"
                value={lang}
                onChange={(v) => setParams({ lang: v }, { replace: true })}
                data={SCENARIO_LOCALES.map((l) => ({ value: l, label: languageName(l) }))}
              />
            </Group>
          </Group>
          <Title order={2} size="h5" id="scenario-persona" mb={4}>
            {t('scenario.behaviour')}
          </Title>
          <Text size="sm" lang={lang} style={{ whiteSpace: 'pre-wrap' }}>
            {text.behaviour}
          </Text>
          {!s.text[lang] && (
            <Text size="xs" c="dimmed" mt="xs">
              {t('scenario.missingText', { language: languageName(lang) })}
            </Text>
          )}
        </Paper>

        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
          <Brief
            id="candidate-brief"
            title={t('scenario.candidateBrief')}
            hint={t('scenario.candidateBriefHint')}
            icon={<IconUser size={18} />}
            color="blue"
            lang={lang}
          >
            <Field label={t('scenario.product')}>{text.product}</Field>
            <Field label={t('scenario.goal')}>{text.goal}</Field>
          </Brief>
          <Brief
            id="interviewer-brief"
            title={t('scenario.interviewerBrief')}
            hint={t('scenario.interviewerBriefHint')}
            icon={<IconEyeOff size={18} />}
            color="orange"
            lang={lang}
          >
            <Field label={t('scenario.openingLines')}>{text.opening_lines}</Field>
            <Field label={t('scenario.hiddenConstraints')}>{text.hidden_constraints}</Field>
            <Field label={t('scenario.objections')}>{text.objections}</Field>
            <Field label={t('scenario.buyingTriggers')}>{text.buying_triggers}</Field>
          </Brief>
        </SimpleGrid>

        <section aria-labelledby="scenario-rubric">
          <Title order={2} size="h4" id="scenario-rubric">
            {t('scenario.rubric')}
          </Title>
          <Text size="sm" c="dimmed" mb="sm">
            {t('scenario.rubricHint')}
          </Text>
          <RubricTable rubric={text.rubric} lang={lang} />
        </section>
      </Stack>
    </>
  );
}
