import { Button, Group, Modal, PasswordInput, Stack } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { fieldErrors } from '../api/client';
import { changePassword } from '../api/endpoints';
import { ErrorAlert } from './ErrorAlert';

/** Lets the signed-in user replace their password; the server ends their other sessions. */
export function ChangePasswordModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const form = useForm({
    mode: 'controlled',
    initialValues: { current: '', next: '', confirm: '' },
    validate: {
      current: (v) => (v ? null : t('password.currentRequired')),
      next: (v) => (v.length >= 10 ? null : t('users.passwordTooShort')),
      confirm: (v, values) => (v === values.next ? null : t('password.mismatch')),
    },
  });
  const close = () => {
    form.reset();
    save.reset();
    onClose();
  };
  const save = useMutation({
    mutationFn: () => changePassword(form.getValues().current, form.getValues().next),
    onSuccess: () => {
      notifications.show({ color: 'green', message: t('password.changed') });
      close();
    },
    onError: (err) => {
      const fe = fieldErrors(err);
      form.setErrors({ current: fe.current_password, next: fe.new_password });
    },
  });
  const known = save.error ? Object.keys(fieldErrors(save.error)).length > 0 : false;
  return (
    <Modal opened={opened} onClose={close} title={t('password.title')} size="sm">
      <form onSubmit={form.onSubmit(() => save.mutate())} noValidate>
        <Stack gap="md">
          <PasswordInput label={t('password.current')} required autoComplete="current-password" data-autofocus {...form.getInputProps('current')} />
          <PasswordInput label={t('password.new')} description={t('users.passwordHint')} required autoComplete="new-password" {...form.getInputProps('next')} />
          <PasswordInput label={t('password.confirm')} required autoComplete="new-password" {...form.getInputProps('confirm')} />
          {save.error && !known ? <ErrorAlert error={save.error} /> : null}
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={save.isPending}>
              {t('password.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
