import { Alert, Anchor, Box, Breadcrumbs, Grid, Skeleton, Stack, Table, Text } from '@mantine/core';
import { IconAlertTriangle, IconPhoneCheck } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { isApiError } from '../api/client';
import { useGreeting, type Greeting } from '../api/care';
import { useAccount } from '../api/clients';
import { CallDoneForm } from '../components/care/CallDoneForm';
import { CallStatusBadge, CardStatusBadge, CareSection } from '../components/care/CareBits';
import { GreetingCardEditor } from '../components/care/GreetingCardEditor';
import { DataTable } from '../components/DataTable';
import { ErrorAlert } from '../components/ErrorAlert';
import { PageHeader } from '../components/PageHeader';
import { callState, formatDay, occasionName } from '../lib/care';
import { useFormat } from '../lib/format';
import { useCurrentUser } from '../lib/useCurrentUser';

/** One greeting (notifications link here): its client, occasion and day, the owner's call and the e-cards. */
export function GreetingPage() {
  const { t, i18n } = useTranslation();
  const { id } = useParams();
  const query = useGreeting(Number(id));
  const g = query.data;

  const crumbs = (
    <Breadcrumbs mb="sm" aria-label={t('common.breadcrumbs')}>
      <Anchor component={Link} to="/greetings" size="sm">
        {t('care.list.title')}
      </Anchor>
      <Text size="sm">{g ? occasionName(g, i18n.resolvedLanguage ?? 'en') : '…'}</Text>
    </Breadcrumbs>
  );
  if (!g) {
    return (
      <>
        {crumbs}
        {isApiError(query.error) && (query.error.status === 403 || query.error.status === 404) ? (
          <ErrorAlert message={t(query.error.status === 403 ? 'care.greeting.forbidden' : 'care.greeting.notFound')} />
        ) : query.error ? (
          <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />
        ) : (
          <>
            <Skeleton height={40} mb="md" />
            <Skeleton height={320} />
          </>
        )}
      </>
    );
  }
  return (
    <>
      {crumbs}
      <GreetingView greeting={g} />
    </>
  );
}

function Detail({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <Text size="xs" fw={700} tt="uppercase" c="dimmed">
        {label}
      </Text>
      <Text component="div" size="sm" style={{ overflowWrap: 'anywhere' }}>
        {children}
      </Text>
    </div>
  );
}

function GreetingView({ greeting: g }: { greeting: Greeting }) {
  const { t, i18n } = useTranslation();
  const fmt = useFormat();
  const me = useCurrentUser();
  const account = useAccount(g.account_id);
  const lang = i18n.resolvedLanguage ?? 'en';
  const isOwner = g.owner.id === me.id;
  const state = callState(g);
  const name = occasionName(g, lang);
  const contactName = (contactId: number) => account.data?.contacts?.find((c) => c.id === contactId)?.name;
  const cards = g.cards ?? [];

  return (
    <>
      <PageHeader
        title={name}
        description={t('care.greeting.description', { client: g.account, day: formatDay(fmt, g.day) })}
        badge={<CallStatusBadge greeting={g} size="md" />}
      />
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, md: 5 }}>
          <Stack gap="lg">
            <CareSection title={t('care.greeting.detailsTitle')} id="greeting-details">
              <Stack gap="sm" data-testid="greeting-details">
                <Detail label={t('care.greeting.client')}>
                  <Anchor component={Link} to={`/clients/${g.account_id}`} size="sm" fw={600}>
                    {g.account}
                  </Anchor>
                </Detail>
                <Detail label={t('care.greeting.occasion')}>{name}</Detail>
                <Detail label={t('care.greeting.day')}>{formatDay(fmt, g.day)}</Detail>
                <Detail label={t('care.greeting.owner')}>{isOwner ? t('care.greeting.ownerYou', { name: g.owner.name }) : g.owner.name}</Detail>
              </Stack>
            </CareSection>

            <CareSection title={t('care.call.title')} id="greeting-call">
              <Stack gap="sm" data-testid="greeting-call">
                {state === 'done' ? (
                  <Alert color="green" variant="light" icon={<IconPhoneCheck size={18} aria-hidden />} title={t('care.call.doneTitle')} data-testid="call-done">
                    <Stack gap={4}>
                      <Text size="sm">{t('care.call.doneText', { at: g.call_done_at ? fmt.dateTime(g.call_done_at) : '—' })}</Text>
                      {g.call_note && (
                        <Text size="sm" fs="italic" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
                          “{g.call_note}”
                        </Text>
                      )}
                    </Stack>
                  </Alert>
                ) : (
                  <>
                    {state === 'overdue' && (
                      <Alert color="red" variant="light" icon={<IconAlertTriangle size={18} aria-hidden />} title={t('care.call.overdueTitle')}>
                        {g.escalated_at ? t('care.call.overdueEscalated', { day: formatDay(fmt, g.day) }) : t('care.call.overdueText', { day: formatDay(fmt, g.day) })}
                      </Alert>
                    )}
                    {isOwner ? (
                      <>
                        <Text size="sm">{t('care.call.ownerHint', { client: g.account, day: formatDay(fmt, g.day) })}</Text>
                        <CallDoneForm greeting={g} />
                      </>
                    ) : (
                      <Text size="sm" c="dimmed">
                        {t('care.call.othersHint', { name: g.owner.name, client: g.account, day: formatDay(fmt, g.day) })}
                      </Text>
                    )}
                  </>
                )}
              </Stack>
            </CareSection>

            <CareSection title={t('care.cards.title')} id="greeting-cards">
              {cards.length === 0 ? (
                <Text size="sm" c="dimmed">
                  {t('care.cards.none')}
                </Text>
              ) : (
                <div data-testid="greeting-cards">
                  <DataTable
                    minWidth={360}
                    columns={[{ label: t('care.cards.to') }, { label: t('care.cards.language') }, { label: t('care.cards.statusLabel') }]}
                  >
                    {cards.map((c) => (
                      <Table.Tr key={c.id}>
                        <Table.Td>
                          {contactName(c.contact_id) && (
                            <Text size="sm" fw={500}>
                              {contactName(c.contact_id)}
                            </Text>
                          )}
                          <Text size="xs" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
                            {c.email}
                          </Text>
                        </Table.Td>
                        <Table.Td>{t(`care.locale.${c.locale}`, { defaultValue: c.locale })}</Table.Td>
                        <Table.Td>
                          <Stack gap={2} align="flex-start">
                            <CardStatusBadge status={c.status} />
                            {c.sent_at && (
                              <Text size="xs" c="dimmed">
                                {fmt.dateTime(c.sent_at)}
                              </Text>
                            )}
                          </Stack>
                        </Table.Td>
                      </Table.Tr>
                    ))}
                  </DataTable>
                </div>
              )}
            </CareSection>
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 7 }}>
          <CareSection title={t('care.card.title')} id="greeting-card">
            <Box>
              <GreetingCardEditor key={g.id} greeting={g} isOwner={isOwner} />
            </Box>
          </CareSection>
        </Grid.Col>
      </Grid>
    </>
  );
}
