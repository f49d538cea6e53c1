import {
  Alert,
  Button,
  Combobox,
  Group,
  InputBase,
  NumberInput,
  ScrollArea,
  SegmentedControl,
  Stack,
  Text,
  Textarea,
  TextInput,
  useCombobox,
} from '@mantine/core';
import { useDebouncedValue, useMediaQuery } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconCheck, IconInfoCircle } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import dayjs from 'dayjs';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldErrors, isApiError } from '../../api/client';
import {
  ACTIVITY_KINDS,
  clientKeys,
  createAccount,
  DEAL_CURRENCIES,
  logActivity,
  useAccounts,
  type Account,
  type ActivityKind,
} from '../../api/clients';
import { separators } from '../../lib/currency';
import { useFormat } from '../../lib/format';
import { useCurrentUser } from '../../lib/useCurrentUser';
import { ErrorAlert } from '../ErrorAlert';
import { KIND_ICON } from '../../lib/activity';
import { DuplicateClientAlert } from './DuplicateClientAlert';

/** What the rep typed in the client box, and the client it names once picked. */
interface ClientChoice {
  text: string;
  account: Account | null;
}

const CREATE = '$create';
/** The fields the form shows the server's 400 messages under; others go in an alert. */
const FIELDS = ['name', 'account_id', 'kind', 'amount', 'currency', 'at', 'notes'];
const norm = (s: string) => s.trim().toLocaleLowerCase();
const localInput = (d: Date) => dayjs(d).format('YYYY-MM-DDTHH:mm');

/**
 * Logs a call, a meeting or a deal in a few seconds. With `account` it logs on that client; without, the rep
 * picks one of their clients or one nobody owns yet, or types a new name and the client is added on the fly.
 * Only the owner logs work on a client; the first call with one nobody owns makes the caller its owner.
 */
