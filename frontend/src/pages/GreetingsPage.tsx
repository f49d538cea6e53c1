import { Anchor, Button, Group, SegmentedControl, Select, Table, Text, VisuallyHidden } from '@mantine/core';
import { IconCalendarEvent, IconPhoneCheck } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { useGreetings, type Greeting } from '../api/care';
import { CallDoneModal } from '../components/care/CallDoneForm';
import { CallStatusBadge, CardsBadge } from '../components/care/CareBits';
import { DataTable } from '../components/DataTable';
import { PageHeader } from '../components/PageHeader';
import { QueryView } from '../components/QueryView';
import { addDays, callState, formatDay, occasionName, todayUTC } from '../lib/care';
import { useFormat } from '../lib/format';
import { CARE_LEADER_ROLES, hasRole } from '../lib/roles';
import { useCurrentUser } from '../lib/useCurrentUser';
import { LoadMoreOf } from '../components/LoadMore';

/** How far back the "Done" view looks. */
const DONE_DAYS = 60;

/**
 * The greeting calls to make, upcoming and overdue, by day (a rep's own; the sales leaders see every rep's, with
 * a filter by rep), and those made lately. The owner marks a call done from its row.
 */
export function GreetingsPage() {
  const { t, i18n } = useTranslation();
  const fmt = useFormat();
  const me = useCurrentUser();
  const lang = i18n.resolvedLanguage ?? 'en';
  const leader = hasRole(me, ...CARE_LEADER_ROLES);
  const [params, setParams] = useSearchParams();
  const view: 'open' | 'done' = params.get('view') === 'done' ? 'done' : 'open';
  const ownerParam = leader ? (params.get('owner') ?? '') : '';
  const [calling, setCalling] = useState<Greeting | null>(null);
  const today = todayUTC();

  const greetings = useGreetings(
    view === 'open' ? { open: true, owner: leader ? undefined : 'me' } : { from: addDays(today, -DONE_DAYS), to: addDays(today, 7), owner: leader ? undefined : 'me' },
  );
  const all = greetings.items;
  // The reps to filter by: every owner seen in the list (and the one chosen, should it have none now).
  const locale = fmt.locale;
  const owners = useMemo(() => {
    const m = new Map<number, string>();
    for (const g of all) m.set(g.owner.id, g.owner.name);
    return [...m.entries()].sort((a, b) => a[1].localeCompare(b[1], locale));
  }, [all, locale]);
  const rows = useMemo(() => {
    let r = all;
    if (view === 'done') r = r.filter((g) => g.call_done_at).sort((a, b) => b.day.localeCompare(a.day) || b.id - a.id);
    if (ownerParam) r = r.filter((g) => String(g.owner.id) === ownerParam);
    return r;
  }, [all, view, ownerParam]);
  const overdue = view === 'open' ? rows.filter((g) => callState(g, today) === 'overdue').length : 0;

  const update = (change: Record<string, string | null>) =>
    setParams(
      (p) => {
        const n = new URLSearchParams(p);
        for (const [k, v] of Object.entries(change)) {
          if (v) n.set(k, v);
          else n.delete(k);
        }
        return n;
      },
      { replace: true },
    );

  const ownerOptions = [
    { value: '', label: t('care.list.allReps') },
    ...owners.map(([id, name]) => ({ value: String(id), label: id === me.id ? t('care.list.you', { name }) : name })),
    ...(ownerParam && !owners.some(([id]) => String(id) === ownerParam) ? [{ value: ownerParam, label: t('care.list.repById', { id: ownerParam }) }] : []),
  ];

  return (
    <>
      <PageHeader
        title={t('care.list.title')}
        description={leader ? t('care.list.descriptionLeader') : t('care.list.description')}
        actions={
          <Button component={Link} to="/occasions" variant="default" leftSection={<IconCalendarEvent size={16} aria-hidden />}>
            {t('care.list.calendar')}
          </Button>
        }
      />
      <Group mb="md" align="flex-end" wrap="wrap" gap="md">
        <SegmentedControl
          aria-label={t('care.list.viewFilter')}
          value={view}
          onChange={(v) => update({ view: v === 'done' ? 'done' : null })}
          data={[
            { value: 'open', label: t('care.list.open') },
            { value: 'done', label: t('care.list.done') },
          ]}
        />
        {leader && (
          <Select
            label={t('care.list.rep')}
            data={ownerOptions}
            value={ownerParam}
            onChange={(v) => update({ owner: v || null })}
            allowDeselect={false}
            w={{ base: '100%', xs: 260 }}
          />
        )}
        {overdue > 0 && (
          <Text size="sm" c="red.8" fw={500} data-testid="overdue-count">
            {t('care.list.overdueCount', { count: overdue })}
          </Text>
        )}
      </Group>
      <QueryView
        error={greetings.query.error}
        pending={greetings.query.isPending}
        empty={rows.length === 0}
        onRetry={() => void greetings.query.refetch()}
        emptyTitle={view === 'done' ? t('care.list.emptyDone', { count: DONE_DAYS }) : t('care.list.emptyOpen')}
        emptyHint={view === 'done' ? undefined : t('care.list.emptyOpenHint')}
      >
        <div data-testid="greetings-table">
          <DataTable
            minWidth={leader ? 900 : 780}
            columns={[
              { label: t('care.list.col.day') },
              { label: t('care.list.col.client') },
              { label: t('care.list.col.occasion') },
              ...(leader ? [{ label: t('care.list.col.owner') }] : []),
              { label: t('care.list.col.call') },
              { label: t('care.list.col.cards') },
              { label: <VisuallyHidden>{t('care.list.col.actions')}</VisuallyHidden> },
            ]}
          >
            {rows.map((g) => {
              const name = occasionName(g, lang);
              return (
                <Table.Tr key={g.id} data-testid="greeting-row">
                  <Table.Td>
                    <Text size="sm" fw={500} style={{ whiteSpace: 'nowrap' }}>
                      {formatDay(fmt, g.day)}
                    </Text>
                    {(g.day === today || g.day === addDays(today, 1)) && (
                      <Text size="xs" c="dimmed">
                        {g.day === today ? t('care.list.today') : t('care.list.tomorrow')}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>
                    <Anchor component={Link} to={`/clients/${g.account_id}`} size="sm" style={{ overflowWrap: 'anywhere' }}>
                      {g.account}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>
                    <Anchor component={Link} to={`/greetings/${g.id}`} size="sm" fw={600} style={{ overflowWrap: 'anywhere' }}>
                      {name}
                    </Anchor>
                  </Table.Td>
                  {leader && (
                    <Table.Td>
                      <Text size="sm">{g.owner.id === me.id ? t('care.list.you', { name: g.owner.name }) : g.owner.name}</Text>
                    </Table.Td>
                  )}
                  <Table.Td>
                    <CallStatusBadge greeting={g} />
                  </Table.Td>
                  <Table.Td>
                    <CardsBadge greeting={g} />
                  </Table.Td>
                  <Table.Td ta="right">
                    {g.owner.id === me.id && !g.call_done_at && (
                      <Button
                        size="compact-sm"
                        variant="light"
                        color="green"
                        leftSection={<IconPhoneCheck size={14} aria-hidden />}
                        aria-label={t('care.list.callDoneFor', { occasion: name, client: g.account })}
                        onClick={() => setCalling(g)}
                      >
                        {t('care.list.callDone')}
                      </Button>
                    )}
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </DataTable>
        </div>
      </QueryView>
      <LoadMoreOf list={greetings} />
      <CallDoneModal greeting={calling} onClose={() => setCalling(null)} />
    </>
  );
}
