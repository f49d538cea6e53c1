import { Button, Group, Modal, MultiSelect, NumberInput, Select, Stack, TextInput } from '@mantine/core';
import { DateTimePicker } from '@mantine/dates';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useMutation } from '@tanstack/react-query';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { fieldErrors } from '../../api/client';
import { scheduleInterview } from '../../api/endpoints';
import { useScenarios, useTeam } from '../../api/queries';
import type { Application, Interview } from '../../api/types';
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

/** Schedules the application's interview: time, length, place or video link, the panel and the scenario. */
export function ScheduleInterviewModal({
  app,
  onClose,
  onScheduled,
}: {
  app: Application;
  onClose: () => void;
  onScheduled: (iv: Interview) => void;
}) {
  const { t, i18n } = useTranslation();
  const team = useTeam();
  const scenarios = useScenarios();
  const first = app.stage === 'first_interview';
  const form = useForm({
    mode: 'controlled',
    initialValues: {
      starts_at: null as string | null,
      duration_minutes: (app.opening?.role_play.duration_minutes || 45) as number | string,
      location: '',
      video_url: '',
      interviewer_ids: (app.opening?.interviewer_ids ?? []).map(String),
      scenario_id: null as string | null,
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
      return scheduleInterview(app.id, {
        kind: first ? 'first' : 'second',
        starts_at: dayjs(v.starts_at).toISOString(),
        duration_minutes: Number(v.duration_minutes) || 0,
        location: v.location.trim(),
        video_url: v.video_url.trim(),
        interviewer_ids: v.interviewer_ids.map(Number),
        scenario_id: v.scenario_id ? Number(v.scenario_id) : null,
      });
    },
    onSuccess: (iv) => {
      notifications.show({ color: 'green', message: t('interview.scheduled', { name: app.candidate.name }) });
      onScheduled(iv);
      onClose();
    },
    onError: (err) => form.setErrors(formErrors(err)),
  });
  const errs = formErrors(schedule.error);
  const showAlert = schedule.isError && !FIELDS.some((f) => errs[f]);
  const interviewers = (team.data ?? []).filter((m) => m.roles.includes('interviewer') || form.values.interviewer_ids.includes(String(m.id)));

  return (
    <Modal opened onClose={onClose} title={t('interview.scheduleTitle', { name: app.candidate.name })} size="lg">
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
            data={(scenarios.data ?? []).map((s) => ({ value: String(s.id), label: scenarioText(s, i18n.language).name }))}
            placeholder={scenarios.isPending ? t('common.loading') : undefined}
            comboboxProps={{ withinPortal: true }}
            {...form.getInputProps('scenario_id')}
          />
          {showAlert && <ErrorAlert error={schedule.error} />}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={schedule.isPending}>
              {t('interview.schedule')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
