// The dialogs of the personal-devices register: the ICT officer registers a servant's device; the Head
// of Institution approves it with an expiry or rejects it, renews or revokes an approval.
import { SegmentedControl, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { IconBan, IconCheck, IconDeviceMobile, IconRefresh } from '@tabler/icons-react';
import { Controller } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { formatDay } from '../../../db/contract/days.ts';
import {
  DecidePersonalDeviceInput,
  latestExpiry,
  PERSONAL_DEVICE_KINDS,
  RegisterPersonalDeviceInput,
  RenewPersonalDeviceInput,
  RevokePersonalDeviceInput,
} from '../../../db/personal-devices/contract.ts';
import { useRouteMutation } from '../../client/context.tsx';
import { DateField } from '../../components/assets/date-field.tsx';
import { todayInDar } from '../../components/assets/days.ts';
import { PersonSelect } from '../../components/assets/person-select.tsx';
import { SelectController } from '../../components/form-fields.tsx';
import { FormButtons, FormModal, RecordForm } from '../../components/form-modal.tsx';
import { useRouteForm } from '../../components/use-route-form.ts';
import { PERSONAL_DEVICE_REFRESH, type PersonalDevice } from './view.ts';

export function RegisterModal({ opened, onClose, onRegistered }: { opened: boolean; onClose: () => void; onRegistered: (id: string) => void }) {
  const { t } = useTranslation();
  return (
    <FormModal opened={opened} onClose={onClose} title={t('personal_devices_ui.register.title')} closeOnClickOutside={false}>
      <RegisterForm onClose={onClose} onRegistered={onRegistered} />
    </FormModal>
  );
}

function RegisterForm({ onClose, onRegistered }: { onClose: () => void; onRegistered: (id: string) => void }) {
  const { t } = useTranslation();
  const register = useRouteMutation('personal-devices.register', PERSONAL_DEVICE_REFRESH);
  const { form, refusal, fieldError, errors, busy, onSubmit } = useRouteForm(RegisterPersonalDeviceInput, {
    defaultValues: { owner_id: '', kind: 'laptop', make: '', model: '', serial: '', purpose: '', scope: '', notes: '' },
    fields: ['owner_id', 'kind', 'make', 'model', 'serial', 'purpose', 'scope', 'notes'],
  });
  const submit = onSubmit(async (values) => {
    const device = await register.mutateAsync(values);
    onRegistered(device.id);
    return t('personal_devices_ui.register.done', { owner: device.owner_name });
  }, onClose);
  return (
    <RecordForm
      testId="register-personal-device"
      onSubmit={submit}
      refusal={refusal.refusal}
      lead={<Text size="sm">{t('personal_devices_ui.register.intro')}</Text>}
      buttons={<FormButtons onCancel={onClose} submitLabel={t('personal_devices_ui.register.submit')} busy={busy} icon={<IconDeviceMobile size={16} />} sticky />}
    >
      <Controller
        control={form.control}
        name="owner_id"
        render={({ field, fieldState }) => (
          <PersonSelect
            label={t('personal_devices_ui.fields.owner')}
            value={field.value || null}
            onChange={(value) => field.onChange(value ?? '')}
            onBlur={field.onBlur}
            placeholder={t('personal_devices_ui.fields.owner-placeholder')}
            error={fieldError(fieldState.error)}
            data-testid="owner"
          />
        )}
      />
      <SelectController
        control={form.control}
        name="kind"
        fieldError={fieldError}
        label={t('personal_devices_ui.fields.kind')}
        withAsterisk
        allowDeselect={false}
        data={PERSONAL_DEVICE_KINDS.map((value) => ({ value, label: t(`personal_devices_ui.kinds.${value}`) }))}
        empty="laptop"
        data-testid="kind"
      />
      <TextInput label={t('personal_devices_ui.fields.make')} withAsterisk {...form.register('make')} error={fieldError(errors.make)} data-testid="make" />
      <TextInput label={t('personal_devices_ui.fields.model')} {...form.register('model')} error={fieldError(errors.model)} data-testid="model" />
      <TextInput label={t('personal_devices_ui.fields.serial')} withAsterisk {...form.register('serial')} error={fieldError(errors.serial)} data-testid="serial" />
      <TextInput label={t('personal_devices_ui.fields.purpose')} withAsterisk {...form.register('purpose')} error={fieldError(errors.purpose)} data-testid="purpose" />
      <TextInput
        label={t('personal_devices_ui.fields.scope')}
        description={t('personal_devices_ui.fields.scope-hint')}
        withAsterisk
        {...form.register('scope')}
        error={fieldError(errors.scope)}
        data-testid="scope"
      />
      <Textarea label={t('personal_devices_ui.fields.notes')} autosize minRows={2} {...form.register('notes')} error={fieldError(errors.notes)} data-testid="notes" />
    </RecordForm>
  );
}

export type Step = 'decide' | 'renew' | 'revoke';

export function StepModal({ step, device, onClose }: { step: Step | null; device: PersonalDevice; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <FormModal opened={step !== null} onClose={onClose} title={step ? t(`personal_devices_ui.${step}.title`, { owner: device.owner_name }) : ''} size="md">
      {step === 'decide' ? <DecideForm device={device} onClose={onClose} /> : null}
      {step === 'renew' ? <RenewForm device={device} onClose={onClose} /> : null}
      {step === 'revoke' ? <RevokeForm device={device} onClose={onClose} /> : null}
    </FormModal>
  );
}

/** The latest expiry the core accepts today (contract: MAX_APPROVAL_MONTHS), shown under the field. */
const latestShown = () => formatDay(latestExpiry(todayInDar()));

function DecideForm({ device, onClose }: { device: PersonalDevice; onClose: () => void }) {
  const { t } = useTranslation();
  const decide = useRouteMutation('personal-devices.decide', PERSONAL_DEVICE_REFRESH);
  const { form, refusal, fieldError, errors, busy, onSubmit } = useRouteForm(DecidePersonalDeviceInput, {
    defaultValues: { device_id: device.id, decision: 'approved', expires_on: null, reason: '' },
    fields: ['decision', 'expires_on', 'reason'],
  });
  const decision = form.watch('decision');
  const submit = onSubmit(async (values) => {
    await decide.mutateAsync(values);
    return t(values.decision === 'approved' ? 'personal_devices_ui.decide.approved' : 'personal_devices_ui.decide.rejected', { owner: device.owner_name });
  }, onClose);
  return (
    <RecordForm
      testId="decide-form"
      onSubmit={submit}
      refusal={refusal.refusal}
      lead={<Text size="sm">{t('personal_devices_ui.decide.intro', { device: [device.make, device.model].filter(Boolean).join(' '), owner: device.owner_name, scope: device.scope })}</Text>}
      buttons={
        <FormButtons
          onCancel={onClose}
          submitLabel={t(decision === 'approved' ? 'personal_devices_ui.decide.approve' : 'personal_devices_ui.decide.reject')}
          danger={decision === 'rejected'}
          busy={busy}
          icon={<IconCheck size={16} />}
        />
      }
    >
      <Controller
        control={form.control}
        name="decision"
        render={({ field }) => (
          <SegmentedControl
            value={field.value ?? 'approved'}
            onChange={field.onChange}
            data={[
              { value: 'approved', label: t('personal_devices_ui.decide.approve') },
              { value: 'rejected', label: t('personal_devices_ui.decide.reject') },
            ]}
            data-testid="decision"
          />
        )}
      />
      {decision === 'approved' ? (
        <Controller
          control={form.control}
          name="expires_on"
          render={({ field, fieldState }) => (
            <DateField
              label={t('personal_devices_ui.fields.expires-on')}
              description={t('personal_devices_ui.decide.expiry-hint', { latest: latestShown() })}
              withAsterisk
              value={field.value ?? ''}
              onChange={(value) => field.onChange(value || null)}
              onBlur={field.onBlur}
              error={fieldError(fieldState.error)}
              data-testid="expires-on"
            />
          )}
        />
      ) : (
        <Textarea label={t('personal_devices_ui.decide.reason')} withAsterisk autosize minRows={2} {...form.register('reason')} error={fieldError(errors.reason)} data-testid="decision-reason" />
      )}
    </RecordForm>
  );
}

function RenewForm({ device, onClose }: { device: PersonalDevice; onClose: () => void }) {
  const { t } = useTranslation();
  const renew = useRouteMutation('personal-devices.renew', PERSONAL_DEVICE_REFRESH);
  const { form, refusal, fieldError, busy, onSubmit } = useRouteForm(RenewPersonalDeviceInput, {
    defaultValues: { device_id: device.id, expires_on: '' },
    fields: ['expires_on'],
  });
  const submit = onSubmit(async (values) => {
    await renew.mutateAsync(values);
    return t('personal_devices_ui.renew.done', { owner: device.owner_name, date: formatDay(values.expires_on) });
  }, onClose);
  return (
    <RecordForm
      testId="renew-form"
      onSubmit={submit}
      refusal={refusal.refusal}
      lead={<Text size="sm">{t('personal_devices_ui.renew.intro', { date: formatDay(device.expires_on) })}</Text>}
      buttons={<FormButtons onCancel={onClose} submitLabel={t('personal_devices_ui.renew.submit')} busy={busy} icon={<IconRefresh size={16} />} />}
    >
      <Controller
        control={form.control}
        name="expires_on"
        render={({ field, fieldState }) => (
          <DateField
            label={t('personal_devices_ui.fields.expires-on')}
            description={t('personal_devices_ui.decide.expiry-hint', { latest: latestShown() })}
            withAsterisk
            value={field.value}
            onChange={field.onChange}
            onBlur={field.onBlur}
            error={fieldError(fieldState.error)}
            data-testid="expires-on"
          />
        )}
      />
    </RecordForm>
  );
}

function RevokeForm({ device, onClose }: { device: PersonalDevice; onClose: () => void }) {
  const { t } = useTranslation();
  const revoke = useRouteMutation('personal-devices.revoke', PERSONAL_DEVICE_REFRESH);
  const { form, refusal, fieldError, errors, busy, onSubmit } = useRouteForm(RevokePersonalDeviceInput, {
    defaultValues: { device_id: device.id, reason: '' },
    fields: ['reason'],
  });
  const submit = onSubmit(async (values) => {
    await revoke.mutateAsync(values);
    return t('personal_devices_ui.revoke.done', { owner: device.owner_name });
  }, onClose);
  return (
    <RecordForm
      testId="revoke-form"
      onSubmit={submit}
      refusal={refusal.refusal}
      lead={<Text size="sm">{t('personal_devices_ui.revoke.intro')}</Text>}
      buttons={<FormButtons onCancel={onClose} submitLabel={t('personal_devices_ui.revoke.submit')} danger busy={busy} icon={<IconBan size={16} />} />}
    >
      <Stack gap="sm">
        <Textarea label={t('personal_devices_ui.revoke.reason')} withAsterisk autosize minRows={2} {...form.register('reason')} error={fieldError(errors.reason)} data-testid="revoke-reason" />
      </Stack>
    </RecordForm>
  );
}
