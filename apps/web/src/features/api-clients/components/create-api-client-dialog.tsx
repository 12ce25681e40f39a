import { Alert, Button, Checkbox, Group, Modal, Stack, Switch, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import type { ApiClientWithSecret, ApiScope } from '@passerelle/domain/api-client/api-client.schema';
import { CreateApiClientSchema } from '@passerelle/domain/api-client/api-client.schema';
import { IconAlertCircle } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SecretReveal } from '../../../components/ui/secret-reveal';
import { applyProblemToForm, validateWithSchema } from '../../../lib/form-validation';
import { useCreateApiClient } from '../api/create-api-client';
import { apiScopeOptions } from './api-client-scope-data';

interface CreateApiClientDialogProps {
  opened: boolean;
  onClose: () => void;
  fabriqueChoices: { value: string; label: string }[];
}

interface Values {
  name: string;
  description: string;
  scopes: ApiScope[];
  isAllFabriques: boolean;
  fabriqueIds: string[];
}

export function CreateApiClientDialog({ opened, onClose, fabriqueChoices }: CreateApiClientDialogProps) {
  const { t } = useTranslation();
  const mutation = useCreateApiClient();
  const [formError, setFormError] = useState<string | null>(null);
  const [created, setCreated] = useState<ApiClientWithSecret | null>(null);
  const form = useForm<Values>({
    initialValues: { name: '', description: '', scopes: [], isAllFabriques: false, fabriqueIds: [] },
    validate: (values) =>
      validateWithSchema(CreateApiClientSchema, toBody(values), t, (issue, field) =>
        field === 'fabriqueIds' && issue.code === 'custom' ? t('apiClients.fabriquesRequired') : undefined,
      ),
  });

  function toBody(values: Values) {
    return {
      name: values.name,
      ...(values.description.trim() ? { description: values.description } : {}),
      scopes: values.scopes,
      isAllFabriques: values.isAllFabriques,
      ...(values.isAllFabriques ? {} : { fabriqueIds: values.fabriqueIds }),
    };
  }

  const close = () => {
    form.reset();
    setFormError(null);
    setCreated(null);
    onClose();
  };

  const handleSubmit = form.onSubmit((values) => {
    setFormError(null);
    mutation.mutate(CreateApiClientSchema.parse(toBody(values)), {
      onSuccess: setCreated,
      onError: (error) => setFormError(applyProblemToForm(error, form, t)),
    });
  });

  return (
    <Modal
      opened={opened}
      onClose={close}
      title={created ? t('apiClients.createdTitle', { name: created.name }) : t('apiClients.createTitle')}
      size="lg"
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      {created ? (
        <Stack gap="md">
          <TextInput label={t('apiClients.clientId')} value={created.id} readOnly />
          <SecretReveal label={t('apiClients.clientSecret')} secret={created.clientSecret} />
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
              label={t('apiClients.fields.name')}
              required
              data-autofocus
              {...form.getInputProps('name')}
            />
            <Textarea
              label={t('apiClients.fields.description')}
              autosize
              minRows={2}
              {...form.getInputProps('description')}
            />
            <Checkbox.Group label={t('apiClients.fields.scopes')} required {...form.getInputProps('scopes')}>
              <Stack gap={6} mt="xs">
                {apiScopeOptions(t).map((option) => (
                  <Checkbox
                    key={option.value}
                    value={option.value}
                    label={option.label}
                    description={option.value}
                  />
                ))}
              </Stack>
            </Checkbox.Group>
            <Switch
              label={t('apiClients.fields.isAllFabriques')}
              description={t('apiClients.fields.isAllFabriquesHint')}
              {...form.getInputProps('isAllFabriques', { type: 'checkbox' })}
            />
            {!form.values.isAllFabriques && (
              <Checkbox.Group
                label={t('apiClients.fields.fabriques')}
                required
                {...form.getInputProps('fabriqueIds')}
              >
                <Group gap="md" mt="xs">
                  {fabriqueChoices.map((choice) => (
                    <Checkbox key={choice.value} value={choice.value} label={choice.label} />
                  ))}
                </Group>
              </Checkbox.Group>
            )}
            <Group justify="flex-end" mt="sm">
              <Button variant="default" onClick={close}>
                {t('common.cancel')}
              </Button>
              <Button type="submit" loading={mutation.isPending}>
                {t('apiClients.create')}
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Modal>
  );
}
