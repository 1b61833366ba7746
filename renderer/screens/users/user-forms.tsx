// The account forms (3.1.1, 3.1.2, 3.1.8): open an account, change its name, roles and person of the
// register, set a temporary password, deactivate with a reason. Each validates with the route's own schema.
import { Alert, MultiSelect, PasswordInput, SimpleGrid, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { IconAlertTriangle, IconInfoCircle } from '@tabler/icons-react';
import { Controller, type Control, type FieldPath, type FieldValues } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { RouteOutput } from '../../../db/contract/routes.ts';
import {
  CreateUserInput,
  DeactivateUserInput,
  DEACTIVATION_REASONS,
  ResetPasswordInput,
  ROLES,
  UpdateUserInput,
} from '../../../db/users/contract.ts';
import { useRouteMutation } from '../../client/context.tsx';
import { PersonSelect } from '../../components/assets/person-select.tsx';
import { SelectController, type FieldErrorText } from '../../components/form-fields.tsx';
import { FormButtons, FormModal, RecordForm } from '../../components/form-modal.tsx';
import { PasswordChecklist } from '../../components/password-checklist.tsx';
import { useRouteForm } from '../../components/use-route-form.ts';

export type UserView = RouteOutput<'users.list'>[number];

/** The roles an account holds (3.1.1), named in the user's language. */
function RolesField<T extends { roles: string[] }, O extends FieldValues>({
  control,
  fieldError,
  description,
  ...rest
}: {
  control: Control<T, unknown, O>;
  fieldError: FieldErrorText;
  description?: string;
  'data-testid'?: string;
}) {
  const { t } = useTranslation();
  return (
    <Controller
      control={control}
      name={'roles' as FieldPath<T>}
      render={({ field, fieldState }) => (
        <MultiSelect
          label={t('users.fields.roles')}
          description={description}
          data={ROLES.map((role) => ({ value: role, label: t(`roles.${role}`) }))}
          value={field.value as string[]}
          onChange={field.onChange}
          onBlur={field.onBlur}
          ref={field.ref}
          error={fieldError(fieldState.error)}
          comboboxProps={{ withinPortal: true }}
          data-testid={rest['data-testid']}
        />
      )}
    />
  );
}

/** 3.1.2: the person of the register who holds the account, so the account is flagged when they leave. */
function PersonField<T extends { person_id?: string | null }, O extends FieldValues>({
  control,
  fieldError,
  currentName,
}: {
  control: Control<T, unknown, O>;
  fieldError: FieldErrorText;
  currentName?: string | null;
}) {
  const { t } = useTranslation();
  return (
    <Controller
      control={control}
      name={'person_id' as FieldPath<T>}
      render={({ field, fieldState }) => (
        <PersonSelect
          label={t('users.fields.person')}
          description={t('users.fields.person-hint')}
          placeholder={t('users.fields.person-placeholder')}
          value={(field.value as string | null | undefined) ?? null}
          currentName={currentName ?? null}
          onChange={field.onChange}
          onBlur={field.onBlur}
          error={fieldError(fieldState.error)}
          data-testid="person-select"
        />
      )}
    />
  );
}

export function CreateUserModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <FormModal opened={opened} onClose={onClose} title={t('users.create.title')} size="xl">
      <CreateUserForm onClose={onClose} />
    </FormModal>
  );
}

