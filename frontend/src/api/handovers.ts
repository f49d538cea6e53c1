// Handovers of client ownership (docs/api-contract.md, "Handovers"): one owner per client, and ownership moves
// only by a handover a department head approves, proposed by load. Types, calls, query keys and hooks.
import { useQuery } from '@tanstack/react-query';
import { api } from './client';
import { fetchPage, usePagedList } from './paging';
import type { PersonRef } from './types';

export const HANDOVER_STATUSES = ['proposed', 'approved'] as const;
export type HandoverStatus = (typeof HANDOVER_STATUSES)[number];

/** One client account given to one new owner. */
export interface Assignment {
  account_id: number;
  to_user_id: number;
}

/** An active sales rep who could take clients, with how many they own now. */
export interface RepLoad {
  user_id: number;
  accounts: number;
  name: string;
}

export interface Handover {
  id: number;
  from_user_id: number;
  /** The rep whose clients move. */
  from: PersonRef;
  reason: string;
  status: HandoverStatus | string;
  assignments: Assignment[] | null;
  /** Client names by account ID (JSON object keys are strings). */
  account_names: Record<string, string>;
  /** The active sales reps other than the one leaving, with their current load. */
  reps: RepLoad[] | null;
  created_by: number;
  created_at: string;
  decided_by: number | null;
  decided_at: string | null;
}

/** A handover in the list. */
export interface HandoverSummary {
  id: number;
  from: PersonRef;
  reason: string;
  status: HandoverStatus | string;
  /** How many clients it moves. */
  clients: number;
  created_at: string;
  decided_at: string | null;
}

/** POST /employees/{id}/leave answers the proposed handover, or this when the employee owned no clients. */
export interface NoHandover {
  handover: null;
}

/** A page of the handovers, newest first. */
export const listHandovers = (status: HandoverStatus | '', offset = 0, signal?: AbortSignal) =>
  fetchPage<HandoverSummary>(`/api/v1/handovers${status ? `?status=${status}` : ''}`, offset, { signal });
export const getHandover = (id: number) => api<Handover>(`/api/v1/handovers/${id}`);
export const proposeHandover = (body: { from_user_id: number; reason: string }) =>
  api<Handover>('/api/v1/handovers', { method: 'POST', body });
export const updateHandover = (id: number, assignments: Assignment[]) =>
  api<Handover>(`/api/v1/handovers/${id}`, { method: 'PUT', body: { assignments } });
export const approveHandover = (id: number) => api<Handover>(`/api/v1/handovers/${id}/approve`, { method: 'POST' });
export const employeeLeaves = (employeeId: number, reason: string) =>
  api<Handover | NoHandover>(`/api/v1/employees/${employeeId}/leave`, { method: 'POST', body: { reason } });

export const isHandover = (r: Handover | NoHandover): r is Handover => 'id' in r && typeof r.id === 'number';

export const handoverKeys = {
  all: ['handovers'] as const,
  list: (status: HandoverStatus | '') => ['handovers', 'list', status] as const,
  one: (id: number) => ['handovers', 'one', id] as const,
};

/** The handovers, newest first, page by page. */
export function useHandovers(status: HandoverStatus | '', enabled = true) {
  return usePagedList({
    queryKey: handoverKeys.list(status),
    fetch: (offset, signal) => listHandovers(status, offset, signal),
    enabled,
    keepPrevious: true,
  });
}

export function useHandover(id: number) {
  return useQuery({
    queryKey: handoverKeys.one(id),
    queryFn: () => getHandover(id),
    enabled: Number.isFinite(id) && id > 0,
  });
}
