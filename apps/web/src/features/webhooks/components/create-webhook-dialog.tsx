import { Alert, Button, Checkbox, Group, Modal, NativeSelect, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import {
  CreateWebhookSchema,
  WEBHOOK_EVENT_TYPES,
  type WebhookEventType,
  type WebhookSubscriptionWithSecret,
} from '@passerelle/domain/webhook/webhook.schema';
import { IconAlertCircle } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SecretReveal } from '../../../components/ui/secret-reveal';
import { applyProblemToForm, validateWithSchema } from '../../../lib/form-validation';
import { useCreateWebhook } from '../api/create-webhook';
import { eventLabelKey } from './event-label';

interface CreateWebhookDialogProps {
  opened: boolean;
  onClose: () => void;
  fabriqueChoices: { value: string; label: string }[];
}

interface Values {
  url: string;
  events: WebhookEventType[];
  /** '' for every fabrique. */
  fabriqueId: string;
}

const ALL_FABRIQUES = '';

export function CreateWebhookDialog({ opened, onClose, fabriqueChoices }: CreateWebhookDialogProps) {
  const { t } = useTranslation();
  const mutation = useCreateWebhook();
  const [formError, setFormError] = useState<string | null>(null);
  const [created, setCreated] = useState<WebhookSubscriptionWithSecret | null>(null);
  const toBody = (values: Values) => ({
    url: values.url.trim(),
    events: values.events,
    fabriqueId: values.fabriqueId === ALL_FABRIQUES ? null : values.fabriqueId,
  });
  const form = useForm<Values>({
    initialValues: { url: '', events: [], fabriqueId: ALL_FABRIQUES },
    validate: (values) =>
      validateWithSchema(CreateWebhookSchema, toBody(values), t, (issue, field) =>
        field === 'url' && issue.code !== 'too_small' ? t('webhooks.invalidUrl') : undefined,
      ),
  });

  const close = () => {
    form.reset();
    setFormError(null);
    setCreated(null);
    onClose();
  };

  const handleSubmit = form.onSubmit((values) => {
    setFormError(null);
    mutation.mutate(CreateWebhookSchema.parse(toBody(values)), {
      onSuccess: setCreated,
      onError: (error) => setFormError(applyProblemToForm(error, form, t)),
    });
  });

  return (
    <Modal
      opened={opened}
      onClose={close}
      title={created ? t('webhooks.createdTitle') : t('webhooks.createTitle')}
      size="lg"
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      {created ? (
        <Stack gap="md">
          <SecretReveal label={t('webhooks.secret')} secret={created.secret} />
          <Group justify="flex-end">
            <Button onClick={close}>{t('secret.done')}</Button>
          </Group>
        </Stack>
      ) : (
        <form onSubmit={handleSubmit} noValidate>
          <Stack gap="md">
            {formError && (
              <Alert color="red" variant="light" role="alert" icon={<IconAlertCircle aria-hidden />}>
                {formError}
              </Alert>
            )}
            <TextInput
              label={t('webhooks.fields.url')}
              description={t('webhooks.fields.urlHint')}
              placeholder="https://"
              required
              data-autofocus
              {...form.getInputProps('url')}
            />
            <Checkbox.Group label={t('webhooks.fields.events')} required {...form.getInputProps('events')}>
              <Stack gap={6} mt="xs">
                {WEBHOOK_EVENT_TYPES.map((type) => (
                  <Checkbox key={type} value={type} label={t(eventLabelKey(type))} description={type} />
                ))}
              </Stack>
            </Checkbox.Group>
            <NativeSelect
              label={t('webhooks.fields.fabrique')}
              data={[{ value: ALL_FABRIQUES, label: t('webhooks.allFabriques') }, ...fabriqueChoices]}
              {...form.getInputProps('fabriqueId')}
            />
            <Group justify="flex-end" mt="sm">
              <Button variant="default" onClick={close}>
                {t('common.cancel')}
              </Button>
              <Button type="submit" loading={mutation.isPending}>
                {t('webhooks.create')}
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Modal>
  );
}
