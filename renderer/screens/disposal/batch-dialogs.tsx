// The steps of a batch, each a small dialog over its route: the Accounting Officer's decision, the
// submission that freezes it, the department's collection, disposal or return, a cancellation; and the
// NIST SP 800-88 record of one storage medium.
import { FileInput, SegmentedControl, Select, SimpleGrid, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { IconCheck, IconEraser } from '@tabler/icons-react';
import { useState } from 'react';
import { Controller } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { CLASSIFICATIONS } from '../../../db/assets/contract.ts';
import {
  CancelInput,
  CollectedInput,
  DecideInput,
  DisposedInput,
  methodsFor,
  ReturnedInput,
  SANITISATION_CATEGORIES,
  SanitisationInput,
  SubmitInput,
  TO_BE_DESTROYED,
  VERIFICATION_METHODS,
  type SanitisationCategory,
} from '../../../db/disposal/contract.ts';
import { useRouteMutation } from '../../client/context.tsx';
import { DateField } from '../../components/assets/date-field.tsx';
import { todayInDar } from '../../components/assets/days.ts';
import { readAsBase64 } from '../../components/assets/download.ts';
import { FormButtons, FormModal, RecordForm } from '../../components/form-modal.tsx';
import { useRouteForm } from '../../components/use-route-form.ts';
import { DISPOSAL_REFRESH, type BatchView } from './disposal-view.ts';

export type Step = 'decide' | 'submit' | 'collected' | 'disposed' | 'returned' | 'cancel';

export function StepModal({ step, batch, onClose }: { step: Step | null; batch: BatchView; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <FormModal opened={step !== null} onClose={onClose} title={step ? t(`disposal_ui.${step}.title`, { number: batch.number }) : ''} size="md">
      {step === 'decide' ? <DecideForm batch={batch} onClose={onClose} /> : null}
      {step === 'submit' ? <SubmitForm batch={batch} onClose={onClose} /> : null}
      {step === 'collected' ? <CollectedForm batch={batch} onClose={onClose} /> : null}
      {step === 'disposed' ? <DisposedForm batch={batch} onClose={onClose} /> : null}
      {step === 'returned' ? <ReturnedForm batch={batch} onClose={onClose} /> : null}
      {step === 'cancel' ? <CancelForm batch={batch} onClose={onClose} /> : null}
    </FormModal>
  );
}

function DecideForm({ batch, onClose }: { batch: BatchView; onClose: () => void }) {
  const { t } = useTranslation();
  const decide = useRouteMutation('disposal.decide', DISPOSAL_REFRESH);
  const { form, refusal, fieldError, errors, busy, onSubmit } = useRouteForm(DecideInput, {
    defaultValues: { batch_id: batch.id, decision: 'approved', reason: '' },
    fields: ['decision', 'reason'],
  });
  const decision = form.watch('decision');
  const submit = onSubmit(async (values) => {
    await decide.mutateAsync(values);
    return t(values.decision === 'approved' ? 'disposal_ui.decide.approved' : 'disposal_ui.decide.rejected', { number: batch.number });
  }, onClose);
  return (
    <RecordForm
      testId="decide-form"
      onSubmit={submit}
      refusal={refusal.refusal}
      lead={<Text size="sm">{t('disposal_ui.decide.intro', { devices: batch.devices.length, media: batch.media.length })}</Text>}
      buttons={<FormButtons onCancel={onClose} submitLabel={t(decision === 'approved' ? 'disposal_ui.decide.approve' : 'disposal_ui.decide.reject')} danger={decision === 'rejected'} busy={busy} icon={<IconCheck size={16} />} />}
    >
      <Controller
        control={form.control}
        name="decision"
        render={({ field }) => (
          <SegmentedControl
            value={field.value ?? 'approved'}
            onChange={field.onChange}
            data={[
              { value: 'approved', label: t('disposal_ui.decide.approve') },
              { value: 'rejected', label: t('disposal_ui.decide.reject') },
            ]}
            data-testid="decision"
          />
        )}
      />
      <Textarea label={t(decision === 'rejected' ? 'disposal_ui.decide.reason' : 'disposal_ui.decide.note')} withAsterisk={decision === 'rejected'} autosize minRows={2} {...form.register('reason')} error={fieldError(errors.reason)} data-testid="decision-reason" />
    </RecordForm>
  );
}

function SubmitForm({ batch, onClose }: { batch: BatchView; onClose: () => void }) {
  const { t } = useTranslation();
  const submitBatch = useRouteMutation('disposal.submit', DISPOSAL_REFRESH);
  const { form, refusal, fieldError, errors, busy, onSubmit } = useRouteForm(SubmitInput, {
    defaultValues: { batch_id: batch.id, submitted_on: todayInDar(), letter_ref: '' },
    fields: ['submitted_on', 'letter_ref'],
  });
  const submit = onSubmit(async (values) => {
    await submitBatch.mutateAsync(values);
    return t('disposal_ui.submit.done', { number: batch.number });
  }, onClose);
  return (
    <RecordForm testId="submit-form" onSubmit={submit} refusal={refusal.refusal} lead={<Text size="sm">{t('disposal_ui.submit.intro')}</Text>} buttons={<FormButtons onCancel={onClose} submitLabel={t('disposal_ui.submit.submit')} busy={busy} />}>
      <Controller
        control={form.control}
        name="submitted_on"
        render={({ field, fieldState }) => <DateField label={t('disposal_ui.submit.date')} withAsterisk notAfterToday value={field.value} onChange={field.onChange} onBlur={field.onBlur} error={fieldError(fieldState.error)} data-testid="submitted-on" />}
      />
      <TextInput label={t('disposal_ui.submit.letter-ref')} withAsterisk {...form.register('letter_ref')} error={fieldError(errors.letter_ref)} data-testid="letter-ref" />
    </RecordForm>
  );
}

function CollectedForm({ batch, onClose }: { batch: BatchView; onClose: () => void }) {
  const { t } = useTranslation();
  const collected = useRouteMutation('disposal.collected', DISPOSAL_REFRESH);
  const { form, refusal, fieldError, errors, busy, onSubmit } = useRouteForm(CollectedInput, {
    defaultValues: { batch_id: batch.id, collected_on: todayInDar(), collected_by: '' },
    fields: ['collected_on', 'collected_by'],
  });
  const submit = onSubmit(async (values) => {
    await collected.mutateAsync(values);
    return t('disposal_ui.collected.done', { number: batch.number });
  }, onClose);
  return (
    <RecordForm testId="collected-form" onSubmit={submit} refusal={refusal.refusal} buttons={<FormButtons onCancel={onClose} submitLabel={t('disposal_ui.collected.submit')} busy={busy} />}>
      <Controller
        control={form.control}
        name="collected_on"
        render={({ field, fieldState }) => <DateField label={t('disposal_ui.collected.date')} withAsterisk notAfterToday value={field.value} onChange={field.onChange} onBlur={field.onBlur} error={fieldError(fieldState.error)} data-testid="collected-on" />}
      />
      <TextInput label={t('disposal_ui.collected.by')} withAsterisk {...form.register('collected_by')} error={fieldError(errors.collected_by)} data-testid="collected-by" />
    </RecordForm>
  );
}

function DisposedForm({ batch, onClose }: { batch: BatchView; onClose: () => void }) {
  const { t } = useTranslation();
  const disposed = useRouteMutation('disposal.disposed', DISPOSAL_REFRESH);
  const { form, refusal, fieldError, errors, busy, onSubmit } = useRouteForm(DisposedInput, {
    defaultValues: { batch_id: batch.id, disposed_on: todayInDar(), certificate_ref: '', method: '' },
    fields: ['disposed_on', 'certificate_ref', 'method'],
  });
  const submit = onSubmit(async (values) => {
    await disposed.mutateAsync(values);
    return t('disposal_ui.disposed.done', { number: batch.number });
  }, onClose);
  return (
    <RecordForm testId="disposed-form" onSubmit={submit} refusal={refusal.refusal} lead={<Text size="sm">{t('disposal_ui.disposed.intro')}</Text>} buttons={<FormButtons onCancel={onClose} submitLabel={t('disposal_ui.disposed.submit')} busy={busy} />}>
      <Controller
        control={form.control}
        name="disposed_on"
        render={({ field, fieldState }) => <DateField label={t('disposal_ui.disposed.date')} withAsterisk notAfterToday value={field.value} onChange={field.onChange} onBlur={field.onBlur} error={fieldError(fieldState.error)} data-testid="disposed-on" />}
      />
      <TextInput label={t('disposal_ui.disposed.certificate')} withAsterisk {...form.register('certificate_ref')} error={fieldError(errors.certificate_ref)} data-testid="certificate-ref" />
      <TextInput label={t('disposal_ui.disposed.method')} withAsterisk {...form.register('method')} error={fieldError(errors.method)} data-testid="disposal-method" />
    </RecordForm>
  );
}

function ReturnedForm({ batch, onClose }: { batch: BatchView; onClose: () => void }) {
  const { t } = useTranslation();
  const returned = useRouteMutation('disposal.returned', DISPOSAL_REFRESH);
  const { form, refusal, fieldError, errors, busy, onSubmit } = useRouteForm(ReturnedInput, {
    defaultValues: { batch_id: batch.id, returned_on: todayInDar(), reason: '' },
    fields: ['returned_on', 'reason'],
  });
  const submit = onSubmit(async (values) => {
    await returned.mutateAsync(values);
    return t('disposal_ui.returned.done', { number: batch.number });
  }, onClose);
  return (
    <RecordForm testId="returned-form" onSubmit={submit} refusal={refusal.refusal} buttons={<FormButtons onCancel={onClose} submitLabel={t('disposal_ui.returned.submit')} busy={busy} />}>
      <Controller
        control={form.control}
        name="returned_on"
        render={({ field, fieldState }) => <DateField label={t('disposal_ui.returned.date')} withAsterisk notAfterToday value={field.value} onChange={field.onChange} onBlur={field.onBlur} error={fieldError(fieldState.error)} data-testid="returned-on" />}
      />
      <Textarea label={t('disposal_ui.returned.reason')} withAsterisk autosize minRows={2} {...form.register('reason')} error={fieldError(errors.reason)} data-testid="return-reason" />
    </RecordForm>
  );
}

function CancelForm({ batch, onClose }: { batch: BatchView; onClose: () => void }) {
  const { t } = useTranslation();
  const cancel = useRouteMutation('disposal.cancel', DISPOSAL_REFRESH);
  const { form, refusal, fieldError, errors, busy, onSubmit } = useRouteForm(CancelInput, { defaultValues: { batch_id: batch.id, reason: '' }, fields: ['reason'] });
  const submit = onSubmit(async (values) => {
    await cancel.mutateAsync(values);
    return t('disposal_ui.cancel.done', { number: batch.number });
  }, onClose);
  return (
    <RecordForm testId="cancel-form" onSubmit={submit} refusal={refusal.refusal} buttons={<FormButtons onCancel={onClose} submitLabel={t('disposal_ui.cancel.submit')} danger busy={busy} />}>
      <Textarea label={t('disposal_ui.cancel.reason')} withAsterisk autosize minRows={2} {...form.register('reason')} error={fieldError(errors.reason)} data-testid="cancel-reason" />
    </RecordForm>
  );
}

export function SanitiseModal({ batch, lineId, onClose }: { batch: BatchView; lineId: string | null; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <FormModal opened={lineId !== null} onClose={onClose} title={t('disposal_ui.sanitise.title')} size="lg">
      {lineId ? <SanitiseForm batch={batch} lineId={lineId} onClose={onClose} /> : null}
    </FormModal>
  );
}

/** NIST SP 800-88, per medium: what was done, with which tool, who did it and who verified it. */
function SanitiseForm({ batch, lineId, onClose }: { batch: BatchView; lineId: string; onClose: () => void }) {
  const { t } = useTranslation();
  const sanitise = useRouteMutation('disposal.sanitise', DISPOSAL_REFRESH);
  const [report, setReport] = useState<File | null>(null);
  const today = todayInDar();
  const { form, refusal, fieldError, errors, busy, onSubmit } = useRouteForm(SanitisationInput, {
    defaultValues: {
      batch_id: batch.id,
      line_id: lineId,
      category: 'purge',
      method: 'overwrite',
      tool: '',
      tool_version: '',
      verification: 'full',
      performed_by: { name: '', title: '', date: today },
      verified_by: { name: '', title: '', date: today },
      confidentiality_before: 'internal',
      confidentiality_after: 'public',
      notes: '',
    },
    fields: ['category', 'method', 'tool', 'tool_version', 'verification', 'performed_by.name', 'performed_by.title', 'performed_by.date', 'verified_by.name', 'verified_by.title', 'verified_by.date', 'confidentiality_before', 'confidentiality_after', 'notes'],
  });
  const category = (form.watch('category') ?? 'purge') as SanitisationCategory;
  const department = category === TO_BE_DESTROYED;
  const submit = onSubmit(async (values) => {
    const file = report ? { name: report.name, mime: report.type || 'application/octet-stream', base64: await readAsBase64(report) } : null;
    await sanitise.mutateAsync(department ? { batch_id: values.batch_id, line_id: values.line_id, category: values.category, confidentiality_before: values.confidentiality_before, notes: values.notes } : { ...values, report: file });
    return t('disposal_ui.sanitise.done');
  }, onClose);
  const classification = CLASSIFICATIONS.map((value) => ({ value, label: t(`classifications.${value}`) }));
  const select = (name: 'method' | 'verification' | 'confidentiality_before' | 'confidentiality_after', label: string, data: { value: string; label: string }[]) => (
    <Controller
      control={form.control}
      name={name}
      render={({ field, fieldState }) => <Select label={label} withAsterisk allowDeselect={false} data={data} value={field.value ?? null} onChange={field.onChange} error={fieldError(fieldState.error)} data-testid={`sanitise-${name}`} />}
    />
  );
  return (
    <RecordForm testId="sanitise-form" onSubmit={submit} refusal={refusal.refusal} buttons={<FormButtons onCancel={onClose} submitLabel={t('disposal_ui.sanitise.submit')} busy={busy} icon={<IconEraser size={16} />} sticky />}>
      <Controller
        control={form.control}
        name="category"
        render={({ field }) => (
          <Select
            label={t('disposal_ui.pack.category')}
            withAsterisk
            allowDeselect={false}
            data={SANITISATION_CATEGORIES.map((value) => ({ value, label: t(`disposal_ui.categories.${value}`) }))}
            value={field.value}
            onChange={(value) => {
              const next = (value ?? 'purge') as SanitisationCategory;
              field.onChange(next);
              form.setValue('method', methodsFor(next)[0] ?? null);
              // The department's choice records no work: the hidden fields must not hold the form back.
              if (next === TO_BE_DESTROYED) {
                for (const name of ['performed_by', 'verified_by', 'verification', 'confidentiality_after'] as const) form.setValue(name, null);
              } else if (department) {
                form.setValue('performed_by', { name: '', title: '', date: today });
                form.setValue('verified_by', { name: '', title: '', date: today });
                form.setValue('verification', 'full');
                form.setValue('confidentiality_after', 'public');
              }
            }}
            data-testid="sanitise-category"
          />
        )}
      />
      {department ? (
        <Text size="sm" c="dimmed">
          {t('disposal_ui.pack.to-department-statement')}
        </Text>
      ) : (
        <Stack gap="sm">
          <SimpleGrid cols={2} spacing="sm">
            {select('method', t('disposal_ui.pack.method'), methodsFor(category).map((value) => ({ value, label: t(`disposal_ui.methods.${value}`) })))}
            {select('verification', t('disposal_ui.pack.verification'), VERIFICATION_METHODS.map((value) => ({ value, label: t(`disposal_ui.verifications.${value}`) })))}
            <TextInput label={t('disposal_ui.sanitise.tool')} withAsterisk {...form.register('tool')} error={fieldError(errors.tool)} data-testid="sanitise-tool" />
            <TextInput label={t('disposal_ui.sanitise.tool-version')} {...form.register('tool_version')} error={fieldError(errors.tool_version)} data-testid="sanitise-tool-version" />
          </SimpleGrid>
          {(['performed_by', 'verified_by'] as const).map((who) => (
            <SimpleGrid key={who} cols={3} spacing="sm">
              <TextInput label={t(`disposal_ui.pack.${who === 'performed_by' ? 'performed-by' : 'verified-by'}`)} withAsterisk {...form.register(`${who}.name`)} error={fieldError(errors[who]?.name)} data-testid={`${who}-name`} />
              <TextInput label={t('disposal_ui.pack.title')} withAsterisk {...form.register(`${who}.title`)} error={fieldError(errors[who]?.title)} data-testid={`${who}-title`} />
              <Controller
                control={form.control}
                name={`${who}.date`}
                render={({ field, fieldState }) => <DateField label={t('disposal_ui.pack.date')} withAsterisk notAfterToday value={field.value ?? ''} onChange={field.onChange} onBlur={field.onBlur} error={fieldError(fieldState.error)} data-testid={`${who}-date`} />}
              />
            </SimpleGrid>
          ))}
          <FileInput label={t('disposal_ui.sanitise.report')} description={t('disposal_ui.sanitise.report-hint')} clearable value={report} onChange={setReport} data-testid="sanitise-report" />
        </Stack>
      )}
      <SimpleGrid cols={2} spacing="sm">
        {select('confidentiality_before', t('disposal_ui.pack.before'), classification)}
        {department ? null : select('confidentiality_after', t('disposal_ui.pack.after'), classification)}
      </SimpleGrid>
      <Textarea label={t('disposal_ui.pack.notes')} autosize minRows={2} {...form.register('notes')} error={fieldError(errors.notes)} data-testid="sanitise-notes" />
    </RecordForm>
  );
}
