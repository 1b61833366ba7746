// 3.6.3: a storage medium is taken out before its device leaves for repair — by whom, witnessed by
// whom, where it is kept — and put back when the device returns. Also: a medium found later is added.
import { zodResolver } from '@hookform/resolvers/zod';
import { Button, Group, Modal, NumberInput, Select, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { Controller, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { describeMedium } from '../../../db/contract/describe.ts';
import { AddMediumInput, MEDIA_KINDS, ReinstallMediumInput, RemoveMediumInput } from '../../../db/contract/register-schemas.ts';
import { useRouteMutation } from '../../client/context.tsx';
import { DateField } from '../../components/equipment/date-field.tsx';
import { todayInDar } from '../../components/equipment/days.ts';
import { RefusalAlert } from '../../components/refusal-alert.tsx';
import { useFieldError, useRefusal } from '../../components/use-refusal.ts';
import { useSession } from '../../session/session.tsx';
import type { AssetView } from './device-form-values.ts';

export type Medium = AssetView['media'][number];

const REFRESH = ['assets.get', 'assets.list', 'maintenance.get', 'maintenance.log-book'] as const;
const REMOVE_FIELDS = ['removed_by', 'witnessed_by', 'kept_at', 'removed_on'] as const;
const REINSTALL_FIELDS = ['reinstalled_by', 'reinstalled_on'] as const;
const ADD_FIELDS = ['kind', 'capacity_gb', 'serial'] as const;

interface MediumModalProps {
  asset: AssetView;
  medium: Medium | null;
  onClose: () => void;
}

export function RemoveMediumModal({ asset, medium, onClose }: MediumModalProps) {
  const { t } = useTranslation();
  return (
    <Modal opened={medium !== null} onClose={onClose} title={t('equipment.removal.title')} size="lg" closeButtonProps={{ 'aria-label': t('common.close') }}>
      {medium ? <RemoveMediumForm asset={asset} medium={medium} onClose={onClose} /> : null}
    </Modal>
  );
}

function RemoveMediumForm({ asset, medium, onClose }: { asset: AssetView; medium: Medium; onClose: () => void }) {
  const { t } = useTranslation();
  const { user } = useSession();
  const form = useForm<z.input<typeof RemoveMediumInput>, unknown, z.output<typeof RemoveMediumInput>>({
    resolver: zodResolver(RemoveMediumInput),
    defaultValues: { medium_id: medium.id, removed_by: user.display_name, witnessed_by: '', kept_at: '', removed_on: todayInDar(), entry_id: asset.open_entry_id },
    mode: 'onTouched',
  });
  const remove = useRouteMutation('storage.remove', REFRESH);
  const refusal = useRefusal(form.setError, REMOVE_FIELDS);
  const fieldError = useFieldError(refusal.refusal?.params);
  const errors = form.formState.errors;
  const name = describeMedium(medium);

  const submit = form.handleSubmit(async (values) => {
    refusal.clear();
    try {
      await remove.mutateAsync(values);
      notifications.show({ color: 'flag', message: t('equipment.removal.done', { medium: name }) });
      onClose();
    } catch (error) {
      refusal.show(error);
    }
  });

  return (
    <form onSubmit={submit} noValidate data-testid="removal-form">
      <Stack gap="sm">
        <Text size="sm">{t('equipment.removal.intro', { medium: name, tag: asset.tag })}</Text>
        <RefusalAlert error={refusal.refusal} />
        <SimpleGrid cols={2} spacing="md" verticalSpacing="sm">
          <TextInput label={t('equipment.removal.removed-by')} withAsterisk {...form.register('removed_by')} error={fieldError(errors.removed_by)} />
          <TextInput
            label={t('equipment.removal.witnessed-by')}
            placeholder={t('equipment.removal.witnessed-by-example')}
            withAsterisk
            {...form.register('witnessed_by')}
            error={fieldError(errors.witnessed_by)}
          />
          <TextInput
            label={t('equipment.removal.kept-at')}
            placeholder={t('equipment.removal.kept-at-example')}
            withAsterisk
            {...form.register('kept_at')}
            error={fieldError(errors.kept_at)}
          />
          <Controller
            control={form.control}
            name="removed_on"
            render={({ field, fieldState }) => (
              <DateField label={t('equipment.removal.removed-on')} withAsterisk value={field.value} onChange={field.onChange} onBlur={field.onBlur} error={fieldError(fieldState.error)} notAfterToday />
            )}
          />
        </SimpleGrid>
        <Group justify="flex-end" mt="sm">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={form.formState.isSubmitting} data-testid="submit">
            {t('equipment.removal.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

export function ReinstallMediumModal({ asset, medium, onClose }: MediumModalProps) {
  const { t } = useTranslation();
  return (
    <Modal opened={medium !== null} onClose={onClose} title={t('equipment.reinstall.title')} size="lg" closeButtonProps={{ 'aria-label': t('common.close') }}>
      {medium ? <ReinstallMediumForm asset={asset} medium={medium} onClose={onClose} /> : null}
    </Modal>
  );
}

function ReinstallMediumForm({ asset, medium, onClose }: { asset: AssetView; medium: Medium; onClose: () => void }) {
  const { t } = useTranslation();
  const { user } = useSession();
  const form = useForm<z.input<typeof ReinstallMediumInput>, unknown, z.output<typeof ReinstallMediumInput>>({
    resolver: zodResolver(ReinstallMediumInput),
    defaultValues: { medium_id: medium.id, reinstalled_by: user.display_name, reinstalled_on: todayInDar(), entry_id: asset.open_entry_id },
    mode: 'onTouched',
  });
  const reinstall = useRouteMutation('storage.reinstall', REFRESH);
  const refusal = useRefusal(form.setError, REINSTALL_FIELDS);
  const fieldError = useFieldError(refusal.refusal?.params);
  const name = describeMedium(medium);

  const submit = form.handleSubmit(async (values) => {
    refusal.clear();
    try {
      await reinstall.mutateAsync(values);
      notifications.show({ color: 'flag', message: t('equipment.reinstall.done', { medium: name }) });
      onClose();
    } catch (error) {
      refusal.show(error);
    }
  });

  return (
    <form onSubmit={submit} noValidate data-testid="reinstall-form">
      <Stack gap="sm">
        <Text size="sm">{t('equipment.reinstall.intro', { medium: name, tag: asset.tag, kept: medium.kept_at })}</Text>
        <RefusalAlert error={refusal.refusal} />
        <SimpleGrid cols={2} spacing="md" verticalSpacing="sm">
          <TextInput label={t('equipment.reinstall.reinstalled-by')} withAsterisk {...form.register('reinstalled_by')} error={fieldError(form.formState.errors.reinstalled_by)} />
          <Controller
            control={form.control}
            name="reinstalled_on"
            render={({ field, fieldState }) => (
              <DateField
                label={t('equipment.reinstall.reinstalled-on')}
                withAsterisk
                value={field.value}
                onChange={field.onChange}
                onBlur={field.onBlur}
                error={fieldError(fieldState.error)}
                notAfterToday
              />
            )}
          />
        </SimpleGrid>
        <Group justify="flex-end" mt="sm">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={form.formState.isSubmitting} data-testid="submit">
            {t('equipment.reinstall.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

export function AddMediumModal({ asset, opened, onClose }: { asset: AssetView; opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Modal opened={opened} onClose={onClose} title={t('equipment.add-medium.title', { tag: asset.tag })} size="lg" closeButtonProps={{ 'aria-label': t('common.close') }}>
      {opened ? <AddMediumForm asset={asset} onClose={onClose} /> : null}
    </Modal>
  );
}

function AddMediumForm({ asset, onClose }: { asset: AssetView; onClose: () => void }) {
  const { t } = useTranslation();
  const form = useForm<z.input<typeof AddMediumInput>, unknown, z.output<typeof AddMediumInput>>({
    resolver: zodResolver(AddMediumInput),
    defaultValues: { asset_id: asset.id, kind: 'ssd', capacity_gb: null, serial: '' },
    mode: 'onTouched',
  });
  const add = useRouteMutation('storage.add', REFRESH);
  const refusal = useRefusal(form.setError, ADD_FIELDS);
  const fieldError = useFieldError(refusal.refusal?.params);

  const submit = form.handleSubmit(async (values) => {
    refusal.clear();
    try {
      await add.mutateAsync(values);
      notifications.show({ color: 'flag', message: t('equipment.add-medium.done', { medium: describeMedium({ kind: values.kind, capacity_gb: values.capacity_gb, serial: values.serial }) }) });
      onClose();
    } catch (error) {
      refusal.show(error);
    }
  });

  return (
    <form onSubmit={submit} noValidate data-testid="add-medium-form">
      <Stack gap="sm">
        <RefusalAlert error={refusal.refusal} />
        <SimpleGrid cols={3} spacing="md" verticalSpacing="sm">
          <Controller
            control={form.control}
            name="kind"
            render={({ field, fieldState }) => (
              <Select
                label={t('equipment.fields.media-kind')}
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
            name="capacity_gb"
            render={({ field, fieldState }) => (
              <NumberInput
                label={t('equipment.fields.media-capacity')}
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
          <TextInput label={t('equipment.fields.media-serial')} {...form.register('serial')} error={fieldError(form.formState.errors.serial)} />
        </SimpleGrid>
        <Group justify="flex-end" mt="sm">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={form.formState.isSubmitting} data-testid="submit">
            {t('equipment.add-medium.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
