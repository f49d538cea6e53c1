import { Button, Group, Modal, Select, SimpleGrid, Stack, Switch, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { fieldErrors, isApiError } from '../../api/client';
import { addOccasion, careKeys, OCCASION_THEMES } from '../../api/care';
import { ErrorAlert } from '../ErrorAlert';

const FIELDS = ['name', 'name_sq', 'date', 'yearly', 'theme'];

/** Adds one of the company's own occasions to the calendar (admins): every client is greeted on it. */
export function AddOccasionModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const form = useForm({
    mode: 'controlled',
    initialValues: { name: '', name_sq: '', date: '', yearly: true, theme: 'general' },
    validate: {
      name: (v) => (v.trim() ? null : t('care.occasions.form.nameRequired')),
      name_sq: (v) => (v.trim() ? null : t('care.occasions.form.nameSqRequired')),
      date: (v) => (/^\d{4}-\d{2}-\d{2}$/.test(v) ? null : t('care.occasions.form.dateRequired')),
    },
  });
  const add = useMutation({
    mutationFn: () => {
      const v = form.getValues();
      return addOccasion({ name: v.name.trim(), name_sq: v.name_sq.trim(), date: v.date, yearly: v.yearly, theme: v.theme });
    },
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: careKeys.occasions });
      notifications.show({ color: 'green', message: t('care.occasions.form.added', { name: form.getValues().name.trim() }) });
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
    add.isError && (!isApiError(add.error) || add.error.status !== 400 || Object.keys(fieldErrors(add.error)).some((k) => !FIELDS.includes(k)));

  return (
    <Modal opened={opened} onClose={close} title={t('care.occasions.form.title')} size="lg">
      <form onSubmit={form.onSubmit(() => add.mutate())} noValidate>
        <Stack gap="md">
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput label={t('care.occasions.form.name')} required maxLength={120} data-autofocus {...form.getInputProps('name')} />
            <TextInput label={t('care.occasions.form.nameSq')} required maxLength={120} {...form.getInputProps('name_sq')} />
            <TextInput label={t('care.occasions.form.date')} type="date" required {...form.getInputProps('date')} />
            <Select
              label={t('care.occasions.form.theme')}
              description={t('care.occasions.form.themeHint')}
              data={OCCASION_THEMES.map((th) => ({ value: th, label: t(`care.theme.${th}`) }))}
              allowDeselect={false}
              {...form.getInputProps('theme')}
            />
          </SimpleGrid>
          <Switch
            label={t('care.occasions.form.yearly')}
            description={t('care.occasions.form.yearlyHint')}
            {...form.getInputProps('yearly', { type: 'checkbox' })}
          />
          {orphan && <ErrorAlert error={add.error} />}
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={add.isPending}>
              {t('care.occasions.form.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
