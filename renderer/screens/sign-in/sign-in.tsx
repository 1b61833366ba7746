// Sign-in. Refusals (wrong password with attempts left, account locked for N minutes, deactivated)
// read as sentences; a session that ended elsewhere explains itself here.
import { zodResolver } from '@hookform/resolvers/zod';
import { Alert, Button, PasswordInput, Stack, Text, TextInput } from '@mantine/core';
import { IconInfoCircle } from '@tabler/icons-react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { SignInInput } from '../../../db/users/contract.ts';
import type { ErrorValue } from '../../client/call-error.ts';
import { useRouteMutation } from '../../client/context.tsx';
import { AuthFrame } from '../../components/auth-frame.tsx';
import { RefusalAlert } from '../../components/refusal-alert.tsx';
import { useFieldError, useRefusal } from '../../components/use-refusal.ts';
import { Heading } from '../../components/heading.tsx';
import type { SignedIn } from '../../session/session.tsx';

export function SignInScreen({ institution, notice, onSignedIn }: { institution: string | null; notice: ErrorValue | null; onSignedIn: (result: SignedIn) => void }) {
  const { t } = useTranslation();
  const form = useForm<z.input<typeof SignInInput>, unknown, z.output<typeof SignInInput>>({
    resolver: zodResolver(SignInInput),
    defaultValues: { username: '', password: '' },
  });
  const signIn = useRouteMutation('auth.sign-in');
  const refusal = useRefusal(form.setError, ['username', 'password']);
  const fieldError = useFieldError(refusal.refusal?.params);

  const submit = form.handleSubmit(async (values) => {
    refusal.clear();
    try {
      onSignedIn(await signIn.mutateAsync(values));
    } catch (error) {
      refusal.show(error);
      form.setValue('password', '');
      form.setFocus('password');
    }
  });

  return (
    <AuthFrame subtitle={institution}>
      <form onSubmit={submit} noValidate data-testid="sign-in-form">
        <Stack gap="md">
          <Heading title={t('signIn.title')} intro={t('signIn.intro')} page />
          {notice && !refusal.refusal ? (
            <Alert color="yellow" variant="light" icon={<IconInfoCircle size={18} />} data-testid="notice">
              {t(notice.message, notice.params ?? {})}
            </Alert>
          ) : null}
          <RefusalAlert error={refusal.refusal} />
          <TextInput
            label={t('signIn.username')}
            autoComplete="username"
            autoFocus
            {...form.register('username')}
            error={fieldError(form.formState.errors.username)}
          />
          <PasswordInput
            label={t('signIn.password')}
            autoComplete="current-password"
            {...form.register('password')}
            error={fieldError(form.formState.errors.password)}
          />
          <Button type="submit" loading={form.formState.isSubmitting} fullWidth>
            {t('signIn.submit')}
          </Button>
          <Text size="xs" c="dimmed" ta="center">
            {t('signIn.forgot')}
          </Text>
        </Stack>
      </form>
    </AuthFrame>
  );
}
