import {
  ActionIcon,
  Button,
  Checkbox,
  Group,
  Menu,
  NumberInput,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Switch,
  Text,
  Textarea,
  TextInput,
  Tooltip,
} from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { IconArrowDown, IconArrowUp, IconPlus, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { QUESTION_KINDS, type QuestionKind } from '../../api/types';
import { newOption, newQuestion, withKind, type QuestionValues, type SettingsValues } from '../../lib/openingForm';

type Form = UseFormReturnType<SettingsValues>;

/** An error the server gave for a path that is not itself an input (a question's options, its ID). */
function PathError({ form, path }: { form: Form; path: string }) {
  const e = form.errors[path];
  if (!e) return null;
  return (
    <Text size="xs" c="red" role="alert">
      {String(e)}
    </Text>
  );
}

function Options({ form, p, q, disabled }: { form: Form; p: string; q: QuestionValues; disabled?: boolean }) {
  const { t } = useTranslation();
  return (
    <Stack gap={6}>
      <Text size="sm" fw={500}>
        {t('builder.options')}
      </Text>
      {q.options.map((o, j) => {
        const op = `${p}.options.${j}`;
        const labelError = form.errors[op] ?? form.errors[`${op}.label`] ?? form.errors[`${op}.id`];
        return (
          <Group key={o.id} gap="xs" align="flex-start" wrap="nowrap">
            <TextInput
              aria-label={t('builder.optionLabel', { n: j + 1 })}
              placeholder={t('builder.optionPlaceholder', { n: j + 1 })}
              style={{ flex: 1 }}
              maxLength={500}
              {...form.getInputProps(`${op}.label`)}
              error={labelError}
            />
            <NumberInput
              aria-label={t('builder.optionPoints', { n: j + 1 })}
              placeholder={t('builder.points')}
              w={96}
              min={0}
              step={0.5}
              allowNegative={false}
              suffix={` ${t('builder.pointsShort')}`}
              {...form.getInputProps(`${op}.points`)}
            />
            <Checkbox
              mt={8}
              label={t('builder.knockOut')}
              {...form.getInputProps(`${op}.knock_out`, { type: 'checkbox' })}
            />
            <ActionIcon
              mt={4}
              variant="subtle"
              color="red"
              disabled={disabled || q.options.length <= 1}
              aria-label={t('builder.removeOption', { n: j + 1 })}
              onClick={() => form.removeListItem(`${p}.options`, j)}
            >
              <IconTrash size={16} aria-hidden />
            </ActionIcon>
          </Group>
        );
      })}
      <PathError form={form} path={`${p}.options`} />
      <Group>
        <Button
          size="compact-sm"
          variant="subtle"
          leftSection={<IconPlus size={14} aria-hidden />}
          disabled={disabled || q.options.length >= 30}
          onClick={() => form.insertListItem(`${p}.options`, newOption())}
        >
          {t('builder.addOption')}
        </Button>
      </Group>
    </Stack>
  );
}

function QuestionCard({ form, i, count, disabled }: { form: Form; i: number; count: number; disabled?: boolean }) {
  const { t } = useTranslation();
  const p = `questionnaire.questions.${i}`;
  const q = form.getValues().questionnaire.questions[i];
  const legendId = `question-${q.id}-legend`;
  const move = (to: number) => form.reorderListItem('questionnaire.questions', { from: i, to });
  return (
    <Paper withBorder radius="md" p="sm" component="fieldset" aria-labelledby={legendId} style={{ margin: 0 }} data-testid="question">
      <Group justify="space-between" mb="xs" wrap="nowrap">
        <Text fw={600} size="sm" id={legendId} component="h4" m={0}>
          {t('builder.questionN', { n: i + 1 })}
        </Text>
        <Group gap={4} wrap="nowrap">
          <Tooltip label={t('builder.moveUp')} openDelay={400}>
            <ActionIcon variant="subtle" color="gray" disabled={disabled || i === 0} onClick={() => move(i - 1)} aria-label={t('builder.moveUpN', { n: i + 1 })}>
              <IconArrowUp size={16} aria-hidden />
            </ActionIcon>
          </Tooltip>
          <Tooltip label={t('builder.moveDown')} openDelay={400}>
            <ActionIcon
              variant="subtle"
              color="gray"
              disabled={disabled || i === count - 1}
              onClick={() => move(i + 1)}
              aria-label={t('builder.moveDownN', { n: i + 1 })}
            >
              <IconArrowDown size={16} aria-hidden />
            </ActionIcon>
          </Tooltip>
          <Tooltip label={t('builder.remove')} openDelay={400}>
            <ActionIcon
              variant="subtle"
              color="red"
              disabled={disabled}
              onClick={() => form.removeListItem('questionnaire.questions', i)}
              aria-label={t('builder.removeN', { n: i + 1 })}
            >
              <IconTrash size={16} aria-hidden />
            </ActionIcon>
          </Tooltip>
        </Group>
      </Group>
      <Stack gap="sm">
        <PathError form={form} path={`${p}.id`} />
        <Textarea label={t('builder.prompt')} required autosize minRows={1} maxRows={4} maxLength={1000} {...form.getInputProps(`${p}.prompt`)} />
        <Group grow align="flex-start">
          <Select
            label={t('builder.kind')}
            allowDeselect={false}
            data={QUESTION_KINDS.map((k) => ({ value: k, label: t(`questionKind.${k}`) }))}
            value={q.kind}
            error={form.errors[`${p}.kind`]}
            onChange={(k) => k && form.setFieldValue(p as `questionnaire.questions.${number}`, withKind(q, k as QuestionKind))}
          />
          <NumberInput
            label={t('builder.weight')}
            description={q.kind === 'free_text' ? t('builder.freeTextWeight') : t('builder.weightHint')}
            min={0}
            max={100}
            allowNegative={false}
            disabled={q.kind === 'free_text'}
            {...form.getInputProps(`${p}.weight`)}
          />
        </Group>
        <Group>
          <Switch label={t('builder.required')} {...form.getInputProps(`${p}.required`, { type: 'checkbox' })} />
          <Switch label={t('builder.private')} description={t('builder.privateHint')} {...form.getInputProps(`${p}.private`, { type: 'checkbox' })} />
        </Group>
        {(q.kind === 'single_choice' || q.kind === 'multiple_choice') && <Options form={form} p={p} q={q} disabled={disabled} />}
        {q.kind === 'number' && (
          <SimpleGrid cols={{ base: 2, sm: 4 }}>
            <NumberInput label={t('builder.min')} {...form.getInputProps(`${p}.min`)} />
            <NumberInput label={t('builder.max')} {...form.getInputProps(`${p}.max`)} />
            <NumberInput label={t('builder.target')} description={t('builder.targetHint')} {...form.getInputProps(`${p}.target`)} />
            <NumberInput label={t('builder.knockOutBelow')} description={t('builder.knockOutBelowHint')} {...form.getInputProps(`${p}.knock_out_below`)} />
          </SimpleGrid>
        )}
        {q.kind === 'scale' && (
          <SimpleGrid cols={2}>
            <NumberInput label={t('builder.scaleMin')} allowDecimal={false} {...form.getInputProps(`${p}.min`)} />
            <NumberInput label={t('builder.scaleMax')} description={t('builder.scaleHint')} allowDecimal={false} {...form.getInputProps(`${p}.max`)} />
          </SimpleGrid>
        )}
      </Stack>
    </Paper>
  );
}

/** Builds an opening's screening questionnaire: questions of five kinds, their scoring and the pass mark. */
export function QuestionnaireBuilder({ form, disabled }: { form: Form; disabled?: boolean }) {
  const { t } = useTranslation();
  const questions = form.getValues().questionnaire.questions;
  return (
    <Stack gap="sm">
      <NumberInput
        label={t('builder.passMark')}
        description={t('builder.passMarkHint')}
        min={0}
        max={100}
        allowNegative={false}
        suffix=" %"
        w={240}
        {...form.getInputProps('questionnaire.pass_mark')}
      />
      <PathError form={form} path="questionnaire.questions" />
      {questions.map((q, i) => (
        <QuestionCard key={q.id} form={form} i={i} count={questions.length} disabled={disabled} />
      ))}
      <Group>
        <Menu position="bottom-start" withinPortal>
          <Menu.Target>
            <Button variant="light" leftSection={<IconPlus size={16} aria-hidden />} disabled={disabled || questions.length >= 100}>
              {t('builder.addQuestion')}
            </Button>
          </Menu.Target>
          <Menu.Dropdown>
            {QUESTION_KINDS.map((k) => (
              <Menu.Item key={k} onClick={() => form.insertListItem('questionnaire.questions', newQuestion(k))}>
                {t(`questionKind.${k}`)}
              </Menu.Item>
            ))}
          </Menu.Dropdown>
        </Menu>
      </Group>
    </Stack>
  );
}
