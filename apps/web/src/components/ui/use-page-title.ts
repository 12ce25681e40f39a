import { useDocumentTitle } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';

/** "Utilisateurs · Passerelle": each screen names itself in the tab and for screen readers (WCAG 2.4.2). */
export function usePageTitle(title: string) {
  const { t } = useTranslation();
  useDocumentTitle(title ? `${title} · ${t('app.name')}` : t('app.name'));
}
