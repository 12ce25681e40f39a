import { Alert, Button, Group, Modal, Stack, Text } from '@mantine/core';
import type { ApiClient, ApiClientWithSecret } from '@passerelle/domain/api-client/api-client.schema';
import { IconAlertCircle } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SecretReveal } from '../../../components/ui/secret-reveal';
import { describeError } from '../../../lib/problem-message';
import { useRotateApiClientSecret } from '../api/rotate-api-client-secret';

/** Confirms, rotates, then shows the new secret once. */
export function RotateSecretDialog({ client, onClose }: { client: ApiClient | null; onClose: () => void }) {
  const { t } = useTranslation();
  const mutation = useRotateApiClientSecret();
  const [rotated, setRotated] = useState<ApiClientWithSecret | null>(null);
  const close = () => {
    setRotated(null);
    mutation.reset();
    onClose();
  };
  return (
    <Modal
      opened={client !== null}
      onClose={close}
      title={t('apiClients.rotateTitle', { name: client?.name ?? '' })}
      size="lg"
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      {rotated ? (
        <Stack gap="md">
          <SecretReveal label={t('apiClients.clientSecret')} secret={rotated.clientSecret} />
          <Group justify="flex-end">
            <Button onClick={close}>{t('secret.done')}</Button>
          </Group>
        </Stack>
      ) : (
        <Stack gap="md">
          <Text size="sm">{t('apiClients.rotateMessage')}</Text>
          {mutation.error ? (
            <Alert color="red" variant="light" role="alert" icon={<IconAlertCircle aria-hidden />}>
              {describeError(mutation.error, t)}
            </Alert>
          ) : null}
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              {t('common.cancel')}
            </Button>
            <Button
              color="orange"
              loading={mutation.isPending}
              onClick={() => client && mutation.mutate(client.id, { onSuccess: setRotated })}
            >
              {t('apiClients.rotateConfirm')}
            </Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}
