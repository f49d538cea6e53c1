import { Alert, Button, Group, Modal, MultiSelect, Select, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { IconInfoCircle } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { fieldErrors, isApiError } from '../../api/client';
import { createTeam, meetingKeys, useSalesPeople } from '../../api/meetings';
import { cadenceBody, DEFAULT_CADENCE, teamFormErrors, type CadenceValues } from '../../lib/meetings';
import { ErrorAlert } from '../ErrorAlert';
import { CadenceFields } from './CadenceFields';

interface Values {
  name: string;
  manager_id: string | null;
  member_ids: string[];
  cadence: CadenceValues;
}

const FIELDS = ['name', 'manager_id', 'member_ids', 'cadence.kind', 'cadence.weekday', 'cadence.hour', 'cadence.minute'];

/** Forms a team of reps under a sales manager, meeting on a cadence (department heads and admins). */
export function NewTeamModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const navigate = useNavigate();
  const people = useSalesPeople(opened);
  const form = useForm<Values>({
    mode: 'controlled',
    initialValues: { name: '', manager_id: null, member_ids: [], cadence: DEFAULT_CADENCE },
    validate: {
      name: (v) => (v.trim() ? null : t('meetings.new.nameRequired')),
      manager_id: (v) => (v ? null : t('meetings.new.managerRequired')),
    },
  });
  const repName = (id: string) => people.reps.find((r) => String(r.id) === id)?.name ?? `#${id}`;
  const create = useMutation({
    mutationFn: (v: Values) =>
      createTeam({
        name: v.name.trim(),
        manager_id: Number(v.manager_id),
        member_ids: v.member_ids.map(Number),
        cadence: cadenceBody(v.cadence),
      }),
    onSuccess: (team) => {
      void qc.invalidateQueries({ queryKey: meetingKeys.teams });
      qc.setQueryData(meetingKeys.team(team.id), team);
      notifications.show({ color: 'green', message: t('meetings.new.created', { name: team.name }) });
      form.reset();
      onClose();
      navigate(`/teams/${team.id}`);
    },
    onError: (err, v) => form.setErrors(teamFormErrors(fieldErrors(err), (i) => repName(v.member_ids[i] ?? ''))),
  });
  const close = () => {
    create.reset();
    form.reset();
    onClose();
  };
  // A failure no field shows: anything but a 400 naming only the form's fields.
  const named = Object.keys(teamFormErrors(fieldErrors(create.error), String));
  const orphan = create.isError && !(isApiError(create.error) && named.length > 0 && named.every((k) => FIELDS.includes(k)));
  const values = form.getValues();
  const cadenceErrors = {
    kind: form.errors['cadence.kind'],
    weekday: form.errors['cadence.weekday'],
    hour: form.errors['cadence.hour'],
    minute: form.errors['cadence.minute'],
  };
  const noManagers = !people.pending && !people.error && people.managers.length === 0;

  return (
    <Modal opened={opened} onClose={close} title={t('meetings.new.title')} size="lg">
      <form onSubmit={form.onSubmit((v) => create.mutate(v))} noValidate data-testid="new-team-form">
        <Stack gap="md">
          <Text size="sm" c="dimmed">
            {t('meetings.new.hint')}
          </Text>
          <TextInput label={t('meetings.field.name')} required maxLength={200} data-autofocus {...form.getInputProps('name')} />
          {people.error ? <ErrorAlert error={people.error} /> : null}
          <Select
            label={t('meetings.field.manager')}
            required
            searchable
            data={people.managers.map((p) => ({ value: String(p.id), label: p.name }))}
            placeholder={people.pending ? t('common.loading') : undefined}
            nothingFoundMessage={t('meetings.new.nobody')}
            {...form.getInputProps('manager_id')}
          />
          {noManagers && (
            <Alert color="orange" variant="light" icon={<IconInfoCircle size={18} aria-hidden />}>
              {t('meetings.new.noManagers')}
            </Alert>
          )}
          <MultiSelect
            label={t('meetings.field.members')}
            description={t('meetings.new.membersHint')}
            searchable
            clearable
            maxValues={100}
            data={people.reps.map((p) => ({ value: String(p.id), label: p.name }))}
            placeholder={people.pending ? t('common.loading') : undefined}
            nothingFoundMessage={t('meetings.new.nobody')}
            {...form.getInputProps('member_ids')}
          />
          <CadenceFields
            values={values.cadence}
            errors={cadenceErrors}
            onChange={(field, value) => form.setFieldValue(`cadence.${field}`, value)}
          />
          {orphan && <ErrorAlert error={create.error} />}
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={create.isPending}>
              {t('meetings.new.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
