import { Alert, Group, NumberInput, SegmentedControl, SimpleGrid, Skeleton, Stack, Text, Title } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/client';
import { PAY_CURRENCIES, usePayPreview, type PayPlan } from '../../api/offers';
import { separators } from '../../lib/currency';
import { useFormat } from '../../lib/format';
import { planErrors, type PlanNumberField, type PlanValues } from '../../lib/payPlan';
import { ErrorAlert } from '../ErrorAlert';
import { PayTable } from './PayTable';

/**
 * The fields of a pay plan, each with a short explanation: the ramp first (a higher base and a lower
 * commission for the first months), then the pay after it, then the target's accelerator and the cap.
 * `flagged` marks the terms outside an opening's limits.
 */
export function PayPlanFields({
  values,
  onChange,
  errors = {},
  flagged = [],
  currencyLocked = false,
  disabled = false,
}: {
  values: PlanValues;
  onChange: (field: keyof PlanValues, value: string | number) => void;
  errors?: Record<string, string>;
  flagged?: string[];
  currencyLocked?: boolean;
  disabled?: boolean;
}) {
  const { t, i18n } = useTranslation();
  const sep = separators(i18n.resolvedLanguage ?? 'en');
  const money = (field: PlanNumberField, extra: { description?: ReactNode } = {}) => (
    <NumberInput
      label={t(`payPlan.field.${field}`)}
      description={extra.description ?? t(`payPlan.hint.${field}`)}
      min={0}
      max={1_000_000_000}
      allowNegative={false}
      decimalScale={2}
      thousandSeparator={sep.thousand}
      decimalSeparator={sep.decimal}
      suffix={` ${values.currency}`}
      value={values[field]}
      onChange={(v) => onChange(field, v)}
      error={errors[field] ?? (flagged.includes(field) ? t('offer.outsideLimits') : undefined)}
      disabled={disabled}
      data-flagged={flagged.includes(field) || undefined}
    />
  );
  const pct = (field: PlanNumberField) => (
    <NumberInput
      label={t(`payPlan.field.${field}`)}
      description={t(`payPlan.hint.${field}`)}
      min={0}
      max={100}
      allowNegative={false}
      decimalScale={2}
      decimalSeparator={sep.decimal}
      suffix="%"
      value={values[field]}
      onChange={(v) => onChange(field, v)}
      error={errors[field] ?? (flagged.includes(field) ? t('offer.outsideLimits') : undefined)}
      disabled={disabled}
    />
  );
  const rampMonths = typeof values.ramp_months === 'number' ? values.ramp_months : 0;
  return (
    <Stack gap="md">
      <div>
        <Text size="sm" fw={500} mb={4} id="plan-currency-label">
          {t('payPlan.field.currency')}
        </Text>
        <SegmentedControl
          aria-labelledby="plan-currency-label"
          data={PAY_CURRENCIES.map((c) => ({ value: c, label: t(`currencies.${c}`, { defaultValue: c }) }))}
          value={values.currency}
          onChange={(v) => onChange('currency', v)}
          disabled={disabled || currencyLocked}
        />
        {errors.currency && (
          <Text size="xs" c="red" mt={4}>
            {errors.currency}
          </Text>
        )}
      </div>
      <Stack gap="xs">
        <Title order={3} size="h6">
          {t('payPlan.rampTitle')}
        </Title>
        <Text size="xs" c="dimmed">
          {t('payPlan.rampExplain')}
        </Text>
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <NumberInput
            label={t('payPlan.field.ramp_months')}
            description={t('payPlan.hint.ramp_months')}
            min={0}
            max={12}
            allowDecimal={false}
            allowNegative={false}
            value={values.ramp_months}
            onChange={(v) => onChange('ramp_months', v)}
            error={errors.ramp_months ?? (flagged.includes('ramp_months') ? t('offer.outsideLimits') : undefined)}
            disabled={disabled}
          />
          {rampMonths > 0 && money('ramp_base')}
          {rampMonths > 0 && pct('ramp_commission_pct')}
        </SimpleGrid>
      </Stack>
      <Stack gap="xs">
        <Title order={3} size="h6">
          {rampMonths > 0 ? t('payPlan.afterTitle', { count: rampMonths }) : t('payPlan.payTitle')}
        </Title>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          {money('base')}
          {pct('commission_pct')}
        </SimpleGrid>
      </Stack>
      <Stack gap="xs">
        <Title order={3} size="h6">
          {t('payPlan.extrasTitle')}
        </Title>
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          {money('monthly_target')}
          {pct('accelerator_pct')}
          {money('commission_cap')}
        </SimpleGrid>
      </Stack>
    </Stack>
  );
}

/** The pay table of a plan as it is being edited, asked of the server a moment after the last change. */
export function PayPreview({ plan, title, preview }: { plan: PayPlan; title?: string; preview?: ReturnType<typeof usePayPreview> }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const own = usePayPreview(plan);
  const { query: q, plan: debounced } = preview ?? own;
  const invalid = isApiError(q.error) && q.error.status === 400;
  return (
    <Stack gap="xs" data-testid="pay-preview">
      <Group justify="space-between">
        <Title order={3} size="h6">
          {title ?? t('payTable.title')}
        </Title>
        {q.isFetching && (
          <Text size="xs" c="dimmed">
            {t('payTable.updating')}
          </Text>
        )}
      </Group>
      {invalid ? (
        <Alert color="yellow" variant="light" icon={<IconAlertTriangle size={18} aria-hidden />}>
          {t('payTable.invalid')}
          {Object.entries(planErrors(q.error)).map(([k, m]) => (
            <Text key={k} size="xs">
              {t(`payPlan.field.${k}`, { defaultValue: k })}: {m}
            </Text>
          ))}
        </Alert>
      ) : q.isError ? (
        <ErrorAlert error={q.error} onRetry={() => void q.refetch()} />
      ) : q.data ? (
        <div style={{ opacity: q.isPlaceholderData ? 0.6 : 1 }}>
          <PayTable table={q.data} currency={debounced.currency} />
          <Text size="xs" c="dimmed" mt={4}>
            {t('payTable.note', { target: fmt.money(debounced.monthly_target, debounced.currency) })}
          </Text>
        </div>
      ) : (
        <Skeleton height={240} radius="md" />
      )}
    </Stack>
  );
}
