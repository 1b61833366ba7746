// The account forms (3.1.1, 3.1.2, 3.1.8): open an account, change its name and roles, set a temporary
// password, deactivate with a reason. Each validates with the route's own schema.
import { zodResolver } from '@hookform/resolvers/zod';
import { Alert, Button, Group, Modal, MultiSelect, PasswordInput, Select, SimpleGrid, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconAlertTriangle, IconInfoCircle } from '@tabler/icons-react';
import { Controller, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import type { RouteOutput } from '../../../db/contract/routes.ts';
import {
  CreateUserInput,
  DEACTIVATION_REASONS,
  DeactivateUserInput,
  ResetPasswordInput,
  ROLES,
  UpdateUserInput,
} from '../../../db/contract/schemas.ts';
import { useRouteMutation } from '../../client/context.tsx';
import { PasswordChecklist } from '../../components/password-checklist.tsx';
import { RefusalAlert } from '../../components/refusal-alert.tsx';
import { useFieldError, useRefusal } from '../../components/use-refusal.ts';

export type UserView = RouteOutput<'users.list'>[number];

function useRoleOptions() {
  const { t } = useTranslation();
  return ROLES.map((role) => ({ value: role, label: t(`roles.${role}`) }));
}

function FormButtons({ onCancel, submitLabel, busy, danger }: { onCancel: () => void; submitLabel: string; busy: boolean; danger?: boolean }) {
  const { t } = useTranslation();
  return (
    <Group justify="flex-end" mt="sm">
      <Button variant="default" onClick={onCancel}>
        {t('common.cancel')}
      </Button>
      <Button type="submit" loading={busy} color={danger ? 'red' : undefined} data-testid="submit">
        {submitLabel}
      </Button>
    </Group>
  );
}

export function CreateUserModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Modal opened={opened} onClose={onClose} title={t('users.create.title')} size="xl" closeButtonProps={{ 'aria-label': t('common.close') }}>
      {opened ? <CreateUserForm onClose={onClose} /> : null}
    </Modal>
  );
}

