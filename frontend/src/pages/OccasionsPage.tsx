import { ActionIcon, Badge, Button, Group, Modal, SegmentedControl, Stack, Table, Text, VisuallyHidden } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconChevronLeft, IconChevronRight, IconPlus, IconTrash } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { CALENDARS, careKeys, deleteOccasion, useOccasions, type Calendar, type Occasion } from '../api/care';
import { AddOccasionModal } from '../components/care/AddOccasionModal';
import { CareSection } from '../components/care/CareBits';
import { DataTable } from '../components/DataTable';
import { ErrorAlert } from '../components/ErrorAlert';
import { PageHeader } from '../components/PageHeader';
import { QueryView } from '../components/QueryView';
import { formatDay, occasionName, todayUTC } from '../lib/care';
import { useFormat } from '../lib/format';
import { hasRole } from '../lib/roles';
import { useCurrentUser } from '../lib/useCurrentUser';

const isCalendar = (s: string | null): s is Calendar => CALENDARS.includes(s as Calendar);

/**
 * The occasions calendar of a year: a country's public holidays with the international set, and the company's own
 * occasions, by month, as the morning care run greets clients on them. Admins add and remove company occasions.
 */
export function OccasionsPage() {
  const { t, i18n } = useTranslation();
  const fmt = useFormat();
  const me = useCurrentUser();
  const lang = i18n.resolvedLanguage ?? 'en';
  const admin = hasRole(me, 'admin');
  const today = todayUTC();
  const thisYear = Number(today.slice(0, 4));
  const [params, setParams] = useSearchParams();
  const c = params.get('country');
  const country: Calendar = isCalendar(c) ? c : 'AL';
  const y = Number(params.get('year'));
  const year = Number.isInteger(y) && y >= 1900 && y <= 2200 ? y : thisYear;
  const [adding, setAdding] = useState(false);
  const [removing, setRemoving] = useState<Occasion | null>(null);
  const occasions = useOccasions(country, year);
  const qc = useQueryClient();

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
  const setYear = (next: number) => update({ year: next === thisYear ? null : String(next) });

  const byMonth = useMemo(() => {
    const m = new Map<number, Occasion[]>();
    for (const o of occasions.data ?? []) {
      const month = Number(o.date.slice(5, 7));
      m.set(month, [...(m.get(month) ?? []), o]);
    }
    return [...m.entries()].sort((a, b) => a[0] - b[0]);
  }, [occasions.data]);

  const remove = useMutation({
    mutationFn: (o: Occasion) => deleteOccasion(o.id!),
    onSuccess: (_d, o) => {
      setRemoving(null);
      void qc.invalidateQueries({ queryKey: careKeys.occasions });
      notifications.show({ color: 'green', message: t('care.occasions.removed', { name: occasionName(o, lang) }) });
    },
  });

  return (
    <>
      <PageHeader
        title={t('care.occasions.title')}
        description={t('care.occasions.description')}
        actions={
          admin && (
            <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setAdding(true)}>
              {t('care.occasions.add')}
            </Button>
          )
        }
      />
      <Group mb="md" align="center" wrap="wrap" gap="md">
        <Group gap={4} wrap="nowrap" role="group" aria-label={t('care.occasions.year')}>
          <ActionIcon variant="default" size="lg" onClick={() => setYear(year - 1)} aria-label={t('care.occasions.prevYear', { year: year - 1 })}>
            <IconChevronLeft size={18} aria-hidden />
          </ActionIcon>
          <Text fw={700} size="lg" miw={56} ta="center" aria-live="polite" data-testid="occasions-year">
            {year}
          </Text>
          <ActionIcon variant="default" size="lg" onClick={() => setYear(year + 1)} aria-label={t('care.occasions.nextYear', { year: year + 1 })}>
            <IconChevronRight size={18} aria-hidden />
          </ActionIcon>
          {year !== thisYear && (
            <Button variant="subtle" size="compact-sm" onClick={() => setYear(thisYear)}>
              {t('care.occasions.thisYear')}
            </Button>
          )}
        </Group>
        <SegmentedControl
          aria-label={t('care.occasions.country')}
          value={country}
          onChange={(v) => update({ country: v === 'AL' ? null : v })}
          data={CALENDARS.map((k) => ({ value: k, label: t(`care.country.${k}`) }))}
        />
      </Group>
      <QueryView
        error={occasions.error}
        pending={occasions.isPending}
        empty={byMonth.length === 0}
        onRetry={() => void occasions.refetch()}
        emptyTitle={t('care.occasions.empty')}
      >
        <Stack gap="lg" data-testid="occasions-calendar">
          {byMonth.map(([month, items]) => (
            <CareSection key={month} title={t(`care.month.${month}`)} id={`month-${month}`}>
              <DataTable
                minWidth={600}
                columns={[
                  { label: t('care.occasions.col.date') },
                  { label: t('care.occasions.col.name') },
                  { label: t('care.occasions.col.kind') },
                  { label: t('care.occasions.col.theme') },
                  ...(admin ? [{ label: <VisuallyHidden>{t('care.occasions.col.actions')}</VisuallyHidden> }] : []),
                ]}
              >
                {items.map((o) => {
                  const name = occasionName(o, lang);
                  const other = lang.startsWith('sq') ? o.name : o.name_sq;
                  return (
                    <Table.Tr key={`${o.key}-${o.date}`} data-testid="occasion-row" c={o.date < today ? 'dimmed' : undefined} fw={o.date === today ? 700 : undefined}>
                      <Table.Td w={150} style={{ whiteSpace: 'nowrap' }}>
                        {formatDay(fmt, o.date)}
                        {o.date === today && (
                          <Badge ml="xs" size="xs" variant="filled" tt="none">
                            {t('care.list.today')}
                          </Badge>
                        )}
                      </Table.Td>
                      <Table.Td>
                        <Text size="sm" fw={600} c="inherit" style={{ overflowWrap: 'anywhere' }}>
                          {name}
                        </Text>
                        {other && other !== name && (
                          <Text size="xs" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
                            {other}
                          </Text>
                        )}
                      </Table.Td>
                      <Table.Td w={150}>
                        <Badge size="sm" variant="light" color={o.kind === 'company' ? 'grape' : 'blue'} tt="none">
                          {t(`care.occasions.kind.${o.kind}`, { defaultValue: o.kind })}
                        </Badge>
                      </Table.Td>
                      <Table.Td w={150}>
                        <Text size="sm" c="inherit">
                          {t(`care.theme.${o.theme}`, { defaultValue: o.theme })}
                        </Text>
                      </Table.Td>
                      {admin && (
                        <Table.Td ta="right" w={60}>
                          {o.kind === 'company' && o.id != null && (
                            <ActionIcon
                              variant="subtle"
                              color="red"
                              onClick={() => {
                                remove.reset();
                                setRemoving(o);
                              }}
                              aria-label={t('care.occasions.remove', { name })}
                            >
                              <IconTrash size={16} aria-hidden />
                            </ActionIcon>
                          )}
                        </Table.Td>
                      )}
                    </Table.Tr>
                  );
                })}
              </DataTable>
            </CareSection>
          ))}
        </Stack>
      </QueryView>
      {admin && <AddOccasionModal opened={adding} onClose={() => setAdding(false)} />}
      <Modal opened={!!removing} onClose={() => setRemoving(null)} title={t('care.occasions.removeTitle')}>
        {removing && (
          <Stack gap="md">
            <Text size="sm">{t('care.occasions.removeText', { name: occasionName(removing, lang) })}</Text>
            {remove.isError && <ErrorAlert error={remove.error} />}
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setRemoving(null)}>
                {t('common.cancel')}
              </Button>
              <Button color="red" leftSection={<IconTrash size={16} aria-hidden />} loading={remove.isPending} onClick={() => remove.mutate(removing)}>
                {t('care.occasions.removeConfirm')}
              </Button>
            </Group>
          </Stack>
        )}
      </Modal>
    </>
  );
}
