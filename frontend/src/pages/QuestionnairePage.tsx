import {
  Alert,
  Button,
  Checkbox,
  Group,
  Input,
  NumberInput,
  Radio,
  SegmentedControl,
  Skeleton,
  Stack,
  Text,
  Textarea,
  Title,
} from '@mantine/core';
import {
  IconAlertCircle,
  IconCircleCheck,
  IconClockX,
  IconLinkOff,
  IconLock,
} from '@tabler/icons-react';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useId, useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { isApiError } from '../api/client';
import {
  getPublicQuestionnaire,
  submitQuestionnaire,
  type Answer,
  type PublicQuestion,
  type PublicQuestionnaire,
} from '../api/public';
import { ErrorAlert } from '../components/ErrorAlert';
import { PublicCard, PublicMessage } from '../components/PublicLayout';
import { answerErrors, linkProblem, serverText, type LinkProblem } from '../lib/candidateText';
import { errorMessage } from '../lib/errors';
import { useFormat } from '../lib/format';
import { useCandidateLanguage } from '../lib/useCandidateLanguage';
import { usePageTitle } from '../lib/usePageTitle';

/** A question's answer as the form holds it: chosen option IDs, a number, or text. */
type Value = string[] | number | string | null;

const problemIcon: Record<LinkProblem, ReactNode> = {
  answered: <IconCircleCheck size={30} />,
  expired: <IconClockX size={28} />,
  closed: <IconLock size={28} />,
  invalid: <IconLinkOff size={28} />,
};
const problemColor: Record<LinkProblem, string> = { answered: 'green', expired: 'orange', closed: 'gray', invalid: 'red' };

/** The questionnaire a candidate opens from the signed link in their e-mail. */
export function QuestionnairePage() {
  const { token = '' } = useParams();
  const { t } = useTranslation();
  const q = useQuery({
    queryKey: ['public', 'questionnaire', token],
    queryFn: () => getPublicQuestionnaire(token),
    refetchOnWindowFocus: false,
    staleTime: Infinity,
  });
  usePageTitle(q.data?.opening_title ?? t('public.q.pageTitle'));

  // The page speaks the candidate's language from the start; they can still switch it.
  useCandidateLanguage(q.data?.locale, token);

  if (q.isPending) return <Skeleton height={420} radius="lg" />;
  if (q.isError) {
    const problem = linkProblem(q.error);
    if (problem) return <LinkProblemMessage problem={problem} detail={isApiError(q.error) ? q.error.detail : ''} />;
    if (isApiError(q.error) && q.error.status === 429) return <ErrorAlert message={t('public.tooMany')} onRetry={() => void q.refetch()} />;
    return <ErrorAlert error={q.error} onRetry={() => void q.refetch()} />;
  }
  return <QuestionnaireForm token={token} questionnaire={q.data} />;
}

/** Why the link opens no questionnaire, as a whole page. */
function LinkProblemMessage({ problem, detail }: { problem: LinkProblem; detail: string }) {
  const { t, i18n } = useTranslation();
  return (
    <PublicMessage
      icon={problemIcon[problem]}
      color={problemColor[problem]}
      title={t(`public.q.problem.${problem}.title`)}
      testId="questionnaire-problem"
    >
      <Text>{serverText(detail, `public.q.problem.${problem}.body`, t, i18n.resolvedLanguage ?? 'en')}</Text>
    </PublicMessage>
  );
}

function isBlank(v: Value | undefined): boolean {
  return v == null || v === '' || (Array.isArray(v) && v.length === 0) || (typeof v === 'string' && !v.trim());
}

function toAnswer(q: PublicQuestion, v: Value | undefined): Answer | null {
  if (isBlank(v)) return null;
  switch (q.kind) {
    case 'single_choice':
      return { question_id: q.id, option_ids: [String(v)] };
    case 'multiple_choice':
      return { question_id: q.id, option_ids: v as string[] };
    case 'number':
    case 'scale':
      return typeof v === 'number' || (typeof v === 'string' && v.trim() !== '' && Number.isFinite(Number(v)))
        ? { question_id: q.id, number: Number(v) }
        : null;
    default:
      return { question_id: q.id, text: String(v).trim() };
  }
}

