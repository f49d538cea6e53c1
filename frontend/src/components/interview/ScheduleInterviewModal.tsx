import { Button, Group, Modal, MultiSelect, NumberInput, Select, Stack, TextInput } from '@mantine/core';
import { DateTimePicker } from '@mantine/dates';
import '@mantine/dates/styles.css'; // with the pickers, not in the initial bundle
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useMutation } from '@tanstack/react-query';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { fieldErrors } from '../../api/client';
import { rescheduleInterview, scheduleInterview } from '../../api/endpoints';
import { useScenarios, useTeam } from '../../api/queries';
import type { Application, Interview, InterviewBody } from '../../api/types';
import { scenarioText } from '../../lib/scenarios';
import { ErrorAlert } from '../ErrorAlert';

const FIELDS = ['starts_at', 'duration_minutes', 'location', 'video_url', 'interviewer_ids', 'scenario_id'];

/** Maps the server's field paths (interviewer_ids.0) to the form's fields. */
function formErrors(err: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(fieldErrors(err))) {
    const name = k.split('.')[0];
    if (!out[name]) out[name] = v;
  }
  return out;
}

/** A DateTimePicker's value (local time) for an instant. */
const pickerValue = (iso: string) => dayjs(iso).format('YYYY-MM-DD HH:mm:ss');

/**
 * Schedules the application's interview: time, length, place or video link, the panel and the scenario. Given
 * `interview`, it reschedules that one instead (PUT), starting from its current plan. A new first interview
 * starts from the scenario the opening's rotation suggests (`suggestedScenarioId`), which the user may change.
 */
export function ScheduleInterviewModal({
  app,
  interview,
  suggestedScenarioId = null,
  onClose,
  onScheduled,
}: {
  app: Application;
  interview?: Interview;
  suggestedScenarioId?: number | null;
  onClose: () => void;
  onScheduled: (iv: Interview) => void;
}) {
  const { t, i18n } = useTranslation();
  const team = useTeam();
  const scenarios = useScenarios(true);
  const editing = !!interview;
  const first = interview ? interview.kind === 'first' : app.stage === 'first_interview';
  const suggested = !editing && first && suggestedScenarioId ? String(suggestedScenarioId) : null;
  const form = useForm({
    mode: 'controlled',
    initialValues: interview
      ? {
          starts_at: pickerValue(interview.starts_at) as string | null,
          duration_minutes: interview.duration_minutes as number | string,
          location: interview.location,
          video_url: interview.video_url,
          interviewer_ids: interview.interviewers.map((p) => String(p.id)),
          scenario_id: interview.scenario_id ? String(interview.scenario_id) : null,
        }
      : {
          starts_at: null as string | null,
          duration_minutes: (app.opening?.role_play.duration_minutes || 45) as number | string,
          location: '',
          video_url: '',
          interviewer_ids: (app.opening?.interviewer_ids ?? []).map(String),
          scenario_id: suggested,
        },
    validate: {
      starts_at: (v) => (v ? null : t('interview.startsRequired')),
      interviewer_ids: (v) => (v.length ? null : t('interview.interviewersRequired')),
      scenario_id: (v) => (!first || v ? null : t('interview.scenarioRequired')),
      location: (v, values) => (v.trim() || values.video_url.trim() ? null : t('interview.placeRequired')),
    },
  });
  const schedule = useMutation({
    mutationFn: () => {
      const v = form.getValues();
      const body: InterviewBody = {
        starts_at: dayjs(v.starts_at).toISOString(),
        duration_minutes: Number(v.duration_minutes) || 0,
        location: v.location.trim(),
        video_url: v.video_url.trim(),
        interviewer_ids: v.interviewer_ids.map(Number),
        scenario_id: v.scenario_id ? Number(v.scenario_id) : null,
      };
      if (interview) return rescheduleInterview(interview.id, body);
      return scheduleInterview(app.id, { kind: first ? 'first' : 'second', ...body });
    },
    onSuccess: (iv) => {
      notifications.show({
        color: 'green',
        message: editing
          ? t('interview.rescheduled', { name: app.candidate.name })
          : t('interview.scheduled', { name: app.candidate.name }),
      });
      onScheduled(iv);
      onClose();
    },
    onError: (err) => form.setErrors(formErrors(err)),
  });
  const errs = formErrors(schedule.error);
  const showAlert = schedule.isError && !FIELDS.some((f) => errs[f]);
  const interviewers = (team.data ?? []).filter((m) => m.roles.includes('interviewer') || form.values.interviewer_ids.includes(String(m.id)));
  const scenarioOptions = (scenarios.data ?? [])
    .filter((s) => !s.archived || String(s.id) === form.values.scenario_id)
    .map((s) => ({
      value: String(s.id),
      label: t('interview.scenarioOption', { name: scenarioText(s, i18n.language).name, difficulty: s.difficulty }),
    }));

  return (
    <Modal
      opened
      onClose={onClose}
      title={editing ? t('interview.rescheduleTitle', { name: app.candidate.name }) : t('interview.scheduleTitle', { name: app.candidate.name })}
      size="lg"
    >
      <form onSubmit={form.onSubmit(() => schedule.mutate())} noValidate>
        <Stack gap="md">
          <DateTimePicker
            label={t('interview.startsAt')}
            required
            valueFormat="DD MMM YYYY HH:mm"
            minDate={new Date()}
            clearable
            data-autofocus
            timePickerProps={{ hoursInputLabel: t('interview.hours'), minutesInputLabel: t('interview.minutes') }}
            submitButtonProps={{ 'aria-label': t('interview.confirmTime') }}
            {...form.getInputProps('starts_at')}
          />
          <NumberInput label={t('interview.duration')} min={15} max={480} step={15} required {...form.getInputProps('duration_minutes')} />
          <TextInput label={t('interview.location')} description={t('interview.placeHint')} maxLength={300} {...form.getInputProps('location')} />
          <TextInput label={t('interview.videoUrl')} type="url" maxLength={500} {...form.getInputProps('video_url')} />
          <MultiSelect
            label={t('interview.interviewers')}
            required
            searchable
            data={interviewers.map((m) => ({ value: String(m.id), label: m.name }))}
            placeholder={team.isPending ? t('common.loading') : undefined}
            comboboxProps={{ withinPortal: true }}
            {...form.getInputProps('interviewer_ids')}
          />
          <Select
            label={t('interview.scenario')}
            required={first}
            clearable={!first}
            searchable
            data={scenarioOptions}
            placeholder={scenarios.isPending ? t('common.loading') : undefined}
            comboboxProps={{ withinPortal: true }}
            {...form.getInputProps('scenario_id')}
            description={suggested && form.values.scenario_id === suggested ? t('interview.scenarioSuggested') : undefined}
          />
          {showAlert && <ErrorAlert error={schedule.error} />}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={schedule.isPending}>
              {editing ? t('interview.saveReschedule') : t('interview.schedule')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
