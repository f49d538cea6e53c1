import { Alert, Button, Group, Paper, Stack, Text, Textarea, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconAlertCircle, IconCheck, IconMessageCircle, IconX } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { decidePlan } from '../api/endpoints';
import { keys } from '../api/queries';
import type { Decision, Plan } from '../api/types';
import { errorMessage } from '../lib/errors';

/** Approve / request changes / reject, for a department head while a plan awaits a decision. */
export function DecisionPanel({ plan }: { plan: Plan }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const [comment, setComment] = useState('');
  const [commentError, setCommentError] = useState<string | null>(null);

  const decide = useMutation({
    mutationFn: (d: Decision) => decidePlan(plan.id, plan.revision, d, comment.trim()),
    onSuccess: (updated, d) => {
      qc.setQueryData(keys.plan(plan.id), updated);
      void qc.invalidateQueries({ queryKey: keys.plans });
      void qc.invalidateQueries({ queryKey: keys.openings });
      void qc.invalidateQueries({ queryKey: keys.notifications });
      setComment('');
      notifications.show({ color: 'green', message: t(`decision.done.${d}`, { title: plan.title }) });
    },
  });

  const run = (d: Decision) => {
    if (d !== 'approve' && !comment.trim()) {
      setCommentError(t('decision.commentRequired'));
      return;
    }
    setCommentError(null);
    decide.mutate(d);
  };

  const pendingDecision = decide.isPending ? decide.variables : null;

  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby="decision-heading" bg="yellow.0">
      <Stack gap="sm">
        <div>
          <Title order={2} size="h4" id="decision-heading">
            {t('decision.title')}
          </Title>
          <Text size="sm" c="dimmed">
            {t('decision.hint')}
          </Text>
        </div>
        <Textarea
          label={t('decision.comment')}
          description={t('decision.commentDescription')}
          autosize
          minRows={2}
          maxRows={8}
          value={comment}
          onChange={(e) => {
            setComment(e.currentTarget.value);
            if (commentError) setCommentError(null);
          }}
          error={commentError}
        />
        {decide.isError && (
          <Alert color="red" variant="light" icon={<IconAlertCircle size={18} aria-hidden />} role="alert">
            {errorMessage(decide.error, t)}
          </Alert>
        )}
        <Group gap="sm" wrap="wrap">
          <Button
            color="green"
            leftSection={<IconCheck size={16} aria-hidden />}
            onClick={() => run('approve')}
            loading={pendingDecision === 'approve'}
            disabled={decide.isPending && pendingDecision !== 'approve'}
          >
            {t('decision.approve')}
          </Button>
          <Button
            color="orange"
            variant="light"
            leftSection={<IconMessageCircle size={16} aria-hidden />}
            onClick={() => run('request_changes')}
            loading={pendingDecision === 'request_changes'}
            disabled={decide.isPending && pendingDecision !== 'request_changes'}
          >
            {t('decision.requestChanges')}
          </Button>
          <Button
            color="red"
            variant="light"
            leftSection={<IconX size={16} aria-hidden />}
            onClick={() => run('reject')}
            loading={pendingDecision === 'reject'}
            disabled={decide.isPending && pendingDecision !== 'reject'}
          >
            {t('decision.reject')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
