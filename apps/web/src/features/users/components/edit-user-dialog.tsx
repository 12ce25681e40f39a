import {
  Alert,
  Button,
  type ComboboxItem,
  Group,
  Modal,
  MultiSelect,
  PasswordInput,
  Select,
  SimpleGrid,
  Stack,
  Switch,
  Text,
  TextInput,
} from '@mantine/core';
import { type FormErrors, useForm } from '@mantine/form';
import {
  checkRoleFabriques,
  isFabriqueScopedRole,
  PASSWORD_MIN_LENGTH,
  type Role,
  RoleSchema,
  type UpdateUser,
  UpdateUserSchema,
  type User,
} from '@passerelle/domain/user/user.schema';
import { IconAlertCircle, IconRefresh } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { notifySuccess } from '../../../components/ui/notify';
import { isApiError } from '../../../lib/api-client';
import { applyProblemToForm, validateWithSchema } from '../../../lib/form-validation';
import { isLocale, type Locale } from '../../../lib/i18n';
import { getUserQueryOptions } from '../api/get-user';
import { useUpdateUser } from '../api/update-user';
import { localeOptions, roleOptions } from './role-select-data';

interface EditUserDialogProps {
  user: User | null;
  onClose: () => void;
  fabriqueOptions: ComboboxItem[];
}

interface EditUserValues {
  displayName: string;
  role: Role;
  locale: Locale;
  isActive: boolean;
  fabriqueIds: string[];
  password: string;
}

function valuesFrom(user: User): EditUserValues {
  return {
    displayName: user.displayName,
    role: user.role,
    locale: user.locale,
    isActive: user.isActive,
    fabriqueIds: user.fabriques.map((fabrique) => fabrique.id),
    password: '',
  };
}

function sameIds(a: readonly string[], b: readonly string[]) {
  return a.length === b.length && [...a].sort().join() === [...b].sort().join();
}

/** The PATCH body: what changed since the form was loaded, and the version it was loaded at. */
export function buildUserPatch(base: User, values: EditUserValues): UpdateUser {
  const patch: UpdateUser = { version: base.version };
  if (values.displayName.trim() !== base.displayName) patch.displayName = values.displayName.trim();
  if (values.role !== base.role) patch.role = values.role;
  if (values.locale !== base.locale) patch.locale = values.locale;
  if (values.isActive !== base.isActive) patch.isActive = values.isActive;
  const baseIds = base.fabriques.map((fabrique) => fabrique.id);
  if (!sameIds(values.fabriqueIds, baseIds)) patch.fabriqueIds = values.fabriqueIds;
  if (values.password) patch.password = values.password;
  return patch;
}

export function EditUserDialog({ user, onClose, fabriqueOptions }: EditUserDialogProps) {
  const { t } = useTranslation();
  return (
    <Modal
      opened={user !== null}
      onClose={onClose}
      title={t('users.editTitle')}
      size="lg"
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      {/* Keyed so that another row opens with a fresh form */}
      {user && <EditUserForm key={user.id} user={user} onClose={onClose} fabriqueOptions={fabriqueOptions} />}
    </Modal>
  );
}

function EditUserForm({ user, onClose, fabriqueOptions }: EditUserDialogProps & { user: User }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const updateMutation = useUpdateUser();
  const [base, setBase] = useState(user);
  const [formError, setFormError] = useState<string | null>(null);
  const [isStale, setIsStale] = useState(false);
  const [isReloading, setIsReloading] = useState(false);

  const form = useForm<EditUserValues>({
    initialValues: valuesFrom(user),
    validate: (values) => {
      const candidate = { ...values, password: values.password || undefined };
      const errors: FormErrors = validateWithSchema(UpdateUserSchema, candidate, t);
      if (checkRoleFabriques(values.role, values.fabriqueIds)) {
        errors.fabriqueIds = isFabriqueScopedRole(values.role)
          ? t('validation.fabriquesRequired')
          : t('validation.noFabriquesForRole');
      }
      return errors;
    },
  });
  const isScoped = isFabriqueScopedRole(form.values.role);

  const reloadLatest = async () => {
    setIsReloading(true);
    try {
      const latest = await queryClient.fetchQuery({ ...getUserQueryOptions(user.id), staleTime: 0 });
      setBase(latest);
      form.setValues(valuesFrom(latest));
      form.resetDirty(valuesFrom(latest));
      setIsStale(false);
      setFormError(null);
    } catch (error) {
      setFormError(applyProblemToForm(error, form, t));
    } finally {
      setIsReloading(false);
    }
  };

  const handleSubmit = form.onSubmit((values) => {
    setFormError(null);
    const patch = buildUserPatch(base, values);
    if (Object.keys(patch).length === 1) {
      onClose();
      return;
    }
    updateMutation.mutate(
      { id: base.id, body: patch },
      {
        onSuccess: (updated) => {
          notifySuccess(t('users.updated', { name: updated.displayName }));
          onClose();
        },
        onError: (error) => {
          // What the user typed stays in the form; they decide when to load the newer version.
          if (isApiError(error) && (error.code === 'stale_version' || error.status === 412)) setIsStale(true);
          setFormError(applyProblemToForm(error, form, t));
        },
      },
    );
  });

  return (
    <form onSubmit={handleSubmit} noValidate>
      <Stack gap="md">
        <Text size="sm" c="dimmed">
          {base.email}
        </Text>
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
                loading={isReloading}
                onClick={() => void reloadLatest()}
              >
                {t('common.reloadLatest')}
              </Button>
            )}
          </Alert>
        )}
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput
            label={t('users.fields.displayName')}
            required
            autoComplete="off"
            data-autofocus
            {...form.getInputProps('displayName')}
          />
          <Select
            label={t('users.fields.role')}
            required
            allowDeselect={false}
            data={roleOptions(t)}
            {...form.getInputProps('role')}
            onChange={(value) => {
              const parsed = RoleSchema.safeParse(value);
              if (!parsed.success) return;
              form.setFieldValue('role', parsed.data);
              if (!isFabriqueScopedRole(parsed.data)) form.setFieldValue('fabriqueIds', []);
            }}
          />
          <Select
            label={t('users.fields.locale')}
            required
            allowDeselect={false}
            data={localeOptions(t)}
            {...form.getInputProps('locale')}
            onChange={(value) => isLocale(value) && form.setFieldValue('locale', value)}
          />
        </SimpleGrid>
        <MultiSelect
          label={t('users.fields.fabriques')}
          description={t('users.fields.fabriquesHint')}
          placeholder={isScoped ? t('users.fields.fabriquesPlaceholder') : undefined}
          required={isScoped}
          disabled={!isScoped}
          data={fabriqueOptions}
          searchable
          {...form.getInputProps('fabriqueIds')}
        />
        <Switch
          label={t('users.fields.isActive')}
          description={t('users.fields.isActiveHint')}
          {...form.getInputProps('isActive', { type: 'checkbox' })}
        />
        <PasswordInput
          label={t('users.fields.newPassword')}
          description={`${t('users.fields.newPasswordHint')} ${t('users.fields.passwordHint', { min: PASSWORD_MIN_LENGTH })}`}
          autoComplete="new-password"
          {...form.getInputProps('password')}
        />
        <Group justify="flex-end" mt="sm">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={updateMutation.isPending}>
            {t('users.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
