import '@mantine/core/styles.css';
import '@mantine/notifications/styles.css';
import './app/app.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { AppProvider } from './app/provider';
import { isPublicPath } from './config/paths';
import { refreshSession } from './lib/api-client';
import { i18n } from './lib/i18n';

const container = document.getElementById('root');
if (!container) throw new Error('#root is missing from index.html');
const root = createRoot(container);

// Plain markup while the session is restored: Mantine is not mounted yet.
root.render(
  <p role="status" style={{ fontFamily: 'system-ui, sans-serif', padding: 24, color: '#575e66' }}>
    {i18n.t('app.loading')}
  </p>,
);

// The access token lives in memory only: a reload asks the refresh cookie for a new one. Applicants'
// pages need no session: they render at once (the back office renews it on its way in).
const sessionRestored = isPublicPath(window.location.pathname) ? Promise.resolve(false) : refreshSession();
void sessionRestored.finally(() => {
  root.render(
    <StrictMode>
      <AppProvider />
    </StrictMode>,
  );
});
