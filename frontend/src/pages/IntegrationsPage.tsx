import {
  ActionIcon,
  Alert,
  Badge,
  Button,
  Code,
  CopyButton,
  Group,
  Modal,
  Stack,
  Table,
  Text,
  TextInput,
  Tooltip,
  VisuallyHidden,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { IconAlertTriangle, IconBan, IconCheck, IconCopy, IconPlus } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldErrors, isApiError } from '../api/client';
import { createToken, revokeToken, tokenKeys, useTokens, type IntegrationToken, type NewIntegrationToken } from '../api/tokens';
import { DataTable } from '../components/DataTable';
import { ErrorAlert } from '../components/ErrorAlert';
import { PageHeader } from '../components/PageHeader';
import { QueryView } from '../components/QueryView';
import { useFormat } from '../lib/format';

/** A curl command that logs a call with client 1 using the token, against this very server. */
function curlExample(token: string): string {
  return [
    `curl -H "Authorization: Bearer ${token}" \\`,
    `  -H 'Content-Type: application/json' \\`,
    `  ${window.location.origin}/api/v1/activities \\`,
    `  -d '{"account_id": 1, "kind": "call"}'`,
  ].join('\n');
}

/** A small icon button that copies value, saying so for a moment. */
function CopyIcon({ value, label }: { value: string; label: string }) {
  const { t } = useTranslation();
  return (
    <CopyButton value={value} timeout={2000}>
      {({ copied, copy }) => (
        <Tooltip label={copied ? t('integrations.copied') : label} withArrow>
          <ActionIcon
            variant="subtle"
            color={copied ? 'teal' : 'gray'}
            onClick={copy}
            aria-label={copied ? t('integrations.copied') : label}
          >
            {copied ? <IconCheck size={16} aria-hidden /> : <IconCopy size={16} aria-hidden />}
          </ActionIcon>
        </Tooltip>
      )}
    </CopyButton>
  );
}