export function QuickLogForm({ account: fixed, size = 'md' }: { account?: Account; size?: 'md' | 'lg' }) {
  const { t, i18n } = useTranslation();
  const fmt = useFormat();
  const me = useCurrentUser();
  const qc = useQueryClient();
  const sep = separators(i18n.resolvedLanguage ?? 'en');
  const [client, setClient] = useState<ClientChoice>({ text: '', account: null });
  const [kind, setKind] = useState<ActivityKind>('call');
  const [amount, setAmount] = useState<number | string>('');
  const [currency, setCurrency] = useState<string>('EUR');
  const [at, setAt] = useState('');
  const [notes, setNotes] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const kindId = useId();
  const narrow = useMediaQuery('(max-width: 36em)') ?? false;
  const currencyId = useId();

  // The picker: the rep's own clients and those nobody owns yet, by the name typed so far.
  const [query] = useDebouncedValue(client.account ? '' : client.text.trim(), 250);
  const mine = useAccounts({ q: query, owner: 'me' }, !fixed);
  const unowned = useAccounts({ q: query, owner: 'none' }, !fixed);
  const typed = client.account ? '' : norm(client.text);
  const match = (a: Account) => !typed || norm(a.name).includes(typed);
  const mineShown = (mine.data ?? []).filter(match);
  const unownedShown = (unowned.data ?? []).filter(match);
  const exact = typed ? [...mineShown, ...unownedShown].find((a) => norm(a.name) === typed) ?? null : null;

  const target: Account | null = fixed ?? client.account ?? exact;
  const newName = !target && client.text.trim() ? client.text.trim() : '';
  const someoneElses = !!target?.owner && target.owner.id !== me.id;
  const callOnly = !!newName || (!!target && !target.owner);
  const effectiveKind: ActivityKind = callOnly ? 'call' : kind;

  const combobox = useCombobox({ onDropdownClose: () => combobox.resetSelectedOption() });

  const submit = useMutation({
    mutationFn: async (v: { target: Account | null; newName: string; kind: ActivityKind; amount: number; currency: string; at: string; notes: string }) => {
      let acc = v.target;
      if (!acc) {
        acc = await createAccount({ name: v.newName, city: '', industry: '' });
        // Keep the new client picked even if the activity fails, so that trying again does not add it twice.
        const created = acc;
        setClient({ text: created.name, account: created });
        void qc.invalidateQueries({ queryKey: clientKeys.accounts });
      }
      const activity = await logActivity({
        account_id: acc.id,
        kind: v.kind,
        at: v.at ? new Date(v.at).toISOString() : undefined,
        amount: v.kind === 'deal_won' ? v.amount : undefined,
        currency: v.kind === 'deal_won' ? v.currency : undefined,
        notes: v.notes.trim(),
      });
      return { account: acc, activity };
    },
    onSuccess: ({ account, activity }) => {
      const claimed = !account.owner && activity.kind === 'call';
      if (!fixed) {
        const owned = claimed ? { ...account, owner: { id: me.id, name: me.name }, owner_since: activity.at } : account;
        setClient({ text: owned.name, account: owned });
      }
      setKind('call');
      setAmount('');
      setCurrency('EUR');
      setAt('');
      setNotes('');
      setErrors({});
      void qc.invalidateQueries({ queryKey: clientKeys.accounts });
      void qc.invalidateQueries({ queryKey: clientKeys.activities });
      const what = t(`activity.kind.${activity.kind}`);
      notifications.show({
        color: 'green',
        icon: <IconCheck size={18} aria-hidden />,
        title: t('quickLog.logged', { kind: what }),
        message: claimed ? t('quickLog.loggedClaimed', { client: account.name }) : t('quickLog.loggedHint', { kind: what, client: account.name }),
      });
    },
    onError: (err) => setErrors(fieldErrors(err)),
  });

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const errs: Record<string, string> = {};
    if (!target && !newName) errs.account_id = t('quickLog.clientRequired');
    if (newName && newName.length < 2) errs.account_id = t('quickLog.clientTooShort');
    const n = typeof amount === 'number' ? amount : Number.NaN;
    if (effectiveKind === 'deal_won' && !(n > 0)) errs.amount = t('quickLog.amountRequired');
    if (at && dayjs(at).isAfter(dayjs().add(5, 'minute'))) errs.at = t('quickLog.atFuture');
    if (at && dayjs(at).isBefore(dayjs().subtract(60, 'day'))) errs.at = t('quickLog.atTooOld');
    setErrors(errs);
    if (Object.keys(errs).length > 0) return;
    submit.mutate({ target, newName, kind: effectiveKind, amount: n, currency, at, notes });
  };

  const err = submit.error;
  const status = isApiError(err) ? err.status : null;
  const clientError = errors.account_id ?? errors.name;
  const orphan = submit.isError && status !== 403 && status !== 409 && !FIELDS.some((f) => errors[f]);
  const duplicate = status === 409 && isApiError(err) && err.errors.some((e) => e.field === 'name');
  const big = size === 'lg';

  const option = (a: Account) => (
    <Combobox.Option value={String(a.id)} key={a.id}>
      <Text size={size} fw={500} span>
        {a.name}
      </Text>
      {a.city && (
        <Text size="sm" c="dimmed" span>
          {` · ${a.city}`}
        </Text>
      )}
    </Combobox.Option>
  );

  let hint: string | null = null;
  if (newName) hint = t('quickLog.newClientHint', { name: newName });
  else if (target && !target.owner) hint = t('quickLog.unownedHint', { client: target.name });

  return (
    <form onSubmit={onSubmit} noValidate aria-label={fixed ? t('quickLog.formLabelFor', { client: fixed.name }) : t('quickLog.formLabel')}>
      <Stack gap={big ? 'lg' : 'md'}>
        {!fixed && (
          <Combobox
            store={combobox}
            size={size}
            onOptionSubmit={(val) => {
              if (val === CREATE) {
                setClient({ text: client.text.trim(), account: null });
              } else {
                const a = [...mineShown, ...unownedShown].find((o) => String(o.id) === val);
                if (a) setClient({ text: a.name, account: a });
              }
              setErrors((e) => ({ ...e, account_id: '', name: '' }));
              submit.reset();
              combobox.closeDropdown();
            }}
          >
            <Combobox.Target withExpandedAttribute>
              <InputBase
                label={t('quickLog.client')}
                description={t('quickLog.clientHint')}
                placeholder={t('quickLog.clientPlaceholder')}
                size={size}
                required
                autoComplete="off"
                value={client.text}
                error={clientError || undefined}
                rightSection={<Combobox.Chevron />}
                rightSectionPointerEvents="none"
                onChange={(e) => {
                  combobox.openDropdown();
                  combobox.updateSelectedOptionIndex();
                  setClient({ text: e.currentTarget.value, account: null });
                }}
                onClick={() => combobox.openDropdown()}
                onFocus={() => combobox.openDropdown()}
                onBlur={() => combobox.closeDropdown()}
              />
            </Combobox.Target>
            <Combobox.Dropdown>
              <Combobox.Options>
                <ScrollArea.Autosize mah={300} type="scroll">
                  {mineShown.length > 0 && <Combobox.Group label={t('quickLog.myClients')}>{mineShown.map(option)}</Combobox.Group>}
                  {unownedShown.length > 0 && (
                    <Combobox.Group label={t('quickLog.unownedClients')}>{unownedShown.map(option)}</Combobox.Group>
                  )}
                  {typed && !exact && (
                    <Combobox.Option value={CREATE}>
                      <Text size={size} fw={600} c="indigo" span>
                        {t('quickLog.createOption', { name: client.text.trim() })}
                      </Text>
                    </Combobox.Option>
                  )}
                  {!typed && mineShown.length === 0 && unownedShown.length === 0 && (
                    <Combobox.Empty>{mine.isPending || unowned.isPending ? t('common.loading') : t('quickLog.noClients')}</Combobox.Empty>
                  )}
                </ScrollArea.Autosize>
              </Combobox.Options>
            </Combobox.Dropdown>
          </Combobox>
        )}

        {hint && (
          <Alert color="orange" variant="light" icon={<IconInfoCircle size={18} aria-hidden />} p="sm">
            <Text size="sm">{hint}</Text>
          </Alert>
        )}

        <Stack gap={4}>
          <Text size={size === 'lg' ? 'md' : 'sm'} fw={500} id={kindId}>
            {t('quickLog.kind')}
          </Text>
          <SegmentedControl
            aria-labelledby={kindId}
            fullWidth
            size={size}
            value={effectiveKind}
            onChange={(v) => setKind(v as ActivityKind)}
            // Two by two on a phone, where four side by side would not fit their words.
            styles={{
              root: narrow ? { display: 'grid', gridTemplateColumns: '1fr 1fr', rowGap: 4 } : undefined,
              label: { whiteSpace: 'normal', lineHeight: 1.2, paddingInline: 4 },
            }}
            data={ACTIVITY_KINDS.map((k) => {
              const Icon = KIND_ICON[k];
              return {
                value: k,
                disabled: callOnly && k !== 'call',
                label: narrow ? (
                  <Group gap={6} justify="center" wrap="nowrap" py={big ? 6 : 2}>
                    <Icon size={big ? 22 : 18} aria-hidden style={{ flexShrink: 0 }} />
                    <span>{t(`activity.kind.${k}`)}</span>
                  </Group>
                ) : (
                  <Stack gap={2} align="center" py={big ? 4 : 0}>
                    <Icon size={big ? 22 : 18} aria-hidden />
                    <span>{t(`activity.kind.${k}`)}</span>
                  </Stack>
                ),
              };
            })}
          />
          {errors.kind && (
            <Text size="sm" c="red">
              {errors.kind}
            </Text>
          )}
        </Stack>

        {effectiveKind === 'deal_won' && (
          <Group align="flex-start" gap="sm" wrap="nowrap">
            <NumberInput
              label={t('quickLog.amount')}
              size={size}
              required
              min={0}
              max={10_000_000_000}
              allowNegative={false}
              decimalScale={2}
              thousandSeparator={sep.thousand}
              decimalSeparator={sep.decimal}
              inputMode="decimal"
              value={amount}
              onChange={setAmount}
              error={errors.amount || undefined}
              style={{ flex: 1, minWidth: 0 }}
            />
            <Stack gap={4}>
              <Text size={size === 'lg' ? 'md' : 'sm'} fw={500} id={currencyId}>
                {t('quickLog.currency')}
              </Text>
              <SegmentedControl
                aria-labelledby={currencyId}
                size={size}
                value={currency}
                onChange={setCurrency}
                data={DEAL_CURRENCIES.map((c) => ({ value: c, label: c }))}
              />
              {errors.currency && (
                <Text size="sm" c="red">
                  {errors.currency}
                </Text>
              )}
            </Stack>
          </Group>
        )}

        <Textarea
          label={t('quickLog.notes')}
          size={size}
          autosize
          minRows={2}
          maxRows={8}
          maxLength={2000}
          value={notes}
          onChange={(e) => setNotes(e.currentTarget.value)}
          error={errors.notes || undefined}
        />

        <TextInput
          label={t('quickLog.when')}
          description={at && dayjs(at).isValid() ? t('quickLog.whenSet', { when: fmt.dateTime(dayjs(at).toISOString()) }) : t('quickLog.whenHint')}
          size={size}
          type="datetime-local"
          value={at}
          max={localInput(new Date())}
          min={localInput(dayjs().subtract(60, 'day').toDate())}
          onChange={(e) => setAt(e.currentTarget.value)}
          error={errors.at || undefined}
        />

        {status === 403 && <ErrorAlert error={err} title={t('quickLog.notYoursTitle')} />}
        {status === 409 && !duplicate && <ErrorAlert error={err} title={t('quickLog.callFirstTitle')} />}
        {duplicate && <DuplicateClientAlert error={err} />}
        {orphan && <ErrorAlert error={err} />}

        <Button
          type="submit"
          size={big ? 'xl' : 'md'}
          fullWidth={big}
          loading={submit.isPending}
          disabled={someoneElses}
          leftSection={<IconCheck size={big ? 22 : 18} aria-hidden />}
          style={big ? undefined : { alignSelf: 'flex-start' }}
        >
          {t('quickLog.submit')}
        </Button>
      </Stack>
    </form>
  );
}
