import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest, setSession } from '../../../lib/api-client';

export async function logout(): Promise<void> {
  try {
    await apiRequest<void>('/auth/logout', { method: 'POST', retryOnUnauthorized: false });
  } finally {
    // Signed out locally even if the server could not be told: the token only lives in memory.
    setSession(null);
  }
}

/** `onSignedOut` leaves the signed-in screens first, so that nothing refetches a cleared cache. */
export function useLogout({ onSignedOut }: { onSignedOut: () => void }) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: logout,
    onSettled: () => {
      onSignedOut();
      queryClient.clear();
    },
  });
}
