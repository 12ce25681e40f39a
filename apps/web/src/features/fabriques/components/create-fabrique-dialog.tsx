import { Alert, Button, Group, Modal, Stack } from '@mantine/core';
import { useForm } from '@mantine/form';
import { CreateFabriqueSchema } from '@passerelle/domain/fabrique/fabrique.schema';
import { IconAlertCircle } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { notifySuccess } from '../../../components/ui/notify';
import { isApiError } from '../../../lib/api-client';
import { applyProblemToForm, validateWithSchema } from '../../../lib/form-validation';
import { useCreateFabrique } from '../api/create-fabrique';
import { describeFabriqueIssue, FabriqueFields, type FabriqueFieldValues } from './fabrique-fields';

interface CreateFabriqueDialogProps {
  opened: boolean;
  onClose: () => void;
}

export function CreateFabriqueDialog({ opened, onClose }: CreateFabriqueDialogProps) {
  const { t } = useTranslation();
  const createMutation = useCreateFabrique();
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm<FabriqueFieldValues>({
    initialValues: { name: '', slug: '', city: '', departmentCode: '' },
    validate: (values) => validateWithSchema(CreateFabriqueSchema, values, t, describeFabriqueIssue(t)),
  });

  const close = () => {
    form.reset();
    setFormError(null);
    onClose();
  };

  const handleSubmit = form.onSubmit((values) => {
    setFormError(null);
    createMutation.mutate(
      { ...values, departmentCode: values.departmentCode.toUpperCase() },
      {
        onSuccess: (fabrique) => {
          notifySuccess(t('fabriques.created', { name: fabrique.name }));
          close();
        },
        onError: (error) => {
          if (isApiError(error) && error.code === 'duplicate') {
            form.setFieldError('slug', t('fabriques.duplicateSlug'));
            setFormError(t('fabriques.duplicateSlug'));
            return;
          }
          setFormError(applyProblemToForm(error, form, t));
        },
      },
    );
  });

  return (
    <Modal
      opened={opened}
      onClose={close}
      title={t('fabriques.createTitle')}
      size="lg"
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      <form onSubmit={handleSubmit} noValidate>
        <Stack gap="md">
          {formError && (
            <Alert color="red" variant="light" role="alert" icon={<IconAlertCircle aria-hidden />}>
              {formError}
            </Alert>
          )}
          <FabriqueFields form={form} t={t} />
          <Group justify="flex-end" mt="sm">
            <Button variant="default" onClick={close}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={createMutation.isPending}>
              {t('fabriques.create')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
