// The dialogs of the removable media register: issue with the servant's acknowledgement of the rules
// (3.6.7–3.6.9), return, wipe confirmation (3.6.9), storage place (3.6.10), loss or damage and found again,
// and voiding an issue a merge doubled.
import { Alert, Checkbox, SegmentedControl, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { IconAlertTriangle, IconArrowBackUp, IconBan, IconCheck, IconEraser, IconMapPin, IconSend } from '@tabler/icons-react';
import { Controller } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import {
  FoundMediumInput,
  INCIDENT_KINDS,
  IssueMediumInput,
  MEDIA_RULES,
  ReportMediumInput,
  RETURN_CONDITIONS,
  ReturnMediumInput,
  StoreMediumInput,
  VoidIssueInput,
  WIPE_METHODS,
  WipeMediumInput,
} from '../../../db/media/contract.ts';
import { useRouteMutation } from '../../client/context.tsx';
import { todayInDar } from '../../components/assets/days.ts';
import { PersonSelect } from '../../components/assets/person-select.tsx';
import { DateController, SelectController } from '../../components/form-fields.tsx';
import { FormButtons, FormModal, RecordForm } from '../../components/form-modal.tsx';
import { PlaceSelect, useLocationOptions } from '../../components/place-options.tsx';
import { useRouteForm } from '../../components/use-route-form.ts';
import { MEDIA_REFRESH, type Medium } from './view.ts';

export type Step = 'issue' | 'return' | 'wipe' | 'store' | 'report' | 'found' | 'void';

export function StepModal({ step, medium, issueId, onClose }: { step: Step | null; medium: Medium; issueId: string | null; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <FormModal opened={step !== null} onClose={onClose} title={step ? t(`media_ui.${step}.title`, { tag: medium.tag }) : ''} size="md" closeOnClickOutside={false}>
      {step === 'issue' ? <IssueForm medium={medium} onClose={onClose} /> : null}
      {step === 'return' && issueId ? <ReturnForm medium={medium} issueId={issueId} onClose={onClose} /> : null}
      {step === 'wipe' ? <WipeForm medium={medium} onClose={onClose} /> : null}
      {step === 'store' ? <StoreForm medium={medium} onClose={onClose} /> : null}
      {step === 'report' ? <ReportForm medium={medium} onClose={onClose} /> : null}
      {step === 'found' ? <FoundForm medium={medium} onClose={onClose} /> : null}
      {step === 'void' && issueId ? <VoidForm medium={medium} issueId={issueId} onClose={onClose} /> : null}
    </FormModal>
  );
}

function IssueForm({ medium, onClose }: { medium: Medium; onClose: () => void }) {
  const { t } = useTranslation();
  const issue = useRouteMutation('media.issue', MEDIA_REFRESH);
  const { form, refusal, fieldError, errors, busy, onSubmit } = useRouteForm(IssueMediumInput, {
    defaultValues: {
      asset_id: medium.id,
      person_id: '',
      purpose: '',
      issued_on: todayInDar(),
      acknowledged: { government_work_only: false, no_personal_data: false, wipe_after_transfer: false },
    },
    fields: ['person_id', 'purpose', 'issued_on', 'acknowledged.government_work_only', 'acknowledged.no_personal_data', 'acknowledged.wipe_after_transfer'],
  });
  const submit = onSubmit(async (values) => {
    const done = await issue.mutateAsync(values);
    return t('media_ui.issue.done', { tag: medium.tag, holder: done.holder_name ?? '' });
  }, onClose);
  return (
    <RecordForm
      testId="issue-form"
      onSubmit={submit}
      refusal={refusal.refusal}
      buttons={<FormButtons onCancel={onClose} submitLabel={t('media_ui.issue.submit')} busy={busy} icon={<IconSend size={16} />} sticky />}
    >
      <Controller
        control={form.control}
        name="person_id"
        render={({ field, fieldState }) => (
          <PersonSelect
            label={t('media_ui.fields.person')}
            value={field.value || null}
            onChange={(value) => field.onChange(value ?? '')}
            onBlur={field.onBlur}
            placeholder={t('media_ui.fields.person-placeholder')}
            error={fieldError(fieldState.error)}
            data-testid="person"
          />
        )}
      />
      <TextInput label={t('media_ui.fields.purpose')} description={t('media_ui.fields.purpose-hint')} withAsterisk {...form.register('purpose')} error={fieldError(errors.purpose)} data-testid="purpose" />
      <DateController control={form.control} name="issued_on" fieldError={fieldError} label={t('media_ui.fields.issued-on')} withAsterisk notAfterToday data-testid="issued-on" />
      <Stack gap={6} data-testid="rules">
        <Text size="sm" fw={600}>
          {t('media_ui.issue.rules-title')}
        </Text>
        {MEDIA_RULES.map((rule) => (
          <Controller
            key={rule}
            control={form.control}
            name={`acknowledged.${rule}`}
            render={({ field, fieldState }) => (
              <Checkbox
                checked={field.value === true}
                onChange={(event) => field.onChange(event.currentTarget.checked)}
                label={t(`media_ui.rules.${rule}`)}
                error={fieldError(fieldState.error)}
                data-testid={`rule-${rule}`}
              />
            )}
          />
        ))}
      </Stack>
    </RecordForm>
  );
}

function ReturnForm({ medium, issueId, onClose }: { medium: Medium; issueId: string; onClose: () => void }) {
  const { t } = useTranslation();
  const back = useRouteMutation('media.return', MEDIA_REFRESH);
  const locations = useLocationOptions(medium.location_id);
  const holder = medium.issues.find((issue) => issue.id === issueId)?.person_name ?? '';
  const { form, refusal, fieldError, errors, busy, onSubmit } = useRouteForm(ReturnMediumInput, {
    defaultValues: { issue_id: issueId, returned_on: todayInDar(), condition: 'good', location_id: medium.location_id, note: '' },
    fields: ['returned_on', 'condition', 'location_id', 'note'],
  });
  const submit = onSubmit(async (values) => {
    await back.mutateAsync(values);
    return t('media_ui.return.done', { tag: medium.tag, holder });
  }, onClose);
  return (
    <RecordForm
      testId="return-form"
      onSubmit={submit}
      refusal={refusal.refusal}
      lead={<Text size="sm">{t('media_ui.return.intro', { holder })}</Text>}
      buttons={<FormButtons onCancel={onClose} submitLabel={t('media_ui.return.submit')} busy={busy} icon={<IconArrowBackUp size={16} />} />}
    >
      <DateController control={form.control} name="returned_on" fieldError={fieldError} label={t('media_ui.fields.returned-on')} withAsterisk notAfterToday data-testid="returned-on" />
      <SelectController
        control={form.control}
        name="condition"
        fieldError={fieldError}
        label={t('media_ui.fields.condition')}
        withAsterisk
        allowDeselect={false}
        empty="good"
        data={RETURN_CONDITIONS.map((value) => ({ value, label: t(`media_ui.conditions.${value}`) }))}
        data-testid="condition"
      />
      <PlaceSelect
        control={form.control}
        name="location_id"
        fieldError={fieldError}
        choices={locations}
        label={t('media_ui.fields.location')}
        placeholder={t('media_ui.fields.location-placeholder')}
        nonePlaceholder={t('media_ui.fields.no-locations')}
        data-testid="location"
      />
      <Textarea label={t('media_ui.fields.note')} autosize minRows={2} {...form.register('note')} error={fieldError(errors.note)} data-testid="note" />
    </RecordForm>
  );
}

function WipeForm({ medium, onClose }: { medium: Medium; onClose: () => void }) {
  const { t } = useTranslation();
  const wipe = useRouteMutation('media.wipe', MEDIA_REFRESH);
  const { form, refusal, fieldError, errors, busy, onSubmit } = useRouteForm(WipeMediumInput, {
    defaultValues: { asset_id: medium.id, wiped_on: todayInDar(), method: 'full_format', wiped_by: '', witness: '', note: '' },
    fields: ['wiped_on', 'method', 'wiped_by', 'witness', 'note'],
  });
  const submit = onSubmit(async (values) => {
    await wipe.mutateAsync(values);
    return t('media_ui.wipe.done', { tag: medium.tag });
  }, onClose);
  return (
    <RecordForm
      testId="wipe-form"
      onSubmit={submit}
      refusal={refusal.refusal}
      lead={<Text size="sm">{t('media_ui.wipe.intro')}</Text>}
      buttons={<FormButtons onCancel={onClose} submitLabel={t('media_ui.wipe.submit')} busy={busy} icon={<IconEraser size={16} />} />}
    >
      <DateController control={form.control} name="wiped_on" fieldError={fieldError} label={t('media_ui.fields.wiped-on')} withAsterisk notAfterToday data-testid="wiped-on" />
      <SelectController
        control={form.control}
        name="method"
        fieldError={fieldError}
        label={t('media_ui.fields.method')}
        withAsterisk
        allowDeselect={false}
        empty="full_format"
        data={WIPE_METHODS.map((value) => ({ value, label: t(`media_ui.methods.${value}`) }))}
        data-testid="method"
      />
      <TextInput label={t('media_ui.fields.wiped-by')} withAsterisk {...form.register('wiped_by')} error={fieldError(errors.wiped_by)} data-testid="wiped-by" />
      <TextInput label={t('media_ui.fields.witness')} {...form.register('witness')} error={fieldError(errors.witness)} data-testid="witness" />
      <Textarea label={t('media_ui.fields.note')} autosize minRows={2} {...form.register('note')} error={fieldError(errors.note)} data-testid="note" />
    </RecordForm>
  );
}

function StoreForm({ medium, onClose }: { medium: Medium; onClose: () => void }) {
  const { t } = useTranslation();
  const store = useRouteMutation('media.store', MEDIA_REFRESH);
  const locations = useLocationOptions(medium.location_id);
  const { form, refusal, fieldError, busy, onSubmit } = useRouteForm(StoreMediumInput, {
    defaultValues: { asset_id: medium.id, location_id: medium.location_id ?? '' },
    fields: ['location_id'],
  });
  const submit = onSubmit(async (values) => {
    const done = await store.mutateAsync(values);
    return t('media_ui.store.done', { tag: medium.tag, place: done.location_name ?? '' });
  }, onClose);
  return (
    <RecordForm
      testId="store-form"
      onSubmit={submit}
      refusal={refusal.refusal}
      lead={<Text size="sm">{t('media_ui.store.intro')}</Text>}
      buttons={<FormButtons onCancel={onClose} submitLabel={t('media_ui.store.submit')} busy={busy} icon={<IconMapPin size={16} />} />}
    >
      <PlaceSelect
        control={form.control}
        name="location_id"
        fieldError={fieldError}
        choices={locations}
        empty=""
        withAsterisk
        label={t('media_ui.fields.location')}
        placeholder={t('media_ui.fields.location-placeholder')}
        nonePlaceholder={t('media_ui.fields.no-locations')}
        data-testid="location"
      />
    </RecordForm>
  );
}

function ReportForm({ medium, onClose }: { medium: Medium; onClose: () => void }) {
  const { t } = useTranslation();
  const report = useRouteMutation('media.report', MEDIA_REFRESH);
  const { form, refusal, fieldError, errors, busy, onSubmit } = useRouteForm(ReportMediumInput, {
    defaultValues: { asset_id: medium.id, kind: 'lost', reported_on: todayInDar(), note: '' },
    fields: ['kind', 'reported_on', 'note'],
  });
  const kind = form.watch('kind');
  const submit = onSubmit(async (values) => {
    await report.mutateAsync(values);
    return t(values.kind === 'lost' ? 'media_ui.report.done-lost' : 'media_ui.report.done-damaged', { tag: medium.tag });
  }, onClose);
  return (
    <RecordForm
      testId="report-form"
      onSubmit={submit}
      refusal={refusal.refusal}
      lead={
        kind === 'lost' ? (
          <Alert color="red" variant="light" icon={<IconAlertTriangle size={18} />}>
            {t('media_ui.report.lost-warning')}
          </Alert>
        ) : null
      }
      buttons={<FormButtons onCancel={onClose} submitLabel={t('media_ui.report.submit')} danger={kind === 'lost'} busy={busy} icon={<IconAlertTriangle size={16} />} />}
    >
      <Controller
        control={form.control}
        name="kind"
        render={({ field }) => (
          <SegmentedControl
            value={field.value ?? 'lost'}
            onChange={field.onChange}
            data={INCIDENT_KINDS.map((value) => ({ value, label: t(`media_ui.incidentKinds.${value}`) }))}
            data-testid="incident-kind"
          />
        )}
      />
      <DateController control={form.control} name="reported_on" fieldError={fieldError} label={t('media_ui.fields.reported-on')} withAsterisk notAfterToday data-testid="reported-on" />
      <Textarea label={t('media_ui.fields.what-happened')} withAsterisk autosize minRows={3} {...form.register('note')} error={fieldError(errors.note)} data-testid="note" />
    </RecordForm>
  );
}

function FoundForm({ medium, onClose }: { medium: Medium; onClose: () => void }) {
  const { t } = useTranslation();
  const found = useRouteMutation('media.found', MEDIA_REFRESH);
  const { form, refusal, fieldError, errors, busy, onSubmit } = useRouteForm(FoundMediumInput, {
    defaultValues: { report_id: medium.lost_report_id ?? '', found_on: todayInDar(), note: '' },
    fields: ['found_on', 'note'],
  });
  const submit = onSubmit(async (values) => {
    await found.mutateAsync(values);
    return t('media_ui.found.done', { tag: medium.tag });
  }, onClose);
  return (
    <RecordForm
      testId="found-form"
      onSubmit={submit}
      refusal={refusal.refusal}
      buttons={<FormButtons onCancel={onClose} submitLabel={t('media_ui.found.submit')} busy={busy} icon={<IconCheck size={16} />} />}
    >
      <DateController control={form.control} name="found_on" fieldError={fieldError} label={t('media_ui.fields.found-on')} withAsterisk notAfterToday data-testid="found-on" />
      <Textarea label={t('media_ui.fields.note')} autosize minRows={2} {...form.register('note')} error={fieldError(errors.note)} data-testid="note" />
    </RecordForm>
  );
}

function VoidForm({ medium, issueId, onClose }: { medium: Medium; issueId: string; onClose: () => void }) {
  const { t } = useTranslation();
  const voided = useRouteMutation('media.void-issue', MEDIA_REFRESH);
  const holder = medium.issues.find((issue) => issue.id === issueId)?.person_name ?? '';
  const { form, refusal, fieldError, errors, busy, onSubmit } = useRouteForm(VoidIssueInput, {
    defaultValues: { issue_id: issueId, reason: '' },
    fields: ['reason'],
  });
  const submit = onSubmit(async (values) => {
    await voided.mutateAsync(values);
    return t('media_ui.void.done', { tag: medium.tag, holder });
  }, onClose);
  return (
    <RecordForm
      testId="void-form"
      onSubmit={submit}
      refusal={refusal.refusal}
      lead={<Text size="sm">{t('media_ui.void.intro', { holder })}</Text>}
      buttons={<FormButtons onCancel={onClose} submitLabel={t('media_ui.void.submit')} danger busy={busy} icon={<IconBan size={16} />} />}
    >
      <Textarea label={t('media_ui.void.reason')} withAsterisk autosize minRows={2} {...form.register('reason')} error={fieldError(errors.reason)} data-testid="void-reason" />
    </RecordForm>
  );
}
