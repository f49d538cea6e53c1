// The rep's home (docs/api-contract.md, "The department dashboard, kudos and the rep's home"): today's greeting
// calls and the week's coming ones, the month's plan progress, the reports due, the clients by how long they have
// gone without work, and the latest kudos. Types, the call, its query key and hook.
import { useQuery } from '@tanstack/react-query';
import type { Greeting } from './care';
import { api } from './client';
import type { MonthProgress } from './team';
import type { PersonRef } from './types';

/** The next planning meeting of one of the rep's teams, still waiting for their report. */
export interface ReportDue {
  meeting_id: number;
  /** The team's name. */
  team: string;
  at: string;
}

/** One of the rep's clients, with when they last logged work on it (null: never). */
export interface HomeAccount {
  id: number;
  name: string;
  last_work: string | null;
}

/** A sales leader's recognition of a rep. */
export interface Kudos {
  id: number;
  from: PersonRef;
  to: PersonRef;
  message: string;
  created_at: string;
}

export interface Home {
  /** Greeting calls not yet made, due today or late. */
  calls: Greeting[];
  /** Greeting calls of the next seven days. */
  upcoming: Greeting[];
  /** This month so far; null for someone without an employee record. */
  month: MonthProgress | null;
  employee_id: number | null;
  reports_due: ReportDue[];
  /** Longest without work first. */
  accounts: HomeAccount[];
  /** The latest five. */
  kudos: Kudos[];
}

export const getHome = (signal?: AbortSignal) => api<Home>('/api/v1/home', { signal });

export const homeKeys = {
  home: ['home'] as const,
};

/** The home is where a rep starts the day: read afresh each time it is opened. */
export function useHome() {
  return useQuery({ queryKey: homeKeys.home, queryFn: ({ signal }) => getHome(signal), refetchOnMount: 'always' });
}
