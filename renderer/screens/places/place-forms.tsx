// Create or correct a department (idara) or a location (mahali).
import { TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { RouteOutput } from '../../../db/contract/routes.ts';
import { DepartmentInput, LocationInput } from '../../../db/places/contract.ts';
import { useRouteMutation } from '../../client/context.tsx';
import { FormButtons, FormModal, RecordForm } from '../../components/form-modal.tsx';
import { useRouteForm } from '../../components/use-route-form.ts';

export type Department = RouteOutput<'departments.list'>[number];
export type Location = RouteOutput<'locations.list'>[number];

export function DepartmentFormModal({ opened, department, onClose }: { opened: boolean; department: Department | null; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <FormModal opened={opened} onClose={onClose} size="md" title={t(department ? 'places.departments.edit-title' : 'places.departments.create-title')}>
      <DepartmentForm department={department} onClose={onClose} />
    </FormModal>
  );
}

function DepartmentForm({ department, onClose }: { department: Department | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { form, refusal, fieldError, errors, busy, onSubmit } = useRouteForm(DepartmentInput, {
    defaultValues: { name: department?.name ?? '', code: department?.code ?? '' },
    fields: ['name', 'code'],
  });
  const create = useRouteMutation('departments.create', ['departments.list']);
  const update = useRouteMutation('departments.update', ['departments.list', 'people.list', 'people.get']);

  const submit = onSubmit(async (values) => {
    if (department) await update.mutateAsync({ ...values, department_id: department.id, active: department.active === 1 });
    else await create.mutateAsync(values);
    return t(department ? 'common.saved' : 'places.departments.created', { name: values.name });
  }, onClose);

  return (
    <RecordForm testId="department-form" onSubmit={submit} refusal={refusal.refusal} buttons={<FormButtons onCancel={onClose} submitLabel={t('common.save')} busy={busy} />}>
      <TextInput
        label={t('places.departments.name')}
        placeholder={t('places.departments.name-example')}
        withAsterisk
        data-autofocus
        {...form.register('name')}
        error={fieldError(errors.name)}
      />
      <TextInput
        label={t('places.departments.code')}
        description={t('places.departments.code-hint')}
        placeholder={t('places.departments.code-example')}
        {...form.register('code')}
        error={fieldError(errors.code)}
      />
    </RecordForm>
  );
}

export function LocationFormModal({ opened, location, onClose }: { opened: boolean; location: Location | null; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <FormModal opened={opened} onClose={onClose} size="md" title={t(location ? 'places.locations.edit-title' : 'places.locations.create-title')}>
      <LocationForm location={location} onClose={onClose} />
    </FormModal>
  );
}

function LocationForm({ location, onClose }: { location: Location | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { form, refusal, fieldError, errors, busy, onSubmit } = useRouteForm(LocationInput, {
    defaultValues: { name: location?.name ?? '', building: location?.building ?? '', region: location?.region ?? '' },
    fields: ['name', 'building', 'region'],
  });
  const create = useRouteMutation('locations.create', ['locations.list']);
  const update = useRouteMutation('locations.update', ['locations.list']);

  const submit = onSubmit(async (values) => {
    if (location) await update.mutateAsync({ ...values, location_id: location.id, active: location.active === 1 });
    else await create.mutateAsync(values);
    return t(location ? 'common.saved' : 'places.locations.created', { name: values.name });
  }, onClose);

  return (
    <RecordForm testId="location-form" onSubmit={submit} refusal={refusal.refusal} buttons={<FormButtons onCancel={onClose} submitLabel={t('common.save')} busy={busy} />}>
      <TextInput
        label={t('places.locations.name')}
        description={t('places.locations.name-hint')}
        placeholder={t('places.locations.name-example')}
        withAsterisk
        data-autofocus
        {...form.register('name')}
        error={fieldError(errors.name)}
      />
      <TextInput
        label={t('places.locations.building')}
        placeholder={t('places.locations.building-example')}
        {...form.register('building')}
        error={fieldError(errors.building)}
      />
      <TextInput label={t('places.locations.region')} placeholder={t('places.locations.region-example')} {...form.register('region')} error={fieldError(errors.region)} />
    </RecordForm>
  );
}
