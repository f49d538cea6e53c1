import {
  Alert,
  Anchor,
  Blockquote,
  Box,
  Button,
  Grid,
  Group,
  Loader,
  NumberInput,
  Paper,
  Select,
  SimpleGrid,
  Skeleton,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { useDebouncedValue } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconAlertCircle, IconInfoCircle } from '@tabler/icons-react';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { fieldErrors, isApiError } from '../api/client';
import { createPlan, previewSizing, updatePlan } from '../api/endpoints';
import { keys, usePlan } from '../api/queries';
import type { Plan, PlanBody } from '../api/types';
import { ErrorAlert } from '../components/ErrorAlert';
import { PageHeader } from '../components/PageHeader';
import { useCurrentUser } from '../lib/useCurrentUser';
import { SizingResultView } from '../components/SizingResultView';
import { StatusBadge } from '../components/StatusBadge';
import { CURRENCIES, separators } from '../lib/currency';
import { errorMessage } from '../lib/errors';
import { useFormat } from '../lib/format';
import { DEFAULT_SIZING_INPUT, SIZING_FIELDS, rangeProblem, toFormValues, toSizingInput, type FieldSpec, type SizingFormValues } from '../lib/sizing';

type FormValues = { title: string; currency: string; notes: string } & SizingFormValues;

const TOP_FIELDS = ['title', 'currency', 'notes'];

/** New plan (/plans/new) or revise-and-resubmit (/plans/:id/edit). */
export function PlanFormPage() {
  const { id } = useParams();
  if (id === undefined) return <PlanForm />;
  return <EditPlan id={Number(id)} />;
}

function EditPlan({ id }: { id: number }) {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const plan = usePlan(id);
  if (plan.isPending) return <Skeleton height={400} radius="md" />;
  if (plan.isError) return <ErrorAlert error={plan.error} onRetry={() => void plan.refetch()} />;
  const p = plan.data;
  if (p.status !== 'changes_requested' || p.author?.id !== user.id) {
    return (
      <>
        <PageHeader title={t('form.reviseTitle')} />
        <Alert color="yellow" icon={<IconInfoCircle size={18} aria-hidden />} title={t('form.cannotReviseTitle')}>
          <Stack gap="xs" align="flex-start">
            <Text size="sm">{t('form.cannotRevise')}</Text>
            <Anchor component={Link} to={`/plans/${p.id}`} size="sm">
              {t('form.backToPlan')}
            </Anchor>
          </Stack>
        </Alert>
      </>
    );
  }
  return <PlanForm plan={p} />;
}

