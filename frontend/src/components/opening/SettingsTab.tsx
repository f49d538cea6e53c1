import {
  Alert,
  Button,
  Group,
  MultiSelect,
  NumberInput,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Switch,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { DateTimePicker } from '@mantine/dates';
import '@mantine/dates/styles.css'; // with the pickers, not in the initial bundle
import { useForm, type UseFormReturnType } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { IconAlertCircle, IconInfoCircle } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldErrors, isApiError } from '../../api/client';
import { updateOpening } from '../../api/endpoints';
import { keys, useScenarios, useTeam } from '../../api/queries';
import type { Opening, TeamMember } from '../../api/types';
import { isShownField, toOpeningBody, toSettingsValues, type SettingsValues } from '../../lib/openingForm';
import { hasRole } from '../../lib/roles';
import { scenarioText } from '../../lib/scenarios';
import { useCurrentUser } from '../../lib/useCurrentUser';
import { ErrorAlert } from '../ErrorAlert';
import { OfferSettings } from './OfferSettings';
import { QuestionnaireBuilder } from './QuestionnaireBuilder';
import { TemplateControls } from './TemplateControls';

function Section({ title, hint, id, actions, children }: { title: string; hint?: string; id: string; actions?: ReactNode; children: ReactNode }) {
  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby={id}>
      <Group justify="space-between" align="flex-start" mb="sm">
        <div>
          <Title order={2} size="h5" id={id}>
            {title}
          </Title>
          {hint && (
            <Text size="xs" c="dimmed">
              {hint}
            </Text>
          )}
        </div>
        {actions}
      </Group>
      {children}
    </Paper>
  );
}

/** Who hires for the opening, picked from GET /team; while it loads (or if it fails) the team is shown as it is. */
function HiringTeam({ form, users }: { form: UseFormReturnType<SettingsValues>; users: TeamMember[] | undefined }) {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const v = form.getValues();
  if (users) {
    const active = users;
    const option = (u: TeamMember) => ({ value: String(u.id), label: u.name });
    const recruiters = active.filter((u) => hasRole(u, 'recruiter', 'department_head')).map(option);
    const interviewers = active.filter((u) => hasRole(u, 'interviewer')).map(option);
    const interviewerError =
      form.errors.interviewer_ids ?? Object.entries(form.errors).find(([k]) => k.startsWith('interviewer_ids.'))?.[1];
    return (
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <Select
          label={t('settings.recruiter')}
          description={t('settings.recruiterHint')}
          placeholder={t('settings.noRecruiter')}
          clearable
          searchable
          data={recruiters}
          {...form.getInputProps('recruiter_id')}
        />
        <MultiSelect
          label={t('settings.interviewers')}
          description={t('settings.interviewersHint')}
          searchable
          maxValues={20}
          data={interviewers}
          {...form.getInputProps('interviewer_ids')}
          error={interviewerError}
        />
      </SimpleGrid>
    );
  }
  const recruiter =
    v.recruiter_id === null
      ? t('settings.noRecruiter')
      : v.recruiter_id === String(me.id)
        ? t('settings.recruiterYou', { name: me.name })
        : t('settings.recruiterOther');
  return (
    <Stack gap="xs">
      <Text size="sm">
        <Text span fw={500}>
          {t('settings.recruiter')}:
        </Text>{' '}
        {recruiter}
      </Text>
      <Text size="sm">
        <Text span fw={500}>
          {t('settings.interviewers')}:
        </Text>{' '}
        {t('settings.interviewerCount', { count: v.interviewer_ids.length })}
      </Text>
      {form.errors.recruiter_id && (
        <Text size="xs" c="red">
          {String(form.errors.recruiter_id)}
        </Text>
      )}
      <Group gap="xs">
        {hasRole(me, 'recruiter', 'department_head') && v.recruiter_id !== String(me.id) && (
          <Button size="xs" variant="light" onClick={() => form.setFieldValue('recruiter_id', String(me.id))}>
            {t('settings.makeMeRecruiter')}
          </Button>
        )}
      </Group>
      <Text size="xs" c="dimmed">
        {t('settings.teamAdminOnly')}
      </Text>
    </Stack>
  );
}

/** The first error the server gave for a field or any of its items (role_play.scenario_ids.1). */
function errorOf(form: UseFormReturnType<SettingsValues>, field: string) {
  return form.errors[field] ?? Object.entries(form.errors).find(([k]) => k.startsWith(`${field}.`))?.[1];
}

