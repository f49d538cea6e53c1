import { Anchor, Button, Group, SegmentedControl, Table, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconPlus, IconSearch } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useAccountsPage, type OwnerFilter } from '../api/clients';
import { NewClientModal } from '../components/client/NewClientModal';
import { DataTable } from '../components/DataTable';
import { PageHeader } from '../components/PageHeader';
import { QueryView } from '../components/QueryView';
import { useFormat } from '../lib/format';
import { ACTIVITY_LOGGER_ROLES, hasRole } from '../lib/roles';
import { useCurrentUser } from '../lib/useCurrentUser';
import { LoadMoreOf } from '../components/LoadMore';

/** Every client company and who owns it: the rep who logged its first call. */
export function ClientsPage() {
  const { t } = useTranslation();
  const fmt = useFormat();
  const me = useCurrentUser();
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search, 300);
  const [owner, setOwner] = useState<OwnerFilter>('');
  const [adding, setAdding] = useState(false);
  const accounts = useAccountsPage({ q, owner });
  const rows = accounts.items;
  const rep = hasRole(me, ...ACTIVITY_LOGGER_ROLES);
  const filtered = !!q.trim() || owner !== '';

  return (
    <>
      <PageHeader
        title={t('clients.title')}
        description={t('clients.description')}
        actions={
          <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setAdding(true)}>
            {t('clients.add')}
          </Button>
        }
      />
      <Group mb="md" align="flex-end" wrap="wrap">
        <TextInput
          aria-label={t('clients.search')}
          placeholder={t('clients.searchPlaceholder')}
          leftSection={<IconSearch size={16} aria-hidden />}
          value={search}
          onChange={(e) => setSearch(e.currentTarget.value)}
          w={{ base: '100%', xs: 280 }}
          type="search"
        />
        <SegmentedControl
          aria-label={t('clients.ownerFilter')}
          value={owner}
          onChange={(v) => setOwner(v as OwnerFilter)}
          data={[
            { value: '', label: t('clients.ownerAll') },
            ...(rep ? [{ value: 'me', label: t('clients.ownerMine') }] : []),
            { value: 'none', label: t('clients.ownerNone') },
          ]}
        />
      </Group>
      <QueryView
        error={accounts.query.error}
        pending={accounts.query.isPending}
        empty={rows.length === 0}
        onRetry={() => void accounts.query.refetch()}
        emptyTitle={filtered ? t('clients.emptyFiltered') : t('clients.empty')}
        emptyHint={filtered ? t('clients.emptyFilteredHint') : t('clients.emptyHint')}
      >
        <div data-testid="clients-table">
          <DataTable
            minWidth={720}
            columns={[
              { label: t('clients.name') },
              { label: t('clients.city') },
              { label: t('clients.industry') },
              { label: t('clients.owner') },
              { label: t('clients.ownerSince') },
            ]}
          >
            {rows.map((a) => (
              <Table.Tr key={a.id}>
                <Table.Td>
                  <Anchor component={Link} to={`/clients/${a.id}`} fw={600} style={{ overflowWrap: 'anywhere' }}>
                    {a.name}
                  </Anchor>
                </Table.Td>
                <Table.Td>{a.city || <Text span c="dimmed">—</Text>}</Table.Td>
                <Table.Td>{a.industry || <Text span c="dimmed">—</Text>}</Table.Td>
                <Table.Td>
                  {a.owner ? (
                    <Text span fw={500} c={a.owner.id === me.id ? 'indigo' : undefined}>
                      {a.owner.id === me.id ? t('clients.ownerYou', { name: a.owner.name }) : a.owner.name}
                    </Text>
                  ) : (
                    <Text span c="orange.8" fs="italic" size="sm">
                      {t('clients.noOwner')}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>{a.owner_since ? fmt.date(a.owner_since) : <Text span c="dimmed">—</Text>}</Table.Td>
              </Table.Tr>
            ))}
          </DataTable>
        </div>
      </QueryView>
      <LoadMoreOf list={accounts} />
      <NewClientModal opened={adding} onClose={() => setAdding(false)} />
    </>
  );
}
