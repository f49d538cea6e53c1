import { Alert, Anchor, Button, Group, Modal, Select, Stack, Text, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { IconAlertCircle, IconInfoCircle } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { fieldErrors, isApiError } from '../../api/client';
import { useAccounts } from '../../api/clients';
import { handoverKeys, proposeHandover, useHandovers } from '../../api/handovers';
import { errorMessage } from '../../lib/errors';
import { useFormat } from '../../lib/format';
import { ErrorAlert } from '../ErrorAlert';

interface Owner {
  id: number;
  name: string;
  clients: number;
}

/** Proposes handing every client of one rep to the reps who stay, by load; a department head approves it. */
export function NewHandoverModal({ onClose, initialFrom }: { onClose: () => void; initialFrom?: number | null }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const qc = useQueryClient();
  const navigate = useNavigate();
  // Whoever owns clients can have them handed over (a rep who owns none has nothing to hand over).
  const accounts = useAccounts({});
  const proposed = useHandovers('proposed');
  const byOwner = new Map<number, Owner>();
  for (const a of accounts.data ?? []) {
    if (!a.owner) continue;
    const o = byOwner.get(a.owner.id) ?? { id: a.owner.id, name: a.owner.name, clients: 0 };
    o.clients++;
    byOwner.set(o.id, o);
  }
  const owners = [...byOwner.values()].sort((a, b) => a.name.localeCompare(b.name, fmt.locale));

  const form = useForm({
    mode: 'controlled',
    initialValues: { from: initialFrom ? String(initialFrom) : '', reason: '' },
    validate: {
      from: (v) => (v ? null : t('newHandover.repRequired')),
      reason: (v) => (v.trim() ? null : t('newHandover.reasonRequired')),
    },
  });
  const propose = useMutation({
    mutationFn: (v: { from: string; reason: string }) => proposeHandover({ from_user_id: Number(v.from), reason: v.reason.trim() }),
    onSuccess: (h) => {
      void qc.invalidateQueries({ queryKey: handoverKeys.all });
      qc.setQueryData(handoverKeys.one(h.id), h);
      notifications.show({
        color: 'green',
        title: t('newHandover.created'),
        message: t('newHandover.createdHint', { count: h.assignments?.length ?? 0, name: h.from.name }),
      });
      onClose();
      navigate(`/handovers/${h.id}`);
    },
    onError: (err) => {
      const f = fieldErrors(err);
      form.setErrors({ from: f.from_user_id, reason: f.reason });
    },
  });

  const server = fieldErrors(propose.error);
  const conflict = isApiError(propose.error) && propose.error.status === 409;
  const orphan = propose.isError && !conflict && !server.from_user_id && !server.reason;
  const from = form.getValues().from;
  const waiting = proposed.items.find((h) => String(h.from.id) === from);
  const data = owners.map((o) => ({ value: String(o.id), label: t('handovers.repOption', { name: o.name, count: o.clients }) }));
  if (initialFrom && !owners.some((o) => o.id === initialFrom) && accounts.isSuccess) {
    // Not among the first clients listed: still offered, without a count.
    data.unshift({ value: String(initialFrom), label: t('newHandover.repById', { id: initialFrom }) });
  }

  return (
    <Modal opened onClose={onClose} title={t('newHandover.title')}>
      <form onSubmit={form.onSubmit((v) => propose.mutate(v))} noValidate>
        <Stack gap="md">
          <Text size="sm" c="dimmed">
            {t('newHandover.hint')}
          </Text>
          {accounts.error ? (
            <ErrorAlert error={accounts.error} onRetry={() => void accounts.refetch()} />
          ) : (
            <Select
              label={t('newHandover.rep')}
              description={t('newHandover.repHint')}
              placeholder={accounts.isPending ? t('common.loading') : t('newHandover.repPlaceholder')}
              data={data}
              searchable
              required
              disabled={accounts.isPending}
              nothingFoundMessage={t('newHandover.noRep')}
              data-autofocus
              {...form.getInputProps('from')}
              onChange={(v) => {
                form.setFieldValue('from', v ?? '');
                propose.reset();
              }}
            />
          )}
          {accounts.isSuccess && owners.length === 0 && (
            <Text size="sm" c="orange.8">
              {t('newHandover.nobodyOwns')}
            </Text>
          )}
          {waiting && (
            <Alert color="yellow" variant="light" icon={<IconInfoCircle size={18} aria-hidden />}>
              <Text size="sm">
                {t('newHandover.alreadyProposed', { name: waiting.from.name, date: fmt.date(waiting.created_at) })}{' '}
                <Anchor component={Link} to={`/handovers/${waiting.id}`} size="sm" onClick={onClose}>
                  {t('newHandover.openIt')}
                </Anchor>
              </Text>
            </Alert>
          )}
          <Textarea
            label={t('newHandover.reason')}
            description={t('newHandover.reasonHint')}
            required
            autosize
            minRows={2}
            maxLength={2000}
            {...form.getInputProps('reason')}
          />
          {conflict && (
            <Alert color="orange" variant="light" icon={<IconAlertCircle size={18} aria-hidden />} title={t('newHandover.conflictTitle')} role="alert">
              {errorMessage(propose.error, t)}
            </Alert>
          )}
          {orphan && <ErrorAlert error={propose.error} />}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={propose.isPending}>
              {t('newHandover.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
