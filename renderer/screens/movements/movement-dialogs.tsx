// The steps of a permit, each a small dialog over its route: the Accounting Officer's decision (with
// the 3.2.3 warning and justification for a secret device), check-out, check-in and revocation.
import { Alert, SegmentedControl, Select, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { IconAlertTriangle, IconCheck, IconDoorEnter, IconDoorExit, IconBan } from '@tabler/icons-react';
import { Controller } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { CheckInInput, CheckOutInput, DecideInput, RETURN_CONDITIONS, RevokeInput } from '../../../db/movements/contract.ts';
import { useRouteMutation } from '../../client/context.tsx';
import { DateField } from '../../components/assets/date-field.tsx';
import { todayInDar } from '../../components/assets/days.ts';
import { FormButtons, FormModal, RecordForm } from '../../components/form-modal.tsx';
import { useRouteForm } from '../../components/use-route-form.ts';
import { MOVEMENT_REFRESH, type MovementView } from './movement-view.ts';

export type Step = 'decide' | 'check-out' | 'check-in' | 'revoke';

export function StepModal({ step, movement, onClose }: { step: Step | null; movement: MovementView; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <FormModal opened={step !== null} onClose={onClose} title={step ? t(`movements_ui.${step}.title`, { permit: movement.permit_no }) : ''} size="md">
      {step === 'decide' ? <DecideForm movement={movement} onClose={onClose} /> : null}
      {step === 'check-out' ? <CheckOutForm movement={movement} onClose={onClose} /> : null}
      {step === 'check-in' ? <CheckInForm movement={movement} onClose={onClose} /> : null}
      {step === 'revoke' ? <RevokeForm movement={movement} onClose={onClose} /> : null}
    </FormModal>
  );
}

function DecideForm({ movement, onClose }: { movement: MovementView; onClose: () => void }) {
  const { t } = useTranslation();
  const decide = useRouteMutation('movements.decide', MOVEMENT_REFRESH);
  const { form, refusal, fieldError, errors, busy, onSubmit } = useRouteForm(DecideInput, {
    defaultValues: { request_id: movement.id, decision: 'approved', reason: '', justification: '' },
    fields: ['decision', 'reason', 'justification'],
  });
  const decision = form.watch('decision');
  const secretTags = movement.devices.filter((d) => d.classification === 'secret' || d.classification === 'top_secret').map((d) => d.tag);
  const submit = onSubmit(async (values) => {
    await decide.mutateAsync(values);
    return t(values.decision === 'approved' ? 'movements_ui.decide.approved' : 'movements_ui.decide.rejected', { permit: movement.permit_no });
  }, onClose);
  // 3.2.3: the warning above already says a justification is needed, so refused for lacking one the form
  // only marks the field: the sentence is read once, not twice.
  const shownRefusal = refusal.refusal?.code === 'movement-justification-required' && movement.needs_justification ? null : refusal.refusal;
  return (
    <RecordForm
      testId="decide-form"
      onSubmit={submit}
      refusal={shownRefusal}
      lead={
        movement.needs_justification ? (
          <Alert color="red" variant="light" icon={<IconAlertTriangle size={18} />} title={t('movements_ui.decide.secret-title')} data-testid="decide-secret-warning">
            {t('movements_ui.decide.secret-warning', { tags: secretTags.join(', ') || movement.permit_no })}
          </Alert>
        ) : null
      }
      buttons={
        <FormButtons
          onCancel={onClose}
          submitLabel={t(decision === 'approved' ? 'movements_ui.decide.approve' : 'movements_ui.decide.reject')}
          danger={decision === 'rejected'}
          busy={busy}
          icon={<IconCheck size={16} />}
          sticky
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
              { value: 'approved', label: t('movements_ui.decide.approve') },
              { value: 'rejected', label: t('movements_ui.decide.reject') },
            ]}
            data-testid="decision"
          />
        )}
      />
      {decision === 'approved' && movement.needs_justification ? (
        <TextInput
          label={t('movements_ui.decide.justification')}
          description={t('movements_ui.decide.justification-hint')}
          withAsterisk
          {...form.register('justification')}
          error={fieldError(errors.justification)}
          data-testid="justification"
        />
      ) : null}
      <Textarea
        label={t(decision === 'rejected' ? 'movements_ui.decide.reason' : 'movements_ui.decide.note')}
        withAsterisk={decision === 'rejected'}
        autosize
        minRows={2}
        {...form.register('reason')}
        error={fieldError(errors.reason)}
        data-testid="decision-reason"
      />
    </RecordForm>
  );
}

