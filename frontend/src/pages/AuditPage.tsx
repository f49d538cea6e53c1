import { Anchor, Button, Code, Group, Select, Table, Text } from '@mantine/core';
import { useInfiniteQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { listAudit } from '../api/endpoints';
import type { AuditEntry } from '../api/types';
import { DataTable } from '../components/DataTable';
import { PageHeader } from '../components/PageHeader';
import { QueryView } from '../components/QueryView';
import { useFormat } from '../lib/format';

/** What changed, as "key: before → after" for the keys either side has. */
function changes(e: AuditEntry): string {
  const keys = [...new Set([...Object.keys(e.before ?? {}), ...Object.keys(e.after ?? {})])].sort();
  const show = (v: unknown) => (v === undefined || v === null ? '—' : typeof v === 'string' ? v : JSON.stringify(v));
  return keys
    .map((k) => {
      const b = e.before?.[k];
      const a = e.after?.[k];
      return e.before && k in e.before ? `${k}: ${show(b)} → ${show(a)}` : `${k}: ${show(a)}`;
    })
    .join('\n');
}

/** The append-only audit log: every decision and data change, newest first, filterable by object. */
export function AuditPage() {
  const { t } = useTranslation();
  const fmt = useFormat();
  const [objectType, setObjectType] = useState<string | null>(null);
  const log = useInfiniteQuery({
    queryKey: ['audit', objectType],
    // Each page continues from the last entry shown, so entries written meanwhile never shift the pages.
    queryFn: ({ pageParam, signal }) =>
      listAudit({ objectType: objectType ?? undefined, beforeId: pageParam || undefined }, signal),
    initialPageParam: 0,
    getNextPageParam: (last) => (last.next_offset != null && last.items.length ? last.items[last.items.length - 1].id : undefined),
  });
  const rows = log.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <>
      <PageHeader title={t('audit.title')} description={t('audit.description')} />
      <Group mb="md">
        <Select
          label={t('audit.filterObject')}
          value={objectType}
          onChange={setObjectType}
          clearable
          placeholder={t('audit.allObjects')}
          data={[
            { value: 'staffing_plan', label: t('audit.object.staffing_plan') },
            { value: 'user', label: t('audit.object.user') },
          ]}
          w={240}
        />
      </Group>
      <QueryView
        error={log.error}
        pending={log.isPending}
        empty={rows.length === 0}
        onRetry={() => void log.refetch()}
        emptyTitle={t('audit.empty')}
        emptyHint={t('audit.emptyHint')}
      >
        <DataTable
          minWidth={760}
          spacious
          columns={[
            { label: t('audit.col.when') },
            { label: t('audit.col.who') },
            { label: t('audit.col.what') },
            { label: t('audit.col.changes') },
          ]}
        >
          {rows.map((e) => (
            <Table.Tr key={e.id}>
              <Table.Td>
                <Text size="sm">{fmt.dateTime(e.at)}</Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm">{e.actor?.name ?? t('timeline.system')}</Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm" fw={500}>
                  {t(`audit.action.${e.action}`, { defaultValue: e.action })}
                </Text>
                <Text size="xs" c="dimmed">
                  {e.object_type === 'staffing_plan' ? (
                    <Anchor component={Link} to={`/plans/${e.object_id}`} size="xs">
                      {t('audit.object.staffing_plan')} #{e.object_id}
                    </Anchor>
                  ) : (
                    `${t(`audit.object.${e.object_type}`, { defaultValue: e.object_type })} #${e.object_id}`
                  )}
                  {' · '}
                  {e.summary}
                </Text>
              </Table.Td>
              <Table.Td>
                {changes(e) ? (
                  <Code block style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
                    {changes(e)}
                  </Code>
                ) : null}
              </Table.Td>
            </Table.Tr>
          ))}
        </DataTable>
      </QueryView>
      {log.hasNextPage ? (
        <Group justify="center" mt="md">
          <Button variant="default" onClick={() => void log.fetchNextPage()} loading={log.isFetchingNextPage}>
            {t('audit.more')}
          </Button>
        </Group>
      ) : null}
    </>
  );
}
