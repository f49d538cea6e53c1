import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../api/client';
import { moveApplication } from '../api/endpoints';
import type { Application, Stage } from '../api/types';
import { MoveModal } from '../components/pipeline/MoveModal';
import { errorMessage } from './errors';

interface Pending {
  app: Application;
  to: Stage;
  reasonCode?: string;
}

/**
 * Moving an application, the way the API decides it: a move the application allows now asks for its reason
 * in a modal and is then made; any other move is sent as it is, and the server's refusal ("Cannot skip
 * questionnaire: ...") is shown, so the user learns the rule in the server's words. Returns request() and
 * the modal to render.
 */
export function useMoveFlow(): {
  request: (app: Application, to: Stage, reasonCode?: string) => void;
  modal: ReactNode;
  checking: boolean;
} {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const [pending, setPending] = useState<Pending | null>(null);

  // The server checks a move's legality before its reason, so an illegal one is refused with an empty reason.
  const probe = useMutation({
    mutationFn: (p: Pending) => moveApplication(p.app.id, { from: p.app.stage, to: p.to, reason: '', reason_code: '' }),
    onError: (err, p) => {
      if (isApiError(err) && err.status === 400) {
        // Legal after all (the board was out of date): ask for the reason.
        setPending(p);
        return;
      }
      notifications.show({
        color: 'red',
        title: t('move.refused', { name: p.app.candidate.name }),
        message: errorMessage(err, t),
        autoClose: 10_000,
      });
      void qc.invalidateQueries({ queryKey: ['applications'] });
    },
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: ['applications'] });
    },
  });

  const request = (app: Application, to: Stage, reasonCode?: string) => {
    if (to === app.stage) return;
    if (app.allowed_moves.includes(to)) setPending({ app, to, reasonCode });
    else probe.mutate({ app, to });
  };

  const modal = pending ? (
    <MoveModal
      key={`${pending.app.id}-${pending.to}`}
      app={pending.app}
      to={pending.to}
      reasonCode={pending.reasonCode}
      onClose={() => setPending(null)}
    />
  ) : null;

  return { request, modal, checking: probe.isPending };
}
