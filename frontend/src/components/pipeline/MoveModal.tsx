import { Button, Group, Modal, Select, Stack, Text, Textarea, VisuallyHidden } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { fieldErrors, isApiError } from '../../api/client';
import { moveApplication } from '../../api/endpoints';
import { keys, useRejectionReasons } from '../../api/queries';
import type { Application, Stage } from '../../api/types';
import { ErrorAlert } from '../ErrorAlert';
import { StageBadge } from '../StageBadge';

/**
 * Asks why an application moves (every move keeps its reason) and, for a rejection, the reason code from the
 * organisation's list; then makes the move. The board and the candidate page refresh from the answer.
 */
export function MoveModal({
  app,
  to,
  reasonCode = '',
  onClose,
}: {
  app: Application;
  to: Stage;
  /** Preselects the rejection reason code (e.g. knocked_out when confirming a knock-out). */
  reasonCode?: string;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const reasons = useRejectionReasons();
  const rejecting = to === 'rejected';
  const name = app.candidate.name;
  const form = useForm({
    mode: 'controlled',
    initialValues: { reason: '', reason_code: (reasonCode || null) as string | null },
    validate: {
      reason: (v) => (v.trim() ? null : t('move.reasonRequired')),
      reason_code: (v) => (!rejecting || v ? null : t('move.reasonCodeRequired')),
    },
  });
  const move = useMutation({
    mutationFn: () => {
      const v = form.getValues();
      return moveApplication(app.id, { from: app.stage, to, reason: v.reason.trim(), reason_code: rejecting ? (v.reason_code ?? '') : '' });
    },
    onSuccess: (moved) => {
      qc.setQueryData(keys.application(moved.id), (old: Application | undefined) => (old?.timeline ? moved : old));
      // Once the board has the card in its new column, give the keyboard its grip back there.
      void qc.invalidateQueries({ queryKey: ['applications'] }).then(() =>
        requestAnimationFrame(() => {
          if (document.activeElement && document.activeElement !== document.body) return;
          document.querySelector<HTMLElement>(`[data-application-id="${moved.id}"] [aria-roledescription]`)?.focus();
        }),
      );
      void qc.invalidateQueries({ queryKey: keys.openings });
      notifications.show({ color: 'green', message: t('move.done', { name, stage: t(`stage.${to}`) }) });
      onClose();
    },
    onError: (err) => {
      form.setErrors(fieldErrors(err));
      // A refusal means the board was out of date: bring it up to date behind the modal.
      if (isApiError(err) && err.status === 409) void qc.invalidateQueries({ queryKey: ['applications'] });
    },
  });
  const errs = fieldErrors(move.error);
  const showAlert = move.isError && !errs.reason && !errs.reason_code;

  return (
    <Modal opened onClose={onClose} title={t(rejecting ? 'move.titleReject' : 'move.title', { name, stage: t(`stage.${to}`) })}>
      <form onSubmit={form.onSubmit(() => move.mutate())} noValidate>
        <Stack gap="md">
          <Group gap="xs" aria-hidden>
            <StageBadge stage={app.stage} />
            <Text size="sm">→</Text>
            <StageBadge stage={to} />
          </Group>
          <VisuallyHidden>{t('move.fromTo', { from: t(`stage.${app.stage}`), to: t(`stage.${to}`) })}</VisuallyHidden>
          {rejecting && (
            <Select
              label={t('move.reasonCode')}
              required
              data={(reasons.data ?? []).map((c) => ({ value: c, label: t(`rejectionReason.${c}`, { defaultValue: c.replace(/_/g, ' ') }) }))}
              placeholder={reasons.isPending ? t('common.loading') : t('move.reasonCodePlaceholder')}
              comboboxProps={{ withinPortal: true }}
              data-autofocus={!reasonCode || undefined}
              {...form.getInputProps('reason_code')}
            />
          )}
          <Textarea
            label={t('move.reason')}
            description={t(rejecting ? 'move.reasonHintReject' : 'move.reasonHint')}
            required
            autosize
            minRows={2}
            maxRows={8}
            maxLength={2000}
            data-autofocus={!rejecting || !!reasonCode || undefined}
            {...form.getInputProps('reason')}
          />
          {showAlert && <ErrorAlert error={move.error} />}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" color={rejecting ? 'red' : undefined} loading={move.isPending}>
              {rejecting ? t('move.reject') : t('move.submit', { stage: t(`stage.${to}`) })}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
