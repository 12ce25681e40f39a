import { Alert, Button, Group, Modal, Stack, Switch, Text } from '@mantine/core';
import { useForm } from '@mantine/form';
import {
  type Fabrique,
  type UpdateFabrique,
  UpdateFabriqueSchema,
} from '@passerelle/domain/fabrique/fabrique.schema';
import { IconAlertCircle, IconRefresh } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { notifySuccess } from '../../../components/ui/notify';
import { isApiError } from '../../../lib/api-client';
import { applyProblemToForm, validateWithSchema } from '../../../lib/form-validation';
import { getFabriqueQueryOptions } from '../api/get-fabrique';
import { useUpdateFabrique } from '../api/update-fabrique';
import { describeFabriqueIssue, FabriqueFields, type FabriqueFieldValues } from './fabrique-fields';

interface EditFabriqueDialogProps {
  fabrique: Fabrique | null;
  onClose: () => void;
}

interface EditFabriqueValues extends FabriqueFieldValues {
  isActive: boolean;
}

function valuesFrom(fabrique: Fabrique): EditFabriqueValues {
  return {
    name: fabrique.name,
    slug: fabrique.slug,
    city: fabrique.city,
    departmentCode: fabrique.departmentCode,
    isActive: fabrique.isActive,
  };
}

function buildFabriquePatch(base: Fabrique, values: EditFabriqueValues): UpdateFabrique {
  const patch: UpdateFabrique = { version: base.version };
  const departmentCode = values.departmentCode.trim().toUpperCase();
  if (values.name.trim() !== base.name) patch.name = values.name.trim();
  if (values.slug.trim() !== base.slug) patch.slug = values.slug.trim();
  if (values.city.trim() !== base.city) patch.city = values.city.trim();
  if (departmentCode !== base.departmentCode) patch.departmentCode = departmentCode;
  if (values.isActive !== base.isActive) patch.isActive = values.isActive;
  return patch;
}

export function EditFabriqueDialog({ fabrique, onClose }: EditFabriqueDialogProps) {
  const { t } = useTranslation();
  return (
    <Modal
      opened={fabrique !== null}
      onClose={onClose}
      title={t('fabriques.editTitle')}
      size="lg"
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      {fabrique && <EditFabriqueForm key={fabrique.id} fabrique={fabrique} onClose={onClose} />}
    </Modal>
  );
}

function EditFabriqueForm({ fabrique, onClose }: { fabrique: Fabrique; onClose: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const updateMutation = useUpdateFabrique();
  const [base, setBase] = useState(fabrique);
  const [formError, setFormError] = useState<string | null>(null);
  const [isStale, setIsStale] = useState(false);
  const form = useForm<EditFabriqueValues>({
    initialValues: valuesFrom(fabrique),
    validate: (values) => validateWithSchema(UpdateFabriqueSchema, values, t, describeFabriqueIssue(t)),
  });

  const reloadLatest = async () => {
    try {
      const latest = await queryClient.fetchQuery({ ...getFabriqueQueryOptions(fabrique.id), staleTime: 0 });
      setBase(latest);
      form.setValues(valuesFrom(latest));
      form.resetDirty(valuesFrom(latest));
      setIsStale(false);
      setFormError(null);
    } catch (error) {
      setFormError(applyProblemToForm(error, form, t));
    }
  };

  const handleSubmit = form.onSubmit((values) => {
    setFormError(null);
    const patch = buildFabriquePatch(base, values);
    if (Object.keys(patch).length === 1) {
      onClose();
      return;
    }
    updateMutation.mutate(
      { id: base.id, body: patch },
      {
        onSuccess: (updated) => {
          notifySuccess(t('fabriques.updated', { name: updated.name }));
          onClose();
        },
        onError: (error) => {
          if (isApiError(error) && error.code === 'duplicate') {
            form.setFieldError('slug', t('fabriques.duplicateSlug'));
            setFormError(t('fabriques.duplicateSlug'));
            return;
          }
          if (isApiError(error) && (error.code === 'stale_version' || error.status === 412)) setIsStale(true);
          setFormError(applyProblemToForm(error, form, t));
        },
      },
    );
  });

  return (
    <form onSubmit={handleSubmit} noValidate>
      <Stack gap="md">
        {formError && (
          <Alert
            color={isStale ? 'orange' : 'red'}
            variant="light"
            role="alert"
            icon={<IconAlertCircle aria-hidden />}
          >
            <Text size="sm">{formError}</Text>
            {isStale && (
              <Button
                mt="sm"
                size="xs"
                variant="white"
                color="orange"
                leftSection={<IconRefresh size={14} aria-hidden />}
                onClick={() => void reloadLatest()}
              >
                {t('common.reloadLatest')}
              </Button>
            )}
          </Alert>
        )}
        <FabriqueFields form={form} t={t} />
        <Switch
          label={t('fabriques.fields.isActive')}
          description={t('fabriques.fields.isActiveHint')}
          {...form.getInputProps('isActive', { type: 'checkbox' })}
        />
        <Group justify="flex-end" mt="sm">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={updateMutation.isPending}>
            {t('fabriques.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
