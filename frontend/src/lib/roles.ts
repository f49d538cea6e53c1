import type { Role, User } from '../api/types';

export const hasRole = (user: User | undefined | null, ...roles: Role[]) =>
  !!user && user.roles.some((r) => roles.includes(r));

/** Roles allowed to write a staffing plan (POST /staffing-plans). */
export const PLAN_AUTHOR_ROLES: Role[] = ['admin', 'department_head', 'recruiter'];
