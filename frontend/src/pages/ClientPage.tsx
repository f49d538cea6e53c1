import { Alert, Anchor, Breadcrumbs, Button, Grid, Group, Paper, Skeleton, Stack, Text, Title } from '@mantine/core';
import { IconLock, IconMail, IconPhone, IconUserPlus } from '@tabler/icons-react';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useAccount, type Account } from '../api/clients';
import { ActivityList } from '../components/client/ActivityList';
import { AddContactModal } from '../components/client/AddContactModal';
import { ClientGreetingsCard } from '../components/care/ClientGreetingsCard';
import { ContactHeading } from '../components/care/ContactCare';
import { OwnerBadge } from '../components/client/OwnerBadge';
import { HandOverLink } from '../components/handover/HandOverLink';
import { QuickLogForm } from '../components/client/QuickLogForm';
import { EmptyBox } from '../components/EmptyState';
import { ErrorAlert } from '../components/ErrorAlert';
import { PageHeader } from '../components/PageHeader';
import { ACTIVITY_LOGGER_ROLES, hasRole } from '../lib/roles';
import { useCurrentUser } from '../lib/useCurrentUser';

function Card({ title, id, actions, children }: { title: string; id: string; actions?: ReactNode; children: ReactNode }) {
  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby={id}>
      <Group justify="space-between" mb="md" gap="sm">
        <Title order={2} size="h4" id={id}>
          {title}
        </Title>
        {actions}
      </Group>
      {children}
    </Paper>
  );
}

/** The log form for the client's owner, or for anyone while nobody owns it; who owns it otherwise. */
function LogPanel({ account }: { account: Account }) {
  const { t } = useTranslation();
  const me = useCurrentUser();
  if (!hasRole(me, ...ACTIVITY_LOGGER_ROLES)) return null;
  if (account.owner && account.owner.id !== me.id) {
    return (
      <Alert color="gray" variant="light" icon={<IconLock size={18} aria-hidden />} title={t('client.notYoursTitle')}>
        {t('client.notYours', { name: account.owner.name })}
      </Alert>
    );
  }
  return (
    <Card title={t('client.logTitle')} id="client-log">
      <QuickLogForm account={account} />
    </Card>
  );
}

/** One client: its owner, contacts and the history of the work logged on it. */
export function ClientPage() {
  const { t } = useTranslation();
  const { id } = useParams();
  const accountId = Number(id);
  const query = useAccount(accountId);
  const [addingContact, setAddingContact] = useState(false);
  const account = query.data;

  const crumbs = (
    <Breadcrumbs mb="sm" aria-label={t('common.breadcrumbs')}>
      <Anchor component={Link} to="/clients" size="sm">
        {t('clients.title')}
      </Anchor>
      <Text size="sm">{account?.name ?? '…'}</Text>
    </Breadcrumbs>
  );

  if (query.error) {
    return (
      <>
        {crumbs}
        <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />
      </>
    );
  }
  if (!account) {
    return (
      <>
        {crumbs}
        <Skeleton height={40} mb="md" />
        <Skeleton height={240} />
      </>
    );
  }

  const contacts = account.contacts ?? [];
  const activities = account.activities ?? [];
  const place = [account.city, account.industry].filter(Boolean).join(' · ');

  return (
    <>
      {crumbs}
      <PageHeader title={account.name} description={place || undefined} />
      <Group mb="lg">
        <OwnerBadge account={account} size="xl" />
        <HandOverLink account={account} />
      </Group>
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, md: 8 }}>
          <Stack gap="lg">
            <LogPanel account={account} />
            <Card title={t('client.history')} id="client-history">
              {activities.length === 0 ? (
                <EmptyBox title={t('client.noActivity')} description={t('client.noActivityHint')} />
              ) : (
                <ActivityList activities={activities} label={t('client.history')} />
              )}
            </Card>
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 4 }}>
          <Stack gap="lg">
            <Card
              title={t('client.contacts')}
              id="client-contacts"
              actions={
                <Button size="compact-sm" variant="light" leftSection={<IconUserPlus size={14} aria-hidden />} onClick={() => setAddingContact(true)}>
                  {t('contact.add')}
                </Button>
              }
            >
              {contacts.length === 0 ? (
                <Text size="sm" c="dimmed">
                  {t('client.noContacts')}
                </Text>
              ) : (
                <Stack gap="sm" component="ul" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
                  {contacts.map((c) => (
                    <li key={c.id}>
                      <ContactHeading account={account} contact={c} />
                      {c.title && (
                        <Text size="xs" c="dimmed">
                          {c.title}
                        </Text>
                      )}
                      {c.email && (
                        <Group gap={4} wrap="nowrap">
                          <IconMail size={14} aria-hidden />
                          <Anchor href={`mailto:${c.email}`} size="sm" style={{ overflowWrap: 'anywhere' }}>
                            {c.email}
                          </Anchor>
                        </Group>
                      )}
                      {c.phone && (
                        <Group gap={4} wrap="nowrap">
                          <IconPhone size={14} aria-hidden />
                          <Anchor href={`tel:${c.phone.replace(/\s+/g, '')}`} size="sm">
                            {c.phone}
                          </Anchor>
                        </Group>
                      )}
                    </li>
                  ))}
                </Stack>
              )}
            </Card>
            <ClientGreetingsCard account={account} />
          </Stack>
        </Grid.Col>
      </Grid>
      <AddContactModal account={account} opened={addingContact} onClose={() => setAddingContact(false)} />
    </>
  );
}
