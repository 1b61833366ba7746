// Register or correct a public servant (mtumishi wa umma) in the people register.
import { zodResolver } from '@hookform/resolvers/zod';
import { Button, Group, Modal, Select, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { Controller, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import type { RouteOutput } from '../../../db/contract/routes.ts';
import { PersonInput } from '../../../db/contract/schemas.ts';
import { useRouteMutation, useRouteQuery } from '../../client/context.tsx';
import { RefusalAlert } from '../../components/refusal-alert.tsx';
import { useFieldError, useRefusal } from '../../components/use-refusal.ts';

export type PersonView = RouteOutput<'people.get'>;

const FIELDS = ['full_name', 'check_number', 'title', 'department_id', 'institution', 'phone', 'email'] as const;

export function PersonFormModal({ opened, person, onClose, onSaved }: { opened: boolean; person: PersonView | null; onClose: () => void; onSaved?: (id: string) => void }) {
  const { t } = useTranslation();
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={t(person ? 'people.form.edit-title' : 'people.form.create-title')}
      size="xl"
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      {opened ? <PersonForm person={person} onClose={onClose} onSaved={onSaved} /> : null}
    </Modal>
  );
}

function PersonForm({ person, onClose, onSaved }: { person: PersonView | null; onClose: () => void; onSaved?: (id: string) => void }) {
  const { t } = useTranslation();
  const departments = useRouteQuery('departments.list', { status: 'all', limit: 200 });
  const form = useForm<z.input<typeof PersonInput>, unknown, z.output<typeof PersonInput>>({
    resolver: zodResolver(PersonInput),
    defaultValues: {
      full_name: person?.full_name ?? '',
      check_number: person?.check_number ?? '',
      title: person?.title ?? '',
      department_id: person?.department_id ?? null,
      institution: person?.institution ?? '',
      phone: person?.phone ?? '',
      email: person?.email ?? '',
    },
    mode: 'onTouched',
  });
  const register = useRouteMutation('people.register', ['people.list', 'people.get']);
  const update = useRouteMutation('people.update', ['people.list', 'people.get']);
  const refusal = useRefusal(form.setError, FIELDS);
  const fieldError = useFieldError(refusal.refusal?.params);
  const errors = form.formState.errors;
  const currentDepartment = person?.department_id ?? null;
  const departmentOptions = (departments.data ?? [])
    .filter((department) => department.active === 1 || department.id === currentDepartment)
    .map((department) => ({ value: department.id, label: department.code ? `${department.name} (${department.code})` : department.name }));

  const submit = form.handleSubmit(async (values) => {
    refusal.clear();
    try {
      const saved = person ? await update.mutateAsync({ ...values, person_id: person.id }) : await register.mutateAsync(values);
      notifications.show({ color: 'flag', message: t(person ? 'common.saved' : 'people.form.registered', { name: saved.full_name }) });
      onSaved?.(saved.id);
      onClose();
    } catch (error) {
      refusal.show(error);
    }
  });

  return (
    <form onSubmit={submit} noValidate data-testid="person-form">
      <Stack gap="sm">
        <RefusalAlert error={refusal.refusal} />
        <SimpleGrid cols={2} spacing="md" verticalSpacing="sm">
          <TextInput
            label={t('people.fields.full-name')}
            placeholder={t('people.fields.full-name-example')}
            withAsterisk
            {...form.register('full_name')}
            error={fieldError(errors.full_name)}
          />
          <TextInput
            label={t('people.fields.check-number')}
            description={t('people.fields.check-number-hint')}
            placeholder={t('people.fields.check-number-example')}
            {...form.register('check_number')}
            error={fieldError(errors.check_number)}
          />
          <TextInput label={t('people.fields.title')} placeholder={t('people.fields.title-example')} {...form.register('title')} error={fieldError(errors.title)} />
          <Controller
            control={form.control}
            name="department_id"
            render={({ field, fieldState }) => (
              <Select
                label={t('people.fields.department')}
                placeholder={t(departments.data && departments.data.length === 0 ? 'people.fields.department-none' : 'people.fields.department-placeholder')}
                data={departmentOptions}
                value={field.value ?? null}
                onChange={(value) => field.onChange(value)}
                onBlur={field.onBlur}
                ref={field.ref}
                error={fieldError(fieldState.error)}
                searchable
                clearable
                nothingFoundMessage={t('common.nothing-found')}
                data-testid="department-select"
              />
            )}
          />
          <TextInput
            label={t('people.fields.institution')}
            description={t('people.fields.institution-hint')}
            {...form.register('institution')}
            error={fieldError(errors.institution)}
          />
          <TextInput
            label={t('people.fields.phone')}
            placeholder={t('people.fields.phone-example')}
            type="tel"
            {...form.register('phone')}
            error={fieldError(errors.phone)}
          />
          <TextInput
            label={t('people.fields.email')}
            placeholder={t('people.fields.email-example')}
            type="email"
            {...form.register('email')}
            error={fieldError(errors.email)}
          />
        </SimpleGrid>
        <Group justify="flex-end" mt="sm">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={form.formState.isSubmitting} data-testid="submit">
            {t(person ? 'common.save' : 'people.form.register')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
