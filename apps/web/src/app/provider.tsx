import { MantineProvider } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { QueryClientProvider } from '@tanstack/react-query';
import { RouterProvider } from '@tanstack/react-router';
import { useEffect, useState } from 'react';
import { I18nextProvider } from 'react-i18next';
import { paths } from '../config/paths';
import { setSessionExpiredHandler } from '../lib/api-client';
import { i18n } from '../lib/i18n';
import { createQueryClient } from '../lib/query-client';
import { createAppRouter } from './router';
import { cssVariablesResolver, theme } from './theme';

export function AppProvider() {
  const [queryClient] = useState(createQueryClient);
  const [router] = useState(() => createAppRouter(queryClient));

  useEffect(() => {
    setSessionExpiredHandler(() => {
      queryClient.clear();
      const { pathname, searchStr } = router.state.location;
      if (pathname === paths.signIn.path) return;
      void router.navigate({
        to: paths.signIn.path,
        search: { redirect: `${pathname}${searchStr}`, expired: true },
      });
    });
    return () => setSessionExpiredHandler(null);
  }, [queryClient, router]);

  return (
    <I18nextProvider i18n={i18n}>
      <MantineProvider theme={theme} cssVariablesResolver={cssVariablesResolver} defaultColorScheme="light">
        <Notifications position="top-right" />
        <QueryClientProvider client={queryClient}>
          <RouterProvider router={router} />
        </QueryClientProvider>
      </MantineProvider>
    </I18nextProvider>
  );
}
