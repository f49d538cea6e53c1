import { Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldErrors } from '../api/client';
import { decideOpening } from '../api/endpoints';
import { keys } from '../api/queries';
import type { Opening, OpeningDecision } from '../api/types';
import { ErrorAlert } from './ErrorAlert';

/** A department head approves or rejects an opening a recruiter added; a rejection says why. */
export function OpeningDecisionModal({
  opening,
  decision,
  onClose,
}: {
  opening: Opening;
  decision: OpeningDecision;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const [comment, setComment] = useState('');
  const [commentError, setCommentError] = useState<string | null>(null);
  const decide = useMutation({
    mutationFn: () => decideOpening(opening.id, decision, comment.trim()),
    onSuccess: (o) => {
      qc.setQueryData(keys.opening(o.id), o);
      void qc.invalidateQueries({ queryKey: keys.openings });
      notifications.show({ color: 'green', message: t(`openingDecision.done.${decision}`, { title: o.title }) });
      onClose();
    },
    onError: (err) => setCommentError(fieldErrors(err).comment ?? null),
  });
  const submit = () => {
    if (decision === 'reject' && !comment.trim()) {
      setCommentError(t('openingDecision.commentRequired'));
      return;
    }
    setCommentError(null);
    decide.mutate();
  };
  const showError = decide.isError && !fieldErrors(decide.error).comment;
  return (
    <Modal opened onClose={onClose} title={t(`openingDecision.title.${decision}`, { title: opening.title })}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
        noValidate
      >
        <Stack gap="md">
          <Text size="sm" c="dimmed">
            {t(`openingDecision.hint.${decision}`)}
          </Text>
          <Textarea
            label={t('openingDecision.comment')}
            required={decision === 'reject'}
            autosize
            minRows={2}
            maxRows={8}
            maxLength={4000}
            data-autofocus
            value={comment}
            onChange={(e) => {
              setComment(e.currentTarget.value);
              if (commentError) setCommentError(null);
            }}
            error={commentError}
          />
          {showError && <ErrorAlert error={decide.error} />}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" color={decision === 'reject' ? 'red' : 'green'} loading={decide.isPending}>
              {t(`openingDecision.${decision}`)}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
