import { Alert, Anchor, Breadcrumbs, Button, Group, Modal, Paper, Select, Skeleton, Stack, Table, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconArrowsExchange, IconCircleCheck, IconDeviceFloppy } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useMemo, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { fieldErrors, isApiError } from '../api/client';
import { clientKeys } from '../api/clients';
import { approveHandover, handoverKeys, updateHandover, useHandover, type Assignment, type Handover } from '../api/handovers';
import { useTeam } from '../api/queries';
import { DataTable } from '../components/DataTable';
import { ErrorAlert } from '../components/ErrorAlert';
import { HandoverStatusBadge } from '../components/handover/HandoverStatusBadge';
import { PageHeader } from '../components/PageHeader';
import { useFormat } from '../lib/format';
import { hasRole } from '../lib/roles';
import { useCurrentUser } from '../lib/useCurrentUser';

function Section({ title, id, children }: { title: string; id: string; children: ReactNode }) {
  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby={id}>
      <Title order={2} size="h4" id={id} mb="md">
        {title}
      </Title>
      {children}
    </Paper>
  );
}

/** One handover: the leaving rep's clients, each with its new owner; adjusted, then approved by a department head. */
export function HandoverPage() {
  const { id } = useParams();
  const query = useHandover(Number(id));
  const { t } = useTranslation();
  const h = query.data;

  const crumbs = (
    <Breadcrumbs mb="sm" aria-label={t('common.breadcrumbs')}>
      <Anchor component={Link} to="/handovers" size="sm">
        {t('handovers.title')}
      </Anchor>
      <Text size="sm">{h?.from.name ?? '…'}</Text>
    </Breadcrumbs>
  );
  if (query.error && !h) {
    return (
      <>
        {crumbs}
        <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />
      </>
    );
  }
  if (!h) {
    return (
      <>
        {crumbs}
        <Skeleton height={40} mb="md" />
        <Skeleton height={240} />
      </>
    );
  }
  // Keyed by the handover and its status: the choices start again from what the server holds.
  return (
    <>
      {crumbs}
      <HandoverView key={`${h.id}-${h.status}`} handover={h} />
    </>
  );
}

