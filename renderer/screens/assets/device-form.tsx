// Register an ICT device, or correct a registered one: its tag, what it is, where it came from, where it
// is and who keeps it, its classification (3.4.5, with the 3.2.3 warning) and the storage inside it.
import { ActionIcon, Alert, Button, Checkbox, Divider, Group, SimpleGrid, Text, Textarea, TextInput, Tooltip } from '@mantine/core';
import { IconAlertTriangle, IconPlus, IconTrash } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { Controller, useFieldArray } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { CLASSIFICATIONS, holdsRecords, RegisterAssetInput } from '../../../db/assets/contract.ts';
import { useRouteMutation, useRouteQuery } from '../../client/context.tsx';
import { isOffline } from '../../components/assets/badges.tsx';
import { useCategories } from '../../components/assets/categories.ts';
import { PersonSelect } from '../../components/assets/person-select.tsx';
import { DateController, MoneyController, SelectController } from '../../components/form-fields.tsx';
import { FormButtons, FormModal, RecordForm } from '../../components/form-modal.tsx';
import { PlaceSelect, useDepartmentOptions, useLocationOptions } from '../../components/place-options.tsx';
import { useRouteForm } from '../../components/use-route-form.ts';
import {
  blankDevice,
  blankMedium,
  DEVICE_FIELDS,
  EditDeviceSchema,
  updatePayload,
  valuesFromAsset,
  type AssetView,
  type DeviceFormInput,
  type DeviceFormOutput,
} from './device-form-values.ts';
import { MediumFields } from './medium-fields.tsx';

const REFRESH = ['assets.list', 'assets.get', 'assets.propose-tag', 'maintenance.log-book', 'maintenance.list'] as const;

export function DeviceFormModal({ opened, asset, onClose, onSaved }: { opened: boolean; asset: AssetView | null; onClose: () => void; onSaved?: (id: string) => void }) {
  const { t } = useTranslation();
  return (
    <FormModal opened={opened} onClose={onClose} title={asset ? t('assetsUi.form.edit-title', { tag: asset.tag }) : t('assetsUi.form.create-title')} size={980} closeOnClickOutside={false}>
      <DeviceForm asset={asset} onClose={onClose} onSaved={onSaved} />
    </FormModal>
  );
}

function Section({ title }: { title: string }) {
  return <Divider label={title} labelPosition="left" mt="xs" styles={{ label: { fontWeight: 600, fontSize: 'var(--mantine-font-size-sm)', color: 'var(--mantine-color-dark-6)' } }} />;
}

