import type { LoginRequest, LoginResponse } from '@passerelle/domain/auth/auth.schema';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest, setSession } from '../../../lib/api-client';
import { authKeys } from './auth-keys';

export function login(body: LoginRequest): Promise<LoginResponse> {
  // A 401 here means bad credentials, not an expired session: never try to refresh.
  return apiRequest<LoginResponse>('/auth/login', { method: 'POST', body, retryOnUnauthorized: false });
}

export function useLogin() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: login,
    onSuccess: (response) => {
      setSession(response);
      queryClient.setQueryData(authKeys.me(), response.user);
    },
  });
}
