import {
  Alert,
  Badge,
  Button,
  Checkbox,
  FileInput,
  Group,
  Radio,
  Skeleton,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconAlertCircle, IconCircleCheck, IconDoorExit, IconFileText, IconSearch } from '@tabler/icons-react';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { isApiError } from '../api/client';
import { applyToOpening, getPublicOpening, type ApplyResponse, type PublicOpening } from '../api/public';
import { ErrorAlert } from '../components/ErrorAlert';
import { PublicCard, PublicMessage } from '../components/PublicLayout';
import { LANGUAGES } from '../i18n';
import { applyFieldErrors, serverText } from '../lib/candidateText';
import { errorMessage } from '../lib/errors';
import { usePageTitle } from '../lib/usePageTitle';

/** The CV formats the server takes, by extension. */
const CV_EXTENSIONS = ['.pdf', '.doc', '.docx', '.odt'];
const CV_MAX_MB = 10;
/** The form's fields in the order they are shown, as the server names them in its errors. */
const FIELDS = ['name', 'email', 'phone', 'location', 'locale', 'cv', 'consent'];

interface ApplyValues {
  name: string;
  email: string;
  phone: string;
  location: string;
  cv: File | null;
  consent: boolean;
}

/** The public page of an opening, where anyone can apply without an account. */
export function ApplyPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const opening = useQuery({
    queryKey: ['public', 'opening', id],
    queryFn: () => getPublicOpening(id),
    refetchOnWindowFocus: false,
  });
  usePageTitle(opening.data?.title ?? t('public.apply.pageTitle'));

  if (opening.isPending) return <Skeleton height={320} radius="lg" />;
  if (opening.isError) {
    if (isApiError(opening.error) && (opening.error.status === 404 || opening.error.status === 400)) {
      return (
        <PublicMessage icon={<IconSearch size={28} />} color="gray" title={t('public.apply.notFoundTitle')}>
          <Text c="dimmed">{t('public.apply.notFoundBody')}</Text>
        </PublicMessage>
      );
    }
    const tooMany = isApiError(opening.error) && opening.error.status === 429;
    return (
      <ErrorAlert
        error={opening.error}
        message={tooMany ? t('public.tooMany') : undefined}
        onRetry={() => void opening.refetch()}
      />
    );
  }
  return <OpeningApplication opening={opening.data} />;
}

function OpeningIntro({ opening }: { opening: PublicOpening }) {
  const { t } = useTranslation();
  return (
    <Stack gap="xs">
      <Group gap="xs">
        <Badge variant="light">{t(`roles.${opening.role}`, { defaultValue: opening.role })}</Badge>
      </Group>
      <Title order={1} size="h2" style={{ overflowWrap: 'anywhere' }}>
        {opening.title}
      </Title>
      {opening.description && (
        <Text style={{ whiteSpace: 'pre-line' }} data-testid="opening-description">
          {opening.description}
        </Text>
      )}
    </Stack>
  );
}

function OpeningApplication({ opening }: { opening: PublicOpening }) {
  const { t, i18n } = useTranslation();
  const [done, setDone] = useState<(ApplyResponse & { name: string }) | null>(null);
  // The thanks replace a long form: show them from the top (on a phone the button was at the bottom).
  useEffect(() => {
    if (done) window.scrollTo({ top: 0 });
  }, [done]);

  if (done) {
    const lang = i18n.resolvedLanguage ?? 'en';
    return (
      <PublicMessage
        icon={<IconCircleCheck size={30} />}
        color="green"
        title={t('public.apply.thanksTitle', { name: done.name })}
        testId="apply-done"
      >
        <Text>{serverText(done.message, 'public.apply.thanksBody', t, lang)}</Text>
        <Text size="sm" c="dimmed">
          {t('public.apply.thanksHint')}
        </Text>
      </PublicMessage>
    );
  }

  return (
    <PublicCard>
      <Stack gap="xl">
        <OpeningIntro opening={opening} />
        {opening.open ? (
          <ApplyForm openingId={String(opening.id)} onDone={setDone} />
        ) : (
          <Alert color="gray" variant="light" icon={<IconDoorExit size={18} aria-hidden />} role="status">
            {t('public.apply.closed')}
          </Alert>
        )}
      </Stack>
    </PublicCard>
  );
}

function cvProblem(f: File | null, t: TFunction): string | null {
  if (!f) return null;
  const name = f.name.toLowerCase();
  if (!CV_EXTENSIONS.some((ext) => name.endsWith(ext))) return t('public.apply.errors.cvType');
  if (f.size === 0) return t('public.apply.errors.cvEmpty');
  if (f.size > CV_MAX_MB * 1024 * 1024) return t('public.apply.errors.cvTooBig', { mb: CV_MAX_MB });
  return null;
}