function QuestionnaireForm({ token, questionnaire }: { token: string; questionnaire: PublicQuestionnaire }) {
  const { t, i18n } = useTranslation();
  const fmt = useFormat();
  const [values, setValues] = useState<Record<string, Value>>({});
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formErrors, setFormErrors] = useState<string[]>([]);
  const questions = questionnaire.questions;
  const num = (n: number) => fmt.number(n);

  const focusQuestion = (id: string) =>
    window.requestAnimationFrame(() => {
      const el = document.getElementById(`question-${id}`);
      el?.scrollIntoView({ block: 'center', behavior: 'smooth' });
      el?.querySelector<HTMLElement>('input, textarea')?.focus({ preventScroll: true });
    });

  const submit = useMutation({
    mutationFn: (answers: Answer[]) => submitQuestionnaire(token, answers, i18n.resolvedLanguage === 'sq' ? 'sq' : 'en'),
    onSuccess: () => window.scrollTo({ top: 0 }),
    onError: (err) => {
      if (linkProblem(err)) window.scrollTo({ top: 0 });
      const found = answerErrors(err, questions, t, num);
      setErrors(found.byQuestion);
      setFormErrors(found.form);
      const first = questions.find((q) => found.byQuestion[q.id]);
      if (first) focusQuestion(first.id);
    },
  });

  if (submit.isSuccess) {
    return (
      <PublicMessage icon={<IconCircleCheck size={30} />} color="green" title={t('public.q.thanksTitle')} testId="questionnaire-done">
        <Text>{serverText(submit.data.message, 'public.q.thanksBody', t, i18n.resolvedLanguage ?? 'en')}</Text>
      </PublicMessage>
    );
  }
  if (submit.isError) {
    const problem = linkProblem(submit.error);
    if (problem) return <LinkProblemMessage problem={problem} detail={isApiError(submit.error) ? submit.error.detail : ''} />;
  }

  const setValue = (id: string, v: Value) => {
    setValues((prev) => ({ ...prev, [id]: v }));
    setErrors((prev) => {
      if (!prev[id]) return prev;
      const next = { ...prev };
      delete next[id];
      return next;
    });
  };

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const missing: Record<string, string> = {};
    for (const q of questions) {
      if (q.required && !toAnswer(q, values[q.id])) missing[q.id] = t('public.q.errors.required');
    }
    if (Object.keys(missing).length > 0) {
      submit.reset();
      setErrors(missing);
      setFormErrors([]);
      focusQuestion(questions.find((q) => missing[q.id])!.id);
      return;
    }
    submit.mutate(questions.map((q) => toAnswer(q, values[q.id])).filter((a): a is Answer => a !== null));
  };

  let alert: string | null = null;
  if (Object.keys(errors).length > 0) alert = t('public.q.fixAnswers');
  else if (formErrors.length > 0) alert = formErrors.join(' ');
  else if (submit.isError && !(isApiError(submit.error) && submit.error.status === 400))
    alert = isApiError(submit.error) && submit.error.status === 429 ? t('public.tooMany') : errorMessage(submit.error, t);

  return (
    <PublicCard>
      <form onSubmit={onSubmit} noValidate aria-labelledby="questionnaire-heading">
        <Stack gap="xl">
          <Stack gap={6}>
            <Text size="sm" c="dimmed" fw={500}>
              {questionnaire.opening_title}
            </Text>
            <Title order={1} size="h2" id="questionnaire-heading">
              {questionnaire.candidate_name
                ? t('public.q.greeting', { name: questionnaire.candidate_name })
                : t('public.q.pageTitle')}
            </Title>
            <Text>{t('public.q.intro', { title: questionnaire.opening_title })}</Text>
            {questionnaire.due && (
              <Text size="sm" fw={500} data-testid="questionnaire-due">
                {t('public.q.due', { at: fmt.dateTime(questionnaire.due) })}
              </Text>
            )}
            <Text size="sm" c="dimmed">
              {t('public.q.requiredHint')}
            </Text>
          </Stack>
          {questions.map((q, i) => (
            <div key={q.id} id={`question-${q.id}`}>
              <QuestionInput
                question={q}
                index={i + 1}
                count={questions.length}
                value={values[q.id] ?? null}
                error={errors[q.id]}
                onChange={(v) => setValue(q.id, v)}
              />
            </div>
          ))}
          {alert && (
            <Alert color="red" variant="light" icon={<IconAlertCircle size={18} aria-hidden />} role="alert">
              {alert}
            </Alert>
          )}
          <Button type="submit" size="md" fullWidth loading={submit.isPending}>
            {t('public.q.submit')}
          </Button>
        </Stack>
      </form>
    </PublicCard>
  );
}

