import { AppShell, Avatar, Badge, Burger, Center, Group, Loader, Menu, NavLink, ScrollArea, Stack, Text, UnstyledButton } from '@mantine/core';
import { lazy, Suspense, useState } from 'react';
import { useDisclosure } from '@mantine/hooks';
import { IconBriefcase, IconCalendarEvent, IconChartBar, IconChecklist, IconChevronDown, IconCoin, IconFileDollar, IconFileSpreadsheet, IconHistory, IconKey, IconLogout, IconMail, IconMasksTheater, IconScale, IconUsers } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, Outlet, useLocation, useNavigate } from 'react-router';
import { logout } from '../api/endpoints';
import { usePlans } from '../api/queries';
import { CALIBRATION_READER_ROLES, hasRole, INTERVIEWER_ROLES, OFFER_READER_ROLES, OPENING_READER_ROLES, PAY_PLAN_READER_ROLES, PLAN_READER_ROLES, REPORT_READER_ROLES, SCENARIO_READER_ROLES } from '../lib/roles';
import { useOffers } from '../api/offers';
import { LanguageSwitcher } from './LanguageSwitcher';
import { Logo } from './Logo';
import { NotificationsBell } from './NotificationsBell';
import { useCurrentUser } from '../lib/useCurrentUser';
import { IconAddressBook, IconPhonePlus } from '@tabler/icons-react';
import { ACTIVITY_LOGGER_ROLES, CLIENT_READER_ROLES } from '../lib/roles';
import { IconArrowsExchange } from '@tabler/icons-react';
import { HANDOVER_ROLES } from '../lib/roles';
import { IconCalendarStats, IconReceipt2, IconUsersGroup } from '@tabler/icons-react';
import { MY_MONTH_ROLES, PAY_STATEMENT_READER_ROLES, TEAM_READER_ROLES } from '../lib/roles';
import { IconPresentation } from '@tabler/icons-react';
import { MEETING_ROLES } from '../lib/roles';
import { IconPlugConnected } from '@tabler/icons-react';
import { INTEGRATION_TOKEN_ROLES } from '../lib/roles';
import { IconLayoutDashboard } from '@tabler/icons-react';
import { DASHBOARD_ROLES } from '../lib/roles';
import { IconHome } from '@tabler/icons-react';
import { HOME_ROLES } from '../lib/roles';
import { IconCalendarHeart, IconGift } from '@tabler/icons-react';
import { GREETING_ROLES, OCCASION_READER_ROLES } from '../lib/roles';

// The password dialog (with the modal and form code) is loaded only once the account menu is first opened.
const ChangePasswordModal = lazy(() => import('./ChangePasswordModal').then((m) => ({ default: m.ChangePasswordModal })));

function initials(name: string): string {
  return name
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((p) => p[0]?.toUpperCase())
    .join('');
}

