import {
  Badge,
  Button,
  Group,
  Menu,
  ActionIcon,
  Modal,
  MultiSelect,
  type MultiSelectProps,
  Paper,
  PasswordInput,
  Skeleton,
  Stack,
  Table,
  Text,
  TextInput,
  VisuallyHidden,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { IconDots, IconEdit, IconPlus, IconUserCheck, IconUserOff } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldErrors, isApiError } from '../api/client';
import { createUser, patchUser } from '../api/endpoints';
import { keys, useUsers } from '../api/queries';
import { ROLES, type Role, type User } from '../api/types';
import { ErrorAlert } from '../components/ErrorAlert';
import { EmptyBox } from '../components/EmptyState';
import { LoadMoreOf } from '../components/LoadMore';
import { PageHeader } from '../components/PageHeader';
import { useCurrentUser } from '../lib/useCurrentUser';
import { useFormat } from '../lib/format';

const ROLE_COLORS: Record<Role, string> = {
  admin: 'grape',
  department_head: 'indigo',
  recruiter: 'teal',
  interviewer: 'cyan',
  sales_manager: 'orange',
  sales_rep: 'blue',
};

function useRoleOptions() {
  const { t } = useTranslation();
  return ROLES.map((r) => ({ value: r, label: t(`roles.${r}`) }));
}

/** Non-field server errors of a failed 400, or any other failure, as one message. */
/** The roles a user holds, chosen from every role with its translated name. */
function RolesSelect(props: MultiSelectProps) {
  const { t } = useTranslation();
  const roleOptions = useRoleOptions();
  return (
    <MultiSelect
      label={t('users.roles')}
      data={roleOptions}
      required
      searchable
      comboboxProps={{ withinPortal: true }}
      {...props}
    />
  );
}

/** A user form's error (if any) and its Cancel and submit buttons. */
function FormFooter(props: { error: unknown; onCancel: () => void; busy: boolean; submitLabel: string }) {
  const { t } = useTranslation();
  return (
    <>
      {props.error ? <ErrorAlert error={props.error} /> : null}
      <Group justify="flex-end">
        <Button variant="default" onClick={props.onCancel}>
          {t('common.cancel')}
        </Button>
        <Button type="submit" loading={props.busy}>
          {props.submitLabel}
        </Button>
      </Group>
    </>
  );
}

function formLevelError(err: unknown, known: string[]): unknown {
  if (!err) return null;
  if (isApiError(err) && err.status === 400) {
    const orphan = Object.keys(fieldErrors(err)).filter((k) => !known.includes(k));
    if (err.errors.length && !orphan.length) return null;
  }
  return err;
}

function AddUserModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const form = useForm({
    mode: 'controlled',
    initialValues: { email: '', name: '', password: '', roles: [] as string[] },
    validate: {
      email: (v) => (/^\S+@\S+\.\S+$/.test(v.trim()) ? null : t('users.emailInvalid')),
      name: (v) => (v.trim() ? null : t('users.nameRequired')),
      password: (v) => (v.length >= 10 ? null : t('users.passwordTooShort')),
      roles: (v) => (v.length ? null : t('users.rolesRequired')),
    },
  });
  const create = useMutation({
    mutationFn: () => {
      const v = form.getValues();
      return createUser({ email: v.email.trim(), name: v.name.trim(), password: v.password, roles: v.roles as Role[] });
    },
    onSuccess: (u) => {
      void qc.invalidateQueries({ queryKey: keys.users });
      notifications.show({ color: 'green', message: t('users.created', { name: u.name }) });
      form.reset();
      onClose();
    },
    onError: (err) => form.setErrors(fieldErrors(err)),
  });
  const close = () => {
    create.reset();
    form.reset();
    onClose();
  };
  const formError = formLevelError(create.error, ['email', 'name', 'password', 'roles']);

  return (
    <Modal opened={opened} onClose={close} title={t('users.addTitle')} size="md">
      <form onSubmit={form.onSubmit(() => create.mutate())} noValidate>
        <Stack gap="md">
          <TextInput label={t('users.email')} type="email" required autoComplete="off" data-autofocus {...form.getInputProps('email')} />
          <TextInput label={t('users.name')} required {...form.getInputProps('name')} />
          <PasswordInput
            label={t('users.password')}
            description={t('users.passwordHint')}
            required
            autoComplete="new-password"
            {...form.getInputProps('password')}
          />
          <RolesSelect {...form.getInputProps('roles')} />
          <FormFooter error={formError} onCancel={close} busy={create.isPending} submitLabel={t('users.add')} />
        </Stack>
      </form>
    </Modal>
  );
}

function EditUserModal({ user, onClose }: { user: User; onClose: () => void }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const form = useForm({
    mode: 'controlled',
    initialValues: { name: user.name, roles: user.roles as string[] },
    validate: {
      name: (v) => (v.trim() ? null : t('users.nameRequired')),
      roles: (v) => (v.length ? null : t('users.rolesRequired')),
    },
  });
  const save = useMutation({
    mutationFn: () => {
      const v = form.getValues();
      return patchUser(user.id, { name: v.name.trim(), roles: v.roles as Role[] });
    },
    onSuccess: (u) => {
      void qc.invalidateQueries({ queryKey: keys.users });
      void qc.invalidateQueries({ queryKey: keys.me });
      notifications.show({ color: 'green', message: t('users.saved', { name: u.name }) });
      onClose();
    },
    onError: (err) => form.setErrors(fieldErrors(err)),
  });
  const formError = formLevelError(save.error, ['name', 'roles']);
  return (
    <Modal opened onClose={onClose} title={t('users.editTitle', { email: user.email })} size="md">
      <form onSubmit={form.onSubmit(() => save.mutate())} noValidate>
        <Stack gap="md">
          <TextInput label={t('users.name')} required data-autofocus {...form.getInputProps('name')} />
          <RolesSelect {...form.getInputProps('roles')} />
          <FormFooter error={formError} onCancel={onClose} busy={save.isPending} submitLabel={t('common.save')} />
        </Stack>
      </form>
    </Modal>
  );
}

