import { IdSchema } from '@passerelle/domain/shared/common.schema';
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
import { CandidacySearchSchema } from '../features/candidacies/api/candidacy-filters';
import { CandidacyIntakeSearchSchema } from '../features/candidacies/api/intake-search';
import { DashboardSearchSchema } from '../features/dashboard/api/dashboard-search';
import { PartnersSearchSchema } from '../features/partners/api/partner-search';
import { FollowUpsSearchSchema } from '../features/placements/api/follow-up-search';
import { ReportSearchSchema } from '../features/reports/api/report-search';
import { SessionDetailSearchSchema, SessionsSearchSchema } from '../features/sessions/api/session-search';
import { getSession, refreshSession } from '../lib/api-client';
import { NotFoundPage } from './routes/not-found';
import { RouteError } from './routes/route-error';

// Code splitting: the entry holds the router and shared pieces only. Every screen is loaded on
// demand (lazyRouteComponent), so that applicants' pages never download the back office's code and
// the back office never downloads theirs (checked by e2e/applicant.e2e.test.ts). Import no screen
// statically here.

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
  component: lazyRouteComponent(() => import('./routes/sign-in'), 'SignInPage'),
});

/** Arriving from a public page (or a printed link), the session has not been restored yet. */
async function requireSession({ location }: { location: { href: string } }) {
  if (!getSession() && !(await refreshSession())) {
    throw redirect({ to: paths.signIn.path, search: { redirect: location.href } });
  }
}

const authenticatedRoute = createRoute({
  getParentRoute: () => rootRoute,
  id: '_authenticated',
  beforeLoad: requireSession,
  component: lazyRouteComponent(() => import('./routes/app-layout'), 'AppLayout'),
});

const dashboardRoute = createRoute({
  getParentRoute: () => authenticatedRoute,
  path: paths.home.path,
  validateSearch: DashboardSearchSchema,
  // Viewers (funders) have nothing to do on the dashboard: their page is the reports.
  beforeLoad: () => {
    if (getSession()?.user.role === 'viewer') throw redirect({ to: paths.reports.path });
  },
  component: lazyRouteComponent(() => import('./routes/dashboard'), 'DashboardPage'),
});

const adminRoute = createRoute({
  getParentRoute: () => authenticatedRoute,
  path: 'admin',
  component: lazyRouteComponent(() => import('./routes/admin/admin-layout'), 'AdminLayout'),
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

const adminProgramsRoute = createRoute({
  getParentRoute: () => adminRoute,
  path: 'formations',
  component: lazyRouteComponent(() => import('./routes/admin/programs'), 'ProgramsPage'),
});

const adminPoliciesRoute = createRoute({
  getParentRoute: () => adminRoute,
  path: 'politiques',
  component: lazyRouteComponent(
    () => import('./routes/admin/eligibility-policies'),
    'EligibilityPoliciesPage',
  ),
});

const adminPolicyRoute = createRoute({
  getParentRoute: () => adminRoute,
  path: 'politiques/$policyId',
  component: lazyRouteComponent(() => import('./routes/admin/eligibility-policy'), 'EligibilityPolicyPage'),
});

// Back office: recruitment screens. Their search schemas live with the feature, so filters stay in the URL.
const adminApiClientsRoute = createRoute({
  getParentRoute: () => adminRoute,
  path: 'clients-api',
  component: lazyRouteComponent(() => import('./routes/admin/api-clients'), 'ApiClientsPage'),
});

const adminWebhooksRoute = createRoute({
  getParentRoute: () => adminRoute,
  path: 'webhooks',
  component: lazyRouteComponent(() => import('./routes/admin/webhooks'), 'WebhooksPage'),
});

const adminWebhookDetailRoute = createRoute({
  getParentRoute: () => adminRoute,
  path: 'webhooks/$webhookId',
  component: lazyRouteComponent(() => import('./routes/admin/webhook-detail'), 'WebhookDetailPage'),
});

const sessionsRoute = createRoute({
  getParentRoute: () => authenticatedRoute,
  path: paths.sessions.path,
  validateSearch: SessionsSearchSchema,
  component: lazyRouteComponent(() => import('./routes/sessions'), 'SessionsPage'),
});

const sessionDetailRoute = createRoute({
  getParentRoute: () => authenticatedRoute,
  path: paths.sessions.detail,
  validateSearch: SessionDetailSearchSchema,
  component: lazyRouteComponent(() => import('./routes/session-detail'), 'SessionDetailPage'),
});

// Recruitment writes (coordinators and admins): session form, intake by phone, CSV import.
const sessionNewRoute = createRoute({
  getParentRoute: () => authenticatedRoute,
  path: paths.sessions.create,
  component: lazyRouteComponent(() => import('./routes/session-new'), 'SessionNewPage'),
});

const sessionEditRoute = createRoute({
  getParentRoute: () => authenticatedRoute,
  path: paths.sessions.edit,
  component: lazyRouteComponent(() => import('./routes/session-edit'), 'SessionEditPage'),
});

const candidacyNewRoute = createRoute({
  getParentRoute: () => authenticatedRoute,
  path: paths.candidacies.create,
  validateSearch: CandidacyIntakeSearchSchema,
  component: lazyRouteComponent(() => import('./routes/candidacy-new'), 'CandidacyNewPage'),
});

const candidacyImportRoute = createRoute({
  getParentRoute: () => authenticatedRoute,
  path: paths.candidacies.import,
  validateSearch: CandidacyIntakeSearchSchema,
  component: lazyRouteComponent(() => import('./routes/candidacy-import'), 'CandidacyImportPage'),
});

const candidaciesRoute = createRoute({
  getParentRoute: () => authenticatedRoute,
  path: paths.candidacies.path,
  validateSearch: CandidacySearchSchema,
  component: lazyRouteComponent(() => import('./routes/candidacies'), 'CandidaciesPage'),
});

const candidacyDetailRoute = createRoute({
  getParentRoute: () => authenticatedRoute,
  path: paths.candidacies.detail,
  component: lazyRouteComponent(() => import('./routes/candidacy-detail'), 'CandidacyDetailPage'),
});

// Reports: their charts and tables load with their screen only, never with the public pages.
const reportsRoute = createRoute({
  getParentRoute: () => authenticatedRoute,
  path: paths.reports.path,
  validateSearch: ReportSearchSchema,
  component: lazyRouteComponent(() => import('./routes/reports'), 'ReportsPage'),
});

// The printable report: a bare A4 page, outside the app's shell.
const reportsPrintRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: paths.reports.print,
  validateSearch: ReportSearchSchema,
  beforeLoad: requireSession,
  component: lazyRouteComponent(() => import('./routes/reports-print'), 'PrintableReportPage'),
});

