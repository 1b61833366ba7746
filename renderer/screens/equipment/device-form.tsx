// Register an ICT device, or correct a registered one: its tag, what it is, where it came from, where it
// is and who keeps it, its classification (3.4.5, with the 3.2.3 warning) and the storage inside it.
import { zodResolver } from '@hookform/resolvers/zod';
import {
  ActionIcon,
  Alert,
  Button,
  Checkbox,
  Divider,
  Group,
  Modal,
  NumberInput,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
  Tooltip,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconAlertTriangle, IconPlus, IconTrash } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { Controller, useFieldArray, useForm, type Resolver } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { CLASSIFICATIONS, MEDIA_KINDS, RegisterAssetInput } from '../../../db/contract/register-schemas.ts';
import { useRouteMutation, useRouteQuery } from '../../client/context.tsx';
import { isOffline } from '../../components/equipment/badges.tsx';
import { useCategories } from '../../components/equipment/categories.ts';
import { DateField } from '../../components/equipment/date-field.tsx';
import { MoneyInput } from '../../components/equipment/money-input.tsx';
import { PersonSelect } from '../../components/equipment/person-select.tsx';
import { RefusalAlert } from '../../components/refusal-alert.tsx';
import { useFieldError, useRefusal } from '../../components/use-refusal.ts';
import {
  blankDevice,
  blankMedium,
  DEVICE_FIELDS,
  EditDeviceSchema,
  holdsRecords,
  updatePayload,
  valuesFromAsset,
  type AssetView,
  type DeviceFormInput,
  type DeviceFormOutput,
} from './device-form-values.ts';

const REFRESH = ['assets.list', 'assets.get', 'assets.propose-tag', 'maintenance.log-book', 'maintenance.list'] as const;

export function DeviceFormModal({ opened, asset, onClose, onSaved }: { opened: boolean; asset: AssetView | null; onClose: () => void; onSaved?: (id: string) => void }) {
  const { t } = useTranslation();
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={asset ? t('equipment.form.edit-title', { tag: asset.tag }) : t('equipment.form.create-title')}
      size={980}
      closeButtonProps={{ 'aria-label': t('common.close') }}
      closeOnClickOutside={false}
    >
      {opened ? <DeviceForm asset={asset} onClose={onClose} onSaved={onSaved} /> : null}
    </Modal>
  );
}

function Section({ title }: { title: string }) {
  return <Divider label={title} labelPosition="left" mt="xs" styles={{ label: { fontWeight: 600, fontSize: 'var(--mantine-font-size-sm)', color: 'var(--mantine-color-dark-6)' } }} />;
}