/** The first interview's scenarios, rotated across the slate, and the slate's deadline. */
function RotationFields({ form }: { form: UseFormReturnType<SettingsValues> }) {
  const { t, i18n } = useTranslation();
  const scenarios = useScenarios(true);
  const chosen = form.values.role_play.scenario_ids;
  const data = (scenarios.data ?? [])
    .filter((s) => !s.archived || chosen.includes(String(s.id)))
    .map((s) => ({
      value: String(s.id),
      label: t('settings.scenarioOption', { name: scenarioText(s, i18n.language).name, difficulty: s.difficulty }),
    }));
  // Known difficulties of the chosen scenarios: the server refuses a rotation whose difficulties differ by more than one.
  const levels = chosen
    .map((id) => scenarios.data?.find((s) => String(s.id) === id)?.difficulty)
    .filter((d): d is number => typeof d === 'number');
  const tooWide = levels.length > 1 && Math.max(...levels) - Math.min(...levels) > 1;
  return (
    <>
      <MultiSelect
        label={t('settings.scenarios')}
        description={t('settings.scenariosHint')}
        placeholder={scenarios.isPending ? t('common.loading') : chosen.length ? undefined : t('settings.scenariosNone')}
        searchable
        clearable
        data={data}
        comboboxProps={{ withinPortal: true }}
        {...form.getInputProps('role_play.scenario_ids')}
        error={errorOf(form, 'role_play.scenario_ids') ?? (tooWide ? t('settings.scenariosTooWide') : undefined)}
      />
      <DateTimePicker
        label={t('settings.slateDeadline')}
        description={t('settings.slateDeadlineHint')}
        placeholder={t('settings.slateDeadlineNone')}
        valueFormat="DD MMM YYYY HH:mm"
        clearable
        maw={560}
        timePickerProps={{ hoursInputLabel: t('interview.hours'), minutesInputLabel: t('interview.minutes') }}
        submitButtonProps={{ 'aria-label': t('interview.confirmTime') }}
        {...form.getInputProps('slate_deadline')}
      />
    </>
  );
}

