import { Button, Group, Modal, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { fieldErrors, isApiError } from '../../api/client';
import { clientKeys, createAccount } from '../../api/clients';
import { ErrorAlert } from '../ErrorAlert';
import { DuplicateClientAlert } from './DuplicateClientAlert';

const FIELDS = ['name', 'city', 'industry'];

/** Adds a client company; nobody owns it until a rep logs the first call with it. */
export function NewClientModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const navigate = useNavigate();
  const form = useForm({
    mode: 'controlled',
    initialValues: { name: '', city: '', industry: '' },
    validate: {
      name: (v) => (v.trim().length >= 2 ? null : t('newClient.nameRequired')),
    },
  });
  const create = useMutation({
    mutationFn: () => {
      const v = form.getValues();
      return createAccount({ name: v.name.trim(), city: v.city.trim(), industry: v.industry.trim() });
    },
    onSuccess: (a) => {
      void qc.invalidateQueries({ queryKey: clientKeys.accounts });
      notifications.show({ color: 'green', title: t('newClient.created'), message: t('newClient.createdHint', { name: a.name }) });
      form.reset();
      onClose();
      navigate(`/clients/${a.id}`);
    },
    onError: (err) => form.setErrors(fieldErrors(err)),
  });
  const close = () => {
    create.reset();
    form.reset();
    onClose();
  };
  const duplicate = isApiError(create.error) && create.error.status === 409;
  const orphan =
    create.isError &&
    !duplicate &&
    (!isApiError(create.error) || create.error.status !== 400 || Object.keys(fieldErrors(create.error)).some((k) => !FIELDS.includes(k)));

  return (
    <Modal opened={opened} onClose={close} title={t('newClient.title')}>
      <form onSubmit={form.onSubmit(() => create.mutate())} noValidate>
        <Stack gap="md">
          <Text size="sm" c="dimmed">
            {t('newClient.hint')}
          </Text>
          <TextInput label={t('clients.name')} required maxLength={200} data-autofocus {...form.getInputProps('name')} />
          <TextInput label={t('clients.city')} maxLength={100} {...form.getInputProps('city')} />
          <TextInput label={t('clients.industry')} maxLength={100} {...form.getInputProps('industry')} />
          {duplicate && <DuplicateClientAlert error={create.error} onOpen={close} />}
          {orphan && <ErrorAlert error={create.error} />}
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={create.isPending}>
              {t('newClient.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