function ApplyForm({ openingId, onDone }: { openingId: string; onDone: (r: ApplyResponse & { name: string }) => void }) {
  const { t, i18n } = useTranslation();
  const uiLanguage = i18n.resolvedLanguage === 'sq' ? 'sq' : 'en';
  const form = useForm<ApplyValues>({
    mode: 'controlled',
    initialValues: { name: '', email: '', phone: '', location: '', cv: null, consent: false },
    validate: {
      name: (v) => (v.trim() ? null : t('public.apply.errors.nameRequired')),
      email: (v) =>
        !v.trim()
          ? t('public.apply.errors.emailRequired')
          : /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(v.trim())
            ? null
            : t('public.apply.errors.emailInvalid'),
      cv: (v) => cvProblem(v, t),
      consent: (v) => (v ? null : t('public.apply.errors.consent')),
    },
  });

  // Until the candidate picks the language of our e-mails, it is the language they read the page in.
  const [chosenLocale, setChosenLocale] = useState<string | null>(null);
  const locale = chosenLocale ?? uiLanguage;

  const focusFirstError = (errors: Record<string, unknown>) => {
    const first = FIELDS.find((f) => errors[f]);
    if (!first) return;
    window.requestAnimationFrame(() => {
      const node = form.getInputNode(first);
      node?.scrollIntoView({ block: 'center', behavior: 'smooth' });
      node?.focus({ preventScroll: true });
    });
  };

  const submit = useMutation({
    mutationFn: (v: ApplyValues) =>
      applyToOpening(openingId, {
        name: v.name.trim(),
        email: v.email.trim(),
        phone: v.phone.trim(),
        location: v.location.trim(),
        locale,
        cv: v.cv,
      }),
    onSuccess: (res, v) => onDone({ ...res, name: v.name.trim().split(/\s+/)[0] ?? '' }),
    onError: (err) => {
      const fields = applyFieldErrors(err, t);
      if (isApiError(err) && err.status === 413) fields.cv = t('public.apply.errors.cvTooBig', { mb: CV_MAX_MB });
      form.setErrors(fields);
      focusFirstError(fields);
    },
  });

  let formError: string | null = null;
  if (submit.isError) {
    const err = submit.error;
    if (isApiError(err) && err.status === 429) formError = t('public.tooMany');
    else if (isApiError(err) && err.status === 409) formError = t('public.apply.closed');
    else if (FIELDS.some((f) => applyFieldErrors(err, t)[f])) {
      // The fields say what is wrong; the summary goes once they are all corrected.
      if (FIELDS.some((f) => form.errors[f])) formError = t('public.apply.fixFields');
    } else formError = errorMessage(err, t);
  }

  return (
    <form
      onSubmit={form.onSubmit(
        (v) => submit.mutate(v),
        (errors) => {
          submit.reset();
          focusFirstError(errors);
        },
      )}
      noValidate
      aria-labelledby="apply-heading"
    >
      <Stack gap="md">
        <Stack gap={2}>
          <Title order={2} size="h3" id="apply-heading">
            {t('public.apply.formTitle')}
          </Title>
          <Text size="sm" c="dimmed">
            {t('public.apply.formHint')}
          </Text>
        </Stack>
        <TextInput
          label={t('public.apply.name')}
          autoComplete="name"
          required
          {...form.getInputProps('name')}
        />
        <TextInput
          label={t('public.apply.email')}
          type="email"
          inputMode="email"
          autoComplete="email"
          required
          {...form.getInputProps('email')}
        />
        <TextInput
          label={t('public.apply.phone')}
          type="tel"
          inputMode="tel"
          autoComplete="tel"
          description={t('public.apply.optional')}
          {...form.getInputProps('phone')}
        />
        <TextInput
          label={t('public.apply.location')}
          autoComplete="address-level2"
          placeholder={t('public.apply.locationPlaceholder')}
          description={t('public.apply.optional')}
          {...form.getInputProps('location')}
        />
        <Radio.Group
          label={t('public.apply.locale')}
          description={t('public.apply.localeHint')}
          value={locale}
          onChange={setChosenLocale}
          error={form.errors.locale}
          data-path="locale"
        >
          <Group gap="lg" mt={6}>
            {LANGUAGES.map((l) => (
              <Radio key={l.code} value={l.code} label={l.label} />
            ))}
          </Group>
        </Radio.Group>
        <FileInput
          label={t('public.apply.cv')}
          description={t('public.apply.cvHint', { mb: CV_MAX_MB })}
          placeholder={t('public.apply.cvPlaceholder')}
          accept={CV_EXTENSIONS.join(',')}
          clearable
          leftSection={<IconFileText size={16} aria-hidden />}
          {...form.getInputProps('cv')}
        />
        <Checkbox
          label={t('public.apply.consent')}
          description={t('public.apply.privacy')}
          {...form.getInputProps('consent', { type: 'checkbox' })}
        />
        {formError && (
          <Alert color="red" variant="light" icon={<IconAlertCircle size={18} aria-hidden />} role="alert">
            {formError}
          </Alert>
        )}
        <Button type="submit" size="md" loading={submit.isPending} fullWidth>
          {t('public.apply.submit')}
        </Button>
      </Stack>
    </form>
  );
}