/** Asks for the token's name, makes it and hands the new token (with its secret) to onCreated. */
function NewTokenModal(props: { opened: boolean; onClose: () => void; onCreated: (t: NewIntegrationToken) => void }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const form = useForm({
    mode: 'controlled',
    initialValues: { name: '' },
    validate: { name: (v) => (v.trim() ? null : t('integrations.nameRequired')) },
  });
  const create = useMutation({
    mutationFn: () => createToken(form.getValues().name.trim()),
    onSuccess: (tok) => {
      void qc.invalidateQueries({ queryKey: tokenKeys.tokens });
      form.reset();
      props.onCreated(tok);
    },
    onError: (err) => form.setErrors(fieldErrors(err)),
  });
  const close = () => {
    create.reset();
    form.reset();
    props.onClose();
  };
  // A 400 naming only the name field shows under it; anything else shows above the buttons.
  const formError =
    create.isError &&
    (!isApiError(create.error) ||
      create.error.status !== 400 ||
      !create.error.errors.length ||
      Object.keys(fieldErrors(create.error)).some((k) => k !== 'name'))
      ? create.error
      : null;

  return (
    <Modal opened={props.opened} onClose={close} title={t('integrations.newTitle')}>
      <form onSubmit={form.onSubmit(() => create.mutate())} noValidate>
        <Stack gap="md">
          <TextInput
            label={t('integrations.name')}
            description={t('integrations.nameHint')}
            placeholder={t('integrations.namePlaceholder')}
            required
            maxLength={100}
            autoComplete="off"
            data-autofocus
            {...form.getInputProps('name')}
          />
          {formError ? <ErrorAlert error={formError} /> : null}
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={create.isPending}>
              {t('integrations.create')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

/** The new token's secret, shown this once, with a curl command that logs a call with it. */
function TokenCreatedModal({ token, onClose }: { token: NewIntegrationToken; onClose: () => void }) {
  const { t } = useTranslation();
  const curl = curlExample(token.token);
  return (
    <Modal
      opened
      onClose={onClose}
      title={t('integrations.createdTitle', { name: token.name })}
      size="lg"
      closeOnClickOutside={false}
    >
      <Stack gap="md">
        <Alert color="yellow" variant="light" icon={<IconAlertTriangle size={18} aria-hidden />} title={t('integrations.onceTitle')}>
          {t('integrations.onceBody')}
        </Alert>
        <TextInput
          label={t('integrations.token')}
          value={token.token}
          readOnly
          onFocus={(e) => e.currentTarget.select()}
          styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)' } }}
          rightSection={<CopyIcon value={token.token} label={t('integrations.copyToken')} />}
          data-testid="new-token"
        />
        <Stack gap={6}>
          <Group justify="space-between" wrap="nowrap" gap="xs">
            <Text size="sm" fw={500} id="token-curl-label">
              {t('integrations.tryIt')}
            </Text>
            <CopyIcon value={curl} label={t('integrations.copyCurl')} />
          </Group>
          <Code block aria-labelledby="token-curl-label" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
            {curl}
          </Code>
          <Text size="xs" c="dimmed">
            {t('integrations.tryItHint')}
          </Text>
        </Stack>
        <Group justify="flex-end">
          <Button onClick={onClose}>{t('integrations.done')}</Button>
        </Group>
      </Stack>
    </Modal>
  );
}

/** Confirms, then revokes a token: whatever uses it is refused from then on. */
function RevokeTokenModal({ token, onClose }: { token: IntegrationToken; onClose: () => void }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const revoke = useMutation({
    mutationFn: () => revokeToken(token.id),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: tokenKeys.tokens });
      notifications.show({ color: 'green', message: t('integrations.revoked', { name: token.name }) });
      onClose();
    },
  });
  return (
    <Modal opened onClose={onClose} title={t('integrations.revokeTitle', { name: token.name })}>
      <Stack gap="md">
        <Text size="sm">{t('integrations.revokeBody')}</Text>
        {revoke.isError && <ErrorAlert error={revoke.error} />}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button color="red" loading={revoke.isPending} onClick={() => revoke.mutate()}>
            {t('integrations.revoke')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

/** A sales rep's or manager's integration tokens: keys for a phone system or CRM to log their calls. */
export function IntegrationsPage() {
  const { t } = useTranslation();
  const fmt = useFormat();
  const tokens = useTokens();
  const [adding, setAdding] = useState(false);
  const [created, setCreated] = useState<NewIntegrationToken | null>(null);
  const [revoking, setRevoking] = useState<IntegrationToken | null>(null);
  // Active tokens first, each group newest first (the server lists newest first).
  const rows = [...(tokens.data ?? [])].sort((a, b) => Number(!!a.revoked_at) - Number(!!b.revoked_at));
  const newButton = (
    <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setAdding(true)}>
      {t('integrations.new')}
    </Button>
  );

  return (
    <>
      <PageHeader title={t('integrations.title')} description={t('integrations.description')} actions={newButton} />
      <QueryView
        error={tokens.error}
        pending={tokens.isPending}
        empty={rows.length === 0}
        onRetry={() => void tokens.refetch()}
        emptyTitle={t('integrations.empty')}
        emptyHint={t('integrations.emptyHint')}
      >
        <div data-testid="tokens-table">
          <DataTable
            minWidth={640}
            columns={[
              { label: t('integrations.name') },
              { label: t('integrations.created') },
              { label: t('integrations.lastUsed') },
              { label: t('integrations.status') },
              { label: <VisuallyHidden>{t('integrations.actions')}</VisuallyHidden>, align: 'right' },
            ]}
          >
            {rows.map((tok) => (
              <Table.Tr key={tok.id} c={tok.revoked_at ? 'dimmed' : undefined}>
                <Table.Td fw={500} style={{ overflowWrap: 'anywhere' }}>
                  {tok.name}
                </Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>{fmt.date(tok.created_at)}</Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>
                  {tok.last_used_at ? (
                    fmt.dateTime(tok.last_used_at)
                  ) : (
                    <Text span size="sm" c="dimmed">
                      {t('integrations.neverUsed')}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>
                  {tok.revoked_at ? (
                    <Tooltip label={t('integrations.revokedOn', { date: fmt.dateTime(tok.revoked_at) })} withArrow>
                      <Badge size="sm" variant="dot" color="gray" tt="none">
                        {t('integrations.statusRevoked')}
                      </Badge>
                    </Tooltip>
                  ) : (
                    <Badge size="sm" variant="dot" color="green" tt="none">
                      {t('integrations.statusActive')}
                    </Badge>
                  )}
                </Table.Td>
                <Table.Td ta="right">
                  {!tok.revoked_at && (
                    <Button
                      size="xs"
                      variant="subtle"
                      color="red"
                      leftSection={<IconBan size={14} aria-hidden />}
                      aria-label={t('integrations.revokeFor', { name: tok.name })}
                      onClick={() => setRevoking(tok)}
                    >
                      {t('integrations.revoke')}
                    </Button>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </DataTable>
        </div>
      </QueryView>
      <NewTokenModal
        opened={adding}
        onClose={() => setAdding(false)}
        onCreated={(tok) => {
          setAdding(false);
          setCreated(tok);
        }}
      />
      {created && <TokenCreatedModal key={created.id} token={created} onClose={() => setCreated(null)} />}
      {revoking && <RevokeTokenModal key={revoking.id} token={revoking} onClose={() => setRevoking(null)} />}
    </>
  );
}
