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
  TextInput,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import {
  CreateUserSchema,
  isFabriqueScopedRole,
  PASSWORD_MIN_LENGTH,
  type Role,
  RoleSchema,
} from '@passerelle/domain/user/user.schema';
import { IconAlertCircle } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { notifySuccess } from '../../../components/ui/notify';
import { isApiError } from '../../../lib/api-client';
import { applyProblemToForm, validateWithSchema } from '../../../lib/form-validation';
import { isLocale, type Locale } from '../../../lib/i18n';
import { useCreateUser } from '../api/create-user';
import { localeOptions, roleOptions } from './role-select-data';

interface CreateUserDialogProps {
  opened: boolean;
  onClose: () => void;
  fabriqueOptions: ComboboxItem[];
}

interface CreateUserValues {
  email: string;
  displayName: string;
  role: Role;
  password: string;
  locale: Locale;
  fabriqueIds: string[];
}

const INITIAL_VALUES: CreateUserValues = {
  email: '',
  displayName: '',
  role: 'coordinator',
  password: '',
  locale: 'fr',
  fabriqueIds: [],
};

export function CreateUserDialog({ opened, onClose, fabriqueOptions }: CreateUserDialogProps) {
  const { t } = useTranslation();
  const createMutation = useCreateUser();
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm<CreateUserValues>({
    initialValues: INITIAL_VALUES,
    validate: (values) =>
      validateWithSchema(CreateUserSchema, values, t, (_issue, field) => {
        if (field !== 'fabriqueIds') return undefined;
        return isFabriqueScopedRole(values.role)
          ? t('validation.fabriquesRequired')
          : t('validation.noFabriquesForRole');
      }),
  });
  const isScoped = isFabriqueScopedRole(form.values.role);

  const close = () => {
    form.reset();
    setFormError(null);
    createMutation.reset();
    onClose();
  };

  const handleSubmit = form.onSubmit((values) => {
    setFormError(null);
    createMutation.mutate(values, {
      onSuccess: (user) => {
        notifySuccess(t('users.created', { name: user.displayName }));
        close();
      },
      onError: (error) => {
        if (isApiError(error) && error.code === 'duplicate') {
          form.setFieldError('email', t('users.duplicateEmail'));
          setFormError(t('users.duplicateEmail'));
          return;
        }
        setFormError(applyProblemToForm(error, form, t));
      },
    });
  });

  return (
    <Modal
      opened={opened}
      onClose={close}
      title={t('users.createTitle')}
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
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput
              label={t('users.fields.displayName')}
              required
              autoComplete="off"
              data-autofocus
              {...form.getInputProps('displayName')}
            />
            <TextInput
              label={t('users.fields.email')}
              type="email"
              required
              autoComplete="off"
              {...form.getInputProps('email')}
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
          <PasswordInput
            label={t('users.fields.password')}
            description={t('users.fields.passwordHint', { min: PASSWORD_MIN_LENGTH })}
            required
            autoComplete="new-password"
            {...form.getInputProps('password')}
          />
          <Group justify="flex-end" mt="sm">
            <Button variant="default" onClick={close}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={createMutation.isPending}>
              {t('users.create')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
