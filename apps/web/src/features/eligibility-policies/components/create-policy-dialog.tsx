import { Alert, Button, Group, Modal, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { CreateEligibilityPolicySchema } from '@passerelle/domain/eligibility/eligibility-policy.schema';
import type { EligibilityPolicyResource } from '@passerelle/domain/eligibility/eligibility-policy-resource.schema';
import { IconAlertCircle } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { applyProblemToForm, validateWithSchema } from '../../../lib/form-validation';
import { useCreateEligibilityPolicy } from '../api/create-eligibility-policy';

interface CreatePolicyDialogProps {
  opened: boolean;
  onClose: () => void;
  onCreated: (policy: EligibilityPolicyResource) => void;
}

/** A new policy starts from the defaults of domain.md; its criteria are then set in the editor. */
export function CreatePolicyDialog({ opened, onClose, onCreated }: CreatePolicyDialogProps) {
  const { t } = useTranslation();
  const createMutation = useCreateEligibilityPolicy();
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm({
    initialValues: { name: '' },
    validate: (values) => validateWithSchema(CreateEligibilityPolicySchema, values, t),
  });

  const close = () => {
    form.reset();
    setFormError(null);
    onClose();
  };

  const handleSubmit = form.onSubmit((values) => {
    setFormError(null);
    createMutation.mutate(
      { name: values.name.trim() },
      {
        onSuccess: (policy) => {
          form.reset();
          onCreated(policy);
        },
        onError: (error) => setFormError(applyProblemToForm(error, form, t)),
      },
    );
  });

  return (
    <Modal
      opened={opened}
      onClose={close}
      title={t('policies.createTitle')}
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      <form onSubmit={handleSubmit} noValidate>
        <Stack gap="md">
          {formError && (
            <Alert color="red" variant="light" role="alert" icon={<IconAlertCircle aria-hidden />}>
              {formError}
            </Alert>
          )}
          <Text size="sm">{t('policies.createDescription')}</Text>
          <TextInput
            label={t('policies.fields.name')}
            required
            data-autofocus
            {...form.getInputProps('name')}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={createMutation.isPending}>
              {t('policies.create')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
