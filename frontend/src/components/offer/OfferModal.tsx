import { Alert, Button, Group, Modal, NumberInput, Select, SimpleGrid, Stack, Text } from '@mantine/core';
import { DatePickerInput } from '@mantine/dates';
import '@mantine/dates/styles.css'; // with the pickers, not in the initial bundle
import { notifications } from '@mantine/notifications';
import { IconAlertTriangle, IconInfoCircle } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldErrors, isApiError } from '../../api/client';
import { createOffer, offerKeys, updateOffer, usePayPlans, usePayPreview, type Offer, type PayPlanTemplate } from '../../api/offers';
import { keys } from '../../api/queries';
import type { Application, Opening } from '../../api/types';
import { useFormat } from '../../lib/format';
import { breachesOf, breachText, EMPTY_PLAN, limitsSummary, planErrors, toPayPlan, toPlanValues, type PlanValues } from '../../lib/payPlan';
import { ErrorAlert } from '../ErrorAlert';
import { PayPlanFields, PayPreview } from './PayPlanFields';

/** A start date a few weeks ahead: the first of next month, or of the one after when that is under two weeks away. */
function defaultStart(): string {
  let d = dayjs().add(1, 'month').startOf('month');
  if (d.diff(dayjs(), 'day') < 14) d = d.add(1, 'month');
  return d.format('YYYY-MM-DD');
}

/**
 * Drafts an offer for the application, or (given `offer`) changes its terms: a pay plan from a template of the
 * opening's role, adjusted, a start date and the days the candidate has to answer. It shows the pay table and
 * warns, as the terms change, which of them fall outside the opening's pay limits.
 */
