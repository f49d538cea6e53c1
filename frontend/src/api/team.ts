// The team: employees, their monthly plans and excuses, and the monthly pay statements (docs/api-contract.md,
// "The team: monthly plans, excuses and pay statements"): types, calls, query keys and hooks.
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, isApiError } from './client';
import type { PayPlan } from './offers';
import { fetchPage, MAX_PAGE, pagePath, usePagedList } from './paging';
import type { Items, PersonRef } from './types';

/** A month's plan, or what the activity log counts: direct client meetings and cold calls. */
export interface MonthlyCounts {
  meetings: number;
  calls: number;
}

/** A month's outcome: bonus above plan, penalty below it (unless excused), with its working in English lines. */
export interface Evaluation {
  plan: MonthlyCounts;
  actuals: MonthlyCounts;
  bonus: number;
  penalty: number;
  excused: boolean;
  capped: boolean;
  working: string[] | null;
  meetings_attainment: number;
  calls_attainment: number;
}

export interface MonthProgress {
  /** YYYY-MM */
  month: string;
  /** null until the manager (or the month's close) sets it. */
  plan: MonthlyCounts | null;
  actuals: MonthlyCounts;
  won_sales: number;
  /** Meaningful only when there is a plan. */
  projection: Evaluation;
}

export const EXCUSE_STATUSES = ['pending', 'accepted', 'refused'] as const;

export interface Excuse {
  id: number;
  employee_id: number;
  /** The month's first instant (RFC 3339); its first seven characters are YYYY-MM. */
  month: string;
  reason: string;
  status: (typeof EXCUSE_STATUSES)[number] | string;
  filed_at: string;
  decided_by: number | null;
  decided_at: string | null;
}

export interface Employee {
  id: number;
  user: PersonRef;
  role: 'sales_rep' | 'sales_manager' | string;
  opening_id: number;
  /** YYYY-MM-DD */
  start_date: string;
  /** YYYY-MM-DD: the day the later terms of the pay plan start. */
  ramp_ends: string;
  plan: PayPlan;
  /** Only on GET /employees/{id}. */
  month?: MonthProgress;
  excuses?: Excuse[] | null;
}

export interface StatementLine {
  kind: 'base' | 'commission' | 'bonus' | 'penalty' | string;
  label: string;
  amount: number;
}

export interface PayStatement {
  id: number;
  employee: PersonRef;
  employee_id: number;
  /** YYYY-MM */
  month: string;
  /** The month of employment, 1 being the first. */
  month_index: number;
  currency: string;
  evaluation: Evaluation;
  statement: { month: number; ramp: boolean; currency: string; lines: StatementLine[] | null; total: number };
  total: number;
  status: 'draft' | 'approved' | string;
  approved_at: string | null;
}

/** One page of the hires, the latest first. */
export const listEmployees = (offset = 0, signal?: AbortSignal) => fetchPage<Employee>('/api/v1/employees', offset, { signal });
export const getEmployee = (id: number, month: string) =>
  api<Employee>(`/api/v1/employees/${id}?month=${encodeURIComponent(month)}`);
/** The signed-in user's own employee record with the month, or null when they are not an employee. */
export const getMyEmployee = (month: string) =>
  api<Employee>(`/api/v1/employees/me?month=${encodeURIComponent(month)}`).catch((err: unknown) => {
    if (isApiError(err) && err.status === 404) return null;
    throw err;
  });
export const setMonthlyPlan = (id: number, month: string, body: MonthlyCounts) =>
  api<Employee>(`/api/v1/employees/${id}/plans/${encodeURIComponent(month)}`, { method: 'PUT', body });
export const fileExcuse = (id: number, body: { month: string; reason: string }) =>
  api<Excuse>(`/api/v1/employees/${id}/excuses`, { method: 'POST', body });
export const decideExcuse = (id: number, decision: 'accept' | 'refuse') =>
  api<Excuse>(`/api/v1/excuses/${id}/decision`, { method: 'POST', body: { decision } });
