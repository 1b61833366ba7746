// Register or correct an external service provider (mtoa huduma wa nje, 3.6.2).
import { useTranslation } from 'react-i18next';
import { UpdateProviderInput } from '../../../db/maintenance/contract.ts';
import type { RouteOutput } from '../../../db/contract/routes.ts';
import { useRouteMutation } from '../../client/context.tsx';
import { SimpleGrid, Switch, TextInput, Textarea } from '@mantine/core';
import { Controller } from 'react-hook-form';
import { FormButtons, FormModal, RecordForm } from '../../components/form-modal.tsx';
import { useRouteForm } from '../../components/use-route-form.ts';

export type Provider = RouteOutput<'providers.list'>[number];

/** One form for both: a new provider is sent without `provider_id` and `active`. */
const ProviderForm = UpdateProviderInput.partial({ provider_id: true });
const FIELDS = ['name', 'registration_number', 'contact_name', 'phone', 'email', 'address'] as const;

export function ProviderFormModal({ opened, provider, onClose }: { opened: boolean; provider: Provider | null; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <FormModal opened={opened} onClose={onClose} size="xl" title={t(provider ? 'maintenanceUi.providers.form.edit-title' : 'maintenanceUi.providers.form.create-title')}>
      <ProviderFormBody provider={provider} onClose={onClose} />
    </FormModal>
  );
}

function ProviderFormBody({ provider, onClose }: { provider: Provider | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { form, refusal, fieldError, errors, busy, onSubmit } = useRouteForm(ProviderForm, {
    defaultValues: {
      provider_id: provider?.id,
      name: provider?.name ?? '',
      registration_number: provider?.registration_number ?? '',
      contact_name: provider?.contact_name ?? '',
      phone: provider?.phone ?? '',
      email: provider?.email ?? '',
      address: provider?.address ?? '',
      active: provider ? provider.active === 1 : true,
    },
    fields: FIELDS,
  });
  const register = useRouteMutation('providers.register', ['providers.list']);
  const update = useRouteMutation('providers.update', ['providers.list']);

  const submit = onSubmit(async ({ provider_id, active, ...values }) => {
    if (provider_id) await update.mutateAsync({ ...values, provider_id, active });
    else await register.mutateAsync(values);
    return t(provider_id ? 'common.saved' : 'maintenanceUi.providers.form.registered', { name: values.name });
  }, onClose);

  return (
    <RecordForm
      testId="provider-form"
      onSubmit={submit}
      refusal={refusal.refusal}
      buttons={<FormButtons onCancel={onClose} submitLabel={t(provider ? 'common.save' : 'maintenanceUi.providers.form.register')} busy={busy} />}
    >
      <SimpleGrid cols={2} spacing="md" verticalSpacing="sm">
        <TextInput
          label={t('maintenanceUi.providers.form.name')}
          placeholder={t('maintenanceUi.providers.form.name-example')}
          withAsterisk
          data-autofocus
          {...form.register('name')}
          error={fieldError(errors.name)}
        />
        <TextInput
          label={t('maintenanceUi.providers.form.registration')}
          description={t('maintenanceUi.providers.form.registration-hint')}
          placeholder={t('maintenanceUi.providers.form.registration-example')}
          {...form.register('registration_number')}
          error={fieldError(errors.registration_number)}
        />
        <TextInput
          label={t('maintenanceUi.providers.form.contact')}
          placeholder={t('maintenanceUi.providers.form.contact-example')}
          {...form.register('contact_name')}
          error={fieldError(errors.contact_name)}
        />
        <TextInput label={t('maintenanceUi.providers.form.phone')} placeholder={t('maintenanceUi.providers.form.phone-example')} type="tel" {...form.register('phone')} error={fieldError(errors.phone)} />
        <TextInput label={t('maintenanceUi.providers.form.email')} placeholder={t('maintenanceUi.providers.form.email-example')} type="email" {...form.register('email')} error={fieldError(errors.email)} />
        <Textarea
          label={t('maintenanceUi.providers.form.address')}
          placeholder={t('maintenanceUi.providers.form.address-example')}
          autosize
          minRows={1}
          maxRows={3}
          {...form.register('address')}
          error={fieldError(errors.address)}
        />
      </SimpleGrid>
      {provider ? (
        <Controller
          control={form.control}
          name="active"
          render={({ field }) => (
            <Switch
              label={t('maintenanceUi.providers.form.active')}
              description={t('maintenanceUi.providers.form.active-hint')}
              checked={field.value}
              onChange={(event) => field.onChange(event.currentTarget.checked)}
            />
          )}
        />
      ) : null}
    </RecordForm>
  );
}
