// Disposal on a device's page (3.6.12–3.6.13): its open proposal and who may withdraw it, the batch that
// holds it, and, once disposed of or handed to another institution, the one sentence that says why its
// page is history. `deviceDisposal` tells the page which of its actions the routes would refuse.
import { Alert, Button, Group, Text } from '@mantine/core';
import { IconArchive, IconArrowBackUp, IconRecycle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { formatDate, formatDay } from '../../../db/contract/days.ts';
import { useRouteQuery } from '../../client/context.tsx';
import { useSession } from '../../session/session.tsx';
import { deviceDisposal, type BatchView, type DeviceDisposal, type DisposalFacts } from './disposal-view.ts';
import type { OpenProposal } from './proposal-dialogs.tsx';

export function useDeviceDisposal(asset: DisposalFacts & { id: string }): DeviceDisposal {
  const proposals = useRouteQuery('disposal.proposals', { asset_id: asset.id });
  return deviceDisposal(asset, proposals.data);
}

/** The batch that disposed of the device, once disposed: its record says what became of each medium. */
export function useDisposingBatch(asset: { id: string }, disposal: DeviceDisposal): BatchView | null {
  const batch = useRouteQuery('disposal.of-device', { asset_id: asset.id }, { enabled: disposal.history });
  return disposal.history ? (batch.data ?? null) : null;
}

/** The sentence and the open proposal, under the device's heading. */
export function DeviceDisposalNotes({ asset, disposal, onWithdraw }: { asset: DisposalFacts & { id: string; disposed_on: string | null; transferred_to: string | null }; disposal: DeviceDisposal; onWithdraw: (proposal: OpenProposal) => void }) {
  const { t } = useTranslation();
  const { can } = useSession();
  const holds = asset.disposal_batch_id !== null;
  const batch = useRouteQuery('disposal.of-device', { asset_id: asset.id }, { enabled: holds || disposal.history });
  if (disposal.history) {
    const sentence =
      batch.data && asset.disposed_on
        ? t('disposal_ui.device.disposed', { date: formatDay(asset.disposed_on), number: batch.data.number, certificate: batch.data.certificate_ref })
        : t('disposal_ui.device.disposed-short', { date: asset.disposed_on ? formatDay(asset.disposed_on) : '' });
    return (
      <Alert color="gray" variant="light" icon={<IconArchive size={18} />} py="xs" data-testid="device-history-only">
        {sentence}
      </Alert>
    );
  }
  if (asset.status === 'transferred') {
    return (
      <Alert color="gray" variant="light" icon={<IconArchive size={18} />} py="xs" data-testid="device-history-only">
        {t('disposal_ui.device.transferred', { institution: asset.transferred_to ?? '' })}
      </Alert>
    );
  }
  return (
    <>
      {asset.status === 'lost' ? (
        <Alert color="gray" variant="light" icon={<IconArchive size={18} />} py="xs" data-testid="device-lost-note">
          {t('disposal_ui.device.lost')}
        </Alert>
      ) : null}
      {holds && batch.data ? (
        <Alert color="violet" variant="light" icon={<IconRecycle size={18} />} py="xs" data-testid="device-in-batch">
          {t('disposal_ui.device.in-batch', { number: batch.data.number, state: t(`disposal_ui.states.${batch.data.state}`) })}
        </Alert>
      ) : null}
      {disposal.proposal ? (
        <Alert color="orange" variant="light" icon={<IconRecycle size={18} />} py="xs" data-testid="device-proposal">
          <Group justify="space-between" align="flex-start" wrap="nowrap" gap="sm">
            <div style={{ minWidth: 0 }}>
              <Text size="sm">
                {t('disposal_ui.device.proposed', {
                  name: disposal.proposal.proposed_by_name,
                  date: formatDate(disposal.proposal.proposed_at),
                  reason: t(`disposal_ui.reasons.${disposal.proposal.reason}`),
                  route: t(`disposal_ui.routes.${disposal.proposal.route}`),
                })}
              </Text>
              {disposal.proposal.note ? (
                <Text size="sm" c="dimmed" className="wrap-words" style={{ whiteSpace: 'pre-line' }}>
                  {disposal.proposal.note}
                </Text>
              ) : null}
            </div>
            {can('disposal.withdraw') && !holds ? (
              <Button size="compact-sm" variant="default" leftSection={<IconArrowBackUp size={14} />} style={{ flexShrink: 0 }} onClick={() => disposal.proposal && onWithdraw(disposal.proposal)} data-testid="withdraw-proposal">
                {t('disposal_ui.device.withdraw')}
              </Button>
            ) : null}
          </Group>
        </Alert>
      ) : null}
    </>
  );
}
