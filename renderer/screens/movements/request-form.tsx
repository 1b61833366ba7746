// Preparing an off-premises request on a servant's behalf (3.6.11): who, which devices, why, where, the
// dates and the government data the devices hold. A secret or top-secret device is flagged before the
// request goes to the Accounting Officer (3.2.3).
import { Alert, SimpleGrid, TextInput } from '@mantine/core';
import { IconAlertTriangle, IconSend } from '@tabler/icons-react';
import { useState } from 'react';
import { Controller } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { needsJustification, RequestInput } from '../../../db/movements/contract.ts';
import { addDays } from '../../../db/contract/days.ts';
import { useRouteMutation } from '../../client/context.tsx';
import { DateField } from '../../components/assets/date-field.tsx';
import { todayInDar } from '../../components/assets/days.ts';
import { PersonSelect } from '../../components/assets/person-select.tsx';
import { FormButtons, FormModal, RecordForm } from '../../components/form-modal.tsx';
import { useRouteForm } from '../../components/use-route-form.ts';
import { DevicesPicker, type PickedDevice } from './devices-picker.tsx';
import { MOVEMENT_REFRESH, type MovementView } from './movement-view.ts';

const FIELDS = ['holder_id', 'asset_ids', 'purpose', 'destination', 'date_out', 'due_on', 'data_held'] as const;

export function RequestModal({ opened, onClose, onRequested }: { opened: boolean; onClose: () => void; onRequested: (movement: MovementView) => void }) {
  const { t } = useTranslation();
  return (
    <FormModal opened={opened} onClose={onClose} title={t('movements_ui.request.title')} closeOnClickOutside={false}>
      <RequestForm onClose={onClose} onRequested={onRequested} />
    </FormModal>
  );
}

function RequestForm({ onClose, onRequested }: { onClose: () => void; onRequested: (movement: MovementView) => void }) {
  const { t } = useTranslation();
  const today = todayInDar();
  const request = useRouteMutation('movements.request', MOVEMENT_REFRESH);
  const [devices, setDevices] = useState<PickedDevice[]>([]);
  const { form, refusal, fieldError, errors, busy, onSubmit } = useRouteForm(RequestInput, {
    defaultValues: { holder_id: '', asset_ids: [], purpose: '', destination: '', date_out: today, due_on: addDays(today, 7), data_held: '' },
    fields: FIELDS,
    mode: 'onTouched',
  });
  const secret = devices.filter((device) => needsJustification(device.classification));
  const submit = onSubmit(async (values) => {
    const movement = await request.mutateAsync(values);
    onRequested(movement);
    return t('movements_ui.request.done', { permit: movement.permit_no });
  }, onClose);

  return (
    <RecordForm
      testId="request-form"
      onSubmit={submit}
      refusal={refusal.refusal}
      lead={null}
      buttons={<FormButtons onCancel={onClose} submitLabel={t('movements_ui.request.submit')} busy={busy} icon={<IconSend size={16} />} sticky />}
    >
      <Controller
        control={form.control}
        name="holder_id"
        render={({ field, fieldState }) => (
          <PersonSelect
            label={t('movements_ui.request.holder')}
            description={t('movements_ui.request.holder-hint')}
            placeholder={t('movements_ui.request.holder-placeholder')}
            value={field.value || null}
            onChange={(value) => field.onChange(value ?? '')}
            onBlur={field.onBlur}
            error={fieldError(fieldState.error)}
            data-testid="request-holder"
          />
        )}
      />
      <Controller
        control={form.control}
        name="asset_ids"
        render={({ field, fieldState }) => (
          <DevicesPicker
            value={field.value ?? []}
            onChange={(ids, picked) => {
              field.onChange(ids);
              setDevices(picked);
            }}
            error={fieldError(fieldState.error)}
          />
        )}
      />
      {secret.length > 0 ? (
        <Alert color="red" variant="light" icon={<IconAlertTriangle size={18} />} data-testid="secret-warning">
          {t('movements_ui.request.secret-warning', { tags: secret.map((device) => device.tag).join(', ') })}
        </Alert>
      ) : null}
      <TextInput label={t('movements_ui.request.purpose')} placeholder={t('movements_ui.request.purpose-example')} withAsterisk {...form.register('purpose')} error={fieldError(errors.purpose)} data-testid="request-purpose" />
      <TextInput label={t('movements_ui.request.destination')} placeholder={t('movements_ui.request.destination-example')} withAsterisk {...form.register('destination')} error={fieldError(errors.destination)} data-testid="request-destination" />
      <SimpleGrid cols={2} spacing="md">
        <Controller
          control={form.control}
          name="date_out"
          render={({ field, fieldState }) => (
            <DateField label={t('movements_ui.request.date-out')} withAsterisk value={field.value} onChange={field.onChange} onBlur={field.onBlur} error={fieldError(fieldState.error)} data-testid="request-date-out" />
          )}
        />
        <Controller
          control={form.control}
          name="due_on"
          render={({ field, fieldState }) => (
            <DateField label={t('movements_ui.request.due-on')} withAsterisk value={field.value} onChange={field.onChange} onBlur={field.onBlur} error={fieldError(fieldState.error)} data-testid="request-due-on" />
          )}
        />
      </SimpleGrid>
      <TextInput
        label={t('movements_ui.request.data-held')}
        description={t('movements_ui.request.data-held-hint')}
        placeholder={t('movements_ui.request.data-held-example')}
        withAsterisk
        {...form.register('data_held')}
        error={fieldError(errors.data_held)}
        data-testid="request-data-held"
      />
    </RecordForm>
  );
}
