import { MultiSelect, NumberInput, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import type { TeamMember } from '../../api/types';
import { separators } from '../../lib/currency';
import type { SettingsValues } from '../../lib/openingForm';
import { hasRole } from '../../lib/roles';

type Form = UseFormReturnType<SettingsValues>;

/** The first error the server gave for a field or any of its items (offer_approver_ids.1). */
function errorOf(form: Form, field: string) {
  return form.errors[field] ?? Object.entries(form.errors).find(([k]) => k.startsWith(`${field}.`))?.[1];
}

/**
 * How the opening's offers are bounded and approved: the pay limits an offer may move within (empty: no
 * bound), the department heads who approve (none: every one of them), and how many approvals it needs.
 */
export function OfferSettings({ form, team }: { form: Form; team: TeamMember[] | undefined }) {
  const { t, i18n } = useTranslation();
  const sep = separators(i18n.resolvedLanguage ?? 'en');
  const v = form.getValues();
  const heads = (team ?? []).filter((u) => hasRole(u, 'department_head'));
  // Approvers already chosen stay listed even when GET /team no longer has them (or could not be read).
  const data = [
    ...heads.map((u) => ({ value: String(u.id), label: u.name })),
    ...v.offer_approver_ids
      .filter((id) => !heads.some((u) => String(u.id) === id))
      .map((id) => ({ value: id, label: t('settings.offers.approverNumber', { id }) })),
  ];
  const named = v.offer_approver_ids.length;
  const money = (field: 'min_base' | 'max_base') => (
    <NumberInput
      label={t(`settings.offers.${field}`)}
      placeholder={t('settings.offers.noBound')}
      min={0}
      allowNegative={false}
      decimalScale={2}
      thousandSeparator={sep.thousand}
      decimalSeparator={sep.decimal}
      {...form.getInputProps(`pay_limits.${field}`)}
    />
  );
  const pct = (field: 'min_commission_pct' | 'max_commission_pct') => (
    <NumberInput
      label={t(`settings.offers.${field}`)}
      placeholder={t('settings.offers.noBound')}
      min={0}
      max={100}
      suffix="%"
      allowNegative={false}
      decimalScale={2}
      decimalSeparator={sep.decimal}
      {...form.getInputProps(`pay_limits.${field}`)}
    />
  );
  return (
    <Stack gap="md">
      <Stack gap="xs">
        <Title order={3} size="h6">
          {t('settings.offers.limits')}
        </Title>
        <Text size="xs" c="dimmed">
          {t('settings.offers.limitsHint')}
        </Text>
        <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }}>
          {money('min_base')}
          {money('max_base')}
          <NumberInput
            label={t('settings.offers.max_ramp_months')}
            placeholder={t('settings.offers.noBound')}
            min={0}
            max={12}
            allowDecimal={false}
            allowNegative={false}
            {...form.getInputProps('pay_limits.max_ramp_months')}
          />
          {pct('min_commission_pct')}
          {pct('max_commission_pct')}
        </SimpleGrid>
      </Stack>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <MultiSelect
          label={t('settings.offers.approvers')}
          description={t('settings.offers.approversHint')}
          placeholder={named ? undefined : t('settings.offers.everyHead')}
          searchable
          clearable
          maxValues={10}
          data={data}
          {...form.getInputProps('offer_approver_ids')}
          error={errorOf(form, 'offer_approver_ids')}
        />
        <NumberInput
          label={t('settings.offers.approvals')}
          description={
            named
              ? t('settings.offers.approvalsHintNamed', { count: named })
              : t('settings.offers.approvalsHint')
          }
          min={1}
          max={named ? Math.min(5, named) : 5}
          allowDecimal={false}
          allowNegative={false}
          {...form.getInputProps('offer_approvals')}
        />
      </SimpleGrid>
    </Stack>
  );
}
