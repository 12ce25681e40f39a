import { Alert, List } from '@mantine/core';
import { IconAlertCircle } from '@tabler/icons-react';
import { forwardRef } from 'react';
import { useTranslation } from 'react-i18next';

export interface SummaryItem {
  id: string;
  label: string;
  message: string;
}

/** The errors of a step, each a link that puts the cursor in the field to fix (GOV.UK pattern). */
export const ErrorSummary = forwardRef<HTMLDivElement, { items: SummaryItem[] }>(function ErrorSummary(
  { items },
  ref,
) {
  const { t } = useTranslation();
  return (
    <Alert
      ref={ref}
      tabIndex={-1}
      color="red"
      variant="light"
      role="alert"
      icon={<IconAlertCircle aria-hidden />}
      title={t('public.apply.errorSummary', { count: items.length })}
      className="error-summary"
    >
      <List size="sm" spacing={4}>
        {items.map((item) => (
          <List.Item key={item.id}>
            <a
              href={`#${item.id}`}
              className="error-summary-link"
              onClick={(event) => {
                const target = document.getElementById(item.id);
                if (!target) return;
                event.preventDefault();
                target.focus();
                target.scrollIntoView({ block: 'center' });
              }}
            >
              {t('public.apply.errorItem', { label: item.label, message: item.message })}
            </a>
          </List.Item>
        ))}
      </List>
    </Alert>
  );
});
