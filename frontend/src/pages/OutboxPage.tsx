import { Badge, Spoiler, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { listOutbox } from '../api/endpoints';
import { usePagedList } from '../api/paging';
import { DataTable } from '../components/DataTable';
import { PageHeader } from '../components/PageHeader';
import { QueryView } from '../components/QueryView';
import { useFormat } from '../lib/format';
import { LoadMoreOf } from '../components/LoadMore';

const statusColor: Record<string, string> = { sent: 'green', kept: 'gray', pending: 'orange' };

/** The e-mail Bullpen sent or, without an SMTP server, kept: what each person was told, and when. */
export function OutboxPage() {
  const { t } = useTranslation();
  const fmt = useFormat();
  const outbox = usePagedList({ queryKey: ['outbox'], fetch: listOutbox, refetchInterval: 30_000 });
  const rows = outbox.items;
  return (
    <>
      <PageHeader title={t('outbox.title')} description={t('outbox.description')} />
      <QueryView
        error={outbox.query.error}
        pending={outbox.query.isPending}
        empty={rows.length === 0}
        onRetry={() => void outbox.query.refetch()}
        emptyTitle={t('outbox.empty')}
        emptyHint={t('outbox.emptyHint')}
      >
        <DataTable
          minWidth={720}
          spacious
          columns={[
            { label: t('outbox.col.to') },
            { label: t('outbox.col.message') },
            { label: t('outbox.col.status') },
            { label: t('outbox.col.created') },
          ]}
        >
          {rows.map((m) => (
            <Table.Tr key={m.id}>
              <Table.Td style={{ overflowWrap: 'anywhere' }}>{m.to}</Table.Td>
              <Table.Td>
                <Text fw={500} size="sm">
                  {m.subject}
                </Text>
                <Spoiler maxHeight={0} showLabel={t('outbox.show')} hideLabel={t('outbox.hide')}>
                  <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                    {m.text}
                  </Text>
                </Spoiler>
                {m.last_error ? (
                  <Text size="xs" c="red">
                    {t('outbox.lastError', { error: m.last_error })}
                  </Text>
                ) : null}
              </Table.Td>
              <Table.Td>
                <Badge color={statusColor[m.status] ?? 'gray'} variant="light">
                  {t(`outbox.status.${m.status}`, { defaultValue: m.status })}
                </Badge>
              </Table.Td>
              <Table.Td>
                <Text size="sm">{fmt.dateTime(m.created_at)}</Text>
                {m.sent_at ? (
                  <Text size="xs" c="dimmed">
                    {t('outbox.sentAt', { at: fmt.dateTime(m.sent_at) })}
                  </Text>
                ) : null}
              </Table.Td>
            </Table.Tr>
          ))}
        </DataTable>
      </QueryView>
      <LoadMoreOf list={outbox} />
    </>
  );
}