function HandoverView({ handover: h }: { handover: Handover }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const me = useCurrentUser();
  const qc = useQueryClient();
  const team = useTeam();
  const proposed = h.status === 'proposed';
  const canApprove = hasRole(me, 'department_head');
  const assignments = useMemo(() => h.assignments ?? [], [h.assignments]);
  const reps = useMemo(() => [...(h.reps ?? [])].sort((a, b) => a.name.localeCompare(b.name, fmt.locale)), [h.reps, fmt.locale]);
  // The new owner chosen for each client (account ID -> user ID as a string; null when cleared).
  const [picks, setPicks] = useState<Record<number, string | null>>(() =>
    Object.fromEntries(assignments.map((a) => [a.account_id, String(a.to_user_id)])),
  );
  const [missing, setMissing] = useState<Set<number>>(new Set());
  const [confirming, setConfirming] = useState(false);

  const names = useMemo(() => {
    const m = new Map<number, string>();
    for (const p of team.data ?? []) m.set(p.id, p.name);
    for (const r of h.reps ?? []) m.set(r.user_id, r.name);
    m.set(h.from.id, h.from.name);
    m.set(me.id, me.name);
    return m;
  }, [team.data, h.reps, h.from, me]);
  const clientName = (accountId: number) => h.account_names[String(accountId)] ?? t('handover.clientById', { id: accountId });
  const personName = (userId: number | null) => (userId == null ? null : names.get(userId) ?? null);

  const dirty = assignments.some((a) => picks[a.account_id] !== String(a.to_user_id));
  const chosen = (): Assignment[] | null => {
    const gaps = new Set(assignments.filter((a) => !picks[a.account_id]).map((a) => a.account_id));
    setMissing(gaps);
    if (gaps.size > 0) return null;
    return assignments.map((a) => ({ account_id: a.account_id, to_user_id: Number(picks[a.account_id]) }));
  };

  const save = useMutation({
    mutationFn: (as: Assignment[]) => updateHandover(h.id, as),
    onSuccess: (next) => {
      qc.setQueryData(handoverKeys.one(h.id), next);
      void qc.invalidateQueries({ queryKey: handoverKeys.all });
    },
  });
  const approve = useMutation({
    mutationFn: async (as: Assignment[] | null) => {
      // Unsaved choices are saved first, so what is approved is what the page shows.
      if (as) await save.mutateAsync(as);
      return approveHandover(h.id);
    },
    onSuccess: (next) => {
      setConfirming(false);
      qc.setQueryData(handoverKeys.one(h.id), next);
      void qc.invalidateQueries({ queryKey: handoverKeys.all });
      void qc.invalidateQueries({ queryKey: clientKeys.accounts });
      notifications.show({ color: 'green', message: t('handover.approvedToast', { count: next.assignments?.length ?? 0, name: h.from.name }) });
    },
    onError: () => setConfirming(false),
  });
  const saveNow = () => {
    const as = chosen();
    if (!as) return;
    save
      .mutateAsync(as)
      .then(() => notifications.show({ color: 'green', message: t('handover.saved') }))
      .catch(() => undefined); // shown beside the rows or in the alert below them
  };
  const startApprove = () => {
    if (dirty && !chosen()) return;
    approve.reset();
    setConfirming(true);
  };

  const errs = fieldErrors(save.error);
  const rowError = (i: number, accountId: number) =>
    errs[`assignments.${i}.to_user_id`] ?? errs[`assignments.${i}.account_id`] ?? (missing.has(accountId) ? t('handover.ownerRequired') : undefined);
  const saveAlert = save.isError && (!isApiError(save.error) || save.error.status !== 400 || !Object.keys(errs).some((k) => k.startsWith('assignments.')));
  const approveAlert = approve.isError && (!isApiError(approve.error) || approve.error.status !== 400) && approve.error !== save.error;

  // The load of each rep who stays: now, what this handover gives them, and after.
  const received = new Map<number, number>();
  for (const a of assignments) {
    const to = Number(picks[a.account_id]);
    if (to) received.set(to, (received.get(to) ?? 0) + 1);
  }
  const options = reps.map((r) => ({ value: String(r.user_id), label: t('handovers.repOption', { name: r.name, count: r.accounts }) }));
  const optionsFor = (value: string | null) =>
    !value || options.some((o) => o.value === value)
      ? options
      : [{ value, label: t('handover.notActiveRep', { name: personName(Number(value)) ?? t('handover.userById', { id: value }) }) }, ...options];

  const created = t('handover.proposedOn', { date: fmt.dateTime(h.created_at) });
  const createdBy = personName(h.created_by);

  return (
    <>
      <PageHeader
        title={t('handover.title', { name: h.from.name })}
        badge={<HandoverStatusBadge status={h.status} />}
        description={createdBy ? t('handover.proposedBy', { when: created, name: createdBy }) : created}
      />
      <Stack gap="lg">
        <Paper withBorder radius="md" p="md">
          <Text size="sm" fw={600} mb={4}>
            {t('handover.reason')}
          </Text>
          <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }} data-testid="handover-reason">
            {h.reason}
          </Text>
        </Paper>
        {proposed ? (
          <Text size="sm" c="dimmed">
            {t('handover.proposedHint')}
          </Text>
        ) : (
          <Alert color="green" variant="light" icon={<IconCircleCheck size={18} aria-hidden />} title={t('handover.approvedTitle')} data-testid="handover-approved">
            {t('handover.approvedText', {
              name: personName(h.decided_by) ?? t('handover.aDepartmentHead'),
              date: h.decided_at ? fmt.dateTime(h.decided_at) : '—',
            })}
          </Alert>
        )}

        <Section title={t('handover.clients', { count: assignments.length })} id="handover-clients">
          <div data-testid="handover-clients">
            <DataTable minWidth={560} columns={[{ label: t('handover.col.client') }, { label: t('handover.col.newOwner') }]}>
              {assignments.map((a, i) => {
                const value = picks[a.account_id] ?? null;
                const name = clientName(a.account_id);
                return (
                  <Table.Tr key={a.account_id} data-testid="handover-client-row">
                    <Table.Td>
                      <Anchor component={Link} to={`/clients/${a.account_id}`} fw={600} style={{ overflowWrap: 'anywhere' }}>
                        {name}
                      </Anchor>
                    </Table.Td>
                    <Table.Td miw={260}>
                      {proposed ? (
                        <Select
                          aria-label={t('handover.newOwnerOf', { client: name })}
                          data={optionsFor(value)}
                          value={value}
                          onChange={(v) => {
                            setPicks((p) => ({ ...p, [a.account_id]: v }));
                            setMissing((m) => {
                              const n = new Set(m);
                              n.delete(a.account_id);
                              return n;
                            });
                          }}
                          placeholder={t('handover.chooseOwner')}
                          searchable
                          allowDeselect={false}
                          error={rowError(i, a.account_id)}
                        />
                      ) : (
                        <Text size="sm" fw={500}>
                          {personName(a.to_user_id) ?? t('handover.userById', { id: a.to_user_id })}
                        </Text>
                      )}
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </DataTable>
          </div>
        </Section>

        {saveAlert && <ErrorAlert error={save.error} message={errs.assignments} />}
        {approveAlert && <ErrorAlert error={approve.error} title={t('handover.approveFailed')} />}

        {proposed && (
          <Stack gap="xs">
            <Group gap="sm" wrap="wrap">
              <Button variant="default" leftSection={<IconDeviceFloppy size={16} aria-hidden />} onClick={saveNow} loading={save.isPending && !approve.isPending} disabled={!dirty}>
                {t('handover.save')}
              </Button>
              <Button leftSection={<IconArrowsExchange size={16} aria-hidden />} onClick={startApprove} disabled={!canApprove || approve.isPending}>
                {t('handover.approve')}
              </Button>
            </Group>
            {!canApprove && (
              <Text size="sm" c="dimmed" data-testid="approve-explanation">
                {t('handover.onlyHeadApproves')}
              </Text>
            )}
            {dirty && (
              <Text size="sm" c="orange.8">
                {t('handover.unsaved')}
              </Text>
            )}
          </Stack>
        )}

        <Section title={proposed ? t('handover.loadAfter') : t('handover.loadNow')} id="handover-load">
          {reps.length === 0 ? (
            <Text size="sm" c="dimmed">
              {t('handover.noReps')}
            </Text>
          ) : (
            <div data-testid="handover-load">
              <DataTable
                minWidth={420}
                columns={
                  proposed
                    ? [
                        { label: t('handover.col.rep') },
                        { label: t('handover.col.now'), align: 'right' },
                        { label: t('handover.col.receives'), align: 'right' },
                        { label: t('handover.col.after'), align: 'right' },
                      ]
                    : [
                        { label: t('handover.col.rep') },
                        { label: t('handover.col.now'), align: 'right' },
                        { label: t('handover.col.received'), align: 'right' },
                      ]
                }
              >
                {reps.map((r) => {
                  const n = received.get(r.user_id) ?? 0;
                  return (
                    <Table.Tr key={r.user_id} fw={n > 0 ? 600 : undefined} c={n > 0 ? undefined : 'dimmed'}>
                      <Table.Td>{r.name}</Table.Td>
                      <Table.Td ta="right">{fmt.number(r.accounts)}</Table.Td>
                      <Table.Td ta="right">{n > 0 ? `+${fmt.number(n)}` : '—'}</Table.Td>
                      {proposed && <Table.Td ta="right">{fmt.number(r.accounts + n)}</Table.Td>}
                    </Table.Tr>
                  );
                })}
              </DataTable>
            </div>
          )}
          {!proposed && (
            <Text size="xs" c="dimmed" mt="xs">
              {t('handover.loadNowHint')}
            </Text>
          )}
        </Section>
      </Stack>

      <Modal opened={confirming} onClose={() => setConfirming(false)} title={t('handover.confirmTitle')}>
        <Stack gap="md">
          <Text size="sm">{t('handover.confirmText', { count: assignments.length, name: h.from.name })}</Text>
          {dirty && (
            <Text size="sm" c="orange.8">
              {t('handover.confirmSavesFirst')}
            </Text>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setConfirming(false)}>
              {t('common.cancel')}
            </Button>
            <Button
              leftSection={<IconArrowsExchange size={16} aria-hidden />}
              loading={approve.isPending}
              onClick={() => {
                const as = dirty ? chosen() : null;
                if (dirty && !as) setConfirming(false);
                else approve.mutate(as);
              }}
            >
              {t('handover.confirmApprove', { count: assignments.length })}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}
