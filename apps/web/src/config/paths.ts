// Every URL of the app in one place, French path scheme.
export const paths = {
  home: { path: '/' },
  signIn: { path: '/connexion' },
  admin: {
    users: { path: '/admin/utilisateurs' },
    fabriques: { path: '/admin/fabriques' },
  },
} as const;

/** Only same-app paths: a crafted `?redirect=https://…` must not send anyone elsewhere. */
export function safeRedirect(target: string | undefined): string {
  if (!target?.startsWith('/') || target.startsWith('//') || target.startsWith('/\\')) {
    return paths.home.path;
  }
  return target;
}
