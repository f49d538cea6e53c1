import { Alert, Anchor, Badge, Button, Drawer, Group, Select, SimpleGrid, Stack, Switch, Table, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconAlertCircle, IconArchive, IconPlus } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { isApiError } from '../api/client';
import { offerKeys, PAY_ROLES, savePayPlan, usePayPlans, usePayPreview, type PayPlanTemplate } from '../api/offers';
import { DataTable } from '../components/DataTable';
import { ErrorAlert } from '../components/ErrorAlert';
import { PageHeader } from '../components/PageHeader';
import { QueryView } from '../components/QueryView';
import { PayPlanFields, PayPreview } from '../components/offer/PayPlanFields';
import { useFormat } from '../lib/format';
import { EMPTY_PLAN, planErrors, rampSummary, toPayPlan, toPlanValues, type PlanValues } from '../lib/payPlan';
import { hasRole } from '../lib/roles';
import { useCurrentUser } from '../lib/useCurrentUser';

/** A slug out of a name: "Sales rep (EUR)" -> "sales-rep-eur". */
const slugify = (s: string) =>
  s
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);

interface Draft {
  id?: number;
  name: string;
  slug: string;
  role: string;
  archived: boolean;
  plan: PlanValues;
}

const toDraft = (p?: PayPlanTemplate): Draft =>
  p
    ? { id: p.id, name: p.name, slug: p.slug, role: p.role, archived: p.archived, plan: toPlanValues(p.plan) }
    : { name: '', slug: '', role: 'sales_rep', archived: false, plan: toPlanValues(EMPTY_PLAN) };

/** Adds or edits a pay plan template (admins): the plan's fields, explained, and its pay table as it changes. */
function PayPlanEditor({ initial, onClose }: { initial: Draft; onClose: () => void }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const [d, setD] = useState<Draft>(initial);
  const [slugTouched, setSlugTouched] = useState(!!initial.id);
  const [local, setLocal] = useState<Record<string, string>>({});
  const save = useMutation({
    mutationFn: (archived: boolean) =>
      savePayPlan({ name: d.name.trim(), slug: d.slug.trim(), role: d.role, archived, plan: toPayPlan(d.plan) }, d.id),
    onSuccess: (p, archived) => {
      void qc.invalidateQueries({ queryKey: offerKeys.payPlans });
      notifications.show({
        color: 'green',
        message: archived && !initial.archived ? t('payPlans.archivedDone', { name: p.name }) : t('payPlans.saved', { name: p.name }),
      });
      onClose();
    },
  });
  const plan = toPayPlan(d.plan);
  const preview = usePayPreview(plan);
  // The preview names a flaw as soon as it is typed; a refused save names them too.
  const errs = { ...planErrors(preview.query.error), ...planErrors(save.error) };
  const topErrs: Record<string, string> = {};
  for (const [k, v] of Object.entries(isApiError(save.error) && save.error.status === 400 ? Object.fromEntries(save.error.errors.map((e) => [e.field, e.message])) : {})) {
    if (!k.startsWith('plan.')) topErrs[k] = v;
  }
  const slugTaken = isApiError(save.error) && save.error.status === 409;
  const submit = (archived: boolean) => {
    const e: Record<string, string> = {};
    if (!d.name.trim()) e.name = t('payPlans.nameRequired');
    if (!d.slug.trim()) e.slug = t('payPlans.slugRequired');
    setLocal(e);
    if (Object.keys(e).length === 0) save.mutate(archived);
  };

  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        submit(d.archived);
      }}
      noValidate
    >
      <Stack gap="md">
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <TextInput
            label={t('payPlans.name')}
            required
            maxLength={100}
            value={d.name}
            onChange={(e) => {
              const name = e.currentTarget.value;
              setD((x) => ({ ...x, name, slug: slugTouched ? x.slug : slugify(name) }));
            }}
            error={local.name ?? topErrs.name}
          />
          <TextInput
            label={t('payPlans.slug')}
            description={t('payPlans.slugHint')}
            required
            maxLength={60}
            value={d.slug}
            onChange={(e) => {
              setSlugTouched(true);
              const slug = e.currentTarget.value;
              setD((x) => ({ ...x, slug }));
            }}
            error={local.slug ?? topErrs.slug ?? (slugTaken ? t('payPlans.slugTaken') : undefined)}
          />
          <Select
            label={t('payPlans.role')}
            description={t('payPlans.roleHint')}
            data={PAY_ROLES.map((r) => ({ value: r, label: t(`roles.${r}`) }))}
            value={d.role}
            onChange={(v) => v && setD((x) => ({ ...x, role: v }))}
            allowDeselect={false}
            error={topErrs.role}
          />
        </SimpleGrid>
        <PayPlanFields
          values={d.plan}
          onChange={(field, value) => setD((x) => ({ ...x, plan: { ...x.plan, [field]: value } }))}
          errors={errs}
        />
        <PayPreview plan={plan} preview={preview} />
        {d.id !== undefined && (
          <Switch
            label={t('payPlans.archived')}
            description={t('payPlans.archivedHint')}
            checked={d.archived}
            onChange={(e) => {
              const archived = e.currentTarget.checked;
              setD((x) => ({ ...x, archived }));
            }}
          />
        )}
        {save.isError && !slugTaken && !(isApiError(save.error) && save.error.status === 400) && <ErrorAlert error={save.error} />}
        {save.isError && isApiError(save.error) && save.error.status === 400 && (
          <Alert color="red" variant="light" icon={<IconAlertCircle size={18} aria-hidden />} role="alert">
            {t('settings.fixErrors')}
          </Alert>
        )}
        <Group justify="space-between">
          <div>
            {d.id !== undefined && !initial.archived && (
              <Button variant="light" color="gray" leftSection={<IconArchive size={16} aria-hidden />} onClick={() => submit(true)} loading={save.isPending && save.variables === true}>
                {t('payPlans.archive')}
              </Button>
            )}
          </div>
          <Group gap="xs">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={save.isPending && save.variables === d.archived}>
              {t('payPlans.save')}
            </Button>
          </Group>
        </Group>
      </Stack>
    </form>
  );
}