function CheckOutForm({ movement, onClose }: { movement: MovementView; onClose: () => void }) {
  const { t } = useTranslation();
  const checkOut = useRouteMutation('movements.check-out', MOVEMENT_REFRESH);
  const { form, refusal, fieldError, busy, onSubmit } = useRouteForm(CheckOutInput, {
    defaultValues: { request_id: movement.id, out_on: todayInDar() },
    fields: ['out_on'],
  });
  const submit = onSubmit(async (values) => {
    await checkOut.mutateAsync(values);
    return t('movements_ui.check-out.done', { permit: movement.permit_no });
  }, onClose);
  return (
    <RecordForm
      testId="check-out-form"
      onSubmit={submit}
      refusal={refusal.refusal}
      lead={<Text size="sm">{t('movements_ui.check-out.intro', { holder: movement.holder_name, count: movement.devices.length })}</Text>}
      buttons={<FormButtons onCancel={onClose} submitLabel={t('movements_ui.check-out.submit')} busy={busy} icon={<IconDoorExit size={16} />} />}
    >
      <Controller
        control={form.control}
        name="out_on"
        render={({ field, fieldState }) => (
          <DateField label={t('movements_ui.check-out.out-on')} withAsterisk notAfterToday value={field.value} onChange={field.onChange} onBlur={field.onBlur} error={fieldError(fieldState.error)} data-testid="out-on" />
        )}
      />
    </RecordForm>
  );
}

function CheckInForm({ movement, onClose }: { movement: MovementView; onClose: () => void }) {
  const { t } = useTranslation();
  const checkIn = useRouteMutation('movements.check-in', MOVEMENT_REFRESH);
  const { form, refusal, fieldError, errors, busy, onSubmit } = useRouteForm(CheckInInput, {
    defaultValues: { request_id: movement.id, returned_on: todayInDar(), condition: 'good', notes: '' },
    fields: ['returned_on', 'condition', 'notes'],
  });
  const submit = onSubmit(async (values) => {
    await checkIn.mutateAsync(values);
    return t('movements_ui.check-in.done', { permit: movement.permit_no });
  }, onClose);
  return (
    <RecordForm
      testId="check-in-form"
      onSubmit={submit}
      refusal={refusal.refusal}
      buttons={<FormButtons onCancel={onClose} submitLabel={t('movements_ui.check-in.submit')} busy={busy} icon={<IconDoorEnter size={16} />} />}
    >
      <Stack gap="sm">
        <Controller
          control={form.control}
          name="returned_on"
          render={({ field, fieldState }) => (
            <DateField label={t('movements_ui.check-in.returned-on')} withAsterisk notAfterToday value={field.value} onChange={field.onChange} onBlur={field.onBlur} error={fieldError(fieldState.error)} data-testid="returned-on" />
          )}
        />
        <Controller
          control={form.control}
          name="condition"
          render={({ field, fieldState }) => (
            <Select
              label={t('movements_ui.check-in.condition')}
              withAsterisk
              allowDeselect={false}
              data={RETURN_CONDITIONS.map((value) => ({ value, label: t(`movements_ui.conditions.${value}`) }))}
              value={field.value ?? 'good'}
              onChange={field.onChange}
              error={fieldError(fieldState.error)}
              data-testid="return-condition"
            />
          )}
        />
        <Textarea label={t('movements_ui.check-in.notes')} autosize minRows={2} {...form.register('notes')} error={fieldError(errors.notes)} data-testid="return-notes" />
      </Stack>
    </RecordForm>
  );
}

function RevokeForm({ movement, onClose }: { movement: MovementView; onClose: () => void }) {
  const { t } = useTranslation();
  const revoke = useRouteMutation('movements.revoke', MOVEMENT_REFRESH);
  const { form, refusal, fieldError, errors, busy, onSubmit } = useRouteForm(RevokeInput, {
    defaultValues: { request_id: movement.id, reason: '' },
    fields: ['reason'],
  });
  const submit = onSubmit(async (values) => {
    await revoke.mutateAsync(values);
    return t('movements_ui.revoke.done', { permit: movement.permit_no });
  }, onClose);
  return (
    <RecordForm
      testId="revoke-form"
      onSubmit={submit}
      refusal={refusal.refusal}
      lead={<Text size="sm">{t(movement.out ? 'movements_ui.revoke.intro-out' : 'movements_ui.revoke.intro')}</Text>}
      buttons={<FormButtons onCancel={onClose} submitLabel={t('movements_ui.revoke.submit')} danger busy={busy} icon={<IconBan size={16} />} />}
    >
      <Textarea label={t('movements_ui.revoke.reason')} withAsterisk autosize minRows={2} {...form.register('reason')} error={fieldError(errors.reason)} data-testid="revoke-reason" />
    </RecordForm>
  );
}