// Back office: outcomes (follow-ups to-do, partners and their offers).
const followUpsRoute = createRoute({
  getParentRoute: () => authenticatedRoute,
  path: paths.followUps.path,
  validateSearch: FollowUpsSearchSchema,
  component: lazyRouteComponent(() => import('./routes/follow-ups'), 'FollowUpsPage'),
});

const partnersRoute = createRoute({
  getParentRoute: () => authenticatedRoute,
  path: paths.partners.path,
  validateSearch: PartnersSearchSchema,
  component: lazyRouteComponent(() => import('./routes/partners'), 'PartnersPage'),
});

const partnerDetailRoute = createRoute({
  getParentRoute: () => authenticatedRoute,
  path: paths.partners.detail,
  component: lazyRouteComponent(() => import('./routes/partner-detail'), 'PartnerDetailPage'),
});

// Applicants' pages: no account; their own lazily loaded subtree.
const publicRoute = createRoute({
  getParentRoute: () => rootRoute,
  id: '_public',
  component: lazyRouteComponent(() => import('./routes/public/public-layout'), 'PublicLayout'),
});

export const OpenSessionsSearchSchema = z.object({
  fabrique: IdSchema.optional().catch(undefined),
  programme: IdSchema.optional().catch(undefined),
});

const openSessionsRoute = createRoute({
  getParentRoute: () => publicRoute,
  path: paths.public.sessions.path,
  validateSearch: OpenSessionsSearchSchema,
  component: lazyRouteComponent(() => import('./routes/public/open-sessions'), 'OpenSessionsPage'),
});

const eligibilitySelfCheckRoute = createRoute({
  getParentRoute: () => publicRoute,
  path: paths.public.eligibility.path,
  component: lazyRouteComponent(
    () => import('./routes/public/eligibility-self-check'),
    'EligibilitySelfCheckPage',
  ),
});

const applicationRoute = createRoute({
  getParentRoute: () => publicRoute,
  path: paths.public.apply.path,
  component: lazyRouteComponent(() => import('./routes/public/application'), 'ApplicationPage'),
});

const applicationSentRoute = createRoute({
  getParentRoute: () => publicRoute,
  path: paths.public.applied.path,
  component: lazyRouteComponent(() => import('./routes/public/application-sent'), 'ApplicationSentPage'),
});

const privacyNoticeRoute = createRoute({
  getParentRoute: () => publicRoute,
  path: paths.public.privacy.path,
  component: lazyRouteComponent(() => import('./routes/public/privacy-notice'), 'PrivacyNoticePage'),
});

const routeTree = rootRoute.addChildren([
  publicRoute.addChildren([
    openSessionsRoute,
    eligibilitySelfCheckRoute,
    applicationRoute,
    applicationSentRoute,
    privacyNoticeRoute,
  ]),
  signInRoute,
  reportsPrintRoute,
  authenticatedRoute.addChildren([
    reportsRoute,
    dashboardRoute,
    sessionsRoute,
    sessionDetailRoute,
    candidaciesRoute,
    candidacyDetailRoute,
    sessionNewRoute,
    sessionEditRoute,
    candidacyNewRoute,
    candidacyImportRoute,
    followUpsRoute,
    partnersRoute,
    partnerDetailRoute,
    adminRoute.addChildren([
      adminIndexRoute,
      adminUsersRoute,
      adminFabriquesRoute,
      adminProgramsRoute,
      adminPoliciesRoute,
      adminPolicyRoute,
      adminApiClientsRoute,
      adminWebhooksRoute,
      adminWebhookDetailRoute,
    ]),
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
