// Every URL of the app in one place, French path scheme.
export const paths = {
  home: { path: '/' },
  signIn: { path: '/connexion' },
  // Back office (recruitment).
  sessions: {
    path: '/sessions',
    detail: '/sessions/$sessionId',
    create: '/sessions/nouvelle',
    edit: '/sessions/$sessionId/modifier',
  },
  candidacies: {
    path: '/candidatures',
    detail: '/candidatures/$candidacyId',
    create: '/candidatures/nouvelle',
    import: '/candidatures/import',
  },
  reports: { path: '/rapports', print: '/rapports/imprimer' },
  // Back office (outcomes).
  followUps: { path: '/suivis' },
  partners: { path: '/partenaires', detail: '/partenaires/$partnerId' },
  admin: {
    users: { path: '/admin/utilisateurs' },
    fabriques: { path: '/admin/fabriques' },
    programs: { path: '/admin/formations' },
    policies: { path: '/admin/politiques', detail: '/admin/politiques/$policyId' },
    apiClients: { path: '/admin/clients-api' },
    webhooks: { path: '/admin/webhooks', detail: '/admin/webhooks/$webhookId' },
  },
  // Applicants' pages: no account, loaded without any back-office code.
  public: {
    sessions: { path: '/sessions-ouvertes' },
    eligibility: { path: '/suis-je-eligible' },
    apply: { path: '/candidater/$sessionId' },
    applied: { path: '/candidater/$sessionId/envoyee' },
    privacy: { path: '/confidentialite' },
  },
} as const;

const PUBLIC_PREFIXES = ['/sessions-ouvertes', '/suis-je-eligible', '/candidater/', '/confidentialite'];

/** Pages for applicants: the app does not restore a staff session before showing them. */
export function isPublicPath(pathname: string): boolean {
  return PUBLIC_PREFIXES.some((prefix) => pathname === prefix || pathname.startsWith(prefix));
}

/** Only same-app paths: a crafted `?redirect=https://…` must not send anyone elsewhere. */
export function safeRedirect(target: string | undefined): string {
  if (!target?.startsWith('/') || target.startsWith('//') || target.startsWith('/\\')) {
    return paths.home.path;
  }
  return target;
}