function QuestionInput({
  question: q,
  index,
  count,
  value,
  error,
  onChange,
}: {
  question: PublicQuestion;
  index: number;
  count: number;
  value: Value;
  error?: string;
  onChange: (v: Value) => void;
}) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const id = useId();
  const label = q.prompt;
  const common = {
    label,
    required: q.required,
    error,
    description: t('public.q.position', { index, count }),
    inputWrapperOrder: ['label', 'description', 'input', 'error'] as ('label' | 'description' | 'input' | 'error')[],
  };
  const labelStyles = { label: { fontSize: 'var(--mantine-font-size-md)', fontWeight: 600, lineHeight: 1.4 } };

  switch (q.kind) {
    case 'single_choice':
      return (
        <Radio.Group {...common} styles={labelStyles} value={typeof value === 'string' ? value : ''} onChange={onChange}>
          <Stack gap="sm" mt="xs">
            {(q.options ?? []).map((o) => (
              <Radio key={o.id} value={o.id} label={o.label} />
            ))}
          </Stack>
        </Radio.Group>
      );
    case 'multiple_choice':
      return (
        <Checkbox.Group
          {...common}
          description={`${common.description} · ${t('public.q.chooseAll')}`}
          styles={labelStyles}
          value={Array.isArray(value) ? value : []}
          onChange={onChange}
        >
          <Stack gap="sm" mt="xs">
            {(q.options ?? []).map((o) => (
              <Checkbox key={o.id} value={o.id} label={o.label} />
            ))}
          </Stack>
        </Checkbox.Group>
      );
    case 'number': {
      const range =
        q.min != null && q.max != null
          ? t('public.q.rangeBetween', { min: fmt.number(q.min), max: fmt.number(q.max) })
          : q.min != null
            ? t('public.q.rangeAtLeast', { min: fmt.number(q.min) })
            : q.max != null
              ? t('public.q.rangeAtMost', { max: fmt.number(q.max) })
              : null;
      return (
        <NumberInput
          {...common}
          description={range ? `${common.description} · ${range}` : common.description}
          styles={{ ...labelStyles, wrapper: { maxWidth: 240 } }}
          min={q.min}
          max={q.max}
          value={typeof value === 'number' || typeof value === 'string' ? value : ''}
          onChange={(v) => onChange(v === '' ? null : v)}
          inputMode="decimal"
        />
      );
    }
    case 'scale': {
      const min = q.min ?? 1;
      const max = q.max ?? 5;
      const steps = Array.from({ length: Math.max(0, Math.round(max - min)) + 1 }, (_, i) => String(min + i));
      const labelId = `${id}-label`;
      return (
        <Input.Wrapper
          {...common}
          id={id}
          labelElement="div"
          labelProps={{ id: labelId }}
          styles={labelStyles}
        >
          <SegmentedControl
            mt="xs"
            fullWidth
            size="md"
            aria-labelledby={labelId}
            data={steps}
            value={value == null ? '' : String(value)}
            onChange={(v) => onChange(Number(v))}
            color="indigo"
          />
          <Group justify="space-between" mt={4}>
            <Text size="xs" c="dimmed">
              {t('public.q.scaleLow', { n: min })}
            </Text>
            <Text size="xs" c="dimmed">
              {t('public.q.scaleHigh', { n: max })}
            </Text>
          </Group>
        </Input.Wrapper>
      );
    }
    default:
      return (
        <Textarea
          {...common}
          styles={labelStyles}
          autosize
          minRows={3}
          maxRows={10}
          maxLength={5000}
          value={typeof value === 'string' ? value : ''}
          onChange={(e) => onChange(e.currentTarget.value)}
        />
      );
  }
}
