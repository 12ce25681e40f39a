import type { CreateSessionFunding, SessionFunding } from '@passerelle/domain/funding/funding.schema';
import type { PutSessionHost, SessionHostDetail } from '@passerelle/domain/partner/partner.schema';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { partnerKeys } from './partner-keys';

const sessionPath = (sessionId: string) => `/sessions/${encodeURIComponent(sessionId)}`;
const keys = {
  fundings: (sessionId: string) => [...partnerKeys.all, 'session', sessionId, 'fundings'] as const,
  hosts: (sessionId: string) => [...partnerKeys.all, 'session', sessionId, 'hosts'] as const,
};

export function useSessionFundings(sessionId: string) {
  return useQuery({
    queryKey: keys.fundings(sessionId),
    queryFn: async ({ signal }) =>
      (await apiRequest<{ data: SessionFunding[] }>(`${sessionPath(sessionId)}/fundings`, { signal })).data,
  });
}

export function useSessionHosts(sessionId: string) {
  return useQuery({
    queryKey: keys.hosts(sessionId),
    queryFn: async ({ signal }) =>
      (await apiRequest<{ data: SessionHostDetail[] }>(`${sessionPath(sessionId)}/hosts`, { signal })).data,
  });
}

/** Funders and hosts also show on the partner's page: reload both. */
function useInvalidateSessionPartners() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: partnerKeys.all });
}

export function useAddSessionFunding(sessionId: string) {
  const invalidate = useInvalidateSessionPartners();
  return useMutation({
    mutationFn: (body: CreateSessionFunding) =>
      apiRequest<SessionFunding>(`${sessionPath(sessionId)}/fundings`, { method: 'POST', body }),
    onSuccess: invalidate,
  });
}

export function useRemoveSessionFunding(sessionId: string) {
  const invalidate = useInvalidateSessionPartners();
  return useMutation({
    mutationFn: (fundingId: string) =>
      apiRequest<null>(`${sessionPath(sessionId)}/fundings/${encodeURIComponent(fundingId)}`, {
        method: 'DELETE',
      }),
    onSuccess: invalidate,
  });
}

export function usePutSessionHost(sessionId: string) {
  const invalidate = useInvalidateSessionPartners();
  return useMutation({
    mutationFn: ({ partnerId, body }: { partnerId: string; body: PutSessionHost }) =>
      apiRequest<SessionHostDetail>(`${sessionPath(sessionId)}/hosts/${encodeURIComponent(partnerId)}`, {
        method: 'PUT',
        body,
      }),
    onSuccess: invalidate,
  });
}

export function useRemoveSessionHost(sessionId: string) {
  const invalidate = useInvalidateSessionPartners();
  return useMutation({
    mutationFn: (partnerId: string) =>
      apiRequest<null>(`${sessionPath(sessionId)}/hosts/${encodeURIComponent(partnerId)}`, {
        method: 'DELETE',
      }),
    onSuccess: invalidate,
  });
}