function DeviceForm({ asset, onClose, onSaved }: { asset: AssetView | null; onClose: () => void; onSaved?: (id: string) => void }) {
  const { t } = useTranslation();
  const categories = useCategories();
  const departments = useDepartmentOptions(asset?.department_id);
  const locations = useLocationOptions(asset?.location_id);
  const schema: z.ZodType<DeviceFormOutput, DeviceFormInput> = asset ? EditDeviceSchema : RegisterAssetInput;
  const { form, refusal, fieldError, errors, busy, onSubmit } = useRouteForm(schema, {
    defaultValues: asset ? valuesFromAsset(asset) : blankDevice(),
    fields: DEVICE_FIELDS,
    mode: 'onTouched',
  });
  const media = useFieldArray({ control: form.control, name: 'media' });
  const register = useRouteMutation('assets.register', REFRESH);
  const update = useRouteMutation('assets.update', REFRESH);

  const category = form.watch('category');
  const classification = form.watch('classification');
  // The proposed tag follows the category (the format may name it) until the officer types their own.
  const [tagTyped, setTagTyped] = useState(false);
  const proposal = useRouteQuery('assets.propose-tag', { category: category || 'other' }, { enabled: !asset });
  useEffect(() => {
    if (!asset && !tagTyped && proposal.data) form.setValue('tag', proposal.data.tag);
  }, [asset, tagTyped, proposal.data, form]);

  const submit = onSubmit(async (values) => {
    const saved = asset ? await update.mutateAsync(updatePayload(values, asset.id)) : await register.mutateAsync(values);
    onSaved?.(saved.id);
    return asset ? t('common.saved') : t('assetsUi.form.registered', { tag: saved.tag });
  }, onClose);
  const bound = { control: form.control, fieldError };

  return (
    <RecordForm
      testId="device-form"
      onSubmit={submit}
      refusal={refusal.refusal}
      buttons={<FormButtons onCancel={onClose} submitLabel={asset ? t('common.save') : t('assetsUi.form.submit-create')} busy={busy} sticky />}
    >
      <Section title={t('assetsUi.form.sections.identity')} />
      <SimpleGrid cols={3} spacing="md" verticalSpacing="sm">
        <SelectController
          {...bound}
          name="category"
          label={t('assetsUi.fields.category')}
          placeholder={t('assetsUi.fields.category-placeholder')}
          withAsterisk
          data={categories.options(asset?.category)}
          empty=""
          searchable
          nothingFoundMessage={t('common.nothing-found')}
          data-testid="category-select"
        />
        <TextInput label={t('assetsUi.fields.make')} placeholder={t('assetsUi.fields.make-example')} withAsterisk {...form.register('make')} error={fieldError(errors.make)} />
        <TextInput label={t('assetsUi.fields.model')} placeholder={t('assetsUi.fields.model-example')} withAsterisk {...form.register('model')} error={fieldError(errors.model)} />
        <TextInput
          label={t('assetsUi.fields.tag')}
          description={asset ? undefined : t('assetsUi.fields.tag-hint')}
          withAsterisk={Boolean(asset)}
          {...form.register('tag', { onChange: () => setTagTyped(true) })}
          error={fieldError(errors.tag)}
          inputWrapperOrder={['label', 'input', 'description', 'error']}
          styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)' } }}
          data-testid="tag-input"
        />
        <TextInput label={t('assetsUi.fields.serial')} placeholder={t('assetsUi.fields.serial-example')} {...form.register('serial')} error={fieldError(errors.serial)} />
      </SimpleGrid>

      <Section title={t('assetsUi.form.sections.purchase')} />
      <SimpleGrid cols={3} spacing="md" verticalSpacing="sm">
        <DateController {...bound} name="purchase_date" label={t('assetsUi.fields.purchase-date')} notAfterToday clearable />
        <MoneyController {...bound} name="cost_tzs" label={t('assetsUi.fields.cost')} description={t('assetsUi.fields.cost-hint')} data-testid="cost-input" />
        <DateController {...bound} name="warranty_end" label={t('assetsUi.fields.warranty-end')} clearable />
        <TextInput label={t('assetsUi.fields.supplier')} placeholder={t('assetsUi.fields.supplier-example')} {...form.register('supplier')} error={fieldError(errors.supplier)} />
        <TextInput label={t('assetsUi.fields.funding')} placeholder={t('assetsUi.fields.funding-example')} {...form.register('funding_source')} error={fieldError(errors.funding_source)} />
      </SimpleGrid>

      <Section title={t('assetsUi.form.sections.placement')} />
      <SimpleGrid cols={3} spacing="md" verticalSpacing="sm">
        <PlaceSelect
          {...bound}
          name="location_id"
          choices={locations}
          label={t('assetsUi.fields.location')}
          placeholder={t('assetsUi.fields.location-placeholder')}
          nonePlaceholder={t('assetsUi.fields.location-none')}
        />
        <PlaceSelect
          {...bound}
          name="department_id"
          choices={departments}
          label={t('assetsUi.fields.department')}
          placeholder={t('assetsUi.fields.department-placeholder')}
          nonePlaceholder={t('assetsUi.fields.department-none')}
        />
        <Controller
          control={form.control}
          name="custodian_id"
          render={({ field, fieldState }) => (
            <PersonSelect
              label={t('assetsUi.fields.custodian')}
              placeholder={t('assetsUi.fields.custodian-placeholder')}
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

      <Section title={t('assetsUi.form.sections.security')} />
      <SimpleGrid cols={3} spacing="md" verticalSpacing="sm">
        <SelectController
          {...bound}
          name="classification"
          label={t('assetsUi.fields.classification')}
          description={t('assetsUi.fields.classification-hint')}
          data={CLASSIFICATIONS.map((value) => ({ value, label: t(`classifications.${value}`) }))}
          empty="internal"
          allowDeselect={false}
          data-testid="classification-select"
        />
        <Controller
          control={form.control}
          name="can_hold_records"
          render={({ field }) => (
            <Checkbox
              mt={30}
              style={{ gridColumn: 'span 2' }}
              label={t('assetsUi.fields.can-hold-records')}
              description={t('assetsUi.fields.can-hold-records-hint')}
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
          <Section title={t('assetsUi.form.sections.media')} />
          <Text size="sm" c="dimmed">
            {t('assetsUi.fields.media-hint')}
          </Text>
          {media.fields.length === 0 ? (
            <Text size="sm" c="dimmed" fs="italic">
              {t('assetsUi.fields.no-media')}
            </Text>
          ) : null}
          {media.fields.map((row, index) => (
            <Group key={row.id} gap="sm" align="flex-start" wrap="nowrap" data-testid="medium-row">
              <MediumFields form={form} prefix={`media.${index}.`} fieldError={fieldError} serialError={errors.media?.[index]?.serial} inRow />
              <Tooltip label={t('assetsUi.fields.remove-medium')}>
                <ActionIcon variant="subtle" color="red" mt={28} size="lg" aria-label={t('assetsUi.fields.remove-medium')} onClick={() => media.remove(index)}>
                  <IconTrash size={18} />
                </ActionIcon>
              </Tooltip>
            </Group>
          ))}
          <Group>
            <Button variant="light" size="xs" leftSection={<IconPlus size={14} />} onClick={() => media.append(blankMedium())} data-testid="add-medium">
              {t('assetsUi.fields.add-medium')}
            </Button>
          </Group>
        </>
      )}

      <Section title={t('assetsUi.form.sections.notes')} />
      <Textarea label={t('assetsUi.fields.notes')} autosize minRows={2} maxRows={5} {...form.register('notes')} error={fieldError(errors.notes)} />
    </RecordForm>
  );
}