/** Every setting of PUT /openings/:id, with the questionnaire builder; server errors appear next to their input. */
export function SettingsTab({ opening }: { opening: Opening }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const users = useTeam();
  const locked = opening.status === 'closed' || opening.status === 'rejected';
  const form = useForm<SettingsValues>({
    mode: 'controlled',
    initialValues: toSettingsValues(opening),
    validate: {
      title: (v) => (v.trim() ? null : t('settings.titleRequired')),
      seats: (v) => (typeof v === 'number' && v >= 1 && v <= 1000 ? null : t('settings.range', { min: 1, max: 1000 })),
      slate_size: (v) => (typeof v === 'number' && v >= 1 && v <= 20 ? null : t('settings.range', { min: 1, max: 20 })),
      questionnaire_days: (v) => (typeof v === 'number' && v >= 1 && v <= 60 ? null : t('settings.range', { min: 1, max: 60 })),
      offer_approvals: (v) => (typeof v === 'number' && v >= 1 && v <= 5 ? null : t('settings.range', { min: 1, max: 5 })),
    },
  });
  const save = useMutation({
    mutationFn: (v: SettingsValues) => updateOpening(opening.id, toOpeningBody(v)),
    onSuccess: (o) => {
      qc.setQueryData(keys.opening(o.id), o);
      void qc.invalidateQueries({ queryKey: keys.openings });
      const next = toSettingsValues(o);
      form.setInitialValues(next);
      form.setValues(next);
      form.resetDirty(next);
      notifications.show({ color: 'green', message: t('settings.saved', { title: o.title }) });
    },
    onError: (err) => {
      form.setErrors(fieldErrors(err));
      // Bring the first field the server refused into view.
      requestAnimationFrame(() => document.querySelector('[aria-invalid="true"]')?.scrollIntoView({ block: 'center', behavior: 'smooth' }));
    },
  });

  const errs = fieldErrors(save.error);
  const orphans = Object.entries(errs).filter(([k]) => !isShownField(k));
  const is400 = isApiError(save.error) && save.error.status === 400;
  const v = form.getValues();

  return (
    <form onSubmit={form.onSubmit((values) => save.mutate(values))} noValidate aria-label={t('settings.formLabel')}>
      <fieldset disabled={locked} style={{ border: 0, padding: 0, margin: 0, minWidth: 0 }}>
        <Stack gap="lg">
          {locked && (
            <Alert color="gray" icon={<IconInfoCircle size={18} aria-hidden />}>
              {t('settings.locked', { status: t(`status.${opening.status}`) })}
            </Alert>
          )}
          <Section title={t('settings.opening')} id="settings-opening">
            <Stack gap="sm">
              <TextInput label={t('settings.title')} required maxLength={200} {...form.getInputProps('title')} />
              <Textarea
                label={t('settings.description')}
                description={t('settings.descriptionHint')}
                autosize
                minRows={3}
                maxRows={12}
                maxLength={10000}
                {...form.getInputProps('description')}
              />
              <SimpleGrid cols={{ base: 1, sm: 3 }}>
                <NumberInput label={t('settings.seats')} required min={1} max={1000} allowDecimal={false} allowNegative={false} {...form.getInputProps('seats')} />
                <NumberInput
                  label={t('settings.slateSize')}
                  description={t('settings.slateSizeHint')}
                  min={1}
                  max={20}
                  allowDecimal={false}
                  allowNegative={false}
                  {...form.getInputProps('slate_size')}
                />
                <TextInput
                  label={t('settings.role')}
                  value={t(`roles.${opening.role}`, { defaultValue: opening.role })}
                  readOnly
                  variant="filled"
                  description={t('settings.roleHint')}
                />
              </SimpleGrid>
            </Stack>
          </Section>

          <Section title={t('settings.team')} id="settings-team">
            <HiringTeam form={form} users={users.data} />
          </Section>

          <Section
            title={t('settings.screening')}
            hint={t('settings.screeningHint')}
            id="settings-screening"
            actions={<TemplateControls form={form} disabled={locked} />}
          >
            <Stack gap="md">
              <SimpleGrid cols={{ base: 1, sm: 2 }}>
                <NumberInput
                  label={t('settings.questionnaireDays')}
                  description={t('settings.questionnaireDaysHint')}
                  min={1}
                  max={60}
                  allowDecimal={false}
                  allowNegative={false}
                  {...form.getInputProps('questionnaire_days')}
                />
                <Switch
                  mt="lg"
                  label={t('settings.confirmKnockOuts')}
                  description={t('settings.confirmKnockOutsHint')}
                  {...form.getInputProps('confirm_knock_outs', { type: 'checkbox' })}
                />
              </SimpleGrid>
              <Switch
                label={t('settings.useQuestionnaire')}
                description={t('settings.useQuestionnaireHint')}
                {...form.getInputProps('use_questionnaire', { type: 'checkbox' })}
              />
              {v.use_questionnaire && <QuestionnaireBuilder form={form} disabled={locked} />}
            </Stack>
          </Section>

          <Section title={t('settings.rolePlay')} hint={t('settings.rolePlayHint')} id="settings-roleplay">
            <Stack gap="sm">
              <Textarea label={t('settings.scenario')} autosize minRows={2} maxRows={10} maxLength={10000} {...form.getInputProps('role_play.scenario')} />
              <NumberInput
                label={t('settings.duration')}
                min={0}
                max={240}
                allowDecimal={false}
                allowNegative={false}
                suffix={` ${t('settings.minutes')}`}
                w={200}
                {...form.getInputProps('role_play.duration_minutes')}
              />
              <RotationFields form={form} />
            </Stack>
          </Section>

          <Section title={t('settings.offers.title')} hint={t('settings.offers.hint')} id="settings-offers">
            <OfferSettings form={form} team={users.data} />
          </Section>

          {save.isError && (!is400 || orphans.length > 0) && (
            <ErrorAlert error={save.error} message={orphans.length ? orphans.map(([k, m]) => `${k}: ${m}`).join('; ') : undefined} />
          )}
          {save.isError && is400 && orphans.length === 0 && (
            <Alert color="red" variant="light" icon={<IconAlertCircle size={18} aria-hidden />} role="alert">
              {t('settings.fixErrors')}
            </Alert>
          )}
          <Paper
            withBorder
            radius="md"
            p="sm"
            shadow="sm"
            style={{ position: 'sticky', bottom: 8, zIndex: 5 }}
          >
            <Group justify="space-between">
              <Text size="sm" c="dimmed">
                {form.isDirty() ? t('settings.unsaved') : t('settings.upToDate')}
              </Text>
              <Group gap="xs">
                <Button variant="default" disabled={!form.isDirty()} onClick={() => form.reset()}>
                  {t('settings.discard')}
                </Button>
                <Button type="submit" loading={save.isPending}>
                  {t('settings.save')}
                </Button>
              </Group>
            </Group>
          </Paper>
        </Stack>
      </fieldset>
    </form>
  );
}
