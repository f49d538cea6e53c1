import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { fieldErrors, isApiError } from '../../api/client';
import { meetingKeys, setCadence, type Team } from '../../api/meetings';
import { cadenceBody, cadenceText, cadenceValues, type CadenceValues } from '../../lib/meetings';
import { ErrorAlert } from '../ErrorAlert';
import { CadenceFields } from './CadenceFields';

const FIELDS = ['kind', 'weekday', 'hour', 'minute'];

/** Changes when a team meets, from its next meeting (its manager, department heads and admins). */
export function CadenceModal({ team, opened, onClose }: { team: Team; opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const form = useForm<CadenceValues>({ mode: 'controlled', initialValues: cadenceValues(team.cadence) });
  const save = useMutation({
    mutationFn: (v: CadenceValues) => setCadence(team.id, cadenceBody(v)),
    onSuccess: (updated) => {
      qc.setQueryData(meetingKeys.team(team.id), updated);
      void qc.invalidateQueries({ queryKey: meetingKeys.teams });
      notifications.show({ color: 'green', message: t('meetings.cadence.changed', { cadence: cadenceText(updated.cadence, t) }) });
      onClose();
    },
    // "cadence.hour" names the form's "hour".
    onError: (err) =>
      form.setErrors(Object.fromEntries(Object.entries(fieldErrors(err)).map(([k, m]) => [k.replace(/^cadence\./, ''), m]))),
  });
  const close = () => {
    save.reset();
    form.setValues(cadenceValues(team.cadence));
    form.clearErrors();
    onClose();
  };
  const named = Object.keys(fieldErrors(save.error)).map((k) => k.replace(/^cadence\./, ''));
  const orphan = save.isError && !(isApiError(save.error) && named.length > 0 && named.every((k) => FIELDS.includes(k)));
  return (
    <Modal opened={opened} onClose={close} title={t('meetings.cadence.changeTitle', { name: team.name })}>
      <form onSubmit={form.onSubmit((v) => save.mutate(v))} noValidate data-testid="cadence-form">
        <Stack gap="md">
          <Text size="sm" c="dimmed">
            {t('meetings.cadence.changeHint')}
          </Text>
          <CadenceFields
            values={form.getValues()}
            errors={{ kind: form.errors.kind, weekday: form.errors.weekday, hour: form.errors.hour, minute: form.errors.minute }}
            onChange={(field, value) => form.setFieldValue(field, value)}
          />
          {orphan && <ErrorAlert error={save.error} />}
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={save.isPending}>
              {t('common.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
