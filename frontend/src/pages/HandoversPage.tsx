import { Anchor, Button, Group, SegmentedControl, Table, Text } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { HANDOVER_STATUSES, useHandovers, type HandoverStatus } from '../api/handovers';
import { DataTable } from '../components/DataTable';
import { HandoverStatusBadge } from '../components/handover/HandoverStatusBadge';
import { NewHandoverModal } from '../components/handover/NewHandoverModal';
import { PageHeader } from '../components/PageHeader';
import { QueryView } from '../components/QueryView';
import { useFormat } from '../lib/format';
import { LoadMoreOf } from '../components/LoadMore';

const isStatus = (s: string | null): s is HandoverStatus => HANDOVER_STATUSES.includes(s as HandoverStatus);

/**
 * The handovers of client ownership, newest first: one owner per client, and a rep's clients move only by a
 * handover a department head approves. ?new=1 (with &from=<user id>) opens the new handover form.
 */
export function HandoversPage() {
  const { t } = useTranslation();
  const fmt = useFormat();
  const [params, setParams] = useSearchParams();
  const s = params.get('status');
  const status: HandoverStatus | '' = isStatus(s) ? s : '';
  const adding = params.get('new') === '1';
  const from = Number(params.get('from'));
  const handovers = useHandovers(status);
  const rows = handovers.items;

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

  return (
    <>
      <PageHeader
        title={t('handovers.title')}
        description={t('handovers.description')}
        actions={
          <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => update({ new: '1' })}>
            {t('handovers.new')}
          </Button>
        }
      />
      <Group mb="md">
        <SegmentedControl
          aria-label={t('handovers.statusFilter')}
          value={status}
          onChange={(v) => update({ status: v || null })}
          data={[
            { value: '', label: t('handovers.all') },
            { value: 'proposed', label: t('handovers.status.proposed') },
            { value: 'approved', label: t('handovers.status.approved') },
          ]}
        />
      </Group>
      <QueryView
        error={handovers.query.error}
        pending={handovers.query.isPending}
        empty={rows.length === 0}
        onRetry={() => void handovers.query.refetch()}
        emptyTitle={status ? t(`handovers.empty.${status}`) : t('handovers.empty.all')}
        emptyHint={t('handovers.emptyHint')}
      >
        <div data-testid="handovers-table">
          <DataTable
            minWidth={760}
            columns={[
              { label: t('handovers.col.from') },
              { label: t('handovers.col.reason') },
              { label: t('handovers.col.clients'), align: 'right' },
              { label: t('handovers.col.status') },
              { label: t('handovers.col.created') },
              { label: t('handovers.col.decided') },
            ]}
          >
            {rows.map((h) => (
              <Table.Tr key={h.id} data-testid="handover-row">
                <Table.Td>
                  <Anchor
                    component={Link}
                    to={`/handovers/${h.id}`}
                    fw={600}
                    style={{ overflowWrap: 'anywhere' }}
                    aria-label={t('handovers.open', { name: h.from.name, date: fmt.date(h.created_at) })}
                  >
                    {h.from.name}
                  </Anchor>
                </Table.Td>
                <Table.Td maw={360}>
                  <Text size="sm" lineClamp={2} title={h.reason} style={{ overflowWrap: 'anywhere' }}>
                    {h.reason}
                  </Text>
                </Table.Td>
                <Table.Td ta="right">{fmt.number(h.clients)}</Table.Td>
                <Table.Td>
                  <HandoverStatusBadge status={h.status} size="sm" />
                </Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>{fmt.date(h.created_at)}</Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>
                  {h.decided_at ? fmt.date(h.decided_at) : <Text span c="dimmed">—</Text>}
                </Table.Td>
              </Table.Tr>
            ))}
          </DataTable>
        </div>
      </QueryView>
      <LoadMoreOf list={handovers} />
      {adding && (
        <NewHandoverModal initialFrom={Number.isFinite(from) && from > 0 ? from : null} onClose={() => update({ new: null, from: null })} />
      )}
    </>
  );
}
