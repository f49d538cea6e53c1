// Thin typed wrappers over each endpoint of the contract.
import { api, setCsrfToken } from './client';
import type {
  AppNotification,
  AuditEntry,
  Decision,
  Items,
  NewUserBody,
  Opening,
  OutboxMessage,
  Plan,
  PlanBody,
  PlanStatus,
  SessionResponse,
  SizingInput,
  SizingResult,
  User,
  UserPatch,
} from './types';

export async function login(email: string, password: string): Promise<User> {
  const res = await api<SessionResponse>('/api/v1/session', {
    method: 'POST',
    body: { email, password },
    quiet401: true,
  });
  setCsrfToken(res.csrf_token);
  return res.user;
}

export async function logout(): Promise<void> {
  try {
    await api<void>('/api/v1/session', { method: 'DELETE', quiet401: true });
  } finally {
    setCsrfToken(null);
  }
}

export async function fetchMe(): Promise<User> {
  const res = await api<SessionResponse>('/api/v1/me', { quiet401: true });
  setCsrfToken(res.csrf_token);
  return res.user;
}

export const setMyLocale = (locale: string) =>
  api<SessionResponse>('/api/v1/me', { method: 'PATCH', body: { locale }, quiet401: true });
export const changePassword = (current_password: string, new_password: string) =>
  api<void>('/api/v1/me/password', { method: 'POST', body: { current_password, new_password } });
export const listAudit = (f: { objectType?: string; beforeId?: number }) => {
  const q = new URLSearchParams();
  if (f.objectType) q.set('object_type', f.objectType);
  if (f.beforeId) q.set('before_id', String(f.beforeId));
  const qs = q.toString();
  return api<Items<AuditEntry>>(`/api/v1/audit${qs ? `?${qs}` : ''}`).then((r) => r.items ?? []);
};
export const listOutbox = () => api<Items<OutboxMessage>>('/api/v1/outbox').then((r) => r.items ?? []);
export const listUsers = () => api<Items<User>>('/api/v1/users').then((r) => r.items ?? []);
export const createUser = (body: NewUserBody) =>
  api<User>('/api/v1/users', { method: 'POST', body });
export const patchUser = (id: number, body: UserPatch) =>
  api<User>(`/api/v1/users/${id}`, { method: 'PATCH', body });

export const previewSizing = (input: SizingInput, signal?: AbortSignal) =>
  api<SizingResult>('/api/v1/sizing/preview', { method: 'POST', body: input, signal });

export const listPlans = (status?: PlanStatus) =>
  api<Items<Plan>>(
    `/api/v1/staffing-plans${status ? `?status=${encodeURIComponent(status)}` : ''}`,
  ).then((r) => r.items ?? []);
export const getPlan = (id: number) => api<Plan>(`/api/v1/staffing-plans/${id}`);
export const createPlan = (body: PlanBody) =>
  api<Plan>('/api/v1/staffing-plans', { method: 'POST', body });
export const updatePlan = (id: number, body: PlanBody) =>
  api<Plan>(`/api/v1/staffing-plans/${id}`, { method: 'PUT', body });
/** Decides on the revision the head has on screen; the server refuses it if the plan was revised since. */
export const decidePlan = (id: number, revision: number, decision: Decision, comment: string) =>
  api<Plan>(`/api/v1/staffing-plans/${id}/decision`, {
    method: 'POST',
    body: { decision, comment, revision },
  });

export const listOpenings = () =>
  api<Items<Opening>>('/api/v1/openings').then((r) => r.items ?? []);

export const listNotifications = () =>
  api<Items<AppNotification>>('/api/v1/notifications').then((r) => r.items ?? []);
export const markNotificationRead = (id: number) =>
  api<void>(`/api/v1/notifications/${id}/read`, { method: 'POST' });
