import { Alert, Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconAlertCircle, IconPhoneCheck } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/client';
import { CALL_NOTE_MAX, careKeys, completeGreetingCall, type Greeting } from '../../api/care';
import { clientKeys } from '../../api/clients';
import { callOpensOn, callTooEarly, formatDay, greetingError, occasionName } from '../../lib/care';
import { useFormat } from '../../lib/format';

/** Records the owner's greeting call, with a note of how it went. */
export function CallDoneForm({ greeting: g, onDone, onCancel, autoFocus }: { greeting: Greeting; onDone?: () => void; onCancel?: () => void; autoFocus?: boolean }) {
  const { t, i18n } = useTranslation();
  const fmt = useFormat();
  const qc = useQueryClient();
  const [note, setNote] = useState('');
  const done = useMutation({
    mutationFn: () => completeGreetingCall(g.id, note.trim()),
    onSuccess: (next) => {
      qc.setQueryData(careKeys.greeting(g.id), next);
      void qc.invalidateQueries({ queryKey: careKeys.greetings });
      void qc.invalidateQueries({ queryKey: clientKeys.account(g.account_id) });
      notifications.show({ color: 'green', message: t('care.call.doneToast', { occasion: occasionName(g, i18n.resolvedLanguage ?? 'en'), client: g.account }) });
      setNote('');
      onDone?.();
    },
    onError: (err) => {
      // Done meanwhile (another tab, say): show it as it now stands.
      if (isApiError(err) && err.status === 409 && !callTooEarly(g)) void qc.invalidateQueries({ queryKey: careKeys.greetings });
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    done.mutate();
  };
  const early = callTooEarly(g);

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        {early && (
          <Text size="sm" c="dimmed" data-testid="call-early-hint">
            {t('care.call.earlyHint', { day: formatDay(fmt, g.day), from: formatDay(fmt, callOpensOn(g)) })}
          </Text>
        )}
        <Textarea
          label={t('care.call.note')}
          description={t('care.call.noteHint', { max: CALL_NOTE_MAX })}
          autosize
          minRows={2}
          maxRows={6}
          maxLength={CALL_NOTE_MAX}
          value={note}
          onChange={(e) => setNote(e.currentTarget.value)}
          data-autofocus={autoFocus || undefined}
        />
        {done.isError && (
          <Alert color="red" variant="light" icon={<IconAlertCircle size={18} aria-hidden />} role="alert" data-testid="call-error">
            {greetingError(done.error, g, t, fmt)}
          </Alert>
        )}
        <Group justify="flex-end" gap="sm">
          {onCancel && (
            <Button variant="default" onClick={onCancel}>
              {t('common.cancel')}
            </Button>
          )}
          <Button type="submit" color="green" leftSection={<IconPhoneCheck size={16} aria-hidden />} loading={done.isPending}>
            {t('care.call.markDone')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** The call-done form in a small modal, from a row of the greetings list. */
export function CallDoneModal({ greeting, onClose }: { greeting: Greeting | null; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const fmt = useFormat();
  return (
    <Modal
      opened={!!greeting}
      onClose={onClose}
      title={greeting ? t('care.call.modalTitle', { occasion: occasionName(greeting, i18n.resolvedLanguage ?? 'en'), client: greeting.account }) : ''}
    >
      {greeting && (
        <Stack gap="sm">
          <Text size="sm">{t('care.call.modalText', { client: greeting.account, day: formatDay(fmt, greeting.day) })}</Text>
          <CallDoneForm key={greeting.id} greeting={greeting} onDone={onClose} onCancel={onClose} autoFocus />
        </Stack>
      )}
    </Modal>
  );
}
