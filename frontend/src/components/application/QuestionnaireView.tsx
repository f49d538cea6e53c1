import { Badge, Group, List, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Answer, Question, QuestionnaireResponse } from '../../api/types';
import { useFormat } from '../../lib/format';

/** The answer to a question in words: the chosen options' labels, the number, or the text. */
function answerText(q: Question, a: Answer | undefined, none: string): string {
  if (!a) return none;
  switch (q.kind) {
    case 'single_choice':
    case 'multiple_choice': {
      const labels = (a.option_ids ?? []).map((id) => q.options?.find((o) => o.id === id)?.label ?? id);
      return labels.length ? labels.join(', ') : none;
    }
    case 'number':
    case 'scale':
      return a.number !== undefined && a.number !== null ? String(a.number) : none;
    default:
      return a.text?.trim() ? a.text : none;
  }
}

/** A submitted questionnaire: the total against the pass mark, then each question with its answer and marks. */
export function QuestionnaireView({ response }: { response: QuestionnaireResponse }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const { questionnaire: qn, answers, score } = response;
  const byQuestion = new Map(answers.map((a) => [a.question_id, a]));
  const scores = new Map((score.per_question ?? []).map((s) => [s.question_id, s]));
  const knockOutPrompts = score.knock_outs.map((id) => qn.questions.find((q) => q.id === id)?.prompt ?? id);

  return (
    <Stack gap="sm">
      <Group gap="sm" align="center">
        <Text size="xl" fw={700} data-testid="questionnaire-total">
          {fmt.percent(score.percent / 100)}
        </Text>
        <Badge color={score.knocked_out ? 'red' : score.passed ? 'green' : 'yellow'} variant="light" tt="none">
          {score.knocked_out ? t('answers.knockedOut') : score.passed ? t('answers.passed') : t('answers.below')}
        </Badge>
        <Text size="sm" c="dimmed">
          {t('answers.passMark', { mark: fmt.percent(qn.pass_mark / 100) })} · {t('answers.submitted', { at: fmt.dateTime(response.submitted_at) })}
        </Text>
      </Group>
      {knockOutPrompts.length > 0 && (
        <div>
          <Text size="sm" c="red" fw={500}>
            {t('answers.knockOutsTitle')}
          </Text>
          <List size="sm" c="red">
            {knockOutPrompts.map((p) => (
              <List.Item key={p}>{p}</List.Item>
            ))}
          </List>
        </div>
      )}
      <Table.ScrollContainer minWidth={520}>
        <Table verticalSpacing="xs">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('answers.col.question')}</Table.Th>
              <Table.Th>{t('answers.col.answer')}</Table.Th>
              <Table.Th ta="right">{t('answers.col.score')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {qn.questions.map((q) => {
              const s = scores.get(q.id);
              return (
                <Table.Tr key={q.id}>
                  <Table.Td>
                    <Text size="sm" fw={500}>
                      {q.prompt}
                    </Text>
                    <Text size="xs" c="dimmed">
                      {t(`questionKind.${q.kind}`)}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
                      {answerText(q, byQuestion.get(q.id), '—')}
                    </Text>
                  </Table.Td>
                  <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                    {s?.knocked_out ? (
                      <Badge color="red" size="sm" tt="none">
                        {t('answers.knockOut')}
                      </Badge>
                    ) : q.weight > 0 && s ? (
                      <Text size="sm">
                        {t('answers.points', { got: fmt.number(s.fraction * q.weight, 1), of: fmt.number(q.weight, 1) })}
                      </Text>
                    ) : (
                      <Text size="sm" c="dimmed">
                        {t('answers.notScored')}
                      </Text>
                    )}
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Stack>
  );
}
