import { ActionIcon, Badge, Button, Group, Modal, Select, SimpleGrid, Stack, Text, TextInput, Tooltip } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { IconCake, IconPencil } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldErrors, isApiError } from '../../api/client';
import { CARD_LOCALES, careKeys, updateContact } from '../../api/care';
import { clientKeys, type Account, type Contact } from '../../api/clients';
import { dayOf, formatDay, formatDayMonth, todayUTC, useMayCare } from '../../lib/care';
import { useFormat } from '../../lib/format';
import { ErrorAlert } from '../ErrorAlert';

const FIELDS = ['name', 'title', 'email', 'phone', 'locale', 'birthday', 'name_day'];

/**
 * A contact's name on the client page, with what client care knows of them: the language of their cards, their
 * birthday and name day, whether they unsubscribed; the client's owner and the sales leaders edit them.
 */
export function ContactHeading({ account, contact: c }: { account: Account; contact: Contact }) {
  const { t, i18n } = useTranslation();
  const fmt = useFormat();
  const mayCare = useMayCare(account);
  const [editing, setEditing] = useState(false);
  const days = [
    c.birthday ? t('care.contact.birthdayOn', { day: formatDay(fmt, dayOf(c.birthday)) }) : '',
    c.name_day ? t('care.contact.nameDayOn', { day: formatDayMonth(t, i18n.resolvedLanguage ?? 'en', dayOf(c.name_day)) }) : '',
  ].filter(Boolean);

  return (
    <>
      <Group gap={6} wrap="nowrap" justify="space-between" align="flex-start">
        <Group gap={6} wrap="wrap" style={{ minWidth: 0 }}>
          <Text fw={600} size="sm" style={{ overflowWrap: 'anywhere' }}>
            {c.name}
          </Text>
          {c.locale && (
            <Tooltip label={t('care.contact.cardsIn', { language: t(`care.locale.${c.locale}`, { defaultValue: c.locale }) })} withArrow>
              <Badge size="xs" variant="outline" color="gray">
                {c.locale}
              </Badge>
            </Tooltip>
          )}
          {c.unsubscribed_at && (
            <Tooltip label={t('care.contact.unsubscribedOn', { day: fmt.date(c.unsubscribed_at) })} withArrow>
              <Badge size="xs" variant="light" color="orange" tt="none" data-testid="contact-unsubscribed">
                {t('care.contact.unsubscribed')}
              </Badge>
            </Tooltip>
          )}
        </Group>
        {mayCare && (
          <ActionIcon variant="subtle" size="sm" onClick={() => setEditing(true)} aria-label={t('care.contact.edit', { name: c.name })}>
            <IconPencil size={14} aria-hidden />
          </ActionIcon>
        )}
      </Group>
      {days.length > 0 && (
        <Group gap={4} wrap="nowrap">
          <IconCake size={14} aria-hidden />
          <Text size="xs" c="dimmed">
            {days.join(' · ')}
          </Text>
        </Group>
      )}
      {/* Mounted while open: the form starts from what the server holds each time. */}
      {mayCare && editing && <EditContactModal account={account} contact={c} opened onClose={() => setEditing(false)} />}
    </>
  );
}

function EditContactModal({ account, contact: c, opened, onClose }: { account: Account; contact: Contact; opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const today = todayUTC();
  const form = useForm({
    mode: 'controlled',
    initialValues: {
      name: c.name,
      title: c.title,
      email: c.email,
      phone: c.phone,
      locale: c.locale === 'en' ? 'en' : 'sq',
      birthday: dayOf(c.birthday),
      name_day: dayOf(c.name_day),
    },
    validate: {
      name: (v) => (v.trim() ? null : t('contact.nameRequired')),
      email: (v) => (!v.trim() || /^\S+@\S+\.\S+$/.test(v.trim()) ? null : t('contact.emailInvalid')),
      birthday: (v) => (v && v > today ? t('care.contact.birthdayFuture') : null),
    },
  });
  const save = useMutation({
    mutationFn: () => {
      const v = form.getValues();
      return updateContact(c.id, { ...v, name: v.name.trim(), title: v.title.trim(), email: v.email.trim(), phone: v.phone.trim() });
    },
    onSuccess: (next) => {
      void qc.invalidateQueries({ queryKey: clientKeys.account(account.id) });
      void qc.invalidateQueries({ queryKey: careKeys.greetings });
      notifications.show({ color: 'green', message: t('care.contact.saved', { name: next.name }) });
      onClose();
    },
    onError: (err) => form.setErrors(fieldErrors(err)),
  });
  const orphan =
    save.isError && (!isApiError(save.error) || save.error.status !== 400 || Object.keys(fieldErrors(save.error)).some((k) => !FIELDS.includes(k)));

  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={t('care.contact.editTitle', { name: c.name, client: account.name })}
      size="lg"
    >
      <form onSubmit={form.onSubmit(() => save.mutate())} noValidate>
        <Stack gap="md">
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput label={t('contact.name')} required maxLength={200} data-autofocus {...form.getInputProps('name')} />
            <TextInput label={t('contact.jobTitle')} maxLength={200} {...form.getInputProps('title')} />
            <TextInput label={t('contact.email')} type="email" maxLength={254} {...form.getInputProps('email')} />
            <TextInput label={t('contact.phone')} type="tel" maxLength={40} {...form.getInputProps('phone')} />
            <Select
              label={t('care.contact.language')}
              description={t('care.contact.languageHint')}
              data={CARD_LOCALES.map((l) => ({ value: l, label: t(`care.locale.${l}`) }))}
              allowDeselect={false}
              {...form.getInputProps('locale')}
            />
            <div />
            <TextInput label={t('care.contact.birthday')} type="date" max={today} {...form.getInputProps('birthday')} />
            <TextInput label={t('care.contact.nameDay')} description={t('care.contact.nameDayHint')} type="date" {...form.getInputProps('name_day')} />
          </SimpleGrid>
          {c.unsubscribed_at && (
            <Text size="sm" c="orange.8">
              {t('care.contact.unsubscribedNote')}
            </Text>
          )}
          {orphan && <ErrorAlert error={save.error} />}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
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
