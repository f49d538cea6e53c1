import { Button, Group, Modal, MultiSelect, NumberInput, Select, Stack, Text, TextInput } from '@mantine/core';
import { DateTimePicker } from '@mantine/dates';
import '@mantine/dates/styles.css'; // with the pickers, not in the initial bundle
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { fieldErrors } from '../../api/client';
import { scheduleOpeningInterview } from '../../api/endpoints';
import { keys, useScenarios, useTeam } from '../../api/queries';
import type { Interview, Opening } from '../../api/types';
import { scenarioText } from '../../lib/scenarios';
import { ErrorAlert } from '../ErrorAlert';

const FIELDS = ['starts_at', 'duration_minutes', 'location', 'video_url', 'interviewer_ids', 'scenario_id'];

/** The server's field errors by the form's field (interviewer_ids.0 is interviewer_ids); application_ids.N kept. */
function formErrors(err: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(fieldErrors(err))) {
    const name = k.startsWith('application_ids.') ? k : k.split('.')[0];
    if (!out[name]) out[name] = v;
  }
  return out;
}

/**
 * Schedules a second interview for one shortlisted candidate, or a group interview for several: one session,
 * a panel, a place or a video link, and optionally a role-play scenario. Shortlisted candidates move to the
 * second interview; everyone gets an invitation.
 */
export function ScheduleGroupInterviewModal({
  opening,
  candidates,
  onClose,
  onScheduled,
}: {
  opening: Opening;
  candidates: { application_id: number; name: string }[];
  onClose: () => void;
  onScheduled?: (iv: Interview) => void;
}) {
  const { t, i18n } = useTranslation();
  const qc = useQueryClient();
  const team = useTeam();
  const scenarios = useScenarios();
  const group = candidates.length > 1;
  const names = candidates.map((c) => c.name);
  const form = useForm({
    mode: 'controlled',
    initialValues: {
      starts_at: null as string | null,
      duration_minutes: (group ? 90 : opening.role_play.duration_minutes || 45) as number | string,
      location: '',
      video_url: '',
      interviewer_ids: (opening.interviewer_ids ?? []).map(String),
      scenario_id: null as string | null,
    },
    validate: {
      starts_at: (v) => (v ? null : t('interview.startsRequired')),
      interviewer_ids: (v) => (v.length ? null : t('interview.interviewersRequired')),
      location: (v, values) => (v.trim() || values.video_url.trim() ? null : t('interview.placeRequired')),
    },
  });
  const schedule = useMutation({
    mutationFn: () => {
      const v = form.getValues();
      return scheduleOpeningInterview(opening.id, {
        kind: group ? 'group' : 'second',
        application_ids: candidates.map((c) => c.application_id),
        starts_at: dayjs(v.starts_at).toISOString(),
        duration_minutes: Number(v.duration_minutes) || 0,
        location: v.location.trim(),
        video_url: v.video_url.trim(),
        interviewer_ids: v.interviewer_ids.map(Number),
        scenario_id: v.scenario_id ? Number(v.scenario_id) : null,
      });
    },
    onSuccess: (iv) => {
      notifications.show({
        color: 'green',
        message: group ? t('groupInterview.scheduled', { names: names.join(', ') }) : t('interview.scheduled', { name: names[0] }),
      });
      void qc.invalidateQueries({ queryKey: keys.comparisons(opening.id) });
      void qc.invalidateQueries({ queryKey: ['applications'] });
      void qc.invalidateQueries({ queryKey: keys.openings });
      void qc.invalidateQueries({ queryKey: keys.myInterviews });
      onScheduled?.(iv);
      onClose();
    },
    onError: (err) => form.setErrors(formErrors(err)),
  });
  const errs = formErrors(schedule.error);
  // A candidate the server refused (application_ids.N: no longer shortlisted), by name.
  const candidateErrs = Object.entries(errs)
    .filter(([k]) => k.startsWith('application_ids.'))
    .map(([k, v]) => t('groupInterview.candidateError', { name: candidates[Number(k.split('.')[1])]?.name ?? k, message: v }));
  const showAlert = schedule.isError && candidateErrs.length === 0 && !FIELDS.some((f) => errs[f]);
  const interviewers = (team.data ?? []).filter((m) => m.roles.includes('interviewer') || form.values.interviewer_ids.includes(String(m.id)));

  return (
    <Modal
      opened
      onClose={onClose}
      title={group ? t('groupInterview.titleGroup', { names: names.join(', ') }) : t('groupInterview.titleSecond', { name: names[0] })}
      size="lg"
    >
      <form onSubmit={form.onSubmit(() => schedule.mutate())} noValidate>
        <Stack gap="md">
          {group && (
            <Text size="sm" c="dimmed">
              {t('groupInterview.groupHint')}
            </Text>
          )}
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
            description={t('groupInterview.scenarioHint')}
            clearable
            searchable
            data={(scenarios.data ?? []).map((s) => ({ value: String(s.id), label: scenarioText(s, i18n.language).name }))}
            placeholder={scenarios.isPending ? t('common.loading') : undefined}
            comboboxProps={{ withinPortal: true }}
            {...form.getInputProps('scenario_id')}
          />
          {candidateErrs.length > 0 && <ErrorAlert message={candidateErrs.join(' ')} />}
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
