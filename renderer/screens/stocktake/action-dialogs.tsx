// The actions on a closed stocktake's findings that need a word from the user: correcting a custodian
// (it starts a handover), registering a device the register did not know, reporting a missing device to
// the Accounting Officer, and the Accounting Officer's acknowledgement.
import { Text, TextInput, Textarea, SimpleGrid } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { AcknowledgeInput, CorrectCustodianInput, RegisterUnknownInput, ReportMissingInput, type Finding } from '../../../db/stocktake/contract.ts';
import { useRouteMutation } from '../../client/context.tsx';
import { useCategories } from '../../components/assets/categories.ts';
import { SelectController } from '../../components/form-fields.tsx';
import { FormButtons, FormModal, RecordForm } from '../../components/form-modal.tsx';
import { useRouteForm } from '../../components/use-route-form.ts';
import { STOCKTAKE_REFRESH } from './stocktake-view.ts';

export interface ActionStep {
  kind: 'correct' | 'register' | 'report' | 'acknowledge';
  finding: Finding;
}

export function ActionModal({ step, stocktakeId, onClose }: { step: ActionStep | null; stocktakeId: string; onClose: () => void }) {
  const { t } = useTranslation();
  const tag = step?.finding.tag ?? '';
  return (
    <FormModal opened={step !== null} onClose={onClose} title={step ? t(`stocktake_ui.dialogs.${step.kind}.title`, { tag }) : ''} size="lg">
      {step?.kind === 'correct' ? <CorrectForm finding={step.finding} stocktakeId={stocktakeId} onClose={onClose} /> : null}
      {step?.kind === 'register' ? <RegisterForm finding={step.finding} stocktakeId={stocktakeId} onClose={onClose} /> : null}
      {step?.kind === 'report' ? <ReportForm finding={step.finding} stocktakeId={stocktakeId} onClose={onClose} /> : null}
      {step?.kind === 'acknowledge' ? <AcknowledgeForm finding={step.finding} stocktakeId={stocktakeId} onClose={onClose} /> : null}
    </FormModal>
  );
}

interface FormProps {
  finding: Finding;
  stocktakeId: string;
  onClose: () => void;
}

function CorrectForm({ finding, stocktakeId, onClose }: FormProps) {
  const { t } = useTranslation();
  const correct = useRouteMutation('stocktake.correct-custodian', STOCKTAKE_REFRESH);
  const { form, refusal, fieldError, errors, busy, onSubmit } = useRouteForm(CorrectCustodianInput, {
    defaultValues: { stocktake_id: stocktakeId, asset_id: finding.asset_id ?? '', note: '' },
    fields: ['note'],
  });
  const submit = onSubmit(async (values) => {
    await correct.mutateAsync(values);
    return t('stocktake_ui.dialogs.correct.done', { tag: finding.tag });
  }, onClose);
  return (
    <RecordForm
      testId="correct-form"
      onSubmit={submit}
      refusal={refusal.refusal}
      lead={<Text size="sm">{t('stocktake_ui.dialogs.correct.intro', { from: finding.expected_custodian_name || t('stocktake_ui.result.nobody'), to: finding.found_custodian_name })}</Text>}
      buttons={<FormButtons onCancel={onClose} submitLabel={t('stocktake_ui.dialogs.correct.submit')} busy={busy} />}
    >
      <Textarea label={t('stocktake_ui.dialogs.correct.note')} autosize minRows={2} {...form.register('note')} error={fieldError(errors.note)} data-testid="correct-note" />
    </RecordForm>
  );
}

