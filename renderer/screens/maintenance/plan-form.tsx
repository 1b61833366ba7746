// A preventive maintenance plan: a task every N months for one category of equipment or one device,
// under a version of the procedure (3.6.1). Once made, what it covers stays; its task, interval and
// whether it is in use can change.
import { zodResolver } from '@hookform/resolvers/zod';
import { Button, Group, Input, Modal, NumberInput, SegmentedControl, Select, SimpleGrid, Stack, Switch, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { PlanInput, UpdatePlanInput } from '../../../db/maintenance/contract.ts';
import type { RouteOutput } from '../../../db/contract/routes.ts';
import { useRouteMutation, useRouteQuery } from '../../client/context.tsx';
import { useCategories } from '../../components/assets/categories.ts';
import { RefusalAlert } from '../../components/refusal-alert.tsx';
import { useFieldError, useRefusal } from '../../components/use-refusal.ts';
import { DeviceSelect } from './device-select.tsx';
import type { Procedure } from './procedure-panel.tsx';

export type Plan = RouteOutput<'plans.list'>[number];
type Scope = 'category' | 'device';

const REFRESH = ['plans.list', 'plans.due'] as const;

export function PlanFormModal({
  opened,
  plan,
  procedures,
  inForceId,
  onClose,
}: {
  opened: boolean;
  plan: Plan | null;
  procedures: readonly Procedure[];
  inForceId: string | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={t(plan ? 'maintenanceUi.plans.form.edit-title' : 'maintenanceUi.plans.form.create-title')}
      size="lg"
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      {opened && plan ? <EditPlanForm plan={plan} onClose={onClose} /> : null}
      {opened && !plan ? <CreatePlanForm procedures={procedures} inForceId={inForceId} onClose={onClose} /> : null}
    </Modal>
  );
}

function IntervalField({ value, onChange, onBlur, error }: { value: unknown; onChange: (value: number | string) => void; onBlur: () => void; error?: string }) {
  const { t } = useTranslation();
  return (
    <NumberInput
      label={t('maintenanceUi.plans.form.interval')}
      description={t('maintenanceUi.plans.form.interval-hint')}
      withAsterisk
      min={1}
      max={60}
      allowDecimal={false}
      allowNegative={false}
      value={typeof value === 'number' || typeof value === 'string' ? value : ''}
      onChange={onChange}
      onBlur={onBlur}
      error={error}
      data-testid="plan-interval"
    />
  );
}

function Buttons({ onCancel, busy }: { onCancel: () => void; busy: boolean }) {
  const { t } = useTranslation();
  return (
    <Group justify="flex-end" mt="sm">
      <Button variant="default" onClick={onCancel}>
        {t('common.cancel')}
      </Button>
      <Button type="submit" loading={busy} data-testid="submit">
        {t('common.save')}
      </Button>
    </Group>
  );
}

function CreatePlanForm({ procedures, inForceId, onClose }: { procedures: readonly Procedure[]; inForceId: string | null; onClose: () => void }) {
  const { t } = useTranslation();
  const categories = useCategories();
  const [scope, setScope] = useState<Scope>('category');
  const form = useForm<z.input<typeof PlanInput>, unknown, z.output<typeof PlanInput>>({
    resolver: zodResolver(PlanInput),
    defaultValues: { procedure_id: inForceId, category: null, asset_id: null, task: '', interval_months: 6 },
  });
  const create = useRouteMutation('plans.create', REFRESH);
  const refusal = useRefusal(form.setError, ['task', 'interval_months', 'category', 'asset_id', 'procedure_id']);
  const fieldError = useFieldError(refusal.refusal?.params);
  const errors = form.formState.errors;

  const chooseScope = (next: Scope) => {
    setScope(next);
    // A plan covers a category or one device, never both (PlanInput's rule).
    form.setValue(next === 'category' ? 'asset_id' : 'category', null);
    form.clearErrors(['category', 'asset_id']);
  };

  const submit = form.handleSubmit(async (values) => {
    refusal.clear();
    try {
      await create.mutateAsync(values);
      notifications.show({ color: 'flag', message: t('maintenanceUi.plans.form.created', { task: values.task }) });
      onClose();
    } catch (error) {
      refusal.show(error);
    }
  });

  return (
    <form onSubmit={submit} noValidate data-testid="plan-form">
      <Stack gap="sm">
        <RefusalAlert error={refusal.refusal} />
        <TextInput
          label={t('maintenanceUi.plans.form.task')}
          placeholder={t('maintenanceUi.plans.form.task-example')}
          withAsterisk
          data-autofocus
          {...form.register('task')}
          error={fieldError(errors.task)}
        />
        <Input.Wrapper label={t('maintenanceUi.plans.form.scope')}>
          <SegmentedControl
            fullWidth
            value={scope}
            onChange={(value) => chooseScope(value as Scope)}
            data={[
              { value: 'category', label: t('maintenanceUi.plans.form.scope-category') },
              { value: 'device', label: t('maintenanceUi.plans.form.scope-device') },
            ]}
            data-testid="plan-scope"
          />
        </Input.Wrapper>
        {scope === 'category' ? (
          <Controller
            control={form.control}
            name="category"
            render={({ field, fieldState }) => (
              <Select
                label={t('maintenanceUi.plans.form.category')}
                placeholder={t('maintenanceUi.plans.form.category-placeholder')}
                withAsterisk
                data={categories.options(field.value)}
                value={field.value ?? null}
                onChange={(value) => field.onChange(value)}
                onBlur={field.onBlur}
                error={fieldError(fieldState.error)}
                searchable
                nothingFoundMessage={t('common.nothing-found')}
                comboboxProps={{ withinPortal: true }}
                data-testid="plan-category"
              />
            )}
          />
        ) : (
          <Controller
            control={form.control}
            name="asset_id"
            render={({ field, fieldState }) => (
              <DeviceSelect
                label={t('maintenanceUi.plans.form.device')}
                placeholder={t('maintenanceUi.plans.form.device-placeholder')}
                withAsterisk
                value={field.value ?? null}
                onChange={(value) => field.onChange(value)}
                onBlur={field.onBlur}
                // The rule "a category or one device" is reported on `category`.
                error={fieldError(fieldState.error ?? errors.category)}
                data-testid="plan-device"
              />
            )}
          />
        )}
        <SimpleGrid cols={2} spacing="md">
          <Controller
            control={form.control}
            name="interval_months"
            render={({ field, fieldState }) => (
              <IntervalField value={field.value} onChange={field.onChange} onBlur={field.onBlur} error={fieldError(fieldState.error)} />
            )}
          />
          <Controller
            control={form.control}
            name="procedure_id"
            render={({ field, fieldState }) => (
              <Select
                label={t('maintenanceUi.plans.form.procedure')}
                description={t('maintenanceUi.plans.form.procedure-hint')}
                placeholder={t('maintenanceUi.plans.form.procedure-none')}
                data={procedures.map((procedure) => ({
                  value: procedure.id,
                  label: t('maintenanceUi.plans.procedure-version', { version: procedure.version }),
                }))}
                value={field.value ?? null}
                onChange={(value) => field.onChange(value)}
                onBlur={field.onBlur}
                error={fieldError(fieldState.error)}
                clearable
                comboboxProps={{ withinPortal: true }}
              />
            )}
          />
        </SimpleGrid>
        <Buttons onCancel={onClose} busy={form.formState.isSubmitting} />
      </Stack>
    </form>
  );
}

function EditPlanForm({ plan, onClose }: { plan: Plan; onClose: () => void }) {
  const { t } = useTranslation();
  const scope = usePlanScope(plan);
  const form = useForm<z.input<typeof UpdatePlanInput>, unknown, z.output<typeof UpdatePlanInput>>({
    resolver: zodResolver(UpdatePlanInput),
    defaultValues: { plan_id: plan.id, task: plan.task, interval_months: plan.interval_months, active: plan.active === 1 },
  });
  const update = useRouteMutation('plans.update', REFRESH);
  const refusal = useRefusal(form.setError, ['task', 'interval_months']);
  const fieldError = useFieldError(refusal.refusal?.params);
  const errors = form.formState.errors;

  const submit = form.handleSubmit(async (values) => {
    refusal.clear();
    try {
      await update.mutateAsync(values);
      notifications.show({ color: 'flag', message: t('common.saved') });
      onClose();
    } catch (error) {
      refusal.show(error);
    }
  });

  return (
    <form onSubmit={submit} noValidate data-testid="plan-form">
      <Stack gap="sm">
        <RefusalAlert error={refusal.refusal} />
        <Text size="sm" c="dimmed">
          {t('maintenanceUi.plans.form.scope-fixed', { scope: scope.text })}
        </Text>
        <TextInput label={t('maintenanceUi.plans.form.task')} withAsterisk data-autofocus {...form.register('task')} error={fieldError(errors.task)} />
        <Controller
          control={form.control}
          name="interval_months"
          render={({ field, fieldState }) => <IntervalField value={field.value} onChange={field.onChange} onBlur={field.onBlur} error={fieldError(fieldState.error)} />}
        />
        <Controller
          control={form.control}
          name="active"
          render={({ field }) => (
            <Switch
              label={t('maintenanceUi.plans.form.active')}
              description={t('maintenanceUi.plans.form.active-hint')}
              checked={field.value}
              onChange={(event) => field.onChange(event.currentTarget.checked)}
            />
          )}
        />
        <Buttons onCancel={onClose} busy={form.formState.isSubmitting} />
      </Stack>
    </form>
  );
}

/** What a plan covers, in words: "Aina: Kompyuta mpakato" or "Kifaa WF/ICT/2024/00012" with the device's make and model. */
export function usePlanScope(plan: Pick<Plan, 'category' | 'asset_id'>): { text: string; detail: string } {
  const { t } = useTranslation();
  const categories = useCategories();
  const device = useRouteQuery('assets.get', { asset_id: plan.asset_id ?? '' }, { enabled: plan.asset_id !== null, staleTime: 60_000 });
  if (plan.category) return { text: t('maintenanceUi.plans.scope-category', { name: categories.name(plan.category) }), detail: '' };
  return {
    text: t('maintenanceUi.plans.scope-device', { tag: device.data?.tag ?? '…' }),
    detail: device.data ? [device.data.make, device.data.model].filter(Boolean).join(' ') : '',
  };
}