/** The pay plan templates by role: what each pays, and (for admins) an editor with a live pay table. */
export function PayPlansPage() {
  const { t } = useTranslation();
  const fmt = useFormat();
  const user = useCurrentUser();
  const canEdit = hasRole(user, 'admin');
  const [params, setParams] = useSearchParams();
  const archived = params.get('archived') === 'true';
  const plans = usePayPlans(archived);
  const [editing, setEditing] = useState<Draft | null>(null);
  const rows = plans.data ?? [];
  const roles = [...new Set([...PAY_ROLES, ...rows.map((r) => r.role)])];

  return (
    <>
      <PageHeader
        title={t('payPlans.title')}
        description={t('payPlans.description')}
        actions={
          canEdit ? (
            <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setEditing(toDraft())}>
              {t('payPlans.new')}
            </Button>
          ) : null
        }
      />
      <Group mb="md">
        <Switch
          label={t('payPlans.showArchived')}
          checked={archived}
          onChange={(e) => setParams(e.currentTarget.checked ? { archived: 'true' } : {}, { replace: true })}
        />
      </Group>
      <QueryView
        error={plans.error}
        pending={plans.isPending}
        empty={rows.length === 0}
        onRetry={() => void plans.refetch()}
        emptyTitle={t('payPlans.empty')}
      >
        <Stack gap="lg">
          {roles.map((role) => {
            const list = rows.filter((r) => r.role === role);
            if (!list.length) return null;
            return (
              <section key={role} aria-labelledby={`pay-role-${role}`}>
                <Title order={2} size="h4" mb="xs" id={`pay-role-${role}`}>
                  {t(`roles.${role}`, { defaultValue: role })}
                </Title>
                <DataTable
                  minWidth={820}
                  columns={[
                    { label: t('payPlans.col.name') },
                    { label: t('payPlans.col.currency') },
                    { label: t('payPlans.col.pay') },
                    { label: t('payPlans.col.target'), align: 'right' },
                    { label: t('payPlans.col.accelerator'), align: 'right' },
                    { label: t('payPlans.col.cap'), align: 'right' },
                  ]}
                >
                  {list.map((p) => (
                    <Table.Tr key={p.id} data-testid="pay-plan-row">
                      <Table.Td>
                        <Group gap="xs" wrap="nowrap">
                          {canEdit ? (
                            <Anchor component="button" type="button" fw={600} onClick={() => setEditing(toDraft(p))}>
                              {p.name}
                            </Anchor>
                          ) : (
                            <Text fw={600} size="sm">
                              {p.name}
                            </Text>
                          )}
                          {p.archived && (
                            <Badge color="gray" variant="light" size="sm">
                              {t('payPlans.archivedBadge')}
                            </Badge>
                          )}
                        </Group>
                        <Text size="xs" c="dimmed">
                          {p.slug}
                        </Text>
                      </Table.Td>
                      <Table.Td>{p.plan.currency}</Table.Td>
                      <Table.Td>{rampSummary(p.plan, t, fmt)}</Table.Td>
                      <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                        {p.plan.monthly_target > 0 ? fmt.money(p.plan.monthly_target, p.plan.currency) : '—'}
                      </Table.Td>
                      <Table.Td ta="right">{p.plan.accelerator_pct > 0 ? `${fmt.number(p.plan.accelerator_pct)}%` : '—'}</Table.Td>
                      <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                        {p.plan.commission_cap > 0 ? fmt.money(p.plan.commission_cap, p.plan.currency) : '—'}
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </DataTable>
              </section>
            );
          })}
        </Stack>
      </QueryView>
      <Drawer
        opened={!!editing}
        onClose={() => setEditing(null)}
        position="right"
        size="xl"
        title={editing?.id ? t('payPlans.editTitle', { name: editing.name }) : t('payPlans.newTitle')}
      >
        {editing && <PayPlanEditor key={editing.id ?? 'new'} initial={editing} onClose={() => setEditing(null)} />}
      </Drawer>
    </>
  );
}
