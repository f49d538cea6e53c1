import { Alert, Button, Group, Stack, Text, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { IconAlertCircle, IconLock, IconSparkles } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { fieldErrors, isApiError } from '../../api/client';
import { fileReport, meetingKeys, type MeetingDetail, type ReportBody } from '../../api/meetings';
import { useFormat } from '../../lib/format';
import { ErrorAlert } from '../ErrorAlert';
import { ReportText } from './ReportView';

const FIELDS = ['done', 'planned', 'blockers'];
const MAX = 4000;

/** A rep's own report once the meeting is held: read only. */
function HeldReport({ meeting }: { meeting: MeetingDetail }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const mine = meeting.mine;
  return (
    <Stack gap="md" data-testid="my-report">
      <Alert color="gray" variant="light" icon={<IconLock size={18} aria-hidden />}>
        {mine ? t('meetings.report.heldNote') : t('meetings.report.heldMissed')}
      </Alert>
      {mine && (
        <>
          <Text size="xs" c="dimmed">
            {t('meetings.report.filedAt', { at: fmt.dateTime(mine.filed_at) })}
          </Text>
          <ReportText report={mine} />
        </>
      )}
    </Stack>
  );
}

/**
 * A rep's report for a meeting of their team: done since the last meeting (drafted from their activity log
 * until they file), planned until the next, blockers. They may replace it until the meeting is held.
 */
export function ReportForm({ meeting }: { meeting: MeetingDetail }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const qc = useQueryClient();
  const mine = meeting.mine;
  const form = useForm<ReportBody>({
    mode: 'controlled',
    initialValues: mine
      ? { done: mine.done, planned: mine.planned, blockers: mine.blockers }
      : { done: meeting.draft_done, planned: '', blockers: '' },
    validate: {
      done: (v) => (v.trim() ? null : t('meetings.report.doneRequired')),
      planned: (v) => (v.trim() ? null : t('meetings.report.plannedRequired')),
    },
  });
  const file = useMutation({
    mutationFn: (v: ReportBody) => fileReport(meeting.id, { done: v.done.trim(), planned: v.planned.trim(), blockers: v.blockers.trim() }),
    onSuccess: (updated) => {
      qc.setQueryData(meetingKeys.meeting(meeting.id), updated);
      void qc.invalidateQueries({ queryKey: meetingKeys.teams });
      notifications.show({ color: 'green', title: t('meetings.report.filed'), message: t('meetings.report.filedHint', { team: meeting.team }) });
    },
    onError: (err) => {
      form.setErrors(fieldErrors(err));
      // Held meanwhile: show it as held.
      if (isApiError(err) && err.status === 409) void qc.invalidateQueries({ queryKey: meetingKeys.meeting(meeting.id) });
    },
  });

  if (meeting.status === 'held') return <HeldReport meeting={meeting} />;

  const held = isApiError(file.error) && file.error.status === 409;
  const named = Object.keys(fieldErrors(file.error));
  const orphan = file.isError && !held && !(named.length > 0 && named.every((k) => FIELDS.includes(k)));
  const draft = meeting.draft_done;
  const done = form.getValues().done;

  return (
    <form onSubmit={form.onSubmit((v) => file.mutate(v))} noValidate data-testid="report-form">
      <Stack gap="md">
        {mine && (
          <Text size="sm" c="dimmed" data-testid="report-filed-at">
            {t('meetings.report.replaceHint', { at: fmt.dateTime(mine.filed_at) })}
          </Text>
        )}
        <div>
          <Textarea
            label={t('meetings.report.done')}
            description={!mine && draft ? t('meetings.report.draftHint') : undefined}
            required
            autosize
            minRows={3}
            maxRows={12}
            maxLength={MAX}
            {...form.getInputProps('done')}
          />
          {draft && done.trim() !== draft && (
            <Button
              variant="subtle"
              size="compact-xs"
              mt={4}
              leftSection={<IconSparkles size={14} aria-hidden />}
              onClick={() => form.setFieldValue('done', done.trim() ? `${done.trimEnd()}\n${draft}` : draft)}
            >
              {t('meetings.report.useDraft')}
            </Button>
          )}
        </div>
        <Textarea
          label={t('meetings.report.planned')}
          required
          autosize
          minRows={3}
          maxRows={12}
          maxLength={MAX}
          {...form.getInputProps('planned')}
        />
        <Textarea
          label={t('meetings.report.blockers')}
          description={t('meetings.report.blockersHint')}
          autosize
          minRows={2}
          maxRows={8}
          maxLength={MAX}
          {...form.getInputProps('blockers')}
        />
        {held && (
          <Alert color="orange" variant="light" icon={<IconAlertCircle size={18} aria-hidden />} role="alert">
            {t('meetings.report.tooLate')}
          </Alert>
        )}
        {orphan && <ErrorAlert error={file.error} />}
        <Group justify="flex-end">
          <Button type="submit" size="md" loading={file.isPending} w={{ base: '100%', xs: 'auto' }}>
            {mine ? t('meetings.report.replace') : t('meetings.report.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
