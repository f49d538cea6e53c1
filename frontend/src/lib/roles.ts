import type { Role, User } from '../api/types';

export const hasRole = (user: Pick<User, 'roles'> | undefined | null, ...roles: Role[]) =>
  !!user && user.roles.some((r) => roles.includes(r));

/** Roles allowed to write a staffing plan (POST /staffing-plans). */
export const PLAN_AUTHOR_ROLES: Role[] = ['admin', 'department_head', 'recruiter'];

/** Roles that may read the recruiting report (GET /reports/pipeline): the hiring managers. */
export const REPORT_READER_ROLES: Role[] = ['admin', 'department_head', 'recruiter'];

/** Roles that may read the role-play scenarios and their briefs (GET /scenarios): not candidates, not sales. */
export const SCENARIO_READER_ROLES: Role[] = ['admin', 'department_head', 'recruiter', 'interviewer'];

/** Roles that may write, duplicate and archive role-play scenarios (POST and PUT /scenarios). */
export const SCENARIO_EDITOR_ROLES: Role[] = ['admin', 'recruiter'];

/** Roles that may read interviewer calibration (GET /calibration): the hiring managers. */
export const CALIBRATION_READER_ROLES: Role[] = ['admin', 'department_head', 'recruiter'];

/** Roles that sit on interview panels and have a list of their own interviews (GET /me/interviews). */
export const INTERVIEWER_ROLES: Role[] = ['interviewer'];

/** Roles that may read the pay plan templates (GET /pay-plans); only admins edit them. */
export const PAY_PLAN_READER_ROLES: Role[] = ['admin', 'department_head', 'recruiter'];

/** Roles with the offers inbox: department heads approve, admins and recruiters follow every offer. */
export const OFFER_READER_ROLES: Role[] = ['admin', 'department_head', 'recruiter'];

/** Roles that see client accounts, their owners and their activity (GET /accounts), and add clients. */
export const CLIENT_READER_ROLES: Role[] = ['admin', 'department_head', 'sales_manager', 'sales_rep'];

/** Roles that log their own sales work (POST /activities): the first call with a new client makes its owner. */
export const ACTIVITY_LOGGER_ROLES: Role[] = ['sales_rep', 'sales_manager'];

/** Roles that propose, adjust and see handovers of clients (GET/POST /handovers); only department heads approve. */
export const HANDOVER_ROLES: Role[] = ['admin', 'department_head'];

/** Roles that see the team, set monthly plans and decide excuses (GET /employees): the sales leaders. */
export const TEAM_READER_ROLES: Role[] = ['admin', 'department_head', 'sales_manager'];

/** Roles that see every pay statement (GET /pay-statements); only department heads approve them. */
export const PAY_STATEMENT_READER_ROLES: Role[] = ['admin', 'department_head'];

/** Roles with a month of their own: a plan, progress, excuses and pay statements (the "My month" page). */
export const MY_MONTH_ROLES: Role[] = ['sales_rep', 'sales_manager'];

/** Roles with a home of their own (GET /home): today's calls, the month, reports due, their clients, kudos. */
export const HOME_ROLES: Role[] = ['sales_rep', 'sales_manager'];

/** Roles with the planning meetings (GET /teams): reps file reports, their managers read the agenda. */
export const MEETING_ROLES: Role[] = ['admin', 'department_head', 'sales_manager', 'sales_rep'];

/** Roles that form teams (POST /teams) and, besides a team's manager, change when it meets. */
export const TEAM_FORMER_ROLES: Role[] = ['admin', 'department_head'];

/** Roles that make integration tokens (POST /me/tokens) for a phone system or CRM to log their calls with. */
export const INTEGRATION_TOKEN_ROLES: Role[] = ['sales_rep', 'sales_manager'];

/** Who may read staffing plans (models.planReaders). */
export const PLAN_READER_ROLES: Role[] = ['admin', 'department_head', 'recruiter'];

/** Who may see openings (models.openingReaders). */
export const OPENING_READER_ROLES: Role[] = ['admin', 'department_head', 'recruiter', 'interviewer', 'sales_manager'];

/** Where a user lands after signing in: the first page of their work. */
export function homePath(user: Pick<User, 'roles'> | undefined | null): string {
  if (hasRole(user, ...PLAN_READER_ROLES)) return '/plans';
  if (hasRole(user, ...HOME_ROLES)) return '/home';
  if (hasRole(user, ...INTERVIEWER_ROLES)) return '/my-interviews';
  return '/openings';
}

/** Roles with the Greetings page (GET /greetings): reps see their own, the sales leaders everyone's. */
export const GREETING_ROLES: Role[] = ['admin', 'department_head', 'sales_manager', 'sales_rep'];

/** Roles that see the occasions calendar (GET /occasions); only admins add and remove company occasions. */
export const OCCASION_READER_ROLES: Role[] = ['admin', 'department_head', 'sales_manager', 'sales_rep'];

/** The sales leaders: they see every rep's greetings and, besides a client's owner, change its greetings settings. */
export const CARE_LEADER_ROLES: Role[] = ['admin', 'department_head', 'sales_manager'];

/** Roles with the department dashboard (GET /dashboard): the sales leaders. */
export const DASHBOARD_ROLES: Role[] = ['admin', 'department_head', 'sales_manager'];

/** Roles that see the dashboard's hiring tab (GET /dashboard/hiring also lets recruiters in, but the page is for sales leaders). */
export const DASHBOARD_HIRING_ROLES: Role[] = ['admin', 'department_head'];
