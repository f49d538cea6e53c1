import { Anchor, Badge, Group, Select, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { OFFER_STATUSES, useOffers, type Offer } from '../api/offers';
import { DataTable } from '../components/DataTable';
import { LoadMoreOf } from '../components/LoadMore';
import { PageHeader } from '../components/PageHeader';
import { QueryView } from '../components/QueryView';
import { OfferStatusBadge } from '../components/offer/OfferBits';
import { useFormat } from '../lib/format';
import { rampSummary } from '../lib/payPlan';
import { hasRole } from '../lib/roles';
import { useCurrentUser } from '../lib/useCurrentUser';
import { waitingFor } from '../lib/age';

function OffersTable({ rows, waiting, testId }: { rows: Offer[]; waiting?: boolean; testId: string }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const navigate = useNavigate();
  return (
    <div data-testid={testId}>
      <DataTable
        minWidth={860}
        columns={[
          { label: t('offers.col.candidate') },
          { label: t('offers.col.opening') },
          { label: t('offers.col.status') },
          { label: t('offers.col.start') },
          { label: t('offers.col.pay') },
          { label: t('offers.col.approvals'), align: 'right' },
          { label: waiting ? t('offers.col.waiting') : t('offers.col.created') },
        ]}
      >
        {rows.map((o) => {
          const approved = (o.approvals ?? []).filter((a) => a.decision === 'approve').length;
          const age = waitingFor(o.created_at);
          return (
            <Table.Tr key={o.id} style={{ cursor: 'pointer' }} onClick={() => navigate(`/offers/${o.id}`)} data-testid="offer-row">
              <Table.Td>
                <Anchor component={Link} to={`/offers/${o.id}`} fw={600} onClick={(e) => e.stopPropagation()}>
                  {o.candidate.name}
                </Anchor>
                {o.version > 1 && (
                  <Text size="xs" c="dimmed">
                    {t('offer.version', { n: o.version })}
                  </Text>
                )}
              </Table.Td>
              <Table.Td>{o.opening_title}</Table.Td>
              <Table.Td>
                <Group gap={4} wrap="nowrap">
                  <OfferStatusBadge status={o.status} size="sm" />
                  {(o.breaches ?? []).length > 0 && (
                    <Badge size="sm" color="orange" variant="outline" tt="none">
                      {t('offers.outsideLimits')}
                    </Badge>
                  )}
                </Group>
              </Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>{fmt.date(o.start_date)}</Table.Td>
              <Table.Td>
                <Text size="sm">{rampSummary(o.plan, t, fmt)}</Text>
              </Table.Td>
              <Table.Td ta="right">{t('offers.approvalsOf', { done: approved, count: o.approvals_needed })}</Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>
                {waiting ? (
                  <Badge variant="light" color={age.days >= 2 ? 'red' : age.days >= 1 ? 'yellow' : 'gray'} tt="none">
                    {t(`approvals.waiting.${age.unit}`, { count: age.count })}
                  </Badge>
                ) : (
                  fmt.dateTime(o.created_at)
                )}
              </Table.Td>
            </Table.Tr>
          );
        })}
      </DataTable>
    </div>
  );
}

/** The offers inbox: those waiting for the signed-in approver, then every offer one may see, by status. */
export function OffersPage() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const isHead = hasRole(user, 'department_head');
  const [params, setParams] = useSearchParams();
  const status = params.get('status') ?? '';
  const waiting = useOffers({ awaiting: true }, isHead);
  const all = useOffers({ status });
  const waitingRows = waiting.items;
  const rows = all.items;

  return (
    <>
      <PageHeader
        title={t('offers.title')}
        description={isHead ? t('offers.descriptionHead') : t('offers.description')}
        badge={isHead && waiting.total ? <Badge color="red" variant="light">{t('offers.waitingCount', { count: waiting.total })}</Badge> : undefined}
      />
      <Stack gap="xl">
        {isHead && (
          <section aria-labelledby="offers-waiting">
            <Title order={2} size="h4" mb="xs" id="offers-waiting">
              {t('offers.waitingTitle')}
            </Title>
            <QueryView
              error={waiting.query.error}
              pending={waiting.query.isPending}
              empty={waitingRows.length === 0}
              onRetry={() => void waiting.query.refetch()}
              emptyTitle={t('offers.waitingEmpty')}
              emptyHint={t('offers.waitingEmptyHint')}
            >
              <OffersTable rows={waitingRows} waiting testId="offers-waiting" />
            </QueryView>
            <LoadMoreOf list={waiting} />
          </section>
        )}
        <section aria-labelledby="offers-all">
          <Group justify="space-between" mb="xs" align="flex-end">
            <Title order={2} size="h4" id="offers-all">
              {t('offers.allTitle')}
            </Title>
            <Select
              label={t('offers.filterStatus')}
              data={[{ value: '', label: t('offers.anyStatus') }, ...OFFER_STATUSES.map((s) => ({ value: s, label: t(`offer.status.${s}`) }))]}
              value={status}
              onChange={(v) => setParams(v ? { status: v } : {}, { replace: true })}
              allowDeselect={false}
              w={220}
            />
          </Group>
          <QueryView
            error={all.query.error}
            pending={all.query.isPending}
            empty={rows.length === 0}
            onRetry={() => void all.query.refetch()}
            emptyTitle={t('offers.empty')}
          >
            <OffersTable rows={rows} testId="offers-all" />
          </QueryView>
          <LoadMoreOf list={all} />
        </section>
      </Stack>
    </>
  );
}
