// Create or correct a department (idara) or a location (mahali).
import { zodResolver } from '@hookform/resolvers/zod';
import { Button, Group, Modal, Stack, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import type { RouteOutput } from '../../../db/contract/routes.ts';
import { DepartmentInput, LocationInput } from '../../../db/contract/schemas.ts';
import { useRouteMutation } from '../../client/context.tsx';
import { RefusalAlert } from '../../components/refusal-alert.tsx';
import { useFieldError, useRefusal } from '../../components/use-refusal.ts';

export type Department = RouteOutput<'departments.list'>[number];
export type Location = RouteOutput<'locations.list'>[number];

function Buttons({ onCancel, busy }: { onCancel: () => void; busy: boolean }) {
  const { t } = useTranslation();
  return (
    <Group justify="flex-end" mt="sm">
      <Button variant="default" onClick={onCancel}>
        {t('common.cancel')}
      </Button>
      <Button type="submit" loading={busy} data-testid="submit">
        {t('common.save')}
      </Button>
    </Group>
  );
}

export function DepartmentFormModal({ opened, department, onClose }: { opened: boolean; department: Department | null; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={t(department ? 'places.departments.edit-title' : 'places.departments.create-title')}
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      {opened ? <DepartmentForm department={department} onClose={onClose} /> : null}
    </Modal>
  );
}

function DepartmentForm({ department, onClose }: { department: Department | null; onClose: () => void }) {
  const { t } = useTranslation();
  const form = useForm<z.input<typeof DepartmentInput>, unknown, z.output<typeof DepartmentInput>>({
    resolver: zodResolver(DepartmentInput),
    defaultValues: { name: department?.name ?? '', code: department?.code ?? '' },
  });
  const create = useRouteMutation('departments.create', ['departments.list']);
  const update = useRouteMutation('departments.update', ['departments.list', 'people.list', 'people.get']);
  const refusal = useRefusal(form.setError, ['name', 'code']);
  const fieldError = useFieldError(refusal.refusal?.params);

  const submit = form.handleSubmit(async (values) => {
    refusal.clear();
    try {
      if (department) await update.mutateAsync({ ...values, department_id: department.id, active: department.active === 1 });
      else await create.mutateAsync(values);
      notifications.show({ color: 'flag', message: t(department ? 'common.saved' : 'places.departments.created', { name: values.name }) });
      onClose();
    } catch (error) {
      refusal.show(error);
    }
  });

  return (
    <form onSubmit={submit} noValidate data-testid="department-form">
      <Stack gap="sm">
        <RefusalAlert error={refusal.refusal} />
        <TextInput
          label={t('places.departments.name')}
          placeholder={t('places.departments.name-example')}
          withAsterisk
          data-autofocus
          {...form.register('name')}
          error={fieldError(form.formState.errors.name)}
        />
        <TextInput
          label={t('places.departments.code')}
          description={t('places.departments.code-hint')}
          placeholder={t('places.departments.code-example')}
          {...form.register('code')}
          error={fieldError(form.formState.errors.code)}
        />
        <Buttons onCancel={onClose} busy={form.formState.isSubmitting} />
      </Stack>
    </form>
  );
}

export function LocationFormModal({ opened, location, onClose }: { opened: boolean; location: Location | null; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={t(location ? 'places.locations.edit-title' : 'places.locations.create-title')}
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      {opened ? <LocationForm location={location} onClose={onClose} /> : null}
    </Modal>
  );
}

function LocationForm({ location, onClose }: { location: Location | null; onClose: () => void }) {
  const { t } = useTranslation();
  const form = useForm<z.input<typeof LocationInput>, unknown, z.output<typeof LocationInput>>({
    resolver: zodResolver(LocationInput),
    defaultValues: { name: location?.name ?? '', building: location?.building ?? '', region: location?.region ?? '' },
  });
  const create = useRouteMutation('locations.create', ['locations.list']);
  const update = useRouteMutation('locations.update', ['locations.list']);
  const refusal = useRefusal(form.setError, ['name', 'building', 'region']);
  const fieldError = useFieldError(refusal.refusal?.params);

  const submit = form.handleSubmit(async (values) => {
    refusal.clear();
    try {
      if (location) await update.mutateAsync({ ...values, location_id: location.id, active: location.active === 1 });
      else await create.mutateAsync(values);
      notifications.show({ color: 'flag', message: t(location ? 'common.saved' : 'places.locations.created', { name: values.name }) });
      onClose();
    } catch (error) {
      refusal.show(error);
    }
  });

  return (
    <form onSubmit={submit} noValidate data-testid="location-form">
      <Stack gap="sm">
        <RefusalAlert error={refusal.refusal} />
        <TextInput
          label={t('places.locations.name')}
          description={t('places.locations.name-hint')}
          placeholder={t('places.locations.name-example')}
          withAsterisk
          data-autofocus
          {...form.register('name')}
          error={fieldError(form.formState.errors.name)}
        />
        <TextInput
          label={t('places.locations.building')}
          placeholder={t('places.locations.building-example')}
          {...form.register('building')}
          error={fieldError(form.formState.errors.building)}
        />
        <TextInput
          label={t('places.locations.region')}
          placeholder={t('places.locations.region-example')}
          {...form.register('region')}
          error={fieldError(form.formState.errors.region)}
        />
        <Buttons onCancel={onClose} busy={form.formState.isSubmitting} />
      </Stack>
    </form>
  );
}
