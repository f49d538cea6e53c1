// Integration tokens (docs/api-contract.md, "Integration tokens"): a sales rep's or manager's key for a phone
// system or CRM to log their calls with. Types, calls, query keys and hooks.
import { useQuery } from '@tanstack/react-query';
import { api } from './client';
import type { Items } from './types';

/** One of the signed-in user's tokens, never with its secret. */
export interface IntegrationToken {
  id: number;
  name: string;
  created_at: string;
  last_used_at: string | null;
  /** Set once the token is revoked; a revoked token is refused with 401. */
  revoked_at: string | null;
}

/** A token just made: the only time its secret ("bpt_…") is shown. */
export interface NewIntegrationToken extends IntegrationToken {
  token: string;
}

export const listTokens = () => api<Items<IntegrationToken>>('/api/v1/me/tokens').then((r) => r.items ?? []);
export const createToken = (name: string) =>
  api<NewIntegrationToken>('/api/v1/me/tokens', { method: 'POST', body: { name } });
export const revokeToken = (id: number) => api<void>(`/api/v1/me/tokens/${id}`, { method: 'DELETE' });

export const tokenKeys = {
  tokens: ['integration-tokens'] as const,
};

export function useTokens() {
  return useQuery({ queryKey: tokenKeys.tokens, queryFn: listTokens });
}