function PlanForm({ plan }: { plan?: Plan }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const sep = separators(fmt.locale);

  /** A field's range error in the user's language (percent fields as percentages), or undefined. */
  const rangeError = (f: FieldSpec, v: number | '' | undefined): string | undefined => {
    const p = rangeProblem(f, v);
    if (!p) return undefined;
    const show = (n: number) => (f.percent ? fmt.percent(n / 100) : fmt.number(n));
    return t(p.key, { min: show(p.min), max: p.max !== undefined ? show(p.max) : undefined });
  };

  const form = useForm<FormValues>({
    mode: 'controlled',
    initialValues: {
      title: plan?.title ?? '',
      currency: plan?.currency ?? 'EUR',
      notes: plan?.notes ?? '',
      ...toFormValues(plan?.inputs ?? DEFAULT_SIZING_INPUT),
    },
    validate: (values) => {
      const errors: Record<string, string> = {};
      if (!values.title.trim()) errors.title = t('form.titleRequired');
      if (!values.currency) errors.currency = t('form.currencyRequired');
      for (const f of SIZING_FIELDS) {
        if (values[f.name] === '' || values[f.name] === undefined) errors[f.name] = t('form.numberRequired');
        else {
          const range = rangeError(f, values[f.name]);
          if (range) errors[f.name] = range;
        }
      }
      return errors;
    },
  });

  const values = form.getValues();
  // Out-of-range values are flagged as they are typed, and never sent for a preview.
  const rangeErrors: Record<string, string> = {};
  for (const f of SIZING_FIELDS) {
    const e = rangeError(f, values[f.name]);
    if (e) rangeErrors[f.name] = e;
  }
  const outOfRange = Object.keys(rangeErrors).length > 0;
  const inputs = outOfRange ? null : toSizingInput(values);
  const [debounced] = useDebouncedValue(inputs ? JSON.stringify(inputs) : null, 300);

  const preview = useQuery({
    queryKey: ['sizing-preview', debounced],
    queryFn: ({ signal }) => previewSizing(JSON.parse(debounced as string), signal),
    enabled: debounced !== null,
    placeholderData: keepPreviousData,
    staleTime: Infinity,
    retry: false,
  });
  const previewErrors = fieldErrors(preview.error);

  const submit = useMutation({
    mutationFn: (body: PlanBody) => (plan ? updatePlan(plan.id, body) : createPlan(body)),
    onSuccess: (saved) => {
      qc.setQueryData(keys.plan(saved.id), saved);
      void qc.invalidateQueries({ queryKey: keys.plans });
      notifications.show({
        color: 'green',
        title: plan ? t('form.resubmitted') : t('form.submitted'),
        message: t('form.submittedMessage', { title: saved.title }),
      });
      navigate(`/plans/${saved.id}`);
    },
    onError: (err) => {
      const errs = fieldErrors(err);
      if (Object.keys(errs).length) form.setErrors(errs);
    },
  });

  const handleSubmit = (v: FormValues) => {
    const sizing = toSizingInput(v);
    if (!sizing) return;
    submit.mutate({
      title: v.title.trim(),
      currency: v.currency,
      notes: v.notes.trim() || undefined,
      inputs: sizing,
    });
  };

  const errorFor = (name: string): string | undefined =>
    rangeErrors[name] ?? (form.errors[name] as string | undefined) ?? (outOfRange ? undefined : previewErrors[name]);

  // Server field errors that match no input still deserve a place on screen.
  const submitFieldErrors = fieldErrors(submit.error);
  const knownFields = new Set<string>([...TOP_FIELDS, ...SIZING_FIELDS.map((f) => f.name)]);
  const orphanErrors = Object.entries(submitFieldErrors).filter(([k]) => !knownFields.has(k));
  const showSubmitAlert =
    submit.isError && (!isApiError(submit.error) || submit.error.status !== 400 || orphanErrors.length > 0);

  const numberField = (f: FieldSpec) => {
    const input = form.getInputProps(f.name);
    const label = f.percent ? t('form.percentLabel', { label: t(`fields.${f.name}.label`) }) : t(`fields.${f.name}.label`);
    return (
      <NumberInput
        key={f.name}
        label={label}
        description={t(`fields.${f.name}.description`)}
        min={f.min}
        max={f.max}
        step={f.step}
        decimalScale={f.decimals}
        allowNegative={false}
        clampBehavior="none"
        thousandSeparator={f.money ? sep.thousand : undefined}
        decimalSeparator={sep.decimal}
        suffix={f.percent ? ' %' : undefined}
        rightSection={f.money ? <Text size="xs" c="dimmed">{values.currency}</Text> : undefined}
        rightSectionWidth={f.money ? 44 : undefined}
        hideControls={f.money}
        required
        {...input}
        error={errorFor(f.name)}
      />
    );
  };

  const group = (name: FieldSpec['group']) => (
    <Paper withBorder radius="md" p="md" component="fieldset" style={{ margin: 0 }}>
      <Title order={2} size="h5" mb={4} component="legend" px={4}>
        {t(`form.group.${name}`)}
      </Title>
      <Text size="xs" c="dimmed" mb="sm">
        {t(`form.groupHint.${name}`)}
      </Text>
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
        {SIZING_FIELDS.filter((f) => f.group === name).map(numberField)}
      </SimpleGrid>
    </Paper>
  );

  const reviewerComment = plan?.timeline
    ?.filter((e) => e.kind === 'changes_requested' && e.comment)
    .at(-1);

  return (
    <>
      <PageHeader
        title={plan ? t('form.reviseTitle') : t('form.newTitle')}
        description={plan ? plan.title : t('form.newDescription')}
        badge={plan ? <StatusBadge status={plan.status} /> : undefined}
      />
      {reviewerComment && (
        <Blockquote color="orange" mb="lg" p="md" cite={`— ${reviewerComment.actor?.name ?? t('timeline.system')}`}>
          <Text size="sm" fw={600} mb={4}>
            {t('form.reviewerAsked')}
          </Text>
          <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
            {reviewerComment.comment}
          </Text>
        </Blockquote>
      )}
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, md: 7 }}>
          <form onSubmit={form.onSubmit(handleSubmit)} noValidate aria-label={t('form.formLabel')}>
            <Stack gap="md">
              <Paper withBorder radius="md" p="md" component="fieldset" style={{ margin: 0 }}>
                <Title order={2} size="h5" mb="sm" component="legend" px={4}>
                  {t('form.group.plan')}
                </Title>
                <Stack gap="md">
                  <TextInput
                    label={t('form.title')}
                    placeholder={t('form.titlePlaceholder')}
                    required
                    maxLength={200}
                    {...form.getInputProps('title')}
                    error={errorFor('title')}
                  />
                  <Select
                    label={t('form.currency')}
                    description={t('form.currencyDescription')}
                    data={CURRENCIES.map((c) => ({ value: c, label: `${c} — ${t(`currencies.${c}`)}` }))}
                    allowDeselect={false}
                    required
                    {...form.getInputProps('currency')}
                    error={errorFor('currency')}
                  />
                  <Textarea
                    label={t('form.notes')}
                    description={t('form.notesDescription')}
                    autosize
                    minRows={2}
                    maxRows={8}
                    {...form.getInputProps('notes')}
                    error={errorFor('notes')}
                  />
                </Stack>
              </Paper>
              {group('target')}
              {group('funnel')}
              {group('capacity')}
              {group('team')}

              {showSubmitAlert && (
                <ErrorAlert
                  error={submit.error}
                  message={
                    orphanErrors.length
                      ? orphanErrors.map(([k, m]) => `${k}: ${m}`).join('; ')
                      : undefined
                  }
                />
              )}
              {submit.isError && !showSubmitAlert && (
                <Alert color="red" variant="light" icon={<IconAlertCircle size={18} aria-hidden />} role="alert">
                  {t('form.fixErrors')}
                </Alert>
              )}
              <Group justify="flex-end" gap="sm">
                <Button variant="default" component={Link} to={plan ? `/plans/${plan.id}` : '/plans'}>
                  {t('common.cancel')}
                </Button>
                <Button type="submit" loading={submit.isPending}>
                  {plan ? t('form.resubmit') : t('form.submit')}
                </Button>
              </Group>
            </Stack>
          </form>
          {preview.data && inputs && (
            <Paper
              hiddenFrom="md"
              withBorder
              shadow="md"
              radius="md"
              p="sm"
              mt="md"
              style={{ position: 'sticky', bottom: 8, zIndex: 5 }}
              aria-hidden="true"
            >
              <Group justify="space-between" wrap="nowrap" gap="xs">
                <Text size="sm">
                  {t('form.summary', {
                    reps: fmt.number(preview.data.reps_needed),
                    headcount: fmt.number(preview.data.headcount),
                  })}
                </Text>
                <Anchor href="#preview-heading" size="sm" tabIndex={-1}>
                  {t('form.seeWorking')}
                </Anchor>
              </Group>
            </Paper>
          )}
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 5 }}>
          <Box style={{ position: 'sticky', top: 76 }}>
            <Paper withBorder radius="md" p="md" component="section" aria-labelledby="preview-heading">
              <Group justify="space-between" mb="sm">
                <Title order={2} size="h4" id="preview-heading">
                  {t('form.previewTitle')}
                </Title>
                {(preview.isFetching || (inputs && JSON.stringify(inputs) !== debounced)) && (
                  <Loader size="xs" aria-label={t('form.previewUpdating')} />
                )}
              </Group>
              <div aria-live="polite">
                {outOfRange ? (
                  <Alert color="yellow" variant="light" icon={<IconAlertCircle size={18} aria-hidden />}>
                    <Text size="sm">{t('form.previewInvalid')}</Text>
                  </Alert>
                ) : !inputs ? (
                  <Text size="sm" c="dimmed">
                    {t('form.previewIncomplete')}
                  </Text>
                ) : preview.isError && !(isApiError(preview.error) && preview.error.status === 400) ? (
                  <ErrorAlert error={preview.error} />
                ) : preview.isError ? (
                  <Alert color="yellow" variant="light" icon={<IconAlertCircle size={18} aria-hidden />}>
                    <Text size="sm">{t('form.previewInvalid')}</Text>
                    {Object.keys(previewErrors).length === 0 && (
                      <Text size="sm" mt={4}>
                        {errorMessage(preview.error, t)}
                      </Text>
                    )}
                  </Alert>
                ) : preview.data ? (
                  <SizingResultView result={preview.data} currency={values.currency || 'EUR'} />
                ) : (
                  <Skeleton height={300} radius="md" />
                )}
              </div>
            </Paper>
          </Box>
        </Grid.Col>
      </Grid>
    </>
  );
}
