import {
  Alert,
  Anchor,
  Badge,
  Breadcrumbs,
  Button,
  Group,
  Input,
  NumberInput,
  Paper,
  SegmentedControl,
  Select,
  SimpleGrid,
  Skeleton,
  Stack,
  Tabs,
  Text,
  TextInput,
  Title,
  VisuallyHidden,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { IconAlertCircle, IconCopy, IconFile } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { isApiError } from '../api/client';
import { saveScenario } from '../api/endpoints';
import { keys, useScenario, useScenarios } from '../api/queries';
import { SCENARIO_LOCALES, type Scenario, type ScenarioLocale } from '../api/types';
import { ErrorAlert } from '../components/ErrorAlert';
import { PageHeader } from '../components/PageHeader';
import { ScenarioTextFields } from '../components/scenario/ScenarioTextFields';
import i18n, { LANGUAGES, useAllLanguages } from '../i18n';
import {
  blankScenarioValues,
  placeError,
  tabOfPath,
  toCopyValues,
  toScenarioBody,
  toScenarioValues,
  type ScenarioFormValues,
} from '../lib/scenarioForm';
import { byDifficulty, isScenarioLocale, scenarioText } from '../lib/scenarios';

const languageName = (l: ScenarioLocale) => LANGUAGES.find((x) => x.code === l)?.label ?? l;

/** New scenario (/scenarios/new, ?from=<id> to start from a copy, ?from=blank) or an edit (/scenarios/:id/edit). */
export function ScenarioFormPage() {
  const { id } = useParams();
  const [params] = useSearchParams();
  if (id !== undefined) return <EditScenario id={Number(id)} />;
  const from = params.get('from');
  if (from === 'blank') return <ScenarioForm key="blank" initial={blankScenarioValues()} />;
  if (from && Number.isFinite(Number(from))) return <CopyScenario key={from} id={Number(from)} />;
  return <StartChooser />;
}

function Loading() {
  return (
    <Stack>
      <Skeleton height={40} width="50%" />
      <Skeleton height={420} radius="md" />
    </Stack>
  );
}

function EditScenario({ id }: { id: number }) {
  const { t } = useTranslation();
  const s = useScenario(id);
  if (s.isPending) return <Loading />;
  if (s.isError) {
    return (
      <>
        <PageHeader title={t('scenarioForm.editTitle')} />
        <ErrorAlert error={s.error} onRetry={() => void s.refetch()} />
      </>
    );
  }
  return <ScenarioForm key={s.data.id} initial={toScenarioValues(s.data)} scenario={s.data} />;
}

function CopyScenario({ id }: { id: number }) {
  const { t } = useTranslation();
  const s = useScenario(id);
  // The marks below are in every language, not only the UI's: wait for all the translations.
  const languagesLoaded = useAllLanguages();
  if (s.isPending) return <Loading />;
  if (s.isError) {
    return (
      <>
        <PageHeader title={t('scenarios.new')} />
        <ErrorAlert error={s.error} onRetry={() => void s.refetch()} />
      </>
    );
  }
  if (!languagesLoaded) return <Loading />;
  // Each language's copy is marked in that language, whatever the UI speaks.
  const mark = Object.fromEntries(SCENARIO_LOCALES.map((l) => [l, i18n.getFixedT(l)('scenarioForm.copyMark')])) as Record<ScenarioLocale, string>;
  return <ScenarioForm initial={toCopyValues(s.data, mark)} source={s.data} />;
}

/** The first step of a new scenario: copy one that is close (the usual way) or start from nothing. */
function StartChooser() {
  const { t, i18n: { resolvedLanguage } } = useTranslation();
  const [, setParams] = useSearchParams();
  const scenarios = useScenarios(true);
  const [picked, setPicked] = useState<string | null>(null);
  const list = [...(scenarios.data ?? [])].sort(byDifficulty);
  const options = list.map((s) => ({
    value: String(s.id),
    label: [scenarioText(s, resolvedLanguage).name, t('scenario.difficultyOf', { n: s.difficulty }), s.archived ? t('scenario.archived') : '']
      .filter(Boolean)
      .join(' · '),
  }));
  const chosen = picked ?? options[0]?.value ?? null;
  return (
    <>
      <Breadcrumbs mb="xs" aria-label={t('common.breadcrumbs')}>
        <Anchor component={Link} to="/scenarios" size="sm">
          {t('scenarios.title')}
        </Anchor>
        <Text size="sm" c="dimmed">
          {t('scenarios.new')}
        </Text>
      </Breadcrumbs>
      <PageHeader title={t('scenarios.new')} description={t('scenarioForm.startHint')} />
      {scenarios.isError && <ErrorAlert error={scenarios.error} onRetry={() => void scenarios.refetch()} />}
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md" maw={960}>
        <Paper withBorder radius="md" p="md" component="section" aria-labelledby="start-copy">
          <Stack gap="sm" align="flex-start">
            <Title order={2} size="h4" id="start-copy">
              {t('scenarioForm.startCopy')}
            </Title>
            <Text size="sm" c="dimmed">
              {t('scenarioForm.startCopyHint')}
            </Text>
            {scenarios.isPending ? (
              <Skeleton height={36} w="100%" />
            ) : (
              <Select
                w="100%"
                label={t('scenarioForm.startFrom')}
                data={options}
                value={chosen}
                onChange={setPicked}
                allowDeselect={false}
                searchable
              />
            )}
            <Button leftSection={<IconCopy size={16} aria-hidden />} disabled={!chosen} onClick={() => chosen && setParams({ from: chosen })}>
              {t('scenarioForm.copyAndEdit')}
            </Button>
          </Stack>
        </Paper>
        <Paper withBorder radius="md" p="md" component="section" aria-labelledby="start-blank">
          <Stack gap="sm" align="flex-start">
            <Title order={2} size="h4" id="start-blank">
              {t('scenarioForm.startBlank')}
            </Title>
            <Text size="sm" c="dimmed">
              {t('scenarioForm.startBlankHint')}
            </Text>
            <Button variant="default" leftSection={<IconFile size={16} aria-hidden />} onClick={() => setParams({ from: 'blank' })}>
              {t('scenarioForm.blank')}
            </Button>
          </Stack>
        </Paper>
      </SimpleGrid>
    </>
  );
}

/** Is a form error path one of a competency's shared IDs (shown on every language's tab)? */
const isSharedPath = (path: string) => /^competencies\.\d+\.id$/.test(path);

/**
 * The editor: slug, difficulty and duration, then every text in a tab per language. Server field errors appear
 * next to their inputs; the editor switches to the tab of the first one and brings it into view.
 */
function ScenarioForm({ initial, scenario, source }: { initial: ScenarioFormValues; scenario?: Scenario; source?: Scenario }) {
  const { t, i18n: { resolvedLanguage } } = useTranslation();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const formRef = useRef<HTMLFormElement>(null);
  const [tab, setTab] = useState<ScenarioLocale>(isScenarioLocale(resolvedLanguage) ? resolvedLanguage : 'en');
  const [focusRequest, setFocusRequest] = useState(0);
  const form = useForm<ScenarioFormValues>({ mode: 'controlled', initialValues: initial });

  // After the errors and the tab have rendered, focus the first invalid input that can be seen.
  useEffect(() => {
    if (!focusRequest) return;
    const invalid = formRef.current?.querySelectorAll<HTMLElement>('[aria-invalid="true"]') ?? [];
    const first = Array.from(invalid).find((el) => el.offsetParent !== null);
    first?.scrollIntoView({ block: 'center', behavior: 'smooth' });
    first?.focus({ preventScroll: true });
  }, [focusRequest]);

  const save = useMutation({
    mutationFn: (v: ScenarioFormValues) => saveScenario(toScenarioBody(v), scenario?.id),
    onSuccess: (saved) => {
      qc.setQueryData(keys.scenario(saved.id), saved);
      void qc.invalidateQueries({ queryKey: keys.scenarios });
      const name = scenarioText(saved, resolvedLanguage).name;
      notifications.show({ color: 'green', message: t(scenario ? 'scenarioForm.saved' : 'scenarioForm.created', { name }) });
      form.resetDirty();
      navigate(`/scenarios/${saved.id}`);
    },
    onError: (err) => {
      if (!isApiError(err)) return;
      if (err.status === 409) {
        form.setErrors({ slug: t('scenarioForm.slugTaken') });
        setFocusRequest((n) => n + 1);
        return;
      }
      if (err.status !== 400) return;
      const errors: Record<string, string> = {};
      const tabs = new Set<ScenarioLocale>();
      for (const e of err.errors) {
        const place = placeError(e.field);
        if (place.path && !errors[place.path]) errors[place.path] = e.message;
        if (place.path && place.locale) tabs.add(place.locale);
      }
      form.setErrors(errors);
      const first = SCENARIO_LOCALES.find((l) => tabs.has(l));
      if (first) setTab(first);
      setFocusRequest((n) => n + 1);
    },
  });

  const orphans = isApiError(save.error) && save.error.status === 400 ? save.error.errors.filter((e) => !placeError(e.field).path) : [];
  const showAlert = save.isError && (!isApiError(save.error) || ![400, 409].includes(save.error.status) || orphans.length > 0);
  const errorKeys = Object.keys(form.errors);
  const errorsOn = (l: ScenarioLocale) => errorKeys.filter((k) => tabOfPath(k) === l || isSharedPath(k)).length;

  const v = form.getValues();
  const title = scenario ? t('scenarioForm.editTitle') : t('scenarios.new');
  const about = scenario ?? source;
  const backTo = about ? `/scenarios/${about.id}` : '/scenarios';
  const aboutName = about ? scenarioText(about, resolvedLanguage).name : '';

  return (
    <>
      <Breadcrumbs mb="xs" aria-label={t('common.breadcrumbs')}>
        <Anchor component={Link} to="/scenarios" size="sm">
          {t('scenarios.title')}
        </Anchor>
        {about && (
          <Anchor component={Link} to={`/scenarios/${about.id}`} size="sm">
            {aboutName}
          </Anchor>
        )}
        <Text size="sm" c="dimmed">
          {title}
        </Text>
      </Breadcrumbs>
      <PageHeader
        title={title}
        description={
          scenario
            ? aboutName
            : source
              ? t('scenarioForm.copyOf', { name: aboutName })
              : t('scenarioForm.blankHint')
        }
      />
      <form ref={formRef} onSubmit={form.onSubmit((values) => save.mutate(values))} noValidate aria-label={title}>
        <Stack gap="lg">
          <Paper withBorder radius="md" p="md" component="section" aria-labelledby="scenario-basics">
            <Title order={2} size="h4" id="scenario-basics" mb="sm">
              {t('scenarioForm.basics')}
            </Title>
            <SimpleGrid cols={{ base: 1, sm: 3 }}>
              <TextInput
                label={t('scenarioForm.slug')}
                description={t('scenarioForm.slugHint')}
                required
                maxLength={40}
                spellCheck={false}
                {...form.getInputProps('slug')}
              />
              <Input.Wrapper
                label={t('scenario.difficulty')}
                description={t('scenarioForm.difficultyHint')}
                labelElement="div"
                labelProps={{ id: 'scenario-difficulty-label' }}
                error={form.errors.difficulty}
              >
                <SegmentedControl
                  mt={4}
                  fullWidth
                  aria-labelledby="scenario-difficulty-label"
                  value={String(v.difficulty)}
                  onChange={(d) => form.setFieldValue('difficulty', Number(d))}
                  data={['1', '2', '3', '4', '5']}
                />
              </Input.Wrapper>
              <NumberInput
                label={t('scenario.duration')}
                description={t('scenarioForm.durationHint')}
                required
                min={5}
                max={120}
                allowDecimal={false}
                allowNegative={false}
                suffix={` ${t('scenarioForm.minutes')}`}
                {...form.getInputProps('duration_minutes')}
              />
            </SimpleGrid>
          </Paper>

          <Paper withBorder radius="md" p="md" component="section" aria-labelledby="scenario-texts">
            <Title order={2} size="h4" id="scenario-texts">
              {t('scenarioForm.texts')}
            </Title>
            <Text size="sm" c="dimmed" mb="md">
              {t('scenarioForm.textsHint')}
            </Text>
            <Tabs value={tab} onChange={(l) => isScenarioLocale(l) && setTab(l)}>
              <Tabs.List mb="md">
                {SCENARIO_LOCALES.map((l) => {
                  const n = errorsOn(l);
                  return (
                    <Tabs.Tab
                      key={l}
                      value={l}
                      color={n ? 'red' : undefined}
                      rightSection={
                        n ? (
                          <>
                            <Badge size="xs" circle color="red" aria-hidden>
                              {n}
                            </Badge>
                            <VisuallyHidden>{t('scenarioForm.tabErrors', { count: n })}</VisuallyHidden>
                          </>
                        ) : undefined
                      }
                    >
                      {languageName(l)}
                    </Tabs.Tab>
                  );
                })}
              </Tabs.List>
              {SCENARIO_LOCALES.map((l) => (
                <Tabs.Panel key={l} value={l} lang={l}>
                  <ScenarioTextFields form={form} locale={l} />
                </Tabs.Panel>
              ))}
            </Tabs>
          </Paper>

          {showAlert && (
            <ErrorAlert error={save.error} message={orphans.length ? orphans.map((e) => `${e.field || '—'}: ${e.message}`).join('; ') : undefined} />
          )}
          {save.isError && !showAlert && (
            <Alert color="red" variant="light" icon={<IconAlertCircle size={18} aria-hidden />} role="alert">
              {t('scenarioForm.fixErrors')}
            </Alert>
          )}
          <Paper withBorder radius="md" p="sm" shadow="sm" style={{ position: 'sticky', bottom: 8, zIndex: 5 }}>
            <Group justify="space-between">
              <Text size="sm" c="dimmed">
                {form.isDirty() ? t('scenarioForm.unsaved') : scenario ? t('scenarioForm.upToDate') : t('scenarioForm.notSaved')}
              </Text>
              <Group gap="xs">
                <Button component={Link} to={backTo} variant="default">
                  {t('common.cancel')}
                </Button>
                <Button type="submit" loading={save.isPending}>
                  {scenario ? t('scenarioForm.save') : t('scenarioForm.create')}
                </Button>
              </Group>
            </Group>
          </Paper>
        </Stack>
      </form>
    </>
  );
}
