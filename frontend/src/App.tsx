import { Center, Loader, MantineProvider } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { QueryCache, QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { lazy, Suspense, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { BrowserRouter, Navigate, Route, Routes, useNavigate } from 'react-router';
import { isApiError, setUnauthorizedHandler } from './api/client';
import { AppLayout } from './components/AppLayout';
import { PublicLayout } from './components/PublicLayout';
import { RequireAuth, RequireRole } from './components/RequireAuth';
import { CALIBRATION_READER_ROLES, INTERVIEWER_ROLES, OFFER_READER_ROLES, PAY_PLAN_READER_ROLES, REPORT_READER_ROLES, SCENARIO_EDITOR_ROLES, SCENARIO_READER_ROLES } from './lib/roles';
import { homePath } from './lib/roles';
import { useCurrentUser } from './lib/useCurrentUser';
import { ACTIVITY_LOGGER_ROLES, CLIENT_READER_ROLES } from './lib/roles';
import { HANDOVER_ROLES } from './lib/roles';
import { MY_MONTH_ROLES, PAY_STATEMENT_READER_ROLES, TEAM_READER_ROLES } from './lib/roles';
import { MEETING_ROLES } from './lib/roles';
import { INTEGRATION_TOKEN_ROLES } from './lib/roles';
import { DASHBOARD_ROLES } from './lib/roles';
import { HOME_ROLES } from './lib/roles';
import { GREETING_ROLES, OCCASION_READER_ROLES } from './lib/roles';
import { theme } from './theme';

// Route-level code splitting: each page is its own chunk, loaded on first visit (AppLayout shows a loader).
// The login page too: a signed-in user never needs it (nor the form code it brings).
const LoginPage = lazy(() => import('./pages/LoginPage').then((m) => ({ default: m.LoginPage })));
const ApprovalsPage = lazy(() => import('./pages/ApprovalsPage').then((m) => ({ default: m.ApprovalsPage })));
const NotFoundPage = lazy(() => import('./pages/NotFoundPage').then((m) => ({ default: m.NotFoundPage })));
const OpeningsPage = lazy(() => import('./pages/OpeningsPage').then((m) => ({ default: m.OpeningsPage })));
const OpeningPage = lazy(() => import('./pages/OpeningPage').then((m) => ({ default: m.OpeningPage })));
const ApplicationPage = lazy(() => import('./pages/ApplicationPage').then((m) => ({ default: m.ApplicationPage })));
const PlanFormPage = lazy(() => import('./pages/PlanFormPage').then((m) => ({ default: m.PlanFormPage })));
const PlanPage = lazy(() => import('./pages/PlanPage').then((m) => ({ default: m.PlanPage })));
const PlansPage = lazy(() => import('./pages/PlansPage').then((m) => ({ default: m.PlansPage })));
const AuditPage = lazy(() => import('./pages/AuditPage').then((m) => ({ default: m.AuditPage })));
const OutboxPage = lazy(() => import('./pages/OutboxPage').then((m) => ({ default: m.OutboxPage })));
const UsersPage = lazy(() => import('./pages/UsersPage').then((m) => ({ default: m.UsersPage })));
const ScenariosPage = lazy(() => import('./pages/ScenariosPage').then((m) => ({ default: m.ScenariosPage })));
const ScenarioPage = lazy(() => import('./pages/ScenarioPage').then((m) => ({ default: m.ScenarioPage })));
const ScenarioFormPage = lazy(() => import('./pages/ScenarioFormPage').then((m) => ({ default: m.ScenarioFormPage })));
const InterviewPage = lazy(() => import('./pages/InterviewPage').then((m) => ({ default: m.InterviewPage })));
const ReportsPage = lazy(() => import('./pages/ReportsPage').then((m) => ({ default: m.ReportsPage })));
const CalibrationPage = lazy(() => import('./pages/CalibrationPage').then((m) => ({ default: m.CalibrationPage })));
const MyInterviewsPage = lazy(() => import('./pages/MyInterviewsPage').then((m) => ({ default: m.MyInterviewsPage })));
const PayPlansPage = lazy(() => import('./pages/PayPlansPage').then((m) => ({ default: m.PayPlansPage })));
const OffersPage = lazy(() => import('./pages/OffersPage').then((m) => ({ default: m.OffersPage })));
const ClientsPage = lazy(() => import('./pages/ClientsPage').then((m) => ({ default: m.ClientsPage })));
const ClientPage = lazy(() => import('./pages/ClientPage').then((m) => ({ default: m.ClientPage })));
const HandoversPage = lazy(() => import('./pages/HandoversPage').then((m) => ({ default: m.HandoversPage })));
const HandoverPage = lazy(() => import('./pages/HandoverPage').then((m) => ({ default: m.HandoverPage })));
const LogActivityPage = lazy(() => import('./pages/LogActivityPage').then((m) => ({ default: m.LogActivityPage })));
const IntegrationsPage = lazy(() => import('./pages/IntegrationsPage').then((m) => ({ default: m.IntegrationsPage })));
const TeamPage = lazy(() => import('./pages/TeamPage').then((m) => ({ default: m.TeamPage })));
const EmployeePage = lazy(() => import('./pages/EmployeePage').then((m) => ({ default: m.EmployeePage })));
const MyMonthPage = lazy(() => import('./pages/MyMonthPage').then((m) => ({ default: m.MyMonthPage })));
const PayStatementsPage = lazy(() => import('./pages/PayStatementsPage').then((m) => ({ default: m.PayStatementsPage })));
const TeamsPage = lazy(() => import('./pages/TeamsPage').then((m) => ({ default: m.TeamsPage })));
const TeamMeetingsPage = lazy(() => import('./pages/TeamMeetingsPage').then((m) => ({ default: m.TeamMeetingsPage })));
const MeetingPage = lazy(() => import('./pages/MeetingPage').then((m) => ({ default: m.MeetingPage })));
const DashboardPage = lazy(() => import('./pages/DashboardPage').then((m) => ({ default: m.DashboardPage })));
const OfferPage = lazy(() => import('./pages/OfferPage').then((m) => ({ default: m.OfferPage })));
const PublicOfferPage = lazy(() => import('./pages/PublicOfferPage').then((m) => ({ default: m.PublicOfferPage })));
const WelcomePage = lazy(() => import('./pages/WelcomePage').then((m) => ({ default: m.WelcomePage })));
const HomePage = lazy(() => import('./pages/HomePage').then((m) => ({ default: m.HomePage })));
const GreetingsPage = lazy(() => import('./pages/GreetingsPage').then((m) => ({ default: m.GreetingsPage })));
const GreetingPage = lazy(() => import('./pages/GreetingPage').then((m) => ({ default: m.GreetingPage })));
const OccasionsPage = lazy(() => import('./pages/OccasionsPage').then((m) => ({ default: m.OccasionsPage })));
const PrivacyPage = lazy(() => import('./pages/PrivacyPage').then((m) => ({ default: m.PrivacyPage })));
const UnsubscribePage = lazy(() => import('./pages/UnsubscribePage').then((m) => ({ default: m.UnsubscribePage })));
// Candidates' pages (no sign-in), inside PublicLayout.
const ApplyPage = lazy(() => import('./pages/ApplyPage').then((m) => ({ default: m.ApplyPage })));
const QuestionnairePage = lazy(() => import('./pages/QuestionnairePage').then((m) => ({ default: m.QuestionnairePage })));
const InterviewResponsePage = lazy(() =>
  import('./pages/InterviewResponsePage').then((m) => ({ default: m.InterviewResponsePage })),
);

const queryClient = new QueryClient({
  queryCache: new QueryCache(),
  defaultOptions: {
    queries: {
      staleTime: 15_000,
      retry: (count, err) => {
        if (isApiError(err) && err.status >= 400 && err.status < 500) return false;
        return count < 2;
      },
    },
    mutations: { retry: false },
  },
});

/** What /login shows while its chunk loads, like the layouts' Suspense fallbacks. */
function RouteLoading() {
  const { t } = useTranslation();
  return (
    <Center py="xl">
      <Loader size="sm" aria-label={t('common.loading')} />
    </Center>
  );
}

/** Sends the user to /login (remembering where they were) when any call answers 401. */
function UnauthorizedRedirect() {
  const navigate = useNavigate();
  useEffect(() => {
    setUnauthorizedHandler(() => {
      const { pathname, search } = window.location;
      if (pathname === '/login') return;
      // Forget everything the old session could see, the user included.
      queryClient.removeQueries();
      navigate(`/login?next=${encodeURIComponent(pathname + search)}`, { replace: true });
    });
    return () => setUnauthorizedHandler(null);
  }, [navigate]);
  return null;
}

/** Sends a signed-in user to the first page of their work (a rep to their home, an interviewer to their interviews). */
function HomeRedirect() {
  const user = useCurrentUser();
  return <Navigate to={homePath(user)} replace />;
}

export function App() {
  return (
    <MantineProvider theme={theme} defaultColorScheme="light">
      <Notifications position="top-right" />
      <QueryClientProvider client={queryClient}>
        <BrowserRouter>
          <UnauthorizedRedirect />
          <Routes>
            <Route
              path="/login"
              element={
                <Suspense fallback={<RouteLoading />}>
                  <LoginPage />
                </Suspense>
              }
            />
            <Route element={<PublicLayout />}>
              <Route path="/apply/:id" element={<ApplyPage />} />
              <Route path="/q/:token" element={<QuestionnairePage />} />
              <Route path="/i/:token" element={<InterviewResponsePage />} />
              <Route path="/o/:token" element={<PublicOfferPage />} />
              <Route path="/welcome/:token" element={<WelcomePage />} />
              <Route path="/u/:token" element={<UnsubscribePage />} />
              <Route path="/privacy/:token" element={<PrivacyPage />} />
            </Route>
            <Route
              element={
                <RequireAuth>
                  <AppLayout />
                </RequireAuth>
              }
            >
              <Route index element={<HomeRedirect />} />
              <Route
                path="/home"
                element={
                  <RequireRole roles={HOME_ROLES}>
                    <HomePage />
                  </RequireRole>
                }
              />
              <Route path="/plans" element={<PlansPage />} />
              <Route
                path="/plans/new"
                element={
                  <RequireRole roles={['admin', 'department_head', 'recruiter']}>
                    <PlanFormPage />
                  </RequireRole>
                }
              />
              <Route path="/plans/:id" element={<PlanPage />} />
              <Route path="/plans/:id/edit" element={<PlanFormPage />} />
              <Route
                path="/approvals"
                element={
                  <RequireRole roles={['department_head']}>
                    <ApprovalsPage />
                  </RequireRole>
                }
              />
              <Route path="/openings" element={<OpeningsPage />} />
              <Route path="/openings/:id" element={<OpeningPage />} />
              <Route path="/applications/:id" element={<ApplicationPage />} />
              <Route path="/interviews/:id" element={<InterviewPage />} />
              <Route
                path="/my-interviews"
                element={
                  <RequireRole roles={INTERVIEWER_ROLES}>
                    <MyInterviewsPage />
                  </RequireRole>
                }
              />
              <Route
                path="/users"
                element={
                  <RequireRole roles={['admin']}>
                    <UsersPage />
                  </RequireRole>
                }
              />
              <Route
                path="/audit"
                element={
                  <RequireRole roles={['admin']}>
                    <AuditPage />
                  </RequireRole>
                }
              />
              <Route
                path="/outbox"
                element={
                  <RequireRole roles={['admin']}>
                    <OutboxPage />
                  </RequireRole>
                }
              />
              <Route
                path="/reports"
                element={
                  <RequireRole roles={REPORT_READER_ROLES}>
                    <ReportsPage />
                  </RequireRole>
                }
              />
              <Route
                path="/calibration"
                element={
                  <RequireRole roles={CALIBRATION_READER_ROLES}>
                    <CalibrationPage />
                  </RequireRole>
                }
              />
              <Route
                path="/scenarios"
                element={
                  <RequireRole roles={SCENARIO_READER_ROLES}>
                    <ScenariosPage />
                  </RequireRole>
                }
              />
              <Route
                path="/scenarios/new"
                element={
                  <RequireRole roles={SCENARIO_EDITOR_ROLES}>
                    <ScenarioFormPage />
                  </RequireRole>
                }
              />
              <Route
                path="/scenarios/:id"
                element={
                  <RequireRole roles={SCENARIO_READER_ROLES}>
                    <ScenarioPage />
                  </RequireRole>
                }
              />
              <Route
                path="/scenarios/:id/edit"
                element={
                  <RequireRole roles={SCENARIO_EDITOR_ROLES}>
                    <ScenarioFormPage />
                  </RequireRole>
                }
              />
              <Route
                path="/pay-plans"
                element={
                  <RequireRole roles={PAY_PLAN_READER_ROLES}>
                    <PayPlansPage />
                  </RequireRole>
                }
              />
              <Route
                path="/offers"
                element={
                  <RequireRole roles={OFFER_READER_ROLES}>
                    <OffersPage />
                  </RequireRole>
                }
              />
              <Route path="/offers/:id" element={<OfferPage />} />
              <Route
                path="/clients"
                element={
                  <RequireRole roles={CLIENT_READER_ROLES}>
                    <ClientsPage />
                  </RequireRole>
                }
              />
              <Route
                path="/clients/:id"
                element={
                  <RequireRole roles={CLIENT_READER_ROLES}>
                    <ClientPage />
                  </RequireRole>
                }
              />
              <Route
                path="/handovers"
                element={
                  <RequireRole roles={HANDOVER_ROLES}>
                    <HandoversPage />
                  </RequireRole>
                }
              />
              <Route
                path="/handovers/:id"
                element={
                  <RequireRole roles={HANDOVER_ROLES}>
                    <HandoverPage />
                  </RequireRole>
                }
              />
              <Route
                path="/log"
                element={
                  <RequireRole roles={ACTIVITY_LOGGER_ROLES}>
                    <LogActivityPage />
                  </RequireRole>
                }
              />
              <Route
                path="/integrations"
                element={
                  <RequireRole roles={INTEGRATION_TOKEN_ROLES}>
                    <IntegrationsPage />
                  </RequireRole>
                }
              />
              <Route
                path="/team"
                element={
                  <RequireRole roles={TEAM_READER_ROLES}>
                    <TeamPage />
                  </RequireRole>
                }
              />
              <Route
                path="/team/:id"
                element={
                  <RequireRole roles={TEAM_READER_ROLES}>
                    <EmployeePage />
                  </RequireRole>
                }
              />
              <Route
                path="/my-month"
                element={
                  <RequireRole roles={MY_MONTH_ROLES}>
                    <MyMonthPage />
                  </RequireRole>
                }
              />
              <Route
                path="/pay-statements"
                element={
                  <RequireRole roles={PAY_STATEMENT_READER_ROLES}>
                    <PayStatementsPage />
                  </RequireRole>
                }
              />
              <Route
                path="/teams"
                element={
                  <RequireRole roles={MEETING_ROLES}>
                    <TeamsPage />
                  </RequireRole>
                }
              />
              <Route
                path="/teams/:id"
                element={
                  <RequireRole roles={MEETING_ROLES}>
                    <TeamMeetingsPage />
                  </RequireRole>
                }
              />
              <Route
                path="/meetings/:id"
                element={
                  <RequireRole roles={MEETING_ROLES}>
                    <MeetingPage />
                  </RequireRole>
                }
              />
              <Route
                path="/greetings"
                element={
                  <RequireRole roles={GREETING_ROLES}>
                    <GreetingsPage />
                  </RequireRole>
                }
              />
              <Route
                path="/greetings/:id"
                element={
                  <RequireRole roles={GREETING_ROLES}>
                    <GreetingPage />
                  </RequireRole>
                }
              />
              <Route
                path="/occasions"
                element={
                  <RequireRole roles={OCCASION_READER_ROLES}>
                    <OccasionsPage />
                  </RequireRole>
                }
              />
              <Route
                path="/dashboard"
                element={
                  <RequireRole roles={DASHBOARD_ROLES}>
                    <DashboardPage />
                  </RequireRole>
                }
              />
              <Route path="*" element={<NotFoundPage />} />
            </Route>
          </Routes>
        </BrowserRouter>
      </QueryClientProvider>
    </MantineProvider>
  );
}
