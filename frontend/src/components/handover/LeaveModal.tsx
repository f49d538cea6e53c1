import { Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { fieldErrors } from '../../api/client';
import { employeeLeaves, handoverKeys, isHandover } from '../../api/handovers';
import { teamKeys } from '../../api/team';
import { ErrorAlert } from '../ErrorAlert';

/** Records that an employee leaves: their monthly routine ends and their clients' handover is proposed. */
export function LeaveModal({ employeeId, name, onClose }: { employeeId: number; name: string; onClose: () => void }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const navigate = useNavigate();
  const form = useForm({
    mode: 'controlled',
    initialValues: { reason: '' },
    validate: { reason: (v) => (v.trim() ? null : t('leave.reasonRequired')) },
  });
  const leave = useMutation({
    mutationFn: (reason: string) => employeeLeaves(employeeId, reason),
    onSuccess: (r) => {
      void qc.invalidateQueries({ queryKey: teamKeys.employees });
      if (isHandover(r)) {
        void qc.invalidateQueries({ queryKey: handoverKeys.all });
        qc.setQueryData(handoverKeys.one(r.id), r);
        notifications.show({
          color: 'green',
          title: t('leave.recorded', { name }),
          message: t('leave.handoverProposed', { count: r.assignments?.length ?? 0 }),
        });
        onClose();
        navigate(`/handovers/${r.id}`);
        return;
      }
      notifications.show({ color: 'blue', title: t('leave.recorded', { name }), message: t('leave.noClients', { name }) });
      onClose();
    },
    onError: (err) => form.setErrors({ reason: fieldErrors(err).reason }),
  });
  const fieldOnly = !!fieldErrors(leave.error).reason;

  return (
    <Modal opened onClose={onClose} title={t('leave.title', { name })}>
      <form onSubmit={form.onSubmit((v) => leave.mutate(v.reason.trim()))} noValidate>
        <Stack gap="md">
          <Text size="sm" c="dimmed">
            {t('leave.hint', { name })}
          </Text>
          <Textarea
            label={t('leave.reason')}
            description={t('leave.reasonHint')}
            required
            autosize
            minRows={2}
            maxLength={2000}
            data-autofocus
            {...form.getInputProps('reason')}
          />
          {leave.isError && !fieldOnly && <ErrorAlert error={leave.error} />}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" color="red" loading={leave.isPending}>
              {t('leave.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
