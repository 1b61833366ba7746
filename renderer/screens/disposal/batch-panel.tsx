// One batch in full: its devices and their storage media with each medium's sanitisation, who prepared
// and who decided it, the frozen snapshot's SHA-256, the pack to download, and the next steps this session
// may take. The Accounting Officer is not offered a batch they prepared.
import { Badge, Button, Group, Modal, SimpleGrid, Stack, Table, Text } from '@mantine/core';
import { IconCheck, IconDownload, IconEraser, IconSend, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { describeMedium } from '../../../db/assets/contract.ts';
import { formatDay } from '../../../db/contract/days.ts';
import type { RouteName } from '../../../db/contract/routes.ts';
import { isFrozen } from '../../../db/disposal/contract.ts';
import { useClient, useRouteMutation, useRouteQuery } from '../../client/context.tsx';
import { saveFile } from '../../components/assets/download.ts';
import { RefusalAlert } from '../../components/refusal-alert.tsx';
import { Loading } from '../../components/states.tsx';
import { isLanguage } from '../../i18n/language.ts';
import { useSession } from '../../session/session.tsx';
import { SanitiseModal, StepModal, type Step } from './batch-dialogs.tsx';
import { StateBadge } from './disposal-screen.tsx';
import { DISPOSAL_REFRESH, type BatchView } from './disposal-view.ts';

export function BatchModal({ id, onClose }: { id: string | null; onClose: () => void }) {
  const { t } = useTranslation();
  const batch = useRouteQuery('disposal.get', { batch_id: id ?? '' }, { enabled: id !== null });
  return (
    <Modal opened={id !== null} onClose={onClose} size="xl" title={batch.data ? t('disposal_ui.panel.title', { number: batch.data.number }) : t('common.loading')} closeButtonProps={{ 'aria-label': t('common.close') }}>
      {batch.isError ? <RefusalAlert error={batch.error} /> : null}
      {batch.isPending && id !== null ? <Loading /> : null}
      {batch.data ? <BatchPanel batch={batch.data} /> : null}
    </Modal>
  );
}

function Field({ label, value }: { label: string; value: string }) {
  return (
    <Stack gap={0}>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="sm" fw={500} className="wrap-words">
        {value || '—'}
      </Text>
    </Stack>
  );
}

const PACK: { route: RouteName & `documents.disposal-${string}`; key: string }[] = [
  { route: 'documents.disposal-letter', key: 'letter' },
  { route: 'documents.disposal-schedule', key: 'schedule' },
  { route: 'documents.disposal-schedule-xlsx', key: 'schedule-xlsx' },
  { route: 'documents.disposal-certificates', key: 'certificates' },
];

function BatchPanel({ batch }: { batch: BatchView }) {
  const { t, i18n } = useTranslation();
  const { call } = useClient();
  const { can, user } = useSession();
  const language = isLanguage(i18n.language) ? i18n.language : 'sw';
  const [step, setStep] = useState<Step | null>(null);
  const [sanitising, setSanitising] = useState<string | null>(null);
  const [problem, setProblem] = useState<unknown>(null);
  const send = useRouteMutation('disposal.send', DISPOSAL_REFRESH);
  const remove = useRouteMutation('disposal.remove', DISPOSAL_REFRESH);
  const draft = batch.state === 'draft';
  const tagOf = (assetId: string) => batch.devices.find((d) => d.asset_id === assetId)?.tag ?? '';

  const download = async (route: (typeof PACK)[number]['route']) => {
    setProblem(null);
    try {
      saveFile(await call(route, { batch_id: batch.id, language }));
    } catch (error) {
      setProblem(error);
    }
  };
  const act = async (work: () => Promise<unknown>) => {
    setProblem(null);
    try {
      await work();
    } catch (error) {
      setProblem(error);
    }
  };

  return (
    <Stack gap="md" data-testid="batch-panel" data-state={batch.state}>
      <Group gap="sm">
        <StateBadge state={batch.state} />
        {batch.snapshot_sha256 ? (
          <Badge variant="outline" color="gray" ff="monospace" data-testid="snapshot-hash">
            {t('disposal_ui.panel.hash', { hash: batch.snapshot_sha256.slice(0, 16) })}
          </Badge>
        ) : null}
      </Group>
      <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="sm">
        <Field label={t('disposal_ui.panel.prepared-by')} value={batch.prepared_by_name} />
        <Field label={t('disposal_ui.panel.decided-by')} value={batch.decided_by_name} />
        <Field label={t('disposal_ui.panel.submitted')} value={batch.submitted_on ? `${formatDay(batch.submitted_on)} · ${batch.letter_ref}` : ''} />
        <Field label={t('disposal_ui.panel.outcome')} value={batch.disposed_on ? `${formatDay(batch.disposed_on)} · ${batch.certificate_ref}` : batch.collected_on ? `${formatDay(batch.collected_on)} · ${batch.collected_by}` : batch.return_reason || batch.cancel_reason} />
      </SimpleGrid>
      {batch.decision_note ? <Field label={t('disposal_ui.panel.decision-note')} value={batch.decision_note} /> : null}

      <RefusalAlert error={problem} />

      <Table withTableBorder verticalSpacing={4} data-testid="batch-devices">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('disposal_ui.pack.columns.tag')}</Table.Th>
            <Table.Th>{t('disposal_ui.pack.columns.make-model')}</Table.Th>
            <Table.Th>{t('disposal_ui.pack.columns.reason')}</Table.Th>
            <Table.Th>{t('disposal_ui.pack.columns.route')}</Table.Th>
            {draft && can('disposal.remove') ? <Table.Th /> : null}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {batch.devices.map((device) => (
            <Table.Tr key={device.asset_id} data-testid="batch-device" data-tag={device.tag}>
              <Table.Td ff="monospace">{device.tag}</Table.Td>
              <Table.Td>{[device.make, device.model].filter(Boolean).join(' ')}</Table.Td>
              <Table.Td>{t(`disposal_ui.reasons.${device.reason}`)}</Table.Td>
              <Table.Td>{t(`disposal_ui.routes.${device.route}`)}</Table.Td>
              {draft && can('disposal.remove') ? (
                <Table.Td w={48}>
                  <Button size="xs" variant="subtle" color="red" aria-label={t('disposal_ui.panel.remove')} onClick={() => void act(() => remove.mutateAsync({ batch_id: batch.id, asset_id: device.asset_id }))} data-testid="remove-device">
                    <IconTrash size={14} />
                  </Button>
                </Table.Td>
              ) : null}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>

      <Table withTableBorder verticalSpacing={4} data-testid="batch-media">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('disposal_ui.pack.medium-section')}</Table.Th>
            <Table.Th>{t('disposal_ui.pack.columns.tag')}</Table.Th>
            <Table.Th>{t('disposal_ui.pack.sanitisation-section')}</Table.Th>
            {draft && can('disposal.sanitise') ? <Table.Th /> : null}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {batch.media.map((medium) => (
            <Table.Tr key={medium.line_id} data-testid="batch-medium" data-sanitised={medium.sanitisation ? 'yes' : 'no'}>
              <Table.Td>{medium.medium_id === null ? t('disposal_ui.pack.the-device-itself') : describeMedium(medium)}</Table.Td>
              <Table.Td ff="monospace">{tagOf(medium.asset_id)}</Table.Td>
              <Table.Td>
                {medium.sanitisation ? (
                  <Text size="sm">
                    {t(`disposal_ui.categories.${medium.sanitisation.category}`)}
                    {medium.sanitisation.method ? ` · ${t(`disposal_ui.methods.${medium.sanitisation.method}`)}` : ''}
                  </Text>
                ) : (
                  <Text size="sm" c="red.8" fw={600}>
                    {t('disposal_ui.panel.not-sanitised')}
                  </Text>
                )}
              </Table.Td>
              {draft && can('disposal.sanitise') ? (
                <Table.Td w={140}>
                  <Button size="xs" variant="default" leftSection={<IconEraser size={14} />} onClick={() => setSanitising(medium.line_id)} data-testid="sanitise">
                    {t('disposal_ui.panel.sanitise')}
                  </Button>
                </Table.Td>
              ) : null}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>

      <Group gap="sm">
        {draft && can('disposal.send') ? (
          <Button leftSection={<IconSend size={16} />} loading={send.isPending} onClick={() => void act(() => send.mutateAsync({ batch_id: batch.id }))} data-testid="send">
            {t('disposal_ui.panel.send')}
          </Button>
        ) : null}
        {batch.state === 'awaiting_approval' && can('disposal.decide') && batch.prepared_by !== user?.id ? (
          <Button leftSection={<IconCheck size={16} />} onClick={() => setStep('decide')} data-testid="decide">
            {t('disposal_ui.decide.open')}
          </Button>
        ) : null}
        {batch.state === 'approved' && can('disposal.submit') ? (
          <Button leftSection={<IconSend size={16} />} onClick={() => setStep('submit')} data-testid="submit-batch">
            {t('disposal_ui.submit.open')}
          </Button>
        ) : null}
        {batch.state === 'submitted' && can('disposal.collected') ? (
          <Button onClick={() => setStep('collected')} data-testid="collected">
            {t('disposal_ui.collected.open')}
          </Button>
        ) : null}
        {batch.state === 'collected' && can('disposal.disposed') ? (
          <Button onClick={() => setStep('disposed')} data-testid="disposed">
            {t('disposal_ui.disposed.open')}
          </Button>
        ) : null}
        {(batch.state === 'submitted' || batch.state === 'collected') && can('disposal.returned') ? (
          <Button variant="default" onClick={() => setStep('returned')} data-testid="returned">
            {t('disposal_ui.returned.open')}
          </Button>
        ) : null}
        {!isFrozen(batch.state) && batch.state !== 'cancelled' && can('disposal.cancel') ? (
          <Button variant="default" color="red" onClick={() => setStep('cancel')} data-testid="cancel-batch">
            {t('disposal_ui.cancel.open')}
          </Button>
        ) : null}
      </Group>

      {batch.snapshot_sha256 ? (
        <Group gap="sm" data-testid="pack">
          {PACK.map((item) =>
            can(item.route) ? (
              <Button key={item.route} variant="light" leftSection={<IconDownload size={16} />} onClick={() => void download(item.route)} data-testid={`download-${item.key}`}>
                {t(`disposal_ui.panel.download.${item.key}`)}
              </Button>
            ) : null,
          )}
        </Group>
      ) : null}

      <StepModal step={step} batch={batch} onClose={() => setStep(null)} />
      <SanitiseModal batch={batch} lineId={sanitising} onClose={() => setSanitising(null)} />
    </Stack>
  );
}

