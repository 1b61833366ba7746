// Register or correct a public servant (mtumishi wa umma) in the people register.
import { useTranslation } from 'react-i18next';
import type { RouteOutput } from '../../../db/contract/routes.ts';
import { PersonInput } from '../../../db/people/contract.ts';
import { useRouteMutation } from '../../client/context.tsx';
import { SimpleGrid, TextInput } from '@mantine/core';
import { FormButtons, FormModal, RecordForm } from '../../components/form-modal.tsx';
import { PlaceSelect, useDepartmentOptions } from '../../components/place-options.tsx';
import { useRouteForm } from '../../components/use-route-form.ts';

export type PersonView = RouteOutput<'people.get'>;

const FIELDS = ['full_name', 'check_number', 'title', 'department_id', 'institution', 'phone', 'email'] as const;

export function PersonFormModal({ opened, person, onClose, onSaved }: { opened: boolean; person: PersonView | null; onClose: () => void; onSaved?: (id: string) => void }) {
  const { t } = useTranslation();
  return (
    <FormModal opened={opened} onClose={onClose} size="xl" title={t(person ? 'people.form.edit-title' : 'people.form.create-title')}>
      <PersonForm person={person} onClose={onClose} onSaved={onSaved} />
    </FormModal>
  );
}

function PersonForm({ person, onClose, onSaved }: { person: PersonView | null; onClose: () => void; onSaved?: (id: string) => void }) {
  const { t } = useTranslation();
  const departments = useDepartmentOptions(person?.department_id);
  const { form, refusal, fieldError, errors, busy, onSubmit } = useRouteForm(PersonInput, {
    defaultValues: {
      full_name: person?.full_name ?? '',
      check_number: person?.check_number ?? '',
      title: person?.title ?? '',
      department_id: person?.department_id ?? null,
      institution: person?.institution ?? '',
      phone: person?.phone ?? '',
      email: person?.email ?? '',
    },
    fields: FIELDS,
    mode: 'onTouched',
  });
  const register = useRouteMutation('people.register', ['people.list', 'people.get']);
  const update = useRouteMutation('people.update', ['people.list', 'people.get']);

  const submit = onSubmit(async (values) => {
    const saved = person ? await update.mutateAsync({ ...values, person_id: person.id }) : await register.mutateAsync(values);
    onSaved?.(saved.id);
    return t(person ? 'common.saved' : 'people.form.registered', { name: saved.full_name });
  }, onClose);

  return (
    <RecordForm
      testId="person-form"
      onSubmit={submit}
      refusal={refusal.refusal}
      buttons={<FormButtons onCancel={onClose} submitLabel={t(person ? 'common.save' : 'people.form.register')} busy={busy} />}
    >
      <SimpleGrid cols={2} spacing="md" verticalSpacing="sm">
        <TextInput label={t('people.fields.full-name')} placeholder={t('people.fields.full-name-example')} withAsterisk {...form.register('full_name')} error={fieldError(errors.full_name)} />
        <TextInput
          label={t('people.fields.check-number')}
          description={t('people.fields.check-number-hint')}
          placeholder={t('people.fields.check-number-example')}
          {...form.register('check_number')}
          error={fieldError(errors.check_number)}
        />
        <TextInput label={t('people.fields.title')} placeholder={t('people.fields.title-example')} {...form.register('title')} error={fieldError(errors.title)} />
        <PlaceSelect
          control={form.control}
          name="department_id"
          fieldError={fieldError}
          choices={departments}
          label={t('people.fields.department')}
          placeholder={t('people.fields.department-placeholder')}
          nonePlaceholder={t('people.fields.department-none')}
          data-testid="department-select"
        />
        <TextInput label={t('people.fields.institution')} description={t('people.fields.institution-hint')} {...form.register('institution')} error={fieldError(errors.institution)} />
        <TextInput label={t('people.fields.phone')} placeholder={t('people.fields.phone-example')} type="tel" {...form.register('phone')} error={fieldError(errors.phone)} />
        <TextInput label={t('people.fields.email')} placeholder={t('people.fields.email-example')} type="email" {...form.register('email')} error={fieldError(errors.email)} />
      </SimpleGrid>
    </RecordForm>
  );
}