export function AppLayout() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const [opened, { toggle, close }] = useDisclosure();
  const [passwordOpened, { open: openPassword, close: closePassword }] = useDisclosure();
  const [accountMenuUsed, setAccountMenuUsed] = useState(false);
  const location = useLocation();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const isHead = hasRole(user, 'department_head');
  const pending = usePlans('pending_approval', isHead);
  const pendingCount = pending.data?.length ?? 0;
  const awaitingOffers = useOffers({ awaiting: true }, isHead);
  const offerCount = awaitingOffers.total;

  const signOut = useMutation({
    mutationFn: logout,
    onSettled: () => {
      qc.clear();
      navigate('/login', { replace: true });
    },
  });

  const nav = [
    { to: '/home', label: t('nav.home'), icon: IconHome, show: hasRole(user, ...HOME_ROLES) },
    { to: '/dashboard', label: t('nav.dashboard'), icon: IconLayoutDashboard, show: hasRole(user, ...DASHBOARD_ROLES) },
    { to: '/plans', label: t('nav.plans'), icon: IconFileSpreadsheet, show: hasRole(user, ...PLAN_READER_ROLES) },
    { to: '/approvals', label: t('nav.approvals'), icon: IconChecklist, show: isHead, count: pendingCount },
    { to: '/openings', label: t('nav.openings'), icon: IconBriefcase, show: hasRole(user, ...OPENING_READER_ROLES) },
    { to: '/log', label: t('nav.logActivity'), icon: IconPhonePlus, show: hasRole(user, ...ACTIVITY_LOGGER_ROLES) },
    { to: '/clients', label: t('nav.clients'), icon: IconAddressBook, show: hasRole(user, ...CLIENT_READER_ROLES) },
    { to: '/handovers', label: t('nav.handovers'), icon: IconArrowsExchange, show: hasRole(user, ...HANDOVER_ROLES) },
    { to: '/greetings', label: t('nav.greetings'), icon: IconGift, show: hasRole(user, ...GREETING_ROLES) },
    { to: '/occasions', label: t('nav.occasions'), icon: IconCalendarHeart, show: hasRole(user, ...OCCASION_READER_ROLES) },
    { to: '/my-month', label: t('nav.myMonth'), icon: IconCalendarStats, show: hasRole(user, ...MY_MONTH_ROLES) },
    { to: '/teams', label: t('nav.meetings'), icon: IconPresentation, show: hasRole(user, ...MEETING_ROLES) },
    { to: '/team', label: t('nav.team'), icon: IconUsersGroup, show: hasRole(user, ...TEAM_READER_ROLES) },
    { to: '/pay-statements', label: t('nav.payStatements'), icon: IconReceipt2, show: hasRole(user, ...PAY_STATEMENT_READER_ROLES) },
    { to: '/offers', label: t('nav.offers'), icon: IconFileDollar, show: hasRole(user, ...OFFER_READER_ROLES), count: offerCount, countLabel: t('nav.offersCount', { count: offerCount }) },
    { to: '/pay-plans', label: t('nav.payPlans'), icon: IconCoin, show: hasRole(user, ...PAY_PLAN_READER_ROLES) },
    { to: '/my-interviews', label: t('nav.myInterviews'), icon: IconCalendarEvent, show: hasRole(user, ...INTERVIEWER_ROLES) },
    { to: '/scenarios', label: t('nav.scenarios'), icon: IconMasksTheater, show: hasRole(user, ...SCENARIO_READER_ROLES) },
    { to: '/reports', label: t('nav.reports'), icon: IconChartBar, show: hasRole(user, ...REPORT_READER_ROLES) },
    { to: '/calibration', label: t('nav.calibration'), icon: IconScale, show: hasRole(user, ...CALIBRATION_READER_ROLES) },
    { to: '/users', label: t('nav.users'), icon: IconUsers, show: hasRole(user, 'admin') },
    { to: '/outbox', label: t('nav.outbox'), icon: IconMail, show: hasRole(user, 'admin') },
    { to: '/audit', label: t('nav.audit'), icon: IconHistory, show: hasRole(user, 'admin') },
  ].filter((n) => n.show);

  return (
    <AppShell
      header={{ height: 60 }}
      navbar={{ width: 240, breakpoint: 'sm', collapsed: { mobile: !opened } }}
      padding={{ base: 'sm', sm: 'lg' }}
    >
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            <Burger
              opened={opened}
              onClick={toggle}
              hiddenFrom="sm"
              size="sm"
              aria-label={opened ? t('nav.closeMenu') : t('nav.openMenu')}
            />
            <Logo />
          </Group>
          <Group gap="xs" wrap="nowrap">
            <Group visibleFrom="xs">
              <LanguageSwitcher compact signedIn />
            </Group>
            <NotificationsBell />
            <Menu position="bottom-end" width={220} shadow="md" onOpen={() => setAccountMenuUsed(true)}>
              <Menu.Target>
                <UnstyledButton aria-label={t('nav.accountMenu', { name: user.name })} data-testid="user-menu">
                  <Group gap={8} wrap="nowrap">
                    <Avatar size={32} radius="xl" color="indigo">
                      {initials(user.name)}
                    </Avatar>
                    <Text size="sm" fw={500} visibleFrom="sm" maw={160} truncate>
                      {user.name}
                    </Text>
                    <IconChevronDown size={14} aria-hidden />
                  </Group>
                </UnstyledButton>
              </Menu.Target>
              <Menu.Dropdown>
                <Menu.Label>
                  <Text size="sm" fw={600} c="dark">
                    {user.name}
                  </Text>
                  <Text size="xs" c="dimmed" truncate>
                    {user.email}
                  </Text>
                </Menu.Label>
                <Menu.Divider />
                <Menu.Item leftSection={<IconKey size={16} aria-hidden />} onClick={openPassword}>
                  {t('password.title')}
                </Menu.Item>
                {hasRole(user, ...INTEGRATION_TOKEN_ROLES) && (
                  <Menu.Item component={Link} to="/integrations" leftSection={<IconPlugConnected size={16} aria-hidden />}>
                    {t('nav.integrations')}
                  </Menu.Item>
                )}
                <Menu.Item
                  leftSection={<IconLogout size={16} aria-hidden />}
                  onClick={() => signOut.mutate()}
                  color="red"
                >
                  {t('nav.logout')}
                </Menu.Item>
              </Menu.Dropdown>
            </Menu>
          </Group>
        </Group>
      </AppShell.Header>
      {(accountMenuUsed || passwordOpened) && (
        <Suspense fallback={null}>
          <ChangePasswordModal opened={passwordOpened} onClose={closePassword} />
        </Suspense>
      )}

      <AppShell.Navbar p="sm" aria-label={t('nav.main')}>
        {/* The list scrolls when it is taller than the window (an admin's is long). */}
        <AppShell.Section grow component={ScrollArea} type="auto">
        <Stack gap={4} component="nav">
          {nav.map((item) => {
            const active = location.pathname === item.to || location.pathname.startsWith(`${item.to}/`);
            return (
              <NavLink
                key={item.to}
                component={Link}
                to={item.to}
                label={item.label}
                active={active}
                aria-current={active ? 'page' : undefined}
                onClick={close}
                leftSection={<item.icon size={18} aria-hidden />}
                rightSection={
                  item.count ? (
                    <Badge size="sm" circle color="red" aria-label={'countLabel' in item && item.countLabel ? item.countLabel : t('nav.pendingCount', { count: item.count })}>
                      {item.count}
                    </Badge>
                  ) : undefined
                }
                style={{ borderRadius: 'var(--mantine-radius-md)' }}
              />
            );
          })}
        </Stack>
        </AppShell.Section>
        <Stack mt="auto" hiddenFrom="xs" pt="md">
          <LanguageSwitcher signedIn />
        </Stack>
      </AppShell.Navbar>

      <AppShell.Main>
        <div style={{ maxWidth: 1280, margin: '0 auto' }}>
          <Suspense
            fallback={
              <Center py="xl">
                <Loader size="sm" aria-label={t('common.loading')} />
              </Center>
            }
          >
            <Outlet />
          </Suspense>
        </div>
      </AppShell.Main>
    </AppShell>
  );
}
