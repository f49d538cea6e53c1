import { Button, Group, Modal, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { fieldErrors, isApiError } from '../../api/client';
import { addContact, clientKeys, type Account } from '../../api/clients';
import { ErrorAlert } from '../ErrorAlert';

const FIELDS = ['name', 'title', 'email', 'phone'];

/** Adds a person to talk to at a client. */
export function AddContactModal({ account, opened, onClose }: { account: Account; opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const form = useForm({
    mode: 'controlled',
    initialValues: { name: '', title: '', email: '', phone: '' },
    validate: {
      name: (v) => (v.trim() ? null : t('contact.nameRequired')),
      email: (v) => (!v.trim() || /^\S+@\S+\.\S+$/.test(v.trim()) ? null : t('contact.emailInvalid')),
    },
  });
  const add = useMutation({
    mutationFn: () => {
      const v = form.getValues();
      return addContact(account.id, { name: v.name.trim(), title: v.title.trim(), email: v.email.trim(), phone: v.phone.trim() });
    },
    onSuccess: (c) => {
      void qc.invalidateQueries({ queryKey: clientKeys.account(account.id) });
      notifications.show({ color: 'green', message: t('contact.added', { name: c.name, client: account.name }) });
      form.reset();
      onClose();
    },
    onError: (err) => form.setErrors(fieldErrors(err)),
  });
  const close = () => {
    add.reset();
    form.reset();
    onClose();
  };
  const orphan =
    add.isError &&
    (!isApiError(add.error) || add.error.status !== 400 || Object.keys(fieldErrors(add.error)).some((k) => !FIELDS.includes(k)));

  return (
    <Modal opened={opened} onClose={close} title={t('contact.addTitle', { client: account.name })}>
      <form onSubmit={form.onSubmit(() => add.mutate())} noValidate>
        <Stack gap="md">
          <TextInput label={t('contact.name')} required maxLength={200} data-autofocus {...form.getInputProps('name')} />
          <TextInput label={t('contact.jobTitle')} maxLength={200} {...form.getInputProps('title')} />
          <TextInput label={t('contact.email')} type="email" maxLength={254} {...form.getInputProps('email')} />
          <TextInput label={t('contact.phone')} type="tel" maxLength={40} {...form.getInputProps('phone')} />
          {orphan && <ErrorAlert error={add.error} />}
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={add.isPending}>
              {t('contact.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