export function OfferModal({
  app,
  opening,
  offer,
  onClose,
}: {
  app: Application;
  opening: Opening | undefined;
  offer?: Offer;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const qc = useQueryClient();
  const templates = usePayPlans(false);
  const role = opening?.role;
  const options = (templates.data ?? []).filter((p) => !role || p.role === role);
  const [templateId, setTemplateId] = useState<string | null>(offer?.template_id ? String(offer.template_id) : null);
  const [plan, setPlan] = useState<PlanValues | null>(offer ? toPlanValues(offer.plan) : null);
  const [startDate, setStartDate] = useState<string | null>(offer?.start_date ?? defaultStart());
  const [expiresDays, setExpiresDays] = useState<number | string>(offer?.expires_days ?? 7);
  const [local, setLocal] = useState<Record<string, string>>({});

  // A new offer starts from the first template of the opening's role once they load.
  const chosen = plan ?? (() => {
    const first = templateId ? options.find((p) => String(p.id) === templateId) : options[0];
    return first ? toPlanValues(first.plan) : null;
  })();
  const effectiveTemplate = templateId ?? (options[0] ? String(options[0].id) : null);

  const pick = (id: string | null) => {
    setTemplateId(id);
    const tpl: PayPlanTemplate | undefined = options.find((p) => String(p.id) === id);
    if (tpl) setPlan(toPlanValues(tpl.plan));
  };

  const save = useMutation({
    mutationFn: () => {
      const body = {
        template_id: effectiveTemplate ? Number(effectiveTemplate) : null,
        plan: toPayPlan(chosen as PlanValues),
        start_date: startDate ?? '',
        expires_days: typeof expiresDays === 'number' ? expiresDays : 7,
      };
      return offer ? updateOffer(offer.id, body) : createOffer(app.id, body);
    },
    onSuccess: (o) => {
      void qc.invalidateQueries({ queryKey: offerKeys.offers });
      void qc.invalidateQueries({ queryKey: keys.application(app.id) });
      void qc.invalidateQueries({ queryKey: keys.applications(app.opening_id) });
      notifications.show({
        color: 'green',
        message: offer ? t('offer.updated', { name: app.candidate.name }) : t('offer.drafted', { name: o.candidate?.name ?? app.candidate.name }),
      });
      onClose();
    },
  });

  const submit = () => {
    const e: Record<string, string> = {};
    if (!chosen) e.template_id = t('offer.templateRequired');
    if (!startDate) e.start_date = t('offer.startRequired');
    else if (!dayjs(startDate).isAfter(dayjs(), 'day')) e.start_date = t('offer.startAhead');
    if (typeof expiresDays !== 'number' || expiresDays < 1 || expiresDays > 30) e.expires_days = t('settings.range', { min: 1, max: 30 });
    setLocal(e);
    if (Object.keys(e).length === 0) save.mutate();
  };

  const serverErrs = fieldErrors(save.error);
  const limits = opening?.pay_limits;
  const current = chosen ? toPayPlan(chosen) : null;
  const preview = usePayPreview(current ?? EMPTY_PLAN);
  const errs = { ...(current ? planErrors(preview.query.error) : {}), ...planErrors(save.error) };
  const flagged = current ? breachesOf(limits, current) : [];
  const needed = (opening?.offer_approvals || 1) + (flagged.length > 0 ? 1 : 0);
  const limitsLine = limitsSummary(limits, current?.currency ?? null, t, fmt);
  const otherErrors = Object.entries(serverErrs).filter(([k]) => !k.startsWith('plan.') && !['template_id', 'start_date', 'expires_days'].includes(k));

  return (
    <Modal
      opened
      onClose={onClose}
      size="xl"
      title={offer ? t('offer.editTitle', { name: app.candidate.name }) : t('offer.draftTitle', { name: app.candidate.name })}
    >
      <form
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
        noValidate
      >
        <Stack gap="md">
          {offer && offer.status === 'pending_approval' && (offer.approvals ?? []).length > 0 && (
            <Alert color="yellow" variant="light" icon={<IconAlertTriangle size={18} aria-hidden />}>
              {t('offer.editVoids')}
            </Alert>
          )}
          {offer && offer.status === 'sent' && (
            <Alert color="yellow" variant="light" icon={<IconAlertTriangle size={18} aria-hidden />}>
              {t('offer.editVoidsSent')}
            </Alert>
          )}
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <Select
              label={t('offer.template')}
              description={role ? t('offer.templateHint', { role: t(`roles.${role}`, { defaultValue: role }) }) : undefined}
              placeholder={templates.isPending ? t('common.loading') : undefined}
              data={options.map((p) => ({ value: String(p.id), label: p.name }))}
              value={effectiveTemplate}
              onChange={pick}
              allowDeselect={false}
              error={local.template_id ?? serverErrs.template_id}
            />
            <DatePickerInput
              label={t('offer.startDate')}
              description={t('offer.startDateHint')}
              value={startDate}
              onChange={(v) => setStartDate(v)}
              minDate={dayjs().add(1, 'day').format('YYYY-MM-DD')}
              valueFormat="D MMM YYYY"
              error={local.start_date ?? serverErrs.start_date}
            />
            <NumberInput
              label={t('offer.expiresDays')}
              description={t('offer.expiresDaysHint')}
              min={1}
              max={30}
              allowDecimal={false}
              allowNegative={false}
              value={expiresDays}
              onChange={setExpiresDays}
              error={local.expires_days ?? serverErrs.expires_days}
            />
          </SimpleGrid>
          {templates.isError && <ErrorAlert error={templates.error} onRetry={() => void templates.refetch()} />}
          {templates.isSuccess && options.length === 0 && (
            <Alert color="red" variant="light" icon={<IconAlertTriangle size={18} aria-hidden />}>
              {t('offer.noTemplates')}
            </Alert>
          )}
          {limitsLine && (
            <Text size="sm" c="dimmed" data-testid="offer-limits">
              <IconInfoCircle size={14} style={{ verticalAlign: 'text-bottom' }} aria-hidden /> {t('offer.limits.line', { limits: limitsLine })}
            </Text>
          )}
          {chosen && (
            <PayPlanFields
              values={chosen}
              onChange={(field, value) => setPlan({ ...chosen, [field]: value })}
              errors={errs}
              flagged={flagged}
              currencyLocked
            />
          )}
          {current && flagged.length > 0 && (
            <Alert color="orange" variant="light" icon={<IconAlertTriangle size={18} aria-hidden />} title={t('offer.outsideTitle')} data-testid="offer-outside" role="status">
              <Stack gap={2}>
                {flagged.map((f) => (
                  <Text key={f} size="sm">
                    {breachText(f, limits, current, t, fmt)}
                  </Text>
                ))}
                <Text size="sm" fw={500}>
                  {t('offer.needsOneMore', { count: needed })}
                </Text>
              </Stack>
            </Alert>
          )}
          {current && flagged.length === 0 && (
            <Text size="sm" c="dimmed">
              {t('offer.approvalsNeeded', { count: needed })}
            </Text>
          )}
          {current && <PayPreview plan={current} preview={preview} />}
          {save.isError && (!isApiError(save.error) || save.error.status !== 400 || otherErrors.length > 0) && (
            <ErrorAlert error={save.error} message={otherErrors.length ? otherErrors.map(([k, m]) => `${k}: ${m}`).join('; ') : undefined} />
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={save.isPending} disabled={!chosen}>
              {offer ? t('offer.saveChanges') : t('offer.send')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
