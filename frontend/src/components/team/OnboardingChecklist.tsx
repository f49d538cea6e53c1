import { Badge, Button, Group, type MantineSpacing, Paper, Progress, Skeleton, Stack, Text, ThemeIcon, Title, Tooltip } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconCheck, IconCircleDashed } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { TFunction } from 'i18next';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/client';
import type { User } from '../../api/types';
import { completeOnboardingTask, onboardingKeys, useOnboarding, type Employee, type OnboardingTask } from '../../api/team';
import { errorMessage } from '../../lib/errors';
import { useFormat } from '../../lib/format';
import { hasRole } from '../../lib/roles';
import { today } from '../../lib/team';
import { useCurrentUser } from '../../lib/useCurrentUser';
import { ErrorAlert } from '../ErrorAlert';

type Hire = Pick<Employee, 'id' | 'user' | 'role'>;

/** Who may tick a task off, as POST /onboarding-tasks/{id}/done decides (api/employees.go, completeTask). */
function mayTick(me: User, hire: Hire, task: OnboardingTask): boolean {
  if (hasRole(me, 'department_head', 'admin')) return true;
  if (task.assignee === 'hire') return me.id === hire.user.id;
  if (task.assignee === 'manager') return hasRole(me, 'sales_manager');
  return false;
}

/** The task is the viewer's own to do (not merely one they may tick as a department head or admin). */
function isMine(me: User, hire: Hire, task: OnboardingTask): boolean {
  if (task.assignee === 'hire') return me.id === hire.user.id;
  if (task.assignee === 'manager') return me.id !== hire.user.id && hasRole(me, 'sales_manager');
  if (task.assignee === 'admin') return hasRole(me, 'admin');
  return false;
}

/**
 * A task's title in the reader's language: the server writes the template's English title, whose keys repeat
 * across roles with different words ("welcome" is the team for a rep, the department head for a manager), so
 * the key is looked up under the role's template (the rep's for any other role, as models.OnboardingFor does).
 * An unknown key shows the title as the server wrote it.
 */
function taskTitle(task: OnboardingTask, role: string, t: TFunction): string {
  const template = role === 'sales_manager' ? 'sales_manager' : 'sales_rep';
  return t(`onboarding.task.${template}.${task.key}`, { defaultValue: task.title });
}

/** YYYY-MM-DD of an instant, local time. */
function localDay(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return '';
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

function TaskRow({
  task,
  hire,
  title,
  onTick,
  ticking,
  busy,
}: {
  task: OnboardingTask;
  hire: Hire;
  title: string;
  onTick: () => void;
  ticking: boolean;
  busy: boolean;
}) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const me = useCurrentUser();
  const done = !!task.done_at;
  const may = mayTick(me, hire, task);
  const mine = isMine(me, hire, task);
  // Due is a day (nine in the morning, UTC): "due today" on that day, overdue from the next one.
  const day = localDay(task.due_at);
  const now = today();
  const overdue = !done && day !== '' && day < now;
  const dueToday = !done && day === now;
  const doneBy =
    task.done_by == null
      ? undefined
      : task.done_by === me.id
        ? t('onboarding.byYou')
        : task.done_by === hire.user.id
          ? hire.user.name
          : undefined;
  const highlight = mine && !done;

  return (
    <Paper
      withBorder
      radius="md"
      p="sm"
      data-testid="onboarding-task"
      data-key={task.key}
      data-done={done ? 'true' : 'false'}
      data-mine={mine ? 'true' : 'false'}
      bg={highlight ? 'var(--mantine-color-indigo-light)' : undefined}
      style={highlight ? { borderColor: 'var(--mantine-color-indigo-filled)' } : undefined}
    >
      <Group justify="space-between" align="flex-start" wrap="nowrap" gap="sm">
        <Group align="flex-start" wrap="nowrap" gap="sm" style={{ minWidth: 0 }}>
          <ThemeIcon
            size="md"
            radius="xl"
            variant={done ? 'filled' : 'light'}
            color={done ? 'green' : 'gray'}
            aria-hidden
          >
            {done ? <IconCheck size={16} /> : <IconCircleDashed size={16} />}
          </ThemeIcon>
          <Stack gap={4} style={{ minWidth: 0 }}>
            <Text size="sm" fw={600} c={done ? 'dimmed' : undefined} td={done ? 'line-through' : undefined}>
              {title}
            </Text>
            <Group gap="xs" wrap="wrap">
              <Text size="xs" c="dimmed">
                {t('onboarding.due', { date: fmt.date(task.due_at) })}
              </Text>
              {overdue && (
                <Badge size="sm" color="red" variant="light" tt="none">
                  {t('onboarding.overdue')}
                </Badge>
              )}
              {dueToday && (
                <Badge size="sm" color="orange" variant="light" tt="none">
                  {t('onboarding.dueToday')}
                </Badge>
              )}
              <Badge size="sm" color="gray" variant="outline" tt="none">
                {t(`onboarding.assignee.${task.assignee}`, { defaultValue: task.assignee })}
              </Badge>
              {highlight && (
                <Badge size="sm" color="indigo" variant="filled" tt="none">
                  {t('onboarding.yours')}
                </Badge>
              )}
            </Group>
            {done && task.done_at && (
              <Text size="xs" c="green.8" data-testid="onboarding-done">
                {doneBy
                  ? t('onboarding.doneOnBy', { date: fmt.date(task.done_at), name: doneBy })
                  : t('onboarding.doneOn', { date: fmt.date(task.done_at) })}
              </Text>
            )}
          </Stack>
        </Group>
        {!done &&
          (may ? (
            <Button
              size="xs"
              variant={highlight ? 'filled' : 'light'}
              leftSection={<IconCheck size={14} aria-hidden />}
              loading={ticking}
              disabled={busy && !ticking}
              onClick={onTick}
              aria-label={t('onboarding.markDoneFor', { task: title })}
              style={{ flexShrink: 0 }}
            >
              {t('onboarding.markDone')}
            </Button>
          ) : (
            <Tooltip label={t(`onboarding.notYours.${task.assignee}`, { defaultValue: t('onboarding.notYours.other') })} multiline maw={260}>
              <Button
                size="xs"
                variant="default"
                data-disabled
                aria-disabled
                onClick={(e) => e.preventDefault()}
                aria-label={t('onboarding.markDoneFor', { task: title })}
                style={{ flexShrink: 0 }}
              >
                {t('onboarding.markDone')}
              </Button>
            </Tooltip>
          ))}
      </Group>
    </Paper>
  );
}

