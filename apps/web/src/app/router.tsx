import { RoleSchema } from '@passerelle/domain/user/user.schema';
import type { QueryClient } from '@tanstack/react-query';
import {
  createRootRouteWithContext,
  createRoute,
  createRouter,
  lazyRouteComponent,
  Outlet,
  redirect,
} from '@tanstack/react-router';
import { z } from 'zod';
import { paths, safeRedirect } from '../config/paths';
import { getSession } from '../lib/api-client';
import { AdminLayout } from './routes/admin/admin-layout';
import { AppLayout } from './routes/app-layout';
import { DashboardPage } from './routes/dashboard';
import { NotFoundPage } from './routes/not-found';
import { RouteError } from './routes/route-error';
import { SignInPage } from './routes/sign-in';

export interface RouterContext {
  queryClient: QueryClient;
}

const rootRoute = createRootRouteWithContext<RouterContext>()({
  component: Outlet,
  notFoundComponent: NotFoundPage,
});

const SignInSearchSchema = z.object({
  redirect: z.string().optional().catch(undefined),
  expired: z.boolean().optional().catch(undefined),
});

const signInRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: paths.signIn.path,
  validateSearch: SignInSearchSchema,
  beforeLoad: ({ search }) => {
    if (getSession()) throw redirect({ href: safeRedirect(search.redirect) });
  },
  component: SignInPage,
});

const authenticatedRoute = createRoute({
  getParentRoute: () => rootRoute,
  id: '_authenticated',
  beforeLoad: ({ location }) => {
    if (!getSession()) {
      throw redirect({ to: paths.signIn.path, search: { redirect: location.href } });
    }
  },
  component: AppLayout,
});

const dashboardRoute = createRoute({
  getParentRoute: () => authenticatedRoute,
  path: paths.home.path,
  component: DashboardPage,
});

const adminRoute = createRoute({
  getParentRoute: () => authenticatedRoute,
  path: 'admin',
  component: AdminLayout,
});

const adminIndexRoute = createRoute({
  getParentRoute: () => adminRoute,
  path: '/',
  beforeLoad: () => {
    throw redirect({ to: paths.admin.users.path });
  },
});

export const UsersSearchSchema = z.object({
  role: RoleSchema.optional().catch(undefined),
  q: z.string().trim().max(100).optional().catch(undefined),
});

const adminUsersRoute = createRoute({
  getParentRoute: () => adminRoute,
  path: 'utilisateurs',
  validateSearch: UsersSearchSchema,
  // Admin screens are for a few people: load them on demand.
  component: lazyRouteComponent(() => import('./routes/admin/users'), 'UsersPage'),
});

const adminFabriquesRoute = createRoute({
  getParentRoute: () => adminRoute,
  path: 'fabriques',
  component: lazyRouteComponent(() => import('./routes/admin/fabriques'), 'FabriquesPage'),
});

const routeTree = rootRoute.addChildren([
  signInRoute,
  authenticatedRoute.addChildren([
    dashboardRoute,
    adminRoute.addChildren([adminIndexRoute, adminUsersRoute, adminFabriquesRoute]),
  ]),
]);

export function createAppRouter(queryClient: QueryClient) {
  return createRouter({
    routeTree,
    context: { queryClient },
    defaultPreload: 'intent',
    defaultErrorComponent: RouteError,
    defaultPreloadStaleTime: 0,
    scrollRestoration: true,
  });
}

declare module '@tanstack/react-router' {
  interface Register {
    router: ReturnType<typeof createAppRouter>;
  }
}
