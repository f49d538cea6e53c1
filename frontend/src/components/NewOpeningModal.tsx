import { Button, Group, Modal, NumberInput, Select, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { fieldErrors, isApiError } from '../api/client';
import { createOpening } from '../api/endpoints';
import { keys } from '../api/queries';
import { useCurrentUser } from '../lib/useCurrentUser';
import { hasRole } from '../lib/roles';
import { ErrorAlert } from './ErrorAlert';

const FIELDS = ['title', 'role', 'seats', 'description'];

/** Adds an opening outside a staffing plan: it waits for a department head's approval. */
export function NewOpeningModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const navigate = useNavigate();
  const me = useCurrentUser();
  const form = useForm({
    mode: 'controlled',
    initialValues: { title: '', role: 'sales_rep' as string | null, seats: 1 as number | string, description: '' },
    validate: {
      title: (v) => (v.trim() ? null : t('newOpening.titleRequired')),
      role: (v) => (v ? null : t('newOpening.roleRequired')),
      seats: (v) => (typeof v === 'number' && v >= 1 && v <= 1000 ? null : t('newOpening.seatsRange')),
    },
  });
  const create = useMutation({
    mutationFn: () => {
      const v = form.getValues();
      return createOpening({
        title: v.title.trim(),
        description: v.description.trim(),
        role: v.role ?? undefined,
        seats: Number(v.seats),
        // Whoever adds the opening recruits for it when their role allows; an admin picks in the settings.
        recruiter_id: hasRole(me, 'recruiter', 'department_head') ? me.id : null,
        interviewer_ids: [],
        questionnaire: null,
        questionnaire_days: 0,
        confirm_knock_outs: false,
        slate_size: 0,
        role_play: { scenario: '', duration_minutes: 0 },
      });
    },
    onSuccess: (o) => {
      void qc.invalidateQueries({ queryKey: keys.openings });
      notifications.show({ color: 'green', title: t('newOpening.created'), message: t('newOpening.createdHint', { title: o.title }) });
      form.reset();
      onClose();
      navigate(`/openings/${o.id}?tab=settings`);
    },
    onError: (err) => form.setErrors(fieldErrors(err)),
  });
  const close = () => {
    create.reset();
    form.reset();
    onClose();
  };
  const orphan =
    create.isError &&
    (!isApiError(create.error) || create.error.status !== 400 || Object.keys(fieldErrors(create.error)).some((k) => !FIELDS.includes(k)));

  return (
    <Modal opened={opened} onClose={close} title={t('newOpening.title')} size="lg">
      <form onSubmit={form.onSubmit(() => create.mutate())} noValidate>
        <Stack gap="md">
          <Text size="sm" c="dimmed">
            {t('newOpening.hint')}
          </Text>
          <TextInput label={t('newOpening.titleLabel')} required maxLength={200} data-autofocus {...form.getInputProps('title')} />
          <Group grow align="flex-start">
            <Select
              label={t('newOpening.role')}
              required
              allowDeselect={false}
              data={[
                { value: 'sales_rep', label: t('roles.sales_rep') },
                { value: 'sales_manager', label: t('roles.sales_manager') },
              ]}
              {...form.getInputProps('role')}
            />
            <NumberInput label={t('newOpening.seats')} required min={1} max={1000} allowDecimal={false} allowNegative={false} {...form.getInputProps('seats')} />
          </Group>
          <Textarea
            label={t('newOpening.description')}
            description={t('newOpening.descriptionHint')}
            autosize
            minRows={3}
            maxRows={10}
            maxLength={10000}
            {...form.getInputProps('description')}
          />
          {orphan && <ErrorAlert error={create.error} />}
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={create.isPending}>
              {t('newOpening.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
