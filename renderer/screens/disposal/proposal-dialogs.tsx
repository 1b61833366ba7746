// An ICT officer's proposal of a device for disposal (3.6.12–3.6.13) with its reason, route and note, and
// the withdrawal of a proposal with the reason why; opened from the device's page and the candidates.
import { Select, Text, Textarea } from '@mantine/core';
import { IconArrowBackUp, IconRecycle } from '@tabler/icons-react';
import { Controller } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { DISPOSAL_ROUTES, PROPOSAL_REASONS, ProposeInput, routeAllowed, WithdrawInput } from '../../../db/disposal/contract.ts';
import { isStorageMedium } from '../../../db/assets/contract.ts';
import { useRouteMutation } from '../../client/context.tsx';
import { FormButtons, FormModal, RecordForm } from '../../components/form-modal.tsx';
import { useRouteForm } from '../../components/use-route-form.ts';
import { DISPOSAL_REFRESH } from './disposal-view.ts';

export interface ProposedDevice {
  id: string;
  tag: string;
  category: string;
}

export function ProposeModal({ device, onClose }: { device: ProposedDevice | null; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <FormModal opened={device !== null} onClose={onClose} title={device ? t('disposal_ui.propose.title', { tag: device.tag }) : ''} size="md">
      {device ? <ProposeForm device={device} onClose={onClose} /> : null}
    </FormModal>
  );
}

function ProposeForm({ device, onClose }: { device: ProposedDevice; onClose: () => void }) {
  const { t } = useTranslation();
  const propose = useRouteMutation('disposal.propose', DISPOSAL_REFRESH);
  const { form, refusal, fieldError, errors, busy, onSubmit } = useRouteForm(ProposeInput, {
    defaultValues: { asset_id: device.id, reason: 'obsolete', route: 'destruction', note: '' },
    fields: ['reason', 'route', 'note'],
  });
  // 3.6.14: a storage or transfer medium is never offered the routes it may not leave by.
  const routes = DISPOSAL_ROUTES.filter((route) => routeAllowed(device.category, route));
  const submit = onSubmit(async (values) => {
    await propose.mutateAsync(values);
    return t('disposal_ui.propose.done', { tag: device.tag });
  }, onClose);
  return (
    <RecordForm
      testId="propose-form"
      onSubmit={submit}
      refusal={refusal.refusal}
      lead={<Text size="sm">{t('disposal_ui.propose.intro')}</Text>}
      buttons={<FormButtons onCancel={onClose} submitLabel={t('disposal_ui.propose.submit')} busy={busy} icon={<IconRecycle size={16} />} />}
    >
      <Controller
        control={form.control}
        name="reason"
        render={({ field, fieldState }) => (
          <Select
            label={t('disposal_ui.propose.reason')}
            withAsterisk
            allowDeselect={false}
            data={PROPOSAL_REASONS.map((value) => ({ value, label: t(`disposal_ui.reasons.${value}`) }))}
            value={field.value ?? null}
            onChange={field.onChange}
            error={fieldError(fieldState.error)}
            data-testid="propose-reason"
          />
        )}
      />
      <Controller
        control={form.control}
        name="route"
        render={({ field, fieldState }) => (
          <Select
            label={t('disposal_ui.propose.route')}
            description={isStorageMedium(device.category) ? t('disposal_ui.propose.route-hint') : undefined}
            withAsterisk
            allowDeselect={false}
            data={routes.map((value) => ({ value, label: t(`disposal_ui.routes.${value}`) }))}
            value={field.value ?? null}
            onChange={field.onChange}
            error={fieldError(fieldState.error)}
            data-testid="propose-route"
          />
        )}
      />
      <Textarea label={t('disposal_ui.propose.note')} withAsterisk autosize minRows={3} {...form.register('note')} error={fieldError(errors.note)} data-testid="propose-note" />
    </RecordForm>
  );
}

export interface OpenProposal {
  id: string;
  tag: string;
}

export function WithdrawModal({ proposal, onClose }: { proposal: OpenProposal | null; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <FormModal opened={proposal !== null} onClose={onClose} title={proposal ? t('disposal_ui.withdraw.title', { tag: proposal.tag }) : ''} size="md">
      {proposal ? <WithdrawForm proposal={proposal} onClose={onClose} /> : null}
    </FormModal>
  );
}

function WithdrawForm({ proposal, onClose }: { proposal: OpenProposal; onClose: () => void }) {
  const { t } = useTranslation();
  const withdraw = useRouteMutation('disposal.withdraw', DISPOSAL_REFRESH);
  const { form, refusal, fieldError, errors, busy, onSubmit } = useRouteForm(WithdrawInput, { defaultValues: { proposal_id: proposal.id, reason: '' }, fields: ['reason'] });
  const submit = onSubmit(async (values) => {
    await withdraw.mutateAsync(values);
    return t('disposal_ui.withdraw.done', { tag: proposal.tag });
  }, onClose);
  return (
    <RecordForm
      testId="withdraw-form"
      onSubmit={submit}
      refusal={refusal.refusal}
      lead={<Text size="sm">{t('disposal_ui.withdraw.intro')}</Text>}
      buttons={<FormButtons onCancel={onClose} submitLabel={t('disposal_ui.withdraw.submit')} danger busy={busy} icon={<IconArrowBackUp size={16} />} />}
    >
      <Textarea label={t('disposal_ui.withdraw.reason')} withAsterisk autosize minRows={2} {...form.register('reason')} error={fieldError(errors.reason)} data-testid="withdraw-reason" />
    </RecordForm>
  );
}