/**
 * A month's statements (one per employee), in one page of the most the server gives (500): the page approves
 * them in bulk, so it needs them all; one's own statements over every month are far fewer.
 */
export const listPayStatements = (month: string) =>
  api<Items<PayStatement>>(
    pagePath(`/api/v1/pay-statements${month ? `?month=${encodeURIComponent(month)}` : ''}`, 0, MAX_PAGE),
  ).then((r) => r.items ?? []);
export const approveStatements = (ids: number[]) =>
  api<{ approved: number }>('/api/v1/pay-statements/approve', { method: 'POST', body: { ids } });
/** The payroll export of a month (a plain link: the browser downloads it with the session cookie). */
export const statementsCsvUrl = (month: string) => `/api/v1/pay-statements.csv?month=${encodeURIComponent(month)}`;

export const teamKeys = {
  employees: ['employees'] as const,
  employeeList: ['employees', 'list'] as const,
  employee: (id: number, month: string) => ['employees', 'one', id, month] as const,
  mine: (month: string) => ['employees', 'me', month] as const,
  statements: ['pay-statements'] as const,
  statementList: (month: string) => ['pay-statements', 'list', month] as const,
};

/** The hires, the latest first, page by page. */
export function useEmployees(enabled = true) {
  return usePagedList({
    queryKey: teamKeys.employeeList,
    fetch: (offset, signal) => listEmployees(offset, signal),
    enabled,
  });
}

/** The signed-in user's own employee record (null when they are not an employee), with the month. */
export function useMyEmployee(month: string) {
  return useQuery({
    queryKey: teamKeys.mine(month),
    queryFn: () => getMyEmployee(month),
    placeholderData: keepPreviousData,
  });
}

export function useEmployee(id: number, month: string, enabled = true) {
  return useQuery({
    queryKey: teamKeys.employee(id, month),
    queryFn: () => getEmployee(id, month),
    enabled: enabled && Number.isFinite(id) && id > 0,
    placeholderData: keepPreviousData,
  });
}

/** One month's statements ('' for every month): all of them for department heads and admins, one's own else. */
export function usePayStatements(month: string, enabled = true) {
  return useQuery({
    queryKey: teamKeys.statementList(month),
    queryFn: () => listPayStatements(month),
    enabled,
    placeholderData: keepPreviousData,
  });
}

// Onboarding: the checklist written at the hire from the role's template (models/onboarding.go).

export const ONBOARDING_ASSIGNEES = ['hire', 'manager', 'admin'] as const;

export interface OnboardingTask {
  id: number;
  employee_id: number;
  /** The template's key ("account", "welcome", …); the title is the template's English text. */
  key: string;
  title: string;
  /** RFC 3339: nine in the morning, UTC, of its day. */
  due_at: string;
  assignee: (typeof ONBOARDING_ASSIGNEES)[number] | string;
  done_at: string | null;
  /** The user who ticked it off. */
  done_by: number | null;
}

export const listOnboarding = (employeeId: number) =>
  api<Items<OnboardingTask>>(`/api/v1/employees/${employeeId}/onboarding`).then((r) => r.items ?? []);
export const completeOnboardingTask = (id: number) =>
  api<OnboardingTask>(`/api/v1/onboarding-tasks/${id}/done`, { method: 'POST' });

/** Under teamKeys.employees, so whatever refreshes the team refreshes the checklists too. */
export const onboardingKeys = {
  list: (employeeId: number) => ['employees', 'onboarding', employeeId] as const,
};

/** An employee's onboarding checklist, in due order. */
export function useOnboarding(employeeId: number, enabled = true) {
  return useQuery({
    queryKey: onboardingKeys.list(employeeId),
    queryFn: () => listOnboarding(employeeId),
    enabled: enabled && Number.isFinite(employeeId) && employeeId > 0,
  });
}
