import { Alert, Button, PasswordInput, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { type LoginRequest, LoginRequestSchema, type Me } from '@passerelle/domain/auth/auth.schema';
import { IconAlertCircle } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../../lib/api-client';
import { validateWithSchema } from '../../../lib/form-validation';
import { describeError } from '../../../lib/problem-message';
import { useLogin } from '../api/login';

interface SignInFormProps {
  onSignedIn: (user: Me) => void;
}

export function SignInForm({ onSignedIn }: SignInFormProps) {
  const { t } = useTranslation();
  const loginMutation = useLogin();
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm<LoginRequest>({
    initialValues: { email: '', password: '' },
    validate: (values) => validateWithSchema(LoginRequestSchema, values, t),
  });

  const describeLoginError = (error: unknown) => {
    if (isApiError(error) && error.status === 401) return t('signIn.invalidCredentials');
    if (isApiError(error) && error.status === 429) {
      return error.retryAfterSeconds
        ? t('signIn.rateLimited', { seconds: error.retryAfterSeconds })
        : t('signIn.rateLimitedNoDelay');
    }
    return describeError(error, t);
  };

  const handleSubmit = form.onSubmit((values) => {
    setFormError(null);
    loginMutation.mutate(values, {
      onSuccess: (response) => onSignedIn(response.user),
      onError: (error) => {
        if (isApiError(error) && error.status === 400) form.setErrors(error.bodyFieldErrors);
        setFormError(describeLoginError(error));
        form.setFieldValue('password', '');
      },
    });
  });

  return (
    <form onSubmit={handleSubmit} noValidate>
      <Stack gap="md">
        {formError && (
          <Alert color="red" variant="light" icon={<IconAlertCircle aria-hidden />} role="alert">
            {formError}
          </Alert>
        )}
        <TextInput
          label={t('signIn.email')}
          type="email"
          autoComplete="username"
          inputMode="email"
          required
          size="md"
          data-autofocus
          {...form.getInputProps('email')}
        />
        <PasswordInput
          label={t('signIn.password')}
          autoComplete="current-password"
          required
          size="md"
          {...form.getInputProps('password')}
        />
        <Button type="submit" size="md" fullWidth loading={loginMutation.isPending}>
          {t('signIn.submit')}
        </Button>
      </Stack>
    </form>
  );
}
