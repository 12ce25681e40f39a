import { notifications } from '@mantine/notifications';
import { i18n } from '../../lib/i18n';

/** A short confirmation after a write; the close button is labelled for screen readers. */
export function notifySuccess(message: string) {
  notifications.show({
    color: 'green',
    message,
    withBorder: true,
    closeButtonProps: { 'aria-label': i18n.t('common.close') },
  });
}
