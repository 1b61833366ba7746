// 3.6.3: a storage medium is taken out before its device leaves for repair — by whom, witnessed by
// whom, where it is kept — and put back when the device returns. Also: a medium found later is added.
import { SimpleGrid, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { AddMediumInput, describeMedium, ReinstallMediumInput, RemoveMediumInput } from '../../../db/assets/contract.ts';
import { useRouteMutation } from '../../client/context.tsx';
import { todayInDar } from '../../components/assets/days.ts';
import { DateController } from '../../components/form-fields.tsx';
import { FormButtons, FormModal, RecordForm } from '../../components/form-modal.tsx';
import { useRouteForm } from '../../components/use-route-form.ts';
import { useSession } from '../../session/session.tsx';
import type { AssetView } from './device-form-values.ts';
import { MediumFields } from './medium-fields.tsx';

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
    <FormModal opened={medium !== null} onClose={onClose} title={t('assetsUi.removal.title')}>
      {medium ? <RemoveMediumForm asset={asset} medium={medium} onClose={onClose} /> : null}
    </FormModal>
  );
}

function RemoveMediumForm({ asset, medium, onClose }: { asset: AssetView; medium: Medium; onClose: () => void }) {
  const { t } = useTranslation();
  const { user } = useSession();
  const { form, refusal, fieldError, errors, busy, onSubmit } = useRouteForm(RemoveMediumInput, {
    defaultValues: { medium_id: medium.id, removed_by: user.display_name, witnessed_by: '', kept_at: '', removed_on: todayInDar(), entry_id: asset.open_entry_id },
    fields: REMOVE_FIELDS,
    mode: 'onTouched',
  });
  const remove = useRouteMutation('drives.remove', REFRESH);
  const name = describeMedium(medium);

  const submit = onSubmit(async (values) => {
    await remove.mutateAsync(values);
    return t('assetsUi.removal.done', { medium: name });
  }, onClose);

  return (
    <RecordForm
      testId="removal-form"
      onSubmit={submit}
      refusal={refusal.refusal}
      lead={<Text size="sm">{t('assetsUi.removal.intro', { medium: name, tag: asset.tag })}</Text>}
      buttons={<FormButtons onCancel={onClose} submitLabel={t('assetsUi.removal.submit')} busy={busy} />}
    >
      <SimpleGrid cols={2} spacing="md" verticalSpacing="sm">
        <TextInput label={t('assetsUi.removal.removed-by')} withAsterisk {...form.register('removed_by')} error={fieldError(errors.removed_by)} />
        <TextInput
          label={t('assetsUi.removal.witnessed-by')}
          placeholder={t('assetsUi.removal.witnessed-by-example')}
          withAsterisk
          {...form.register('witnessed_by')}
          error={fieldError(errors.witnessed_by)}
        />
        <TextInput label={t('assetsUi.removal.kept-at')} placeholder={t('assetsUi.removal.kept-at-example')} withAsterisk {...form.register('kept_at')} error={fieldError(errors.kept_at)} />
        <DateController control={form.control} name="removed_on" fieldError={fieldError} label={t('assetsUi.removal.removed-on')} withAsterisk notAfterToday />
      </SimpleGrid>
    </RecordForm>
  );
}

export function ReinstallMediumModal({ asset, medium, onClose }: MediumModalProps) {
  const { t } = useTranslation();
  return (
    <FormModal opened={medium !== null} onClose={onClose} title={t('assetsUi.reinstall.title')}>
      {medium ? <ReinstallMediumForm asset={asset} medium={medium} onClose={onClose} /> : null}
    </FormModal>
  );
}

function ReinstallMediumForm({ asset, medium, onClose }: { asset: AssetView; medium: Medium; onClose: () => void }) {
  const { t } = useTranslation();
  const { user } = useSession();
  const { form, refusal, fieldError, errors, busy, onSubmit } = useRouteForm(ReinstallMediumInput, {
    defaultValues: { medium_id: medium.id, reinstalled_by: user.display_name, reinstalled_on: todayInDar(), entry_id: asset.open_entry_id },
    fields: REINSTALL_FIELDS,
    mode: 'onTouched',
  });
  const reinstall = useRouteMutation('drives.reinstall', REFRESH);
  const name = describeMedium(medium);

  const submit = onSubmit(async (values) => {
    await reinstall.mutateAsync(values);
    return t('assetsUi.reinstall.done', { medium: name });
  }, onClose);

  return (
    <RecordForm
      testId="reinstall-form"
      onSubmit={submit}
      refusal={refusal.refusal}
      lead={<Text size="sm">{t('assetsUi.reinstall.intro', { medium: name, tag: asset.tag, kept: medium.kept_at })}</Text>}
      buttons={<FormButtons onCancel={onClose} submitLabel={t('assetsUi.reinstall.submit')} busy={busy} />}
    >
      <SimpleGrid cols={2} spacing="md" verticalSpacing="sm">
        <TextInput label={t('assetsUi.reinstall.reinstalled-by')} withAsterisk {...form.register('reinstalled_by')} error={fieldError(errors.reinstalled_by)} />
        <DateController control={form.control} name="reinstalled_on" fieldError={fieldError} label={t('assetsUi.reinstall.reinstalled-on')} withAsterisk notAfterToday />
      </SimpleGrid>
    </RecordForm>
  );
}

export function AddMediumModal({ asset, opened, onClose }: { asset: AssetView; opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <FormModal opened={opened} onClose={onClose} title={t('assetsUi.add-medium.title', { tag: asset.tag })}>
      <AddMediumForm asset={asset} onClose={onClose} />
    </FormModal>
  );
}

function AddMediumForm({ asset, onClose }: { asset: AssetView; onClose: () => void }) {
  const { t } = useTranslation();
  const { form, refusal, fieldError, errors, busy, onSubmit } = useRouteForm(AddMediumInput, {
    defaultValues: { asset_id: asset.id, kind: 'ssd', capacity_gb: null, serial: '' },
    fields: ADD_FIELDS,
    mode: 'onTouched',
  });
  const add = useRouteMutation('drives.add', REFRESH);

  const submit = onSubmit(async (values) => {
    await add.mutateAsync(values);
    return t('assetsUi.add-medium.done', { medium: describeMedium({ kind: values.kind, capacity_gb: values.capacity_gb, serial: values.serial }) });
  }, onClose);

  return (
    <RecordForm testId="add-medium-form" onSubmit={submit} refusal={refusal.refusal} buttons={<FormButtons onCancel={onClose} submitLabel={t('assetsUi.add-medium.submit')} busy={busy} />}>
      <SimpleGrid cols={3} spacing="md" verticalSpacing="sm">
        <MediumFields form={form} fieldError={fieldError} serialError={errors.serial} />
      </SimpleGrid>
    </RecordForm>
  );
}