function ActiveToggleModal({ user, onClose }: { user: User; onClose: () => void }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const toggle = useMutation({
    mutationFn: () => patchUser(user.id, { active: !user.active }),
    onSuccess: (u) => {
      void qc.invalidateQueries({ queryKey: keys.users });
      notifications.show({
        color: 'green',
        message: u.active ? t('users.reactivated', { name: u.name }) : t('users.deactivated', { name: u.name }),
      });
      onClose();
    },
  });
  return (
    <Modal
      opened
      onClose={onClose}
      title={user.active ? t('users.deactivateTitle', { name: user.name }) : t('users.reactivateTitle', { name: user.name })}
    >
      <Stack gap="md">
        <Text size="sm">{user.active ? t('users.deactivateBody') : t('users.reactivateBody')}</Text>
        {toggle.isError && <ErrorAlert error={toggle.error} />}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button color={user.active ? 'red' : 'green'} loading={toggle.isPending} onClick={() => toggle.mutate()}>
            {user.active ? t('users.deactivate') : t('users.reactivate')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

export function UsersPage() {
  const { t } = useTranslation();
  const fmt = useFormat();
  const me = useCurrentUser();
  const users = useUsers();
  const [adding, setAdding] = useState(false);
  const [editing, setEditing] = useState<User | null>(null);
  const [toggling, setToggling] = useState<User | null>(null);
  const rows = [...users.items].sort(
    (a, b) => Number(b.active) - Number(a.active) || a.name.localeCompare(b.name),
  );

  return (
    <>
      <PageHeader
        title={t('users.title')}
        description={t('users.description')}
        actions={
          <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setAdding(true)}>
            {t('users.addButton')}
          </Button>
        }
      />
      {users.query.isError ? (
        <ErrorAlert error={users.query.error} onRetry={() => void users.query.refetch()} />
      ) : users.query.isPending ? (
        <Skeleton height={240} radius="md" />
      ) : rows.length === 0 ? (
        <EmptyBox title={t('users.empty')} />
      ) : (
        <Paper withBorder radius="md">
          <Table.ScrollContainer minWidth={720}>
            <Table>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('users.name')}</Table.Th>
                  <Table.Th>{t('users.email')}</Table.Th>
                  <Table.Th>{t('users.roles')}</Table.Th>
                  <Table.Th>{t('users.status')}</Table.Th>
                  <Table.Th>{t('users.since')}</Table.Th>
                  <Table.Th>
                    <VisuallyHidden>
                      {t('users.actions')}
                    </VisuallyHidden>
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {rows.map((u) => (
                  <Table.Tr key={u.id} c={u.active ? undefined : 'dimmed'}>
                    <Table.Td fw={500}>
                      {u.name}
                      {u.id === me.id && (
                        <Text span size="xs" c="dimmed" ml={6}>
                          {t('users.you')}
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>{u.email}</Table.Td>
                    <Table.Td>
                      <Group gap={4}>
                        {u.roles.map((r) => (
                          <Badge key={r} size="sm" variant="light" color={ROLE_COLORS[r] ?? 'gray'} tt="none">
                            {t(`roles.${r}`, { defaultValue: r })}
                          </Badge>
                        ))}
                      </Group>
                    </Table.Td>
                    <Table.Td>
                      <Badge size="sm" variant="dot" color={u.active ? 'green' : 'gray'} tt="none">
                        {u.active ? t('users.active') : t('users.inactive')}
                      </Badge>
                    </Table.Td>
                    <Table.Td>{fmt.date(u.created_at)}</Table.Td>
                    <Table.Td ta="right">
                      <Menu position="bottom-end" withinPortal>
                        <Menu.Target>
                          <ActionIcon variant="subtle" color="gray" aria-label={t('users.actionsFor', { name: u.name })}>
                            <IconDots size={18} aria-hidden />
                          </ActionIcon>
                        </Menu.Target>
                        <Menu.Dropdown>
                          <Menu.Item leftSection={<IconEdit size={16} aria-hidden />} onClick={() => setEditing(u)}>
                            {t('users.edit')}
                          </Menu.Item>
                          {u.active ? (
                            <Menu.Item
                              color="red"
                              leftSection={<IconUserOff size={16} aria-hidden />}
                              disabled={u.id === me.id}
                              onClick={() => setToggling(u)}
                            >
                              {t('users.deactivate')}
                            </Menu.Item>
                          ) : (
                            <Menu.Item leftSection={<IconUserCheck size={16} aria-hidden />} onClick={() => setToggling(u)}>
                              {t('users.reactivate')}
                            </Menu.Item>
                          )}
                        </Menu.Dropdown>
                      </Menu>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Paper>
      )}
      <LoadMoreOf list={users} />
      <AddUserModal opened={adding} onClose={() => setAdding(false)} />
      {editing && <EditUserModal key={editing.id} user={editing} onClose={() => setEditing(null)} />}
      {toggling && <ActiveToggleModal key={toggling.id} user={toggling} onClose={() => setToggling(null)} />}
    </>
  );
}
