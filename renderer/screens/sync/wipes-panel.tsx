// 3.6.9: bundles sent or received whose deletion from the transfer medium nobody has recorded yet.
import { Alert, Badge, Button, Group, Modal, Stack, Table, Text, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconEraser, IconFileExport, IconFileImport } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RouteOutput } from '../../../db/contract/routes.ts';
import { useRouteMutation, useRouteQuery } from '../../client/context.tsx';
import { RefusalAlert } from '../../components/refusal-alert.tsx';
import { Empty, Loading } from '../../components/states.tsx';
import { formatDateTime } from '../../../db/contract/days.ts';
import { HashText } from './sync-parts.tsx';

type Transfer = RouteOutput<'sync.transfers'>[number];

export function WipesPanel() {
  const { t } = useTranslation();
  const transfers = useRouteQuery('sync.transfers', {});
  const peers = useRouteQuery('peers.list', {});
  const [recording, setRecording] = useState<Transfer | null>(null);
  const peerName = (id: string | null) => (id ? (peers.data?.find((peer) => peer.id === id)?.name ?? id) : t('syncUi.wipes.everything'));

  return (
    <Stack gap="md" data-testid="wipes-panel">
      <Alert variant="light" color="yellow" icon={<IconEraser size={18} />}>
        {t('syncUi.wipes.explain')}
      </Alert>
      {transfers.isPending ? <Loading /> : null}
      {transfers.isError ? <RefusalAlert error={transfers.error} /> : null}
      {transfers.data && transfers.data.length === 0 ? <Empty title={t('syncUi.wipes.empty')} hint={t('syncUi.wipes.empty-hint')} /> : null}
      {transfers.data && transfers.data.length > 0 ? (
        <Table.ScrollContainer minWidth={1000}>
          <Table verticalSpacing="xs" striped="even" layout="fixed" data-testid="wipes-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th w={140}>{t('syncUi.wipes.columns.direction')}</Table.Th>
                <Table.Th>{t('syncUi.wipes.columns.file')}</Table.Th>
                <Table.Th w={200}>{t('syncUi.wipes.columns.peer')}</Table.Th>
                <Table.Th w={150}>{t('syncUi.wipes.columns.date')}</Table.Th>
                <Table.Th w={80} ta="right">
                  {t('syncUi.wipes.columns.events')}
                </Table.Th>
                <Table.Th w={185} />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {transfers.data.map((transfer) => (
                <Table.Tr key={transfer.id} data-file={transfer.file_name} data-testid="pending-wipe">
                  <Table.Td>
                    <Badge
                      variant="light"
                      color={transfer.direction === 'export' ? 'blue' : 'grape'}
                      leftSection={transfer.direction === 'export' ? <IconFileExport size={12} /> : <IconFileImport size={12} />}
                    >
                      {t(transfer.direction === 'export' ? 'syncUi.wipes.direction.export' : 'syncUi.wipes.direction.import')}
                    </Badge>
                  </Table.Td>
                  <Table.Td>
                    <Text size="xs" ff="monospace" style={{ wordBreak: 'break-all' }}>
                      {transfer.file_name}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">
                      {peerName(transfer.peer_id)}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{formatDateTime(transfer.at)}</Text>
                  </Table.Td>
                  <Table.Td ta="right">
                    <Text size="sm">{transfer.event_count}</Text>
                  </Table.Td>
                  <Table.Td ta="right">
                    <Button size="xs" color="dark" leftSection={<IconEraser size={14} />} onClick={() => setRecording(transfer)} data-testid="record-wipe-open">
                      {t('syncUi.wipes.record')}
                    </Button>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      ) : null}
      <Modal opened={recording !== null} onClose={() => setRecording(null)} title={t('syncUi.wipes.record-title')} size="lg" closeButtonProps={{ 'aria-label': t('common.close') }}>
        {recording ? <RecordWipe transfer={recording} onClose={() => setRecording(null)} /> : null}
      </Modal>
    </Stack>
  );
}

function RecordWipe({ transfer, onClose }: { transfer: Transfer; onClose: () => void }) {
  const { t } = useTranslation();
  const record = useRouteMutation('sync.record-wipe', ['sync.transfers']);
  const [note, setNote] = useState('');

  const submit = async () => {
    try {
      await record.mutateAsync({ transfer_id: transfer.id, note });
      notifications.show({ color: 'flag', message: t('syncUi.wipe.recorded', { file: transfer.file_name }) });
      onClose();
    } catch {
      // The alert shows the refusal.
    }
  };

  return (
    <Stack gap="sm" data-testid="record-wipe-form">
      <Text size="sm">{t('syncUi.wipes.record-confirm', { file: transfer.file_name })}</Text>
      <HashText value={transfer.content_sha256} />
      {record.isError ? <RefusalAlert error={record.error} /> : null}
      <Textarea
        label={t('syncUi.wipe.note')}
        placeholder={t('syncUi.wipe.note-example')}
        autosize
        minRows={2}
        maxRows={4}
        maxLength={300}
        value={note}
        onChange={(event) => setNote(event.currentTarget.value)}
        data-autofocus
      />
      <Group justify="flex-end" mt="sm">
        <Button variant="default" onClick={onClose}>
          {t('common.cancel')}
        </Button>
        <Button color="dark" leftSection={<IconEraser size={16} />} loading={record.isPending} onClick={() => void submit()} data-testid="submit">
          {t('syncUi.wipes.record')}
        </Button>
      </Group>
    </Stack>
  );
}