function CreateUserForm({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const roleOptions = useRoleOptions();
  const form = useForm<z.input<typeof CreateUserInput>, unknown, z.output<typeof CreateUserInput>>({
    resolver: zodResolver(CreateUserInput),
    defaultValues: { username: '', display_name: '', roles: [], temporary_password: '' },
    mode: 'onTouched',
  });
  const create = useRouteMutation('users.create', ['users.list']);
  const refusal = useRefusal(form.setError, ['username', 'display_name', 'roles', 'temporary_password']);
  const fieldError = useFieldError(refusal.refusal?.params);
  const errors = form.formState.errors;
  const password = form.watch('temporary_password');

  const submit = form.handleSubmit(async (values) => {
    refusal.clear();
    try {
      const created = await create.mutateAsync(values);
      notifications.show({ color: 'flag', message: t('users.create.done', { name: created.display_name, username: created.username }) });
      onClose();
    } catch (error) {
      refusal.show(error);
    }
  });

  return (
    <form onSubmit={submit} noValidate data-testid="create-user-form">
      <Stack gap="sm">
        <RefusalAlert error={refusal.refusal} />
        <SimpleGrid cols={2} spacing="md">
          <TextInput label={t('users.fields.display-name')} placeholder={t('users.fields.display-name-example')} {...form.register('display_name')} error={fieldError(errors.display_name)} />
          <TextInput
            label={t('users.fields.username')}
            description={t('users.fields.username-hint')}
            placeholder={t('users.fields.username-example')}
            autoComplete="off"
            {...form.register('username')}
            error={fieldError(errors.username)}
          />
        </SimpleGrid>
        <Controller
          control={form.control}
          name="roles"
          render={({ field, fieldState }) => (
            <MultiSelect
              label={t('users.fields.roles')}
              description={t('users.fields.roles-hint')}
              data={roleOptions}
              value={field.value}
              onChange={field.onChange}
              onBlur={field.onBlur}
              ref={field.ref}
              error={fieldError(fieldState.error)}
              comboboxProps={{ withinPortal: true }}
              data-testid="roles"
            />
          )}
        />
        <SimpleGrid cols={2} spacing="md">
          <Stack gap="xs">
            <PasswordInput
              label={t('users.fields.temporary-password')}
              autoComplete="new-password"
              {...form.register('temporary_password')}
              error={fieldError(errors.temporary_password)}
            />
            <Alert variant="light" color="flag" icon={<IconInfoCircle size={18} />} p="xs">
              <Text size="sm">{t('users.create.temporary-explained')}</Text>
            </Alert>
          </Stack>
          <PasswordChecklist value={password} />
        </SimpleGrid>
        <FormButtons onCancel={onClose} submitLabel={t('users.create.submit')} busy={form.formState.isSubmitting} />
      </Stack>
    </form>
  );
}

export function EditUserModal({ target, onClose }: { target: UserView | null; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Modal opened={target !== null} onClose={onClose} title={t('users.edit.title')} size="lg" closeButtonProps={{ 'aria-label': t('common.close') }}>
      {target ? <EditUserForm target={target} onClose={onClose} /> : null}
    </Modal>
  );
}

function EditUserForm({ target, onClose }: { target: UserView; onClose: () => void }) {
  const { t } = useTranslation();
  const roleOptions = useRoleOptions();
  const form = useForm<z.input<typeof UpdateUserInput>, unknown, z.output<typeof UpdateUserInput>>({
    resolver: zodResolver(UpdateUserInput),
    defaultValues: { user_id: target.id, display_name: target.display_name, roles: target.roles },
  });
  const update = useRouteMutation('users.update', ['users.list']);
  const refusal = useRefusal(form.setError, ['display_name', 'roles']);
  const fieldError = useFieldError(refusal.refusal?.params);

  const submit = form.handleSubmit(async (values) => {
    refusal.clear();
    try {
      await update.mutateAsync(values);
      notifications.show({ color: 'flag', message: t('common.saved') });
      onClose();
    } catch (error) {
      refusal.show(error);
    }
  });

  return (
    <form onSubmit={submit} noValidate data-testid="edit-user-form">
      <Stack gap="sm">
        <RefusalAlert error={refusal.refusal} />
        <TextInput label={t('users.fields.username')} value={target.username} readOnly variant="filled" />
        <TextInput label={t('users.fields.display-name')} {...form.register('display_name')} error={fieldError(form.formState.errors.display_name)} />
        <Controller
          control={form.control}
          name="roles"
          render={({ field, fieldState }) => (
            <MultiSelect
              label={t('users.fields.roles')}
              data={roleOptions}
              value={field.value}
              onChange={field.onChange}
              onBlur={field.onBlur}
              ref={field.ref}
              error={fieldError(fieldState.error)}
            />
          )}
        />
        <FormButtons onCancel={onClose} submitLabel={t('common.save')} busy={form.formState.isSubmitting} />
      </Stack>
    </form>
  );
}

export function ResetPasswordModal({ target, onClose }: { target: UserView | null; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Modal opened={target !== null} onClose={onClose} title={t('users.reset.title')} size="lg" closeButtonProps={{ 'aria-label': t('common.close') }}>
      {target ? <ResetPasswordForm target={target} onClose={onClose} /> : null}
    </Modal>
  );
}

function ResetPasswordForm({ target, onClose }: { target: UserView; onClose: () => void }) {
  const { t } = useTranslation();
  const form = useForm<z.input<typeof ResetPasswordInput>, unknown, z.output<typeof ResetPasswordInput>>({
    resolver: zodResolver(ResetPasswordInput),
    defaultValues: { user_id: target.id, temporary_password: '' },
    mode: 'onTouched',
  });
  const reset = useRouteMutation('users.reset-password', ['users.list']);
  const refusal = useRefusal(form.setError, ['temporary_password']);
  const fieldError = useFieldError(refusal.refusal?.params);
  const password = form.watch('temporary_password');

  const submit = form.handleSubmit(async (values) => {
    refusal.clear();
    try {
      await reset.mutateAsync(values);
      notifications.show({ color: 'flag', message: t('users.reset.done', { name: target.display_name }) });
      onClose();
    } catch (error) {
      refusal.show(error);
    }
  });

  return (
    <form onSubmit={submit} noValidate data-testid="reset-password-form">
      <Stack gap="sm">
        <Text size="sm">{t('users.reset.intro', { name: target.display_name, username: target.username })}</Text>
        <RefusalAlert error={refusal.refusal} />
        <PasswordInput
          label={t('users.fields.temporary-password')}
          autoComplete="new-password"
          {...form.register('temporary_password')}
          error={fieldError(form.formState.errors.temporary_password)}
        />
        <PasswordChecklist value={password} />
        <FormButtons onCancel={onClose} submitLabel={t('users.reset.submit')} busy={form.formState.isSubmitting} />
      </Stack>
    </form>
  );
}

export function DeactivateUserModal({ target, onClose }: { target: UserView | null; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Modal
      opened={target !== null}
      onClose={onClose}
      title={target ? t('users.deactivate.title', { name: target.display_name }) : ''}
      size="lg"
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      {target ? <DeactivateUserForm target={target} onClose={onClose} /> : null}
    </Modal>
  );
}

function DeactivateUserForm({ target, onClose }: { target: UserView; onClose: () => void }) {
  const { t } = useTranslation();
  const form = useForm<z.input<typeof DeactivateUserInput>, unknown, z.output<typeof DeactivateUserInput>>({
    resolver: zodResolver(DeactivateUserInput),
    defaultValues: { user_id: target.id, note: '' },
  });
  const deactivate = useRouteMutation('users.deactivate', ['users.list']);
  const refusal = useRefusal(form.setError, ['reason', 'note']);
  const fieldError = useFieldError(refusal.refusal?.params);

  const submit = form.handleSubmit(async (values) => {
    refusal.clear();
    try {
      await deactivate.mutateAsync(values);
      notifications.show({ color: 'flag', message: t('users.deactivate.done', { name: target.display_name }) });
      onClose();
    } catch (error) {
      refusal.show(error);
    }
  });

  return (
    <form onSubmit={submit} noValidate data-testid="deactivate-user-form">
      <Stack gap="sm">
        <Alert color="red" variant="light" icon={<IconAlertTriangle size={18} />}>
          {t('users.deactivate.warning', { name: target.display_name })}
        </Alert>
        <RefusalAlert error={refusal.refusal} />
        <Controller
          control={form.control}
          name="reason"
          render={({ field, fieldState }) => (
            <Select
              label={t('users.deactivate.reason')}
              placeholder={t('users.deactivate.reason-placeholder')}
              data={DEACTIVATION_REASONS.map((reason) => ({ value: reason, label: t(`reasons.${reason}`) }))}
              value={field.value ?? null}
              onChange={(value) => field.onChange(value ?? undefined)}
              onBlur={field.onBlur}
              ref={field.ref}
              error={fieldError(fieldState.error)}
              allowDeselect={false}
            />
          )}
        />
        <Textarea
          label={t('users.deactivate.note')}
          description={t('users.deactivate.note-hint')}
          autosize
          minRows={2}
          maxRows={4}
          {...form.register('note')}
          error={fieldError(form.formState.errors.note)}
        />
        <FormButtons onCancel={onClose} submitLabel={t('users.deactivate.submit')} busy={form.formState.isSubmitting} danger />
      </Stack>
    </form>
  );
}
