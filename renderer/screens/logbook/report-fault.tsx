// Opening a log book entry (3.6.4): a fault someone reported, or preventive work a plan calls for.
import { zodResolver } from '@hookform/resolvers/zod';
import { Button, Checkbox, Group, Modal, SegmentedControl, Select, SimpleGrid, Stack, Text, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { Controller, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { planAppliesTo, ReportInput } from '../../../db/maintenance/contract.ts';
import { underWarranty } from '../../../db/assets/contract.ts';
import type { RouteOutput } from '../../../db/contract/routes.ts';
import { useRouteMutation, useRouteQuery } from '../../client/context.tsx';
import { DateField } from '../../components/assets/date-field.tsx';
import { PersonNameInput } from '../../components/assets/person-name-input.tsx';
import { todayInDar } from '../../components/assets/days.ts';
import { RefusalAlert } from '../../components/refusal-alert.tsx';
import { useFieldError, useRefusal } from '../../components/use-refusal.ts';

export type EntryView = RouteOutput<'maintenance.get'>;
export const ENTRY_REFRESH = ['maintenance.get', 'maintenance.log-book', 'maintenance.list', 'assets.get', 'assets.list', 'plans.due'] as const;

export interface FaultDevice {
  id: string;
  tag: string;
  category: string;
  warranty_end: string;
  /** Offered first as the person who reported the fault. */
  custodian_name?: string | null;
}

export interface ReportStart {
  kind: 'corrective' | 'preventive';
  plan_id: string | null;
  symptoms: string;
}

const FIELDS = ['reported_on', 'reported_by', 'symptoms', 'plan_id', 'kind', 'warranty'] as const;

export function ReportFaultModal({
  device,
  start,
  onClose,
  onReported,
}: {
  device: FaultDevice | null;
  start?: ReportStart;
  onClose: () => void;
  onReported?: (entry: EntryView) => void;
}) {
  const { t } = useTranslation();
  const preventive = start?.kind === 'preventive';
  return (
    <Modal
      opened={device !== null}
      onClose={onClose}
      title={device ? t(preventive ? 'logbookUi.report.title-preventive' : 'logbookUi.report.title', { tag: device.tag }) : ''}
      size="lg"
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      {device ? <ReportFaultForm device={device} start={start} onClose={onClose} onReported={onReported} /> : null}
    </Modal>
  );
}

function ReportFaultForm({ device, start, onClose, onReported }: { device: FaultDevice; start?: ReportStart; onClose: () => void; onReported?: (entry: EntryView) => void }) {
  const { t } = useTranslation();
  const today = todayInDar();
  const plans = useRouteQuery('plans.list', {});
  const form = useForm<z.input<typeof ReportInput>, unknown, z.output<typeof ReportInput>>({
    resolver: zodResolver(ReportInput),
    defaultValues: {
      asset_id: device.id,
      kind: start?.kind ?? 'corrective',
      plan_id: start?.plan_id ?? null,
      reported_on: today,
      reported_by: '',
      symptoms: start?.symptoms ?? '',
      // Still under the supplier's warranty: the repair may cost the institution nothing.
      warranty: underWarranty(device, today),
    },
    mode: 'onTouched',
  });
  const report = useRouteMutation('maintenance.report', ENTRY_REFRESH);
  const refusal = useRefusal(form.setError, FIELDS);
  const fieldError = useFieldError(refusal.refusal?.params);
  const errors = form.formState.errors;
  const kind = form.watch('kind');
  const planOptions = (plans.data ?? [])
    .filter((plan) => (plan.active === 1 || plan.id === start?.plan_id) && planAppliesTo(plan, device))
    .map((plan) => ({ value: plan.id, label: t('logbookUi.report.plan-option', { task: plan.task, months: plan.interval_months }) }));

  const submit = form.handleSubmit(async (values) => {
    refusal.clear();
    try {
      const entry = await report.mutateAsync(values.kind === 'preventive' ? values : { ...values, plan_id: null });
      notifications.show({ color: 'flag', message: t('logbookUi.report.done', { tag: device.tag }) });
      onReported?.(entry);
      onClose();
    } catch (error) {
      refusal.show(error);
    }
  });

  return (
    <form onSubmit={submit} noValidate data-testid="report-form">
      <Stack gap="sm">
        <RefusalAlert error={refusal.refusal} />
        <Controller
          control={form.control}
          name="kind"
          render={({ field }) => (
            <Stack gap={4}>
              <Text size="sm" fw={500}>
                {t('logbookUi.report.kind')}
              </Text>
              <SegmentedControl
                value={field.value ?? 'corrective'}
                onChange={field.onChange}
                data={[
                  { value: 'corrective', label: t('maintenanceKinds.corrective') },
                  { value: 'preventive', label: t('maintenanceKinds.preventive') },
                ]}
              />
            </Stack>
          )}
        />
        {kind === 'preventive' ? (
          <Controller
            control={form.control}
            name="plan_id"
            render={({ field, fieldState }) => (
              <Select
                label={t('logbookUi.report.plan')}
                placeholder={t(planOptions.length === 0 ? 'logbookUi.report.plan-none' : 'logbookUi.report.plan-placeholder')}
                data={planOptions}
                value={field.value ?? null}
                onChange={field.onChange}
                error={fieldError(fieldState.error)}
                clearable
              />
            )}
          />
        ) : null}
        <SimpleGrid cols={2} spacing="md" verticalSpacing="sm">
          <Controller
            control={form.control}
            name="reported_on"
            render={({ field, fieldState }) => (
              <DateField
                label={t(kind === 'preventive' ? 'logbookUi.report.opened-on' : 'logbookUi.report.reported-on')}
                withAsterisk
                value={field.value}
                onChange={field.onChange}
                onBlur={field.onBlur}
                error={fieldError(fieldState.error)}
                notAfterToday
              />
            )}
          />
          <Controller
            control={form.control}
            name="reported_by"
            render={({ field, fieldState }) => (
              <PersonNameInput
                label={t(kind === 'preventive' ? 'logbookUi.report.opened-by' : 'logbookUi.report.reported-by')}
                description={t('logbookUi.report.reported-by-hint')}
                placeholder={t('logbookUi.report.reported-by-example')}
                withAsterisk
                custodian={device.custodian_name}
                value={field.value ?? ''}
                onChange={field.onChange}
                onBlur={field.onBlur}
                error={fieldError(fieldState.error)}
                data-testid="reported-by"
              />
            )}
          />
        </SimpleGrid>
        <Textarea
          label={t(kind === 'preventive' ? 'logbookUi.report.task' : 'logbookUi.report.symptoms')}
          placeholder={t(kind === 'preventive' ? 'logbookUi.report.task-example' : 'logbookUi.report.symptoms-example')}
          withAsterisk
          autosize
          minRows={3}
          maxRows={8}
          {...form.register('symptoms')}
          error={fieldError(errors.symptoms)}
        />
        <Checkbox label={t('logbookUi.report.warranty')} description={t('logbookUi.report.warranty-hint')} {...form.register('warranty')} />
        <Group justify="flex-end" mt="sm">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={form.formState.isSubmitting} data-testid="submit">
            {t('logbookUi.report.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
