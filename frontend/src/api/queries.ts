// TanStack Query keys and hooks shared by the screens.
import { useQuery } from '@tanstack/react-query';
import { isApiError } from './client';
import { fetchMe, getPlan, listNotifications, listOpenings, listPlans, listUsers } from './endpoints';
import type { PlanStatus } from './types';

export const keys = {
  me: ['me'] as const,
  plans: ['staffing-plans'] as const,
  planList: (status?: PlanStatus) => ['staffing-plans', 'list', status ?? 'all'] as const,
  plan: (id: number) => ['staffing-plans', 'one', id] as const,
  openings: ['openings'] as const,
  users: ['users'] as const,
  notifications: ['notifications'] as const,
};

export function useMe() {
  return useQuery({
    queryKey: keys.me,
    queryFn: fetchMe,
    retry: (count, err) => !(isApiError(err) && err.status === 401) && count < 2,
    staleTime: 5 * 60_000,
  });
}

export function usePlans(status?: PlanStatus, enabled = true) {
  return useQuery({ queryKey: keys.planList(status), queryFn: () => listPlans(status), enabled });
}

export function usePlan(id: number) {
  return useQuery({
    queryKey: keys.plan(id),
    queryFn: () => getPlan(id),
    enabled: Number.isFinite(id),
    // Approval opens the seats in the background: poll until they show up.
    refetchInterval: (q) => {
      const p = q.state.data;
      const waiting = p?.status === 'approved' && !p.openings?.length;
      return waiting && q.state.dataUpdateCount < 30 ? 2000 : false;
    },
  });
}

export function useOpenings() {
  return useQuery({ queryKey: keys.openings, queryFn: listOpenings });
}

export function useUsers() {
  return useQuery({ queryKey: keys.users, queryFn: listUsers });
}

export function useNotifications() {
  return useQuery({
    queryKey: keys.notifications,
    queryFn: listNotifications,
    refetchInterval: 60_000,
  });
}