function RegisterForm({ finding, stocktakeId, onClose }: FormProps) {
  const { t } = useTranslation();
  const categories = useCategories();
  const register = useRouteMutation('stocktake.register-unknown', STOCKTAKE_REFRESH);
  const { form, refusal, fieldError, errors, busy, onSubmit } = useRouteForm(RegisterUnknownInput, {
    defaultValues: { stocktake_id: stocktakeId, count_id: finding.count_id ?? '', category: '', tag: '', make: finding.make, model: finding.model },
    fields: ['category', 'tag', 'make', 'model'],
  });
  const submit = onSubmit(async (values) => {
    await register.mutateAsync(values);
    return t('stocktake_ui.dialogs.register.done');
  }, onClose);
  return (
    <RecordForm
      testId="register-form"
      onSubmit={submit}
      refusal={refusal.refusal}
      lead={<Text size="sm">{t('stocktake_ui.dialogs.register.intro', { place: finding.found_location_name })}</Text>}
      buttons={<FormButtons onCancel={onClose} submitLabel={t('stocktake_ui.dialogs.register.submit')} busy={busy} />}
    >
      <SelectController
        control={form.control}
        name="category"
        fieldError={fieldError}
        empty=""
        label={t('stocktake_ui.dialogs.register.category')}
        withAsterisk
        searchable
        data={categories.options()}
        comboboxProps={{ withinPortal: true }}
        data-testid="register-category"
      />
      <SimpleGrid cols={2} spacing="sm">
        <TextInput label={t('stocktake_ui.dialogs.register.make')} withAsterisk {...form.register('make')} error={fieldError(errors.make)} data-testid="register-make" />
        <TextInput label={t('stocktake_ui.dialogs.register.model')} withAsterisk {...form.register('model')} error={fieldError(errors.model)} data-testid="register-model" />
      </SimpleGrid>
      <TextInput label={t('stocktake_ui.dialogs.register.tag')} description={t('stocktake_ui.dialogs.register.tag-hint')} {...form.register('tag')} error={fieldError(errors.tag)} data-testid="register-tag" />
    </RecordForm>
  );
}

function ReportForm({ finding, stocktakeId, onClose }: FormProps) {
  const { t } = useTranslation();
  const report = useRouteMutation('stocktake.report-missing', STOCKTAKE_REFRESH);
  const { form, refusal, fieldError, errors, busy, onSubmit } = useRouteForm(ReportMissingInput, {
    defaultValues: { stocktake_id: stocktakeId, asset_id: finding.asset_id ?? '', note: '' },
    fields: ['note'],
  });
  const submit = onSubmit(async (values) => {
    await report.mutateAsync(values);
    return t('stocktake_ui.dialogs.report.done', { tag: finding.tag });
  }, onClose);
  return (
    <RecordForm
      testId="report-form"
      onSubmit={submit}
      refusal={refusal.refusal}
      lead={<Text size="sm">{t('stocktake_ui.dialogs.report.intro')}</Text>}
      buttons={<FormButtons onCancel={onClose} submitLabel={t('stocktake_ui.dialogs.report.submit')} busy={busy} danger />}
    >
      <Textarea label={t('stocktake_ui.dialogs.report.note')} withAsterisk autosize minRows={3} {...form.register('note')} error={fieldError(errors.note)} data-testid="report-note" />
    </RecordForm>
  );
}

function AcknowledgeForm({ finding, stocktakeId, onClose }: FormProps) {
  const { t } = useTranslation();
  const acknowledge = useRouteMutation('stocktake.acknowledge-incident', STOCKTAKE_REFRESH);
  const { form, refusal, fieldError, errors, busy, onSubmit } = useRouteForm(AcknowledgeInput, {
    defaultValues: { stocktake_id: stocktakeId, asset_id: finding.asset_id ?? '', note: '' },
    fields: ['note'],
  });
  const submit = onSubmit(async (values) => {
    await acknowledge.mutateAsync(values);
    return t('stocktake_ui.dialogs.acknowledge.done');
  }, onClose);
  return (
    <RecordForm testId="acknowledge-form" onSubmit={submit} refusal={refusal.refusal} buttons={<FormButtons onCancel={onClose} submitLabel={t('stocktake_ui.dialogs.acknowledge.submit')} busy={busy} />}>
      <Textarea label={t('stocktake_ui.dialogs.acknowledge.note')} autosize minRows={2} {...form.register('note')} error={fieldError(errors.note)} data-testid="acknowledge-note" />
    </RecordForm>
  );
}
