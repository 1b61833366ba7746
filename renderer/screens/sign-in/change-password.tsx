// 3.1.7: a temporary password is changed at first sign-in, and every password after the set age,
// before anything else can be done. The same form serves a change the user chooses to make.
import { zodResolver } from '@hookform/resolvers/zod';
import { Alert, Button, Group, PasswordInput, SimpleGrid, Stack } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconLock } from '@tabler/icons-react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { ChangePasswordInput } from '../../../db/users/contract.ts';
import { useRouteMutation } from '../../client/context.tsx';
import { AuthFrame } from '../../components/auth-frame.tsx';
import { PasswordChecklist } from '../../components/password-checklist.tsx';
import { RefusalAlert } from '../../components/refusal-alert.tsx';
import { useFieldError, useRefusal } from '../../components/use-refusal.ts';
import { Heading } from '../../components/heading.tsx';
import { useSession, type SignedIn } from '../../session/session.tsx';

export function ChangePasswordForm({ onChanged, onCancel }: { onChanged: (result: SignedIn) => void; onCancel?: () => void }) {
  const { t } = useTranslation();
  const form = useForm<z.input<typeof ChangePasswordInput>, unknown, z.output<typeof ChangePasswordInput>>({
    resolver: zodResolver(ChangePasswordInput),
    defaultValues: { current: '', next: '', confirm: '' },
    mode: 'onTouched',
  });
  const change = useRouteMutation('auth.change-password');
  const refusal = useRefusal(form.setError, ['current', 'next', 'confirm']);
  const fieldError = useFieldError(refusal.refusal?.params);
  const next = form.watch('next');

  const submit = form.handleSubmit(async (values) => {
    refusal.clear();
    try {
      const result = await change.mutateAsync(values);
      notifications.show({ color: 'flag', message: t('changePassword.done') });
      onChanged(result);
    } catch (error) {
      refusal.show(error);
    }
  });

  return (
    <form onSubmit={submit} noValidate data-testid="change-password-form">
      <Stack gap="sm">
        <RefusalAlert error={refusal.refusal} />
        <SimpleGrid cols={2} spacing="lg">
          <Stack gap="sm">
            <PasswordInput
              label={t('changePassword.current')}
              autoComplete="current-password"
              {...form.register('current')}
              error={fieldError(form.formState.errors.current)}
            />
            <PasswordInput label={t('changePassword.next')} autoComplete="new-password" {...form.register('next')} error={fieldError(form.formState.errors.next)} />
            <PasswordInput
              label={t('changePassword.confirm')}
              autoComplete="new-password"
              {...form.register('confirm')}
              error={fieldError(form.formState.errors.confirm)}
            />
          </Stack>
          <PasswordChecklist value={next} />
        </SimpleGrid>
        <Group justify="flex-end" mt="xs">
          {onCancel ? (
            <Button variant="default" onClick={onCancel}>
              {t('common.cancel')}
            </Button>
          ) : null}
          <Button type="submit" loading={form.formState.isSubmitting}>
            {t('changePassword.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

export function ChangePasswordScreen({ reason, onChanged }: { reason: 'first' | 'expired'; onChanged: (result: SignedIn) => void }) {
  const { t } = useTranslation();
  const { user, signOut } = useSession();
  return (
    <AuthFrame width={760}>
      <Stack gap="md">
        <Heading title={t('changePassword.title')} intro={t('changePassword.greeting', { name: user.display_name })} page />
        <Alert color="flag" variant="light" icon={<IconLock size={18} />} data-testid="password-change-reason">
          {t(reason === 'first' ? 'changePassword.reason-first' : 'changePassword.reason-expired')}
        </Alert>
        <ChangePasswordForm onChanged={onChanged} />
        <Button variant="subtle" color="gray" size="xs" onClick={signOut}>
          {t('common.sign-out')}
        </Button>
      </Stack>
    </AuthFrame>
  );
}