function CreateUserForm({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const { form, refusal, fieldError, errors, busy, onSubmit } = useRouteForm(CreateUserInput, {
    defaultValues: { username: '', display_name: '', roles: [], temporary_password: '', person_id: null },
    fields: ['username', 'display_name', 'roles', 'temporary_password', 'person_id'],
    mode: 'onTouched',
  });
  const create = useRouteMutation('users.create', ['users.list']);
  const password = form.watch('temporary_password');

  const submit = onSubmit(async (values) => {
    const created = await create.mutateAsync(values);
    return t('users.create.done', { name: created.display_name, username: created.username });
  }, onClose);

  return (
    <RecordForm testId="create-user-form" onSubmit={submit} refusal={refusal.refusal} buttons={<FormButtons onCancel={onClose} submitLabel={t('users.create.submit')} busy={busy} />}>
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
      <RolesField control={form.control} fieldError={fieldError} description={t('users.fields.roles-hint')} data-testid="roles" />
      <PersonField control={form.control} fieldError={fieldError} />
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
    </RecordForm>
  );
}

export function EditUserModal({ target, onClose }: { target: UserView | null; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <FormModal opened={target !== null} onClose={onClose} title={t('users.edit.title')}>
      {target ? <EditUserForm target={target} onClose={onClose} /> : null}
    </FormModal>
  );
}

function EditUserForm({ target, onClose }: { target: UserView; onClose: () => void }) {
  const { t } = useTranslation();
  const { form, refusal, fieldError, errors, busy, onSubmit } = useRouteForm(UpdateUserInput, {
    defaultValues: { user_id: target.id, display_name: target.display_name, roles: target.roles, person_id: target.person_id },
    fields: ['display_name', 'roles', 'person_id'],
  });
  const update = useRouteMutation('users.update', ['users.list']);

  const submit = onSubmit(async (values) => {
    await update.mutateAsync(values);
    return t('common.saved');
  }, onClose);

  return (
    <RecordForm testId="edit-user-form" onSubmit={submit} refusal={refusal.refusal} buttons={<FormButtons onCancel={onClose} submitLabel={t('common.save')} busy={busy} />}>
      <TextInput label={t('users.fields.username')} value={target.username} readOnly variant="filled" />
      <TextInput label={t('users.fields.display-name')} {...form.register('display_name')} error={fieldError(errors.display_name)} />
      <RolesField control={form.control} fieldError={fieldError} />
      <PersonField control={form.control} fieldError={fieldError} currentName={target.person_name} />
    </RecordForm>
  );
}

export function ResetPasswordModal({ target, onClose }: { target: UserView | null; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <FormModal opened={target !== null} onClose={onClose} title={t('users.reset.title')}>
      {target ? <ResetPasswordForm target={target} onClose={onClose} /> : null}
    </FormModal>
  );
}

function ResetPasswordForm({ target, onClose }: { target: UserView; onClose: () => void }) {
  const { t } = useTranslation();
  const { form, refusal, fieldError, errors, busy, onSubmit } = useRouteForm(ResetPasswordInput, {
    defaultValues: { user_id: target.id, temporary_password: '' },
    fields: ['temporary_password'],
    mode: 'onTouched',
  });
  const reset = useRouteMutation('users.reset-password', ['users.list']);
  const password = form.watch('temporary_password');

  const submit = onSubmit(async (values) => {
    await reset.mutateAsync(values);
    return t('users.reset.done', { name: target.display_name });
  }, onClose);

  return (
    <RecordForm
      testId="reset-password-form"
      onSubmit={submit}
      refusal={refusal.refusal}
      lead={<Text size="sm">{t('users.reset.intro', { name: target.display_name, username: target.username })}</Text>}
      buttons={<FormButtons onCancel={onClose} submitLabel={t('users.reset.submit')} busy={busy} />}
    >
      <PasswordInput label={t('users.fields.temporary-password')} autoComplete="new-password" {...form.register('temporary_password')} error={fieldError(errors.temporary_password)} />
      <PasswordChecklist value={password} />
    </RecordForm>
  );
}

export function DeactivateUserModal({ target, onClose }: { target: UserView | null; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <FormModal opened={target !== null} onClose={onClose} title={target ? t('users.deactivate.title', { name: target.display_name }) : ''}>
      {target ? <DeactivateUserForm target={target} onClose={onClose} /> : null}
    </FormModal>
  );
}

function DeactivateUserForm({ target, onClose }: { target: UserView; onClose: () => void }) {
  const { t } = useTranslation();
  const { form, refusal, fieldError, errors, busy, onSubmit } = useRouteForm(DeactivateUserInput, {
    defaultValues: { user_id: target.id, note: '' },
    fields: ['reason', 'note'],
  });
  const deactivate = useRouteMutation('users.deactivate', ['users.list']);

  const submit = onSubmit(async (values) => {
    await deactivate.mutateAsync(values);
    return t('users.deactivate.done', { name: target.display_name });
  }, onClose);

  return (
    <RecordForm
      testId="deactivate-user-form"
      onSubmit={submit}
      refusal={refusal.refusal}
      lead={
        <Alert color="red" variant="light" icon={<IconAlertTriangle size={18} />}>
          {t('users.deactivate.warning', { name: target.display_name })}
        </Alert>
      }
      buttons={<FormButtons onCancel={onClose} submitLabel={t('users.deactivate.submit')} busy={busy} danger />}
    >
      <SelectController
        control={form.control}
        name="reason"
        fieldError={fieldError}
        label={t('users.deactivate.reason')}
        placeholder={t('users.deactivate.reason-placeholder')}
        data={DEACTIVATION_REASONS.map((reason) => ({ value: reason, label: t(`reasons.${reason}`) }))}
        allowDeselect={false}
      />
      <Textarea
        label={t('users.deactivate.note')}
        description={t('users.deactivate.note-hint')}
        autosize
        minRows={2}
        maxRows={4}
        {...form.register('note')}
        error={fieldError(errors.note)}
      />
    </RecordForm>
  );
}
