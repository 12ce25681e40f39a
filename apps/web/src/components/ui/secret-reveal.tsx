import { Alert, Button, Code, CopyButton, Group, Stack, Text } from '@mantine/core';
import { IconAlertTriangle, IconCheck, IconCopy } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';

interface SecretRevealProps {
  /** What the secret is, e.g. "Secret du client". */
  label: string;
  secret: string;
}

/** A secret the server shows once: copy it now, it will not be shown again. */
export function SecretReveal({ label, secret }: SecretRevealProps) {
  const { t } = useTranslation();
  return (
    <Stack gap="sm">
      <Alert color="yellow" variant="light" icon={<IconAlertTriangle aria-hidden />}>
        <Text size="sm" fw={700}>
          {t('secret.onceTitle')}
        </Text>
        <Text size="sm">{t('secret.onceBody')}</Text>
      </Alert>
      <Text size="sm" fw={600} id="secret-label">
        {label}
      </Text>
      <Group gap="sm" wrap="nowrap" align="center">
        <Code block data-testid="secret-value" style={{ flex: 1, wordBreak: 'break-all' }}>
          {secret}
        </Code>
        <CopyButton value={secret}>
          {({ copied, copy }) => (
            <Button
              variant={copied ? 'filled' : 'light'}
              color={copied ? 'green' : undefined}
              leftSection={copied ? <IconCheck size={16} aria-hidden /> : <IconCopy size={16} aria-hidden />}
              onClick={copy}
            >
              {copied ? t('secret.copied') : t('secret.copy')}
            </Button>
          )}
        </CopyButton>
      </Group>
    </Stack>
  );
}
