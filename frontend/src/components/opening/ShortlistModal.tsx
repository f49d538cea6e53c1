import { Alert, Button, Group, Modal, Radio, Select, Stack, Table, Text, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { IconInfoCircle } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldErrors } from '../../api/client';
import { shortlist } from '../../api/endpoints';
import { keys, useRejectionReasons } from '../../api/queries';
import type { ComparisonRow, ShortlistResult, Slate } from '../../api/types';
import { ErrorAlert } from '../ErrorAlert';
import { StageBadge } from '../StageBadge';

const FIELDS = ['reason', 'rest', 'reject_code', 'reject_reason'];

/**
 * The shortlist decision: the chosen candidates move to the shortlist with a reason; the others at the first
 * interview with complete results wait or are rejected (with a reason code and a reason). Shows what happened
 * to each candidate; the server refuses the decision (409) while the slate is not open.
 */
export function ShortlistModal({
  openingId,
  slate,
  selected: selectedNow,
  rest: restNow,
  onClose,
  onDone,
}: {
  openingId: number;
  slate: Slate;
  /** The candidates to shortlist, in the order shown. */
  selected: ComparisonRow[];
  /** The other candidates at the first interview with complete results. */
  rest: ComparisonRow[];
  onClose: () => void;
  /** Called once the decision is made (the comparison refreshes behind the modal). */
  onDone?: () => void;
}) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const reasons = useRejectionReasons();
  // What the user chose from, kept as it was: the comparison refreshes behind the modal once it is done.
  const [{ selected, rest }] = useState(() => ({ selected: selectedNow, rest: restNow }));
  const [results, setResults] = useState<ShortlistResult[] | null>(null);
  const form = useForm({
    mode: 'controlled',
    initialValues: { reason: '', rest: 'wait' as 'wait' | 'reject', reject_code: null as string | null, reject_reason: '' },
    validate: {
      reason: (v) => (v.trim() ? null : t('shortlist.reasonRequired')),
      reject_code: (v, values) => (values.rest !== 'reject' || v ? null : t('move.reasonCodeRequired')),
      reject_reason: (v, values) => (values.rest !== 'reject' || v.trim() ? null : t('shortlist.rejectReasonRequired')),
    },
  });
  const rejecting = form.values.rest === 'reject';
  const names = new Map([...selected, ...rest].map((r) => [r.application_id, r.name]));

  const submit = useMutation({
    mutationFn: () => {
      const v = form.getValues();
      return shortlist(openingId, {
        application_ids: selected.map((r) => r.application_id),
        reason: v.reason.trim(),
        rest: v.rest,
        reject_code: v.rest === 'reject' ? (v.reject_code ?? '') : '',
        reject_reason: v.rest === 'reject' ? v.reject_reason.trim() : '',
      });
    },
    onSuccess: (res) => {
      setResults(res);
      onDone?.();
      const moved = res.filter((r) => r.ok).length;
      notifications.show({ color: moved === res.length ? 'green' : 'yellow', message: t('shortlist.done', { count: moved }) });
    },
    onError: (err) => {
      const errs = fieldErrors(err);
      form.setErrors(Object.fromEntries(Object.entries(errs).filter(([k]) => FIELDS.includes(k))));
    },
    onSettled: () => {
      void qc.invalidateQueries({ queryKey: keys.comparisons(openingId) });
      void qc.invalidateQueries({ queryKey: ['applications'] });
      void qc.invalidateQueries({ queryKey: keys.openings });
    },
  });
  const errs = fieldErrors(submit.error);
  // A candidate the server refused (application_ids.N: not at the first interview with a complete result).
  const candidateErrs = Object.entries(errs)
    .filter(([k]) => k.startsWith('application_ids.'))
    .map(([k, v]) => t('groupInterview.candidateError', { name: selected[Number(k.split('.')[1])]?.name ?? k, message: v }));
  const showAlert = submit.isError && !FIELDS.some((f) => errs[f]);

  if (results) {
    return (
      <Modal opened onClose={onClose} title={t('shortlist.resultsTitle')} size="lg">
        <Stack gap="md">
          <Table data-testid="shortlist-results">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('compare.col.candidate')}</Table.Th>
                <Table.Th>{t('shortlist.outcome')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {results.map((r) => (
                <Table.Tr key={r.application_id}>
                  <Table.Td>{names.get(r.application_id) ?? `#${r.application_id}`}</Table.Td>
                  <Table.Td>
                    {r.ok ? (
                      <Group gap="xs">
                        <Text size="sm">{t('shortlist.movedTo')}</Text>
                        <StageBadge stage={r.to} />
                      </Group>
                    ) : (
                      <Text size="sm" c="red">
                        {t('shortlist.notMoved', { to: t(`stage.${r.to}`, { defaultValue: r.to }), message: r.problem?.detail || r.problem?.title || t('errors.generic') })}
                      </Text>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          <Group justify="flex-end">
            <Button onClick={onClose} data-autofocus>
              {t('shortlist.close')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    );
  }

  return (
    <Modal opened onClose={onClose} title={t('shortlist.title', { count: selected.length })} size="lg">
      <form onSubmit={form.onSubmit(() => submit.mutate())} noValidate>
        <Stack gap="md">
          <Text size="sm">{t('shortlist.who', { names: selected.map((r) => r.name).join(', ') })}</Text>
          {!slate.open && (
            <Alert color="yellow" variant="light" icon={<IconInfoCircle size={18} aria-hidden />}>
              {t('shortlist.slateNotOpen', { complete: slate.complete, count: slate.size })}
            </Alert>
          )}
          <Textarea
            label={t('shortlist.reason')}
            description={t('shortlist.reasonHint')}
            required
            autosize
            minRows={2}
            maxRows={8}
            maxLength={2000}
            data-autofocus
            {...form.getInputProps('reason')}
          />
          <Radio.Group label={t('shortlist.rest')} description={rest.length ? t('shortlist.restWho', { names: rest.map((r) => r.name).join(', ') }) : t('shortlist.restNone')} {...form.getInputProps('rest')}>
            <Stack gap="xs" mt="xs">
              <Radio value="wait" label={t('shortlist.restWait')} />
              <Radio value="reject" label={t('shortlist.restReject')} />
            </Stack>
          </Radio.Group>
          {rejecting && (
            <>
              <Select
                label={t('move.reasonCode')}
                required
                data={(reasons.data ?? []).map((c) => ({ value: c, label: t(`rejectionReason.${c}`, { defaultValue: c.replace(/_/g, ' ') }) }))}
                placeholder={reasons.isPending ? t('common.loading') : t('move.reasonCodePlaceholder')}
                comboboxProps={{ withinPortal: true }}
                {...form.getInputProps('reject_code')}
              />
              <Textarea
                label={t('shortlist.rejectReason')}
                description={t('move.reasonHintReject')}
                required
                autosize
                minRows={2}
                maxRows={8}
                maxLength={2000}
                {...form.getInputProps('reject_reason')}
              />
            </>
          )}
          {candidateErrs.length > 0 && <ErrorAlert message={candidateErrs.join(' ')} />}
          {showAlert && candidateErrs.length === 0 && <ErrorAlert error={submit.error} />}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={submit.isPending}>
              {t('shortlist.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
