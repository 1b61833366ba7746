// The steps of a log book entry after the report (3.6.4): diagnosis, who does the work (an outside
// expert under an ICT officer's supervision, 3.6.2), the work itself, off-site and back (3.6.3), and the
// close. Each is a small form over the core's own schema.
import { zodResolver } from '@hookform/resolvers/zod';
import {
  ActionIcon,
  Alert,
  Button,
  Group,
  Modal,
  NumberInput,
  Radio,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
  Tooltip,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconAlertTriangle, IconLock, IconPlus, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { Controller, useFieldArray, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import {
  AssignInput,
  CloseInput,
  DiagnoseInput,
  OUTCOMES,
  ProviderInput,
  REASON_OUTCOMES,
  RecordWorkInput,
  ReturnInput,
  SendOffsiteInput,
  WORK_OUTCOMES,
} from '../../../db/maintenance/contract.ts';
import type { RouteOutput } from '../../../db/contract/routes.ts';
import { errorValueOf, type ErrorValue } from '../../client/call-error.ts';
import { useRouteMutation, useRouteQuery } from '../../client/context.tsx';
import { DateField } from '../../components/assets/date-field.tsx';
import { todayInDar } from '../../components/assets/days.ts';
import { MoneyInput } from '../../components/assets/money-input.tsx';
import { formatTzs } from '../../components/assets/money.ts';
import { RefusalAlert } from '../../components/refusal-alert.tsx';
import { useFieldError, useRefusal } from '../../components/use-refusal.ts';
import { useSession } from '../../session/session.tsx';
import { ENTRY_REFRESH, type EntryView } from './report-fault.tsx';
import { workTotal } from './totals.ts';

export type EntryStep = 'diagnose' | 'assign' | 'work' | 'offsite' | 'return' | 'close';
export type Provider = RouteOutput<'providers.list'>[number];

const TITLES: Record<EntryStep, string> = {
  diagnose: 'logbookUi.diagnose.title',
  assign: 'logbookUi.assign.title',
  work: 'logbookUi.work.title',
  offsite: 'logbookUi.offsite.title',
  return: 'logbookUi.return.title',
  close: 'logbookUi.close.title',
};

/** One step of the entry in a dialog. `onRecordRemoval` opens 3.6.3's removal when off-site is refused. */
export function EntryStepModal({
  step,
  entry,
  onClose,
  onRecordRemoval,
}: {
  step: EntryStep | null;
  entry: EntryView;
  onClose: () => void;
  onRecordRemoval: () => void;
}) {
  const { t } = useTranslation();
  return (
    <Modal opened={step !== null} onClose={onClose} title={step ? t(TITLES[step], { tag: entry.asset_tag }) : ''} size="lg" closeButtonProps={{ 'aria-label': t('common.close') }}>
      {step === 'diagnose' ? <DiagnoseForm entry={entry} onClose={onClose} /> : null}
      {step === 'assign' ? <AssignForm entry={entry} onClose={onClose} /> : null}
      {step === 'work' ? <WorkForm entry={entry} onClose={onClose} /> : null}
      {step === 'offsite' ? <OffsiteForm entry={entry} onClose={onClose} onRecordRemoval={onRecordRemoval} /> : null}
      {step === 'return' ? <ReturnForm entry={entry} onClose={onClose} /> : null}
      {step === 'close' ? <CloseForm entry={entry} onClose={onClose} /> : null}
    </Modal>
  );
}

function Actions({ onClose, submitting, label }: { onClose: () => void; submitting: boolean; label: string }) {
  const { t } = useTranslation();
  return (
    <Group justify="flex-end" mt="sm">
      <Button variant="default" onClick={onClose}>
        {t('common.cancel')}
      </Button>
      <Button type="submit" loading={submitting} data-testid="submit">
        {label}
      </Button>
    </Group>
  );
}

function DiagnoseForm({ entry, onClose }: { entry: EntryView; onClose: () => void }) {
  const { t } = useTranslation();
  const form = useForm<z.input<typeof DiagnoseInput>, unknown, z.output<typeof DiagnoseInput>>({
    resolver: zodResolver(DiagnoseInput),
    defaultValues: { entry_id: entry.id, diagnosis: entry.diagnosis },
    mode: 'onTouched',
  });
  const diagnose = useRouteMutation('maintenance.diagnose', ENTRY_REFRESH);
  const refusal = useRefusal(form.setError, ['diagnosis']);
  const fieldError = useFieldError(refusal.refusal?.params);
  const submit = form.handleSubmit(async (values) => {
    refusal.clear();
    try {
      await diagnose.mutateAsync(values);
      notifications.show({ color: 'flag', message: t('logbookUi.diagnose.done') });
      onClose();
    } catch (error) {
      refusal.show(error);
    }
  });
  return (
    <form onSubmit={submit} noValidate data-testid="diagnose-form">
      <Stack gap="sm">
        <RefusalAlert error={refusal.refusal} />
        <Textarea
          label={t('logbookUi.diagnose.diagnosis')}
          placeholder={t('logbookUi.diagnose.diagnosis-example')}
          withAsterisk
          autosize
          minRows={3}
          maxRows={10}
          {...form.register('diagnosis')}
          error={fieldError(form.formState.errors.diagnosis)}
        />
        <Actions onClose={onClose} submitting={form.formState.isSubmitting} label={t('common.save')} />
      </Stack>
    </form>
  );
}

type AssignValues = z.input<typeof AssignInput>;
const ASSIGN_FIELDS = ['technician.name', 'technician.provider_id', 'technician.job_ref', 'technician.supervisor_name'] as const;

function AssignForm({ entry, onClose }: { entry: EntryView; onClose: () => void }) {
  const { t } = useTranslation();
  const { user } = useSession();
  const providers = useRouteQuery('providers.list', {});
  const [registering, setRegistering] = useState(false);
  const external = entry.technician_type === 'external';
  const form = useForm<AssignValues, unknown, z.output<typeof AssignInput>>({
    resolver: zodResolver(AssignInput),
    defaultValues: {
      entry_id: entry.id,
      technician: external
        ? { type: 'external', provider_id: entry.provider_id ?? '', job_ref: entry.job_ref, supervisor_name: entry.supervisor_name || user.display_name }
        : { type: 'internal', name: entry.technician_name },
    },
    mode: 'onTouched',
  });
  const assign = useRouteMutation('maintenance.assign', ENTRY_REFRESH);
  const refusal = useRefusal(form.setError, ASSIGN_FIELDS);
  const fieldError = useFieldError(refusal.refusal?.params);
  const technician = form.watch('technician');
  const errors = form.formState.errors.technician as Record<string, { message?: string } | undefined> | undefined;
  const errorOf = (name: string) => fieldError(errors?.[name] as Parameters<typeof fieldError>[0]);

  const switchTo = (type: string) => {
    form.clearErrors();
    form.setValue(
      'technician',
      type === 'external' ? { type: 'external', provider_id: '', job_ref: '', supervisor_name: user.display_name } : { type: 'internal', name: '' },
    );
  };

  const submit = form.handleSubmit(async (values) => {
    refusal.clear();
    try {
      await assign.mutateAsync(values);
      notifications.show({ color: 'flag', message: t('logbookUi.assign.done') });
      onClose();
    } catch (error) {
      refusal.show(error);
    }
  });

  return (
    <form onSubmit={submit} noValidate data-testid="assign-form">
      <Stack gap="sm">
        <RefusalAlert error={refusal.refusal} />
        <Stack gap={4}>
          <Text size="sm" fw={500}>
            {t('logbookUi.assign.who')}
          </Text>
          <SegmentedControl
            value={technician.type}
            onChange={switchTo}
            data={[
              { value: 'internal', label: t('logbookUi.assign.internal') },
              { value: 'external', label: t('logbookUi.assign.external') },
            ]}
            data-testid="technician-type"
          />
        </Stack>
        {technician.type === 'internal' ? (
          <TextInput
            label={t('logbookUi.assign.name')}
            placeholder={t('logbookUi.assign.name-example')}
            withAsterisk
            {...form.register('technician.name')}
            error={errorOf('name')}
          />
        ) : (
          <>
            <Text size="sm" c="dimmed">
              {t('logbookUi.assign.external-hint')}
            </Text>
            <Group align="flex-end" gap="sm" wrap="nowrap">
              <Controller
                control={form.control}
                name="technician.provider_id"
                render={({ field }) => (
                  <Select
                    style={{ flex: 1 }}
                    label={t('logbookUi.assign.provider')}
                    placeholder={t(providers.data && providers.data.length === 0 ? 'logbookUi.assign.provider-none' : 'logbookUi.assign.provider-placeholder')}
                    withAsterisk
                    data={(providers.data ?? []).map((provider) => ({ value: provider.id, label: provider.name }))}
                    value={field.value || null}
                    onChange={(value) => field.onChange(value ?? '')}
                    onBlur={field.onBlur}
                    error={errorOf('provider_id')}
                    searchable
                    nothingFoundMessage={t('common.nothing-found')}
                    data-testid="provider-select"
                  />
                )}
              />
              <Button variant="light" leftSection={<IconPlus size={16} />} onClick={() => setRegistering(true)} data-testid="register-provider">
                {t('logbookUi.assign.register-provider')}
              </Button>
            </Group>
            <SimpleGrid cols={2} spacing="md" verticalSpacing="sm">
              <TextInput
                label={t('logbookUi.assign.job-ref')}
                placeholder={t('logbookUi.assign.job-ref-example')}
                {...form.register('technician.job_ref')}
                error={errorOf('job_ref')}
              />
              <TextInput
                label={t('logbookUi.assign.supervisor')}
                description={t('logbookUi.assign.supervisor-hint')}
                withAsterisk
                {...form.register('technician.supervisor_name')}
                error={errorOf('supervisor_name')}
              />
            </SimpleGrid>
          </>
        )}
        <Actions onClose={onClose} submitting={form.formState.isSubmitting} label={t('logbookUi.assign.submit')} />
      </Stack>
      <ProviderFormModal
        opened={registering}
        onClose={() => setRegistering(false)}
        onSaved={(provider) => form.setValue('technician.provider_id', provider.id, { shouldValidate: true })}
      />
    </form>
  );
}

const PROVIDER_FIELDS = ['name', 'registration_number', 'contact_name', 'phone', 'email', 'address'] as const;

/** 3.6.2: an outside company that repairs what the ICT unit cannot, registered on the spot. */
export function ProviderFormModal({ opened, onClose, onSaved }: { opened: boolean; onClose: () => void; onSaved: (provider: Provider) => void }) {
  const { t } = useTranslation();
  return (
    <Modal opened={opened} onClose={onClose} title={t('logbookUi.provider.title')} size="lg" closeButtonProps={{ 'aria-label': t('common.close') }}>
      {opened ? <ProviderForm onClose={onClose} onSaved={onSaved} /> : null}
    </Modal>
  );
}

function ProviderForm({ onClose, onSaved }: { onClose: () => void; onSaved: (provider: Provider) => void }) {
  const { t } = useTranslation();
  const form = useForm<z.input<typeof ProviderInput>, unknown, z.output<typeof ProviderInput>>({
    resolver: zodResolver(ProviderInput),
    defaultValues: { name: '', registration_number: '', contact_name: '', phone: '', email: '', address: '' },
    mode: 'onTouched',
  });
  const register = useRouteMutation('providers.register', ['providers.list']);
  const refusal = useRefusal(form.setError, PROVIDER_FIELDS);
  const fieldError = useFieldError(refusal.refusal?.params);
  const errors = form.formState.errors;
  // The provider form sits inside the assignment form: its submit must not submit that one too.
  const submit = (event: React.FormEvent) => {
    event.stopPropagation();
    void form.handleSubmit(async (values) => {
      refusal.clear();
      try {
        const provider = await register.mutateAsync(values);
        if (provider) {
          notifications.show({ color: 'flag', message: t('logbookUi.provider.done', { name: provider.name }) });
          onSaved(provider);
        }
        onClose();
      } catch (error) {
        refusal.show(error);
      }
    })(event);
  };
  return (
    <form onSubmit={submit} noValidate data-testid="provider-form">
      <Stack gap="sm">
        <RefusalAlert error={refusal.refusal} />
        <TextInput label={t('logbookUi.provider.name')} placeholder={t('logbookUi.provider.name-example')} withAsterisk {...form.register('name')} error={fieldError(errors.name)} />
        <SimpleGrid cols={2} spacing="md" verticalSpacing="sm">
          <TextInput
            label={t('logbookUi.provider.registration')}
            placeholder={t('logbookUi.provider.registration-example')}
            {...form.register('registration_number')}
            error={fieldError(errors.registration_number)}
          />
          <TextInput label={t('logbookUi.provider.contact')} placeholder={t('logbookUi.provider.contact-example')} {...form.register('contact_name')} error={fieldError(errors.contact_name)} />
          <TextInput label={t('logbookUi.provider.phone')} placeholder={t('logbookUi.provider.phone-example')} type="tel" {...form.register('phone')} error={fieldError(errors.phone)} />
          <TextInput label={t('logbookUi.provider.email')} placeholder={t('logbookUi.provider.email-example')} type="email" {...form.register('email')} error={fieldError(errors.email)} />
        </SimpleGrid>
        <TextInput label={t('logbookUi.provider.address')} placeholder={t('logbookUi.provider.address-example')} {...form.register('address')} error={fieldError(errors.address)} />
        <Actions onClose={onClose} submitting={form.formState.isSubmitting} label={t('logbookUi.provider.submit')} />
      </Stack>
    </form>
  );
}

function WorkForm({ entry, onClose }: { entry: EntryView; onClose: () => void }) {
  const { t } = useTranslation();
  const form = useForm<z.input<typeof RecordWorkInput>, unknown, z.output<typeof RecordWorkInput>>({
    resolver: zodResolver(RecordWorkInput),
    defaultValues: { entry_id: entry.id, actions: entry.actions, parts: entry.parts, labour_cost_tzs: entry.labour_cost_tzs, hours: entry.hours },
    mode: 'onTouched',
  });
  const parts = useFieldArray({ control: form.control, name: 'parts' });
  const work = useRouteMutation('maintenance.record-work', ENTRY_REFRESH);
  const refusal = useRefusal(form.setError, ['actions', 'labour_cost_tzs', 'hours']);
  const fieldError = useFieldError(refusal.refusal?.params);
  const errors = form.formState.errors;
  const total = workTotal(form.watch('parts') ?? [], form.watch('labour_cost_tzs'));

  const submit = form.handleSubmit(async (values) => {
    refusal.clear();
    try {
      await work.mutateAsync(values);
      notifications.show({ color: 'flag', message: t('logbookUi.work.done') });
      onClose();
    } catch (error) {
      refusal.show(error);
    }
  });

  return (
    <form onSubmit={submit} noValidate data-testid="work-form">
      <Stack gap="sm">
        <RefusalAlert error={refusal.refusal} />
        {entry.actions ? (
          <Text size="xs" c="dimmed">
            {t('logbookUi.work.replaces')}
          </Text>
        ) : null}
        <Textarea
          label={t('logbookUi.work.actions')}
          placeholder={t('logbookUi.work.actions-example')}
          withAsterisk
          autosize
          minRows={3}
          maxRows={10}
          {...form.register('actions')}
          error={fieldError(errors.actions)}
        />
        <Text size="sm" fw={500}>
          {t('logbookUi.work.parts')}
        </Text>
        {parts.fields.map((row, index) => (
          <Group key={row.id} gap="sm" align="flex-start" wrap="nowrap" data-testid="part-row">
            <TextInput
              style={{ flex: 1 }}
              label={t('logbookUi.work.part-name')}
              placeholder={t('logbookUi.work.part-name-example')}
              {...form.register(`parts.${index}.name`)}
              error={fieldError(errors.parts?.[index]?.name)}
            />
            <Controller
              control={form.control}
              name={`parts.${index}.quantity`}
              render={({ field, fieldState }) => (
                <NumberInput
                  w={90}
                  label={t('logbookUi.work.quantity')}
                  value={field.value ?? ''}
                  onChange={(value) => field.onChange(typeof value === 'number' ? value : Number.NaN)}
                  onBlur={field.onBlur}
                  allowDecimal={false}
                  allowNegative={false}
                  min={1}
                  error={fieldError(fieldState.error)}
                />
              )}
            />
            <Controller
              control={form.control}
              name={`parts.${index}.unit_cost_tzs`}
              render={({ field, fieldState }) => (
                <div style={{ width: 190 }}>
                  <MoneyInput
                    label={t('logbookUi.work.unit-cost')}
                    value={typeof field.value === 'number' && Number.isFinite(field.value) ? field.value : null}
                    onChange={(value) => field.onChange(value ?? Number.NaN)}
                    onBlur={field.onBlur}
                    error={fieldError(fieldState.error)}
                  />
                </div>
              )}
            />
            <Tooltip label={t('logbookUi.work.remove-part')}>
              <ActionIcon variant="subtle" color="red" mt={28} size="lg" aria-label={t('logbookUi.work.remove-part')} onClick={() => parts.remove(index)}>
                <IconTrash size={18} />
              </ActionIcon>
            </Tooltip>
          </Group>
        ))}
        <Group>
          <Button variant="light" size="xs" leftSection={<IconPlus size={14} />} onClick={() => parts.append({ name: '', quantity: 1, unit_cost_tzs: Number.NaN })} data-testid="add-part">
            {t('logbookUi.work.add-part')}
          </Button>
        </Group>
        <SimpleGrid cols={2} spacing="md" verticalSpacing="sm">
          <Controller
            control={form.control}
            name="labour_cost_tzs"
            render={({ field, fieldState }) => (
              <MoneyInput
                label={t('logbookUi.work.labour')}
                value={field.value ?? null}
                onChange={(value) => field.onChange(value ?? 0)}
                onBlur={field.onBlur}
                error={fieldError(fieldState.error)}
                data-testid="labour-input"
              />
            )}
          />
          <Controller
            control={form.control}
            name="hours"
            render={({ field, fieldState }) => (
              <NumberInput
                label={t('logbookUi.work.hours')}
                value={field.value ?? ''}
                // Issue 7: a blank stays blank (null), never 0 hours.
                onChange={(value) => field.onChange(typeof value === 'number' ? value : null)}
                onBlur={field.onBlur}
                decimalScale={1}
                allowNegative={false}
                error={fieldError(fieldState.error)}
              />
            )}
          />
        </SimpleGrid>
        <Text size="sm" fw={600} ta="right" data-testid="work-total">
          {t('logbookUi.work.total', { amount: formatTzs(total) })}
        </Text>
        <Actions onClose={onClose} submitting={form.formState.isSubmitting} label={t('logbookUi.work.submit')} />
      </Stack>
    </form>
  );
}

function OffsiteForm({ entry, onClose, onRecordRemoval }: { entry: EntryView; onClose: () => void; onRecordRemoval: () => void }) {
  const { t } = useTranslation();
  const form = useForm<z.input<typeof SendOffsiteInput>, unknown, z.output<typeof SendOffsiteInput>>({
    resolver: zodResolver(SendOffsiteInput),
    defaultValues: { entry_id: entry.id, sent_on: todayInDar() },
    mode: 'onTouched',
  });
  const send = useRouteMutation('maintenance.send-offsite', ENTRY_REFRESH);
  const refusal = useRefusal(form.setError, ['sent_on']);
  const fieldError = useFieldError(refusal.refusal?.params);
  const [storageRefusal, setStorageRefusal] = useState<ErrorValue | null>(null);

  const submit = form.handleSubmit(async (values) => {
    refusal.clear();
    setStorageRefusal(null);
    try {
      await send.mutateAsync(values);
      notifications.show({ color: 'flag', message: t('logbookUi.offsite.done', { tag: entry.asset_tag }) });
      onClose();
    } catch (error) {
      // 3.6.3: the refusal names every medium still inside; the way out is one click away.
      if (errorValueOf(error).code === 'storage-not-removed') setStorageRefusal(errorValueOf(error));
      else refusal.show(error);
    }
  });

  return (
    <form onSubmit={submit} noValidate data-testid="offsite-form">
      <Stack gap="sm">
        <Text size="sm">
          {entry.provider_name ? t('logbookUi.offsite.intro', { tag: entry.asset_tag, provider: entry.provider_name }) : t('logbookUi.offsite.intro-no-provider', { tag: entry.asset_tag })}
        </Text>
        <Alert color="blue" variant="light" icon={<IconLock size={18} />}>
          {t('logbookUi.offsite.storage-rule')}
        </Alert>
        {storageRefusal ? (
          <StorageRefusal
            error={storageRefusal}
            onRecordRemoval={() => {
              onClose();
              onRecordRemoval();
            }}
          />
        ) : (
          <RefusalAlert error={refusal.refusal} />
        )}
        <Controller
          control={form.control}
          name="sent_on"
          render={({ field, fieldState }) => (
            <div style={{ maxWidth: 260 }}>
              <DateField label={t('logbookUi.offsite.sent-on')} withAsterisk value={field.value} onChange={field.onChange} onBlur={field.onBlur} error={fieldError(fieldState.error)} notAfterToday />
            </div>
          )}
        />
        <Actions onClose={onClose} submitting={form.formState.isSubmitting} label={t('logbookUi.offsite.submit')} />
      </Stack>
    </form>
  );
}

/** 3.6.3's refusal, said loud, with the step that clears it. */
export function StorageRefusal({ error, onRecordRemoval }: { error: ErrorValue; onRecordRemoval: () => void }) {
  const { t } = useTranslation();
  return (
    <Alert color="red" variant="filled" icon={<IconAlertTriangle size={22} />} title={t('logbookUi.offsite.refused-title')} role="alert" data-testid="offsite-refusal" data-code={error.code}>
      <Stack gap="sm">
        <Text size="sm" c="white" data-testid="offsite-refusal-text">
          {t(error.message, error.params ?? {})}
        </Text>
        <Group>
          <Button variant="white" color="red" size="xs" onClick={onRecordRemoval} data-testid="go-record-removal">
            {t('logbookUi.offsite.go-remove')}
          </Button>
        </Group>
      </Stack>
    </Alert>
  );
}

function ReturnForm({ entry, onClose }: { entry: EntryView; onClose: () => void }) {
  const { t } = useTranslation();
  const form = useForm<z.input<typeof ReturnInput>, unknown, z.output<typeof ReturnInput>>({
    resolver: zodResolver(ReturnInput),
    defaultValues: { entry_id: entry.id, returned_on: todayInDar() },
    mode: 'onTouched',
  });
  const back = useRouteMutation('maintenance.return', ENTRY_REFRESH);
  const refusal = useRefusal(form.setError, ['returned_on']);
  const fieldError = useFieldError(refusal.refusal?.params);
  const submit = form.handleSubmit(async (values) => {
    refusal.clear();
    try {
      await back.mutateAsync(values);
      notifications.show({ color: 'flag', message: t('logbookUi.return.done', { tag: entry.asset_tag }) });
      onClose();
    } catch (error) {
      refusal.show(error);
    }
  });
  return (
    <form onSubmit={submit} noValidate data-testid="return-form">
      <Stack gap="sm">
        <Text size="sm">{t('logbookUi.return.reinstall-reminder')}</Text>
        <RefusalAlert error={refusal.refusal} />
        <Controller
          control={form.control}
          name="returned_on"
          render={({ field, fieldState }) => (
            <div style={{ maxWidth: 260 }}>
              <DateField label={t('logbookUi.return.returned-on')} withAsterisk value={field.value} onChange={field.onChange} onBlur={field.onBlur} error={fieldError(fieldState.error)} notAfterToday />
            </div>
          )}
        />
        <Actions onClose={onClose} submitting={form.formState.isSubmitting} label={t('logbookUi.return.submit')} />
      </Stack>
    </form>
  );
}

function CloseForm({ entry, onClose }: { entry: EntryView; onClose: () => void }) {
  const { t } = useTranslation();
  const form = useForm<z.input<typeof CloseInput>, unknown, z.output<typeof CloseInput>>({
    resolver: zodResolver(CloseInput),
    // Issue 7: no outcome is chosen for the officer; the book says what they decided.
    defaultValues: { entry_id: entry.id, closed_on: todayInDar(), outcome: undefined, reason: '' },
    mode: 'onTouched',
  });
  const close = useRouteMutation('maintenance.close', ENTRY_REFRESH);
  const refusal = useRefusal(form.setError, ['closed_on', 'outcome', 'reason']);
  const fieldError = useFieldError(refusal.refusal?.params);
  const outcome = form.watch('outcome');
  const needsReason = outcome !== undefined && REASON_OUTCOMES.includes(outcome);
  const workMissing = outcome !== undefined && WORK_OUTCOMES.includes(outcome) && (!entry.technician_type || !entry.actions);
  const submit = form.handleSubmit(async (values) => {
    refusal.clear();
    try {
      // A reason typed for "no fault found", then left for "repaired", is not recorded.
      await close.mutateAsync({ ...values, reason: REASON_OUTCOMES.includes(values.outcome) ? values.reason : '' });
      notifications.show({ color: 'flag', message: t('logbookUi.close.done', { tag: entry.asset_tag }) });
      onClose();
    } catch (error) {
      refusal.show(error);
    }
  });
  return (
    <form onSubmit={submit} noValidate data-testid="close-form">
      <Stack gap="sm">
        <RefusalAlert error={refusal.refusal} />
        <Controller
          control={form.control}
          name="outcome"
          render={({ field, fieldState }) => (
            <Radio.Group label={t('logbookUi.close.outcome')} withAsterisk value={field.value ?? null} onChange={field.onChange} error={fieldError(fieldState.error)}>
              <Stack gap={8} mt={6}>
                {OUTCOMES.map((value) => (
                  <Radio key={value} value={value} label={t(`outcomes.${value}`)} data-testid={`outcome-${value}`} />
                ))}
              </Stack>
            </Radio.Group>
          )}
        />
        {workMissing ? (
          <Alert color="orange" variant="light" icon={<IconAlertTriangle size={18} />} data-testid="close-needs-work">
            {t('logbookUi.close.needs-work')}
          </Alert>
        ) : null}
        {needsReason ? (
          <Textarea
            label={t('logbookUi.close.reason')}
            placeholder={t('logbookUi.close.reason-hint')}
            withAsterisk
            autosize
            minRows={2}
            maxRows={6}
            {...form.register('reason')}
            error={fieldError(form.formState.errors.reason)}
            data-testid="close-reason"
          />
        ) : null}
        {outcome === 'beyond_repair' ? (
          <Alert color="orange" variant="light" icon={<IconAlertTriangle size={18} />} data-testid="beyond-repair-warning">
            {t('logbookUi.close.beyond-warning')}
          </Alert>
        ) : null}
        <Controller
          control={form.control}
          name="closed_on"
          render={({ field, fieldState }) => (
            <div style={{ maxWidth: 260 }}>
              <DateField label={t('logbookUi.close.closed-on')} withAsterisk value={field.value} onChange={field.onChange} onBlur={field.onBlur} error={fieldError(fieldState.error)} notAfterToday />
            </div>
          )}
        />
        <Actions onClose={onClose} submitting={form.formState.isSubmitting} label={t('logbookUi.close.submit')} />
      </Stack>
    </form>
  );
}