function DeviceForm({ asset, onClose, onSaved }: { asset: AssetView | null; onClose: () => void; onSaved?: (id: string) => void }) {
  const { t } = useTranslation();
  const categories = useCategories();
  const departments = useRouteQuery('departments.list', { status: 'all', limit: 200 });
  const locations = useRouteQuery('locations.list', { status: 'all', limit: 200 });
  const schema = asset ? EditDeviceSchema : RegisterAssetInput;
  const form = useForm<DeviceFormInput, unknown, DeviceFormOutput>({
    resolver: zodResolver(schema) as unknown as Resolver<DeviceFormInput, unknown, DeviceFormOutput>,
    defaultValues: asset ? valuesFromAsset(asset) : blankDevice(),
    mode: 'onTouched',
  });
  const media = useFieldArray({ control: form.control, name: 'media' });
  const register = useRouteMutation('assets.register', REFRESH);
  const update = useRouteMutation('assets.update', REFRESH);
  const refusal = useRefusal(form.setError, DEVICE_FIELDS);
  const fieldError = useFieldError(refusal.refusal?.params);
  const errors = form.formState.errors;

  const category = form.watch('category');
  const classification = form.watch('classification');
  // The proposed tag follows the category (the format may name it) until the officer types their own.
  const [tagTyped, setTagTyped] = useState(false);
  const proposal = useRouteQuery('assets.propose-tag', { category: category || 'other' }, { enabled: !asset });
  useEffect(() => {
    if (!asset && !tagTyped && proposal.data) form.setValue('tag', proposal.data.tag);
  }, [asset, tagTyped, proposal.data, form]);

  const departmentOptions = (departments.data ?? [])
    .filter((department) => department.active === 1 || department.id === asset?.department_id)
    .map((department) => ({ value: department.id, label: department.code ? `${department.name} (${department.code})` : department.name }));
  const locationOptions = (locations.data ?? [])
    .filter((location) => location.active === 1 || location.id === asset?.location_id)
    .map((location) => ({ value: location.id, label: location.building ? `${location.name} — ${location.building}` : location.name }));

  const submit = form.handleSubmit(async (values) => {
    refusal.clear();
    try {
      const saved = asset ? await update.mutateAsync(updatePayload(values, asset.id)) : await register.mutateAsync(values);
      notifications.show({ color: 'flag', message: asset ? t('common.saved') : t('equipment.form.registered', { tag: saved.tag }) });
      onSaved?.(saved.id);
      onClose();
    } catch (error) {
      refusal.show(error);
    }
  });

  return (
    <form onSubmit={submit} noValidate data-testid="device-form">
      <Stack gap="sm">
        <RefusalAlert error={refusal.refusal} />
        <Section title={t('equipment.form.sections.identity')} />
        <SimpleGrid cols={3} spacing="md" verticalSpacing="sm">
          <Controller
            control={form.control}
            name="category"
            render={({ field, fieldState }) => (
              <Select
                label={t('equipment.fields.category')}
                placeholder={t('equipment.fields.category-placeholder')}
                withAsterisk
                data={categories.options(asset?.category)}
                value={field.value || null}
                onChange={(value) => field.onChange(value ?? '')}
                onBlur={field.onBlur}
                ref={field.ref}
                error={fieldError(fieldState.error)}
                searchable
                nothingFoundMessage={t('common.nothing-found')}
                data-testid="category-select"
              />
            )}
          />
          <TextInput label={t('equipment.fields.make')} placeholder={t('equipment.fields.make-example')} withAsterisk {...form.register('make')} error={fieldError(errors.make)} />
          <TextInput label={t('equipment.fields.model')} placeholder={t('equipment.fields.model-example')} withAsterisk {...form.register('model')} error={fieldError(errors.model)} />
          <TextInput
            label={t('equipment.fields.tag')}
            description={asset ? undefined : t('equipment.fields.tag-hint')}
            withAsterisk={Boolean(asset)}
            {...form.register('tag', { onChange: () => setTagTyped(true) })}
            error={fieldError(errors.tag)}
            inputWrapperOrder={['label', 'input', 'description', 'error']}
            styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)' } }}
            data-testid="tag-input"
          />
          <TextInput label={t('equipment.fields.serial')} placeholder={t('equipment.fields.serial-example')} {...form.register('serial')} error={fieldError(errors.serial)} />
        </SimpleGrid>

        <Section title={t('equipment.form.sections.purchase')} />
        <SimpleGrid cols={3} spacing="md" verticalSpacing="sm">
          <Controller
            control={form.control}
            name="purchase_date"
            render={({ field, fieldState }) => (
              <DateField label={t('equipment.fields.purchase-date')} value={field.value ?? ''} onChange={field.onChange} onBlur={field.onBlur} error={fieldError(fieldState.error)} notAfterToday clearable />
            )}
          />
          <Controller
            control={form.control}
            name="cost_tzs"
            render={({ field, fieldState }) => (
              <MoneyInput
                label={t('equipment.fields.cost')}
                description={t('equipment.fields.cost-hint')}
                value={field.value ?? null}
                onChange={field.onChange}
                onBlur={field.onBlur}
                error={fieldError(fieldState.error)}
                data-testid="cost-input"
              />
            )}
          />
          <Controller
            control={form.control}
            name="warranty_end"
            render={({ field, fieldState }) => (
              <DateField label={t('equipment.fields.warranty-end')} value={field.value ?? ''} onChange={field.onChange} onBlur={field.onBlur} error={fieldError(fieldState.error)} clearable />
            )}
          />
          <TextInput label={t('equipment.fields.supplier')} placeholder={t('equipment.fields.supplier-example')} {...form.register('supplier')} error={fieldError(errors.supplier)} />
          <TextInput label={t('equipment.fields.funding')} placeholder={t('equipment.fields.funding-example')} {...form.register('funding_source')} error={fieldError(errors.funding_source)} />
        </SimpleGrid>

        <Section title={t('equipment.form.sections.placement')} />
        <SimpleGrid cols={3} spacing="md" verticalSpacing="sm">
          <Controller
            control={form.control}
            name="location_id"
            render={({ field, fieldState }) => (
              <Select
                label={t('equipment.fields.location')}
                placeholder={t(locations.data && locations.data.length === 0 ? 'equipment.fields.location-none' : 'equipment.fields.location-placeholder')}
                data={locationOptions}
                value={field.value ?? null}
                onChange={(value) => field.onChange(value)}
                onBlur={field.onBlur}
                error={fieldError(fieldState.error)}
                searchable
                clearable
                nothingFoundMessage={t('common.nothing-found')}
              />
            )}
          />
          <Controller
            control={form.control}
            name="department_id"
            render={({ field, fieldState }) => (
              <Select
                label={t('equipment.fields.department')}
                placeholder={t(departments.data && departments.data.length === 0 ? 'equipment.fields.department-none' : 'equipment.fields.department-placeholder')}
                data={departmentOptions}
                value={field.value ?? null}
                onChange={(value) => field.onChange(value)}
                onBlur={field.onBlur}
                error={fieldError(fieldState.error)}
                searchable
                clearable
                nothingFoundMessage={t('common.nothing-found')}
              />
            )}
          />
          <Controller
            control={form.control}
            name="custodian_id"
            render={({ field, fieldState }) => (
              <PersonSelect
                label={t('equipment.fields.custodian')}
                placeholder={t('equipment.fields.custodian-placeholder')}
                value={field.value ?? null}
                currentName={asset?.custodian_name ?? null}
                onChange={field.onChange}
                onBlur={field.onBlur}
                error={fieldError(fieldState.error)}
                data-testid="custodian-select"
              />
            )}
          />
        </SimpleGrid>

        <Section title={t('equipment.form.sections.security')} />
        <SimpleGrid cols={3} spacing="md" verticalSpacing="sm">
          <Controller
            control={form.control}
            name="classification"
            render={({ field, fieldState }) => (
              <Select
                label={t('equipment.fields.classification')}
                description={t('equipment.fields.classification-hint')}
                data={CLASSIFICATIONS.map((value) => ({ value, label: t(`classifications.${value}`) }))}
                value={field.value ?? 'internal'}
                onChange={(value) => field.onChange(value ?? 'internal')}
                onBlur={field.onBlur}
                error={fieldError(fieldState.error)}
                allowDeselect={false}
                data-testid="classification-select"
              />
            )}
          />
          <Controller
            control={form.control}
            name="can_hold_records"
            render={({ field }) => (
              <Checkbox
                mt={30}
                style={{ gridColumn: 'span 2' }}
                label={t('equipment.fields.can-hold-records')}
                description={t('equipment.fields.can-hold-records-hint')}
                checked={holdsRecords(field.value, categories.byId.get(category)?.can_hold_records)}
                onChange={(event) => field.onChange(event.currentTarget.checked)}
                data-testid="can-hold-records"
              />
            )}
          />
        </SimpleGrid>
        {isOffline(classification ?? 'internal') ? (
          <Alert color="red" variant="light" icon={<IconAlertTriangle size={18} />} data-testid="classification-warning">
            {t('classifications.offline-warning')}
          </Alert>
        ) : null}

        {asset ? null : (
          <>
            <Section title={t('equipment.form.sections.media')} />
            <Text size="sm" c="dimmed">
              {t('equipment.fields.media-hint')}
            </Text>
            {media.fields.length === 0 ? (
              <Text size="sm" c="dimmed" fs="italic">
                {t('equipment.fields.no-media')}
              </Text>
            ) : null}
            {media.fields.map((row, index) => (
              <Group key={row.id} gap="sm" align="flex-start" wrap="nowrap" data-testid="medium-row">
                <Controller
                  control={form.control}
                  name={`media.${index}.kind`}
                  render={({ field, fieldState }) => (
                    <Select
                      label={t('equipment.fields.media-kind')}
                      w={230}
                      data={MEDIA_KINDS.map((value) => ({ value, label: t(`media.${value}`) }))}
                      value={field.value}
                      onChange={(value) => field.onChange(value ?? 'other')}
                      allowDeselect={false}
                      error={fieldError(fieldState.error)}
                    />
                  )}
                />
                <Controller
                  control={form.control}
                  name={`media.${index}.capacity_gb`}
                  render={({ field, fieldState }) => (
                    <NumberInput
                      label={t('equipment.fields.media-capacity')}
                      w={150}
                      value={field.value ?? ''}
                      onChange={(value) => field.onChange(typeof value === 'number' ? value : null)}
                      onBlur={field.onBlur}
                      allowDecimal={false}
                      allowNegative={false}
                      hideControls
                      error={fieldError(fieldState.error)}
                    />
                  )}
                />
                <TextInput
                  label={t('equipment.fields.media-serial')}
                  style={{ flex: 1 }}
                  {...form.register(`media.${index}.serial`)}
                  error={fieldError(errors.media?.[index]?.serial)}
                />
                <Tooltip label={t('equipment.fields.remove-medium')}>
                  <ActionIcon variant="subtle" color="red" mt={28} size="lg" aria-label={t('equipment.fields.remove-medium')} onClick={() => media.remove(index)}>
                    <IconTrash size={18} />
                  </ActionIcon>
                </Tooltip>
              </Group>
            ))}
            <Group>
              <Button variant="light" size="xs" leftSection={<IconPlus size={14} />} onClick={() => media.append(blankMedium())} data-testid="add-medium">
                {t('equipment.fields.add-medium')}
              </Button>
            </Group>
          </>
        )}

        <Section title={t('equipment.form.sections.notes')} />
        <Textarea label={t('equipment.fields.notes')} autosize minRows={2} maxRows={5} {...form.register('notes')} error={fieldError(errors.notes)} />

        {/* Issue 7: a long form keeps its buttons in view (app.css: .sticky-actions). */}
        <Group justify="flex-end" mt="sm" className="sticky-actions" data-testid="form-actions">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={form.formState.isSubmitting} data-testid="submit">
            {asset ? t('common.save') : t('equipment.form.submit-create')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
