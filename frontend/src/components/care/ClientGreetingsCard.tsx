import { Anchor, Button, Group, Paper, Select, Stack, Switch, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { IconDeviceFloppy } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { fieldErrors, isApiError } from '../../api/client';
import { CARE_COUNTRIES, careKeys, setAccountCare } from '../../api/care';
import { clientKeys, type Account } from '../../api/clients';
import { formatDay, occasionName, todayUTC, useMayCare } from '../../lib/care';
import { useFormat } from '../../lib/format';
import { ErrorAlert } from '../ErrorAlert';
import { CallStatusBadge } from './CareBits';

/** How many greetings the timeline shows before "Show all". */
const SHOWN = 6;
const FIELDS = ['country', 'founded_on', 'greetings_opt_out'];

/** A client's greetings: whose holidays, its founding day, its opt-out, and the timeline of its greetings. */
export function ClientGreetingsCard({ account }: { account: Account }) {
  const { t } = useTranslation();
  const mayCare = useMayCare(account);
  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby="client-greetings">
      <Title order={2} size="h4" id="client-greetings" mb="md">
        {t('care.client.title')}
      </Title>
      <Stack gap="lg">
        {mayCare ? (
          <CareSettingsForm key={`${account.id}|${account.country}|${account.founded_on ?? ''}|${account.greetings_opt_out}`} account={account} />
        ) : (
          <CareSettingsView account={account} />
        )}
        <GreetingsTimeline account={account} />
      </Stack>
    </Paper>
  );
}

function CareSettingsView({ account }: { account: Account }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  return (
    <Stack gap={4} data-testid="care-settings">
      <Text size="sm">{t('care.client.countryIs', { country: t(`care.country.${account.country}`, { defaultValue: account.country }) })}</Text>
      <Text size="sm">{account.founded_on ? t('care.client.foundedIs', { day: formatDay(fmt, account.founded_on) }) : t('care.client.foundedUnknown')}</Text>
      {account.greetings_opt_out && (
        <Text size="sm" c="orange.8">
          {t('care.client.optedOut')}
        </Text>
      )}
    </Stack>
  );
}

function CareSettingsForm({ account }: { account: Account }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const today = todayUTC();
  const initial = {
    country: CARE_COUNTRIES.some((c) => c === account.country) ? account.country : 'AL',
    founded_on: account.founded_on ?? '',
    greetings_opt_out: account.greetings_opt_out,
  };
  const form = useForm({
    mode: 'controlled',
    initialValues: initial,
    validate: {
      founded_on: (v) => (v && v > today ? t('care.client.foundedFuture') : null),
    },
  });
  const save = useMutation({
    mutationFn: () => setAccountCare(account.id, form.getValues()),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: clientKeys.account(account.id) });
      void qc.invalidateQueries({ queryKey: careKeys.greetings });
      notifications.show({ color: 'green', message: t('care.client.saved', { client: account.name }) });
    },
    onError: (err) => form.setErrors(fieldErrors(err)),
  });
  const v = form.getValues();
  const dirty = v.country !== initial.country || v.founded_on !== initial.founded_on || v.greetings_opt_out !== initial.greetings_opt_out;
  const orphan =
    save.isError && (!isApiError(save.error) || save.error.status !== 400 || Object.keys(fieldErrors(save.error)).some((k) => !FIELDS.includes(k)));

  return (
    <form onSubmit={form.onSubmit(() => save.mutate())} noValidate data-testid="care-settings">
      <Stack gap="sm">
        <Select
          label={t('care.client.country')}
          description={t('care.client.countryHint')}
          data={CARE_COUNTRIES.map((c) => ({ value: c, label: t(`care.country.${c}`) }))}
          allowDeselect={false}
          {...form.getInputProps('country')}
        />
        <TextInput label={t('care.client.foundedOn')} description={t('care.client.foundedOnHint')} type="date" max={today} {...form.getInputProps('founded_on')} />
        <Switch
          label={t('care.client.optOut')}
          description={t('care.client.optOutHint')}
          {...form.getInputProps('greetings_opt_out', { type: 'checkbox' })}
        />
        {orphan && <ErrorAlert error={save.error} />}
        <Group justify="flex-end">
          <Button type="submit" size="compact-md" variant="light" leftSection={<IconDeviceFloppy size={16} aria-hidden />} loading={save.isPending} disabled={!dirty}>
            {t('care.client.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function GreetingsTimeline({ account }: { account: Account }) {
  const { t, i18n } = useTranslation();
  const fmt = useFormat();
  const [all, setAll] = useState(false);
  const greetings = [...(account.greetings ?? [])].sort((a, b) => b.day.localeCompare(a.day) || b.id - a.id);
  const shown = all ? greetings : greetings.slice(0, SHOWN);
  const lang = i18n.resolvedLanguage ?? 'en';

  return (
    <Stack gap="xs">
      <Text size="sm" fw={600}>
        {t('care.client.timeline')}
      </Text>
      {greetings.length === 0 ? (
        <Text size="sm" c="dimmed">
          {account.greetings_opt_out ? t('care.client.noGreetingsOptedOut') : t('care.client.noGreetings')}
        </Text>
      ) : (
        <Stack gap="sm" component="ul" style={{ listStyle: 'none', margin: 0, padding: 0 }} data-testid="client-greetings-timeline">
          {shown.map((g) => (
            <li key={g.id}>
              <Group justify="space-between" gap={4} wrap="nowrap" align="flex-start">
                <div style={{ minWidth: 0 }}>
                  <Anchor component={Link} to={`/greetings/${g.id}`} size="sm" fw={600} style={{ overflowWrap: 'anywhere' }}>
                    {occasionName(g, lang)}
                  </Anchor>
                  <Text size="xs" c="dimmed">
                    {formatDay(fmt, g.day)}
                    {' · '}
                    {g.cards_sent_at ? t('care.client.cardsSent') : t('care.client.cardsPending')}
                  </Text>
                </div>
                <CallStatusBadge greeting={g} />
              </Group>
            </li>
          ))}
        </Stack>
      )}
      {greetings.length > SHOWN && (
        <Button variant="subtle" size="compact-sm" onClick={() => setAll((a) => !a)} style={{ alignSelf: 'flex-start' }}>
          {all ? t('care.client.showFewer') : t('care.client.showAll', { count: greetings.length })}
        </Button>
      )}
    </Stack>
  );
}