/**
 * A hire's onboarding checklist (GET /employees/{id}/onboarding): progress, then each task in due order with
 * who does it and when it is due; whoever may tick a task off marks it done. Once every task is done the card
 * folds to "Onboarding complete" with a toggle to show the tasks. Nothing is shown for an employee without a
 * checklist.
 */
export function OnboardingChecklist({ employee, mb }: { employee: Hire; mb?: MantineSpacing }) {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const qc = useQueryClient();
  const query = useOnboarding(employee.id);
  const [open, setOpen] = useState(false);
  const self = employee.user.id === me.id;
  const tick = useMutation({
    mutationFn: (task: OnboardingTask) => completeOnboardingTask(task.id),
    onSuccess: (_done, task) => {
      notifications.show({ color: 'green', message: t('onboarding.ticked', { task: taskTitle(task, employee.role, t) }) });
    },
    onError: (err) =>
      notifications.show({
        color: 'red',
        message: isApiError(err) && err.status === 409 ? t('onboarding.alreadyDone') : errorMessage(err, t),
      }),
    onSettled: () => qc.invalidateQueries({ queryKey: onboardingKeys.list(employee.id) }),
  });

  const tasks = query.data;
  if (tasks && tasks.length === 0) return null;
  const total = tasks?.length ?? 0;
  const doneCount = tasks?.filter((x) => x.done_at).length ?? 0;
  const complete = total > 0 && doneCount === total;
  const showTasks = !complete || open;
  const progressText = t('onboarding.progress', { done: doneCount, total });

  return (
    <Paper withBorder radius="md" p="md" mb={mb} component="section" aria-labelledby="employee-onboarding" data-testid="onboarding">
      <Group justify="space-between" mb="sm" gap="sm" wrap="wrap">
        <Title order={2} size="h4" id="employee-onboarding">
          {t('onboarding.title')}
        </Title>
        {tasks && (
          <Group gap="sm">
            {complete && (
              <Badge color="green" variant="light" tt="none" leftSection={<IconCheck size={12} aria-hidden />}>
                {t('onboarding.complete')}
              </Badge>
            )}
            <Text size="sm" c="dimmed" data-testid="onboarding-progress">
              {progressText}
            </Text>
          </Group>
        )}
      </Group>
      {query.error && !tasks ? (
        <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />
      ) : !tasks ? (
        <Skeleton height={120} />
      ) : (
        <Stack gap="sm">
          {self && !complete && (
            <Text size="sm" c="dimmed">
              {t('onboarding.selfHint')}
            </Text>
          )}
          {/* The root carries the progressbar role: Mantine's section would say "57.14%" and is hidden at 0. */}
          <Progress.Root
            size="lg"
            radius="xl"
            role="progressbar"
            aria-label={t('onboarding.title')}
            aria-valuemin={0}
            aria-valuemax={total}
            aria-valuenow={doneCount}
            aria-valuetext={progressText}
          >
            <Progress.Section value={total > 0 ? (doneCount / total) * 100 : 0} color={complete ? 'green' : 'indigo'} withAria={false} />
          </Progress.Root>
          {complete && (
            <Group>
              <Button variant="subtle" size="xs" onClick={() => setOpen((o) => !o)} aria-expanded={open}>
                {open ? t('onboarding.hideTasks') : t('onboarding.showTasks')}
              </Button>
            </Group>
          )}
          {showTasks && (
            <Stack gap="xs" data-testid="onboarding-tasks">
              {tasks.map((task) => (
                <TaskRow
                  key={task.id}
                  task={task}
                  hire={employee}
                  title={taskTitle(task, employee.role, t)}
                  onTick={() => tick.mutate(task)}
                  ticking={tick.isPending && tick.variables?.id === task.id}
                  busy={tick.isPending}
                />
              ))}
            </Stack>
          )}
        </Stack>
      )}
    </Paper>
  );
}
