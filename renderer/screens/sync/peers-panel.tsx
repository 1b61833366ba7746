// The installations this one exchanges bundles with, and its own identity to read out by phone when
// another office accepts its first bundle. Renaming, revoking and trusting again are the administrator's;
// trusting again asks for the fingerprint as the other office reads it out.
import { zodResolver } from '@hookform/resolvers/zod';
import { ActionIcon, Alert, Badge, Button, Group, Menu, Modal, Paper, SimpleGrid, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconAlertTriangle, IconDots, IconPencil, IconShieldCheck, IconShieldOff, IconWorld } from '@tabler/icons-react';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import type { RouteOutput } from '../../../db/contract/routes.ts';
import { RenamePeerInput, TrustPeerAgainInput } from '../../../db/sync/contract.ts';
import { useRouteMutation, useRouteQuery } from '../../client/context.tsx';
import { RefusalAlert } from '../../components/refusal-alert.tsx';
import { Empty, Loading } from '../../components/states.tsx';
import { useFieldError, useRefusal } from '../../components/use-refusal.ts';
import { formatDateTime } from '../../../db/contract/days.ts';
import { useSession } from '../../session/session.tsx';
import { fingerprintLines } from './sync-helpers.ts';
import { CopyValue, Fingerprint, Particular } from './sync-parts.tsx';

export type PeerView = RouteOutput<'peers.list'>[number];

const STATUS_COLOURS: Record<string, string> = { trusted: 'flag', revoked: 'gray' };

export function PeersPanel() {
  const { t } = useTranslation();
  const { can } = useSession();
  // The row menu shows when any of its actions is open to the user; each item asks its own route.
  const admin = can('peers.rename') || can('peers.revoke') || can('peers.trust-again');
  const peers = useRouteQuery('peers.list', {});
  const [renaming, setRenaming] = useState<PeerView | null>(null);
  const [revoking, setRevoking] = useState<PeerView | null>(null);
  const [trusting, setTrusting] = useState<PeerView | null>(null);

  return (
    <Stack gap="md" data-testid="peers-panel">
      {can('sync.identity') ? <ThisInstallation /> : null}
      <Group justify="space-between" align="center">
        <Title order={3} size="h5">
          {t('syncUi.peers.list-title')}
        </Title>
        {admin ? null : (
          <Text size="sm" c="dimmed">
            {t('syncUi.peers.admin-only')}
          </Text>
        )}
      </Group>
      {peers.isPending ? <Loading /> : null}
      {peers.isError ? <RefusalAlert error={peers.error} /> : null}
      {peers.data && peers.data.length === 0 ? <Empty title={t('syncUi.peers.empty')} hint={t('syncUi.peers.empty-hint')} /> : null}
      {peers.data && peers.data.length > 0 ? (
        <Table.ScrollContainer minWidth={1000}>
          <Table verticalSpacing="xs" striped="even" layout="fixed" data-testid="peers-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('syncUi.peers.columns.name')}</Table.Th>
                <Table.Th>{t('syncUi.peers.columns.institution')}</Table.Th>
                <Table.Th w={220}>{t('syncUi.peers.columns.fingerprint')}</Table.Th>
                <Table.Th w={120}>{t('syncUi.peers.columns.status')}</Table.Th>
                <Table.Th w={165}>{t('syncUi.peers.columns.last-import')}</Table.Th>
                <Table.Th w={165}>{t('syncUi.peers.columns.last-export')}</Table.Th>
                {admin ? <Table.Th w={48} aria-label={t('common.actions')} /> : null}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {peers.data.map((peer) => (
                <Table.Tr key={peer.id} data-peer={peer.name} data-status={peer.status}>
                  <Table.Td>
                    <Text size="sm" fw={500} truncate title={peer.name}>
                      {peer.name}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm" truncate title={peer.institution_name}>
                      {peer.institution_name}
                    </Text>
                    <Text size="xs" c="dimmed">
                      {peer.institution_code}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    {/* Two lines of five groups, the way it is read out. */}
                    {fingerprintLines(peer.fingerprint).map((line) => (
                      <Text key={line} size="xs" ff="monospace" style={{ wordSpacing: '0.2em' }}>
                        {line}
                      </Text>
                    ))}
                  </Table.Td>
                  <Table.Td>
                    <Badge color={STATUS_COLOURS[peer.status] ?? 'gray'} variant={peer.status === 'trusted' ? 'light' : 'filled'} data-testid="peer-status">
                      {t(`syncUi.peers.status.${peer.status === 'trusted' ? 'trusted' : 'revoked'}`)}
                    </Badge>
                  </Table.Td>
                  <DateCell value={peer.last_import_at} />
                  <DateCell value={peer.last_export_at} />
                  {admin ? (
                    <Table.Td>
                      <Menu position="bottom-end" withinPortal>
                        <Menu.Target>
                          <ActionIcon variant="subtle" color="gray" aria-label={t('common.actions')} data-testid="peer-actions">
                            <IconDots size={16} />
                          </ActionIcon>
                        </Menu.Target>
                        <Menu.Dropdown>
                          {can('peers.rename') ? (
                            <Menu.Item leftSection={<IconPencil size={16} />} onClick={() => setRenaming(peer)}>
                              {t('syncUi.peers.rename.open')}
                            </Menu.Item>
                          ) : null}
                          {peer.status === 'trusted' && can('peers.revoke') ? (
                            <Menu.Item color="red" leftSection={<IconShieldOff size={16} />} onClick={() => setRevoking(peer)} data-testid="revoke-peer">
                              {t('syncUi.peers.revoke.open')}
                            </Menu.Item>
                          ) : null}
                          {peer.status !== 'trusted' && can('peers.trust-again') ? (
                            <Menu.Item leftSection={<IconShieldCheck size={16} />} onClick={() => setTrusting(peer)} data-testid="trust-peer-again">
                              {t('syncUi.peers.trust-again.open')}
                            </Menu.Item>
                          ) : null}
                        </Menu.Dropdown>
                      </Menu>
                    </Table.Td>
                  ) : null}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      ) : null}
      <Modal opened={renaming !== null} onClose={() => setRenaming(null)} title={t('syncUi.peers.rename.title')} size="md" closeButtonProps={{ 'aria-label': t('common.close') }}>
        {renaming ? <RenameForm peer={renaming} onClose={() => setRenaming(null)} /> : null}
      </Modal>
      <Modal
        opened={revoking !== null}
        onClose={() => setRevoking(null)}
        title={revoking ? t('syncUi.peers.revoke.title', { name: revoking.name }) : ''}
        size="lg"
        closeButtonProps={{ 'aria-label': t('common.close') }}
      >
        {revoking ? <RevokeConfirm peer={revoking} onClose={() => setRevoking(null)} /> : null}
      </Modal>
      <Modal
        opened={trusting !== null}
        onClose={() => setTrusting(null)}
        title={trusting ? t('syncUi.peers.trust-again.title', { name: trusting.name }) : ''}
        size="lg"
        closeButtonProps={{ 'aria-label': t('common.close') }}
      >
        {trusting ? <TrustAgainForm peer={trusting} onClose={() => setTrusting(null)} /> : null}
      </Modal>
    </Stack>
  );
}

function DateCell({ value }: { value: string | null }) {
  const { t } = useTranslation();
  return (
    <Table.Td>
      <Text size="sm" c={value ? undefined : 'dimmed'}>
        {value ? formatDateTime(value) : t('syncUi.never')}
      </Text>
    </Table.Td>
  );
}

/** What another office compares by phone before accepting this installation's first bundle. */
function ThisInstallation() {
  const { t } = useTranslation();
  const identity = useRouteQuery('sync.identity', {});
  const institution = useRouteQuery('institution.get', {});
  return (
    <Paper withBorder p="lg" radius="md" data-testid="this-installation">
      <Group gap="xs" mb={4}>
        <IconWorld size={18} />
        <Title order={3} size="h5">
          {t('syncUi.peers.self-title')}
        </Title>
      </Group>
      <Text size="sm" c="dimmed" mb="md">
        {t('syncUi.peers.self-intro')}
      </Text>
      {identity.isPending ? <Loading /> : null}
      {identity.isError ? <RefusalAlert error={identity.error} /> : null}
      {identity.data ? (
        <Stack gap="md">
          <Particular label={t('syncUi.fingerprint')}>
            <Group gap="xs" wrap="nowrap">
              <Fingerprint value={identity.data.fingerprint} />
              <CopyValue value={identity.data.fingerprint} />
            </Group>
          </Particular>
          <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
            <Particular label={t('syncUi.institution')}>{institution.data ? `${institution.data.name} (${institution.data.code})` : ''}</Particular>
            <Particular label={t('syncUi.origin')}>
              <Group gap={4} wrap="nowrap">
                <Text size="sm" ff="monospace" style={{ wordBreak: 'break-all' }} data-testid="self-origin">
                  {identity.data.origin}
                </Text>
                <CopyValue value={identity.data.origin} />
              </Group>
            </Particular>
          </SimpleGrid>
        </Stack>
      ) : null}
    </Paper>
  );
}

function RenameForm({ peer, onClose }: { peer: PeerView; onClose: () => void }) {
  const { t } = useTranslation();
  const form = useForm<z.input<typeof RenamePeerInput>, unknown, z.output<typeof RenamePeerInput>>({
    resolver: zodResolver(RenamePeerInput),
    defaultValues: { peer_id: peer.id, name: peer.name },
  });
  const rename = useRouteMutation('peers.rename', ['peers.list']);
  const refusal = useRefusal(form.setError, ['name']);
  const fieldError = useFieldError(refusal.refusal?.params);

  const submit = form.handleSubmit(async (values) => {
    refusal.clear();
    try {
      await rename.mutateAsync(values);
      notifications.show({ color: 'flag', message: t('syncUi.peers.rename.done') });
      onClose();
    } catch (error) {
      refusal.show(error);
    }
  });

  return (
    <form onSubmit={submit} noValidate data-testid="rename-peer-form">
      <Stack gap="sm">
        <RefusalAlert error={refusal.refusal} />
        <TextInput label={t('syncUi.peers.rename.field')} description={t('syncUi.peers.rename.hint')} data-autofocus {...form.register('name')} error={fieldError(form.formState.errors.name)} />
        <Group justify="flex-end" mt="sm">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={form.formState.isSubmitting} data-testid="submit">
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function RevokeConfirm({ peer, onClose }: { peer: PeerView; onClose: () => void }) {
  const { t } = useTranslation();
  const revoke = useRouteMutation('peers.revoke', ['peers.list']);

  const submit = async () => {
    try {
      await revoke.mutateAsync({ peer_id: peer.id });
      notifications.show({ color: 'flag', message: t('syncUi.peers.revoke.done', { name: peer.name }) });
      onClose();
    } catch {
      // The alert shows the refusal.
    }
  };

  return (
    <Stack gap="sm" data-testid="revoke-peer-confirm">
      <Alert color="red" variant="light" icon={<IconAlertTriangle size={18} />}>
        {t('syncUi.peers.revoke.warning', { name: peer.name })}
      </Alert>
      <Fingerprint value={peer.fingerprint} size="md" />
      {revoke.isError ? <RefusalAlert error={revoke.error} /> : null}
      <Group justify="flex-end" mt="sm">
        <Button variant="default" onClick={onClose}>
          {t('common.cancel')}
        </Button>
        <Button color="red" loading={revoke.isPending} onClick={() => void submit()} data-testid="submit">
          {t('syncUi.peers.revoke.submit')}
        </Button>
      </Group>
    </Stack>
  );
}

/** Trusting a revoked installation again: only with the fingerprint its office reads out by phone. */
function TrustAgainForm({ peer, onClose }: { peer: PeerView; onClose: () => void }) {
  const { t } = useTranslation();
  const form = useForm<z.input<typeof TrustPeerAgainInput>, unknown, z.output<typeof TrustPeerAgainInput>>({
    resolver: zodResolver(TrustPeerAgainInput),
    defaultValues: { peer_id: peer.id, fingerprint: '' },
  });
  const trust = useRouteMutation('peers.trust-again', ['peers.list']);
  const refusal = useRefusal(form.setError, ['fingerprint']);
  const fieldError = useFieldError(refusal.refusal?.params);

  const submit = form.handleSubmit(async (values) => {
    refusal.clear();
    try {
      await trust.mutateAsync(values);
      notifications.show({ color: 'flag', message: t('syncUi.peers.trust-again.done', { name: peer.name }) });
      onClose();
    } catch (error) {
      refusal.show(error);
    }
  });

  return (
    <form onSubmit={submit} noValidate data-testid="trust-peer-again-form">
      <Stack gap="sm">
        <Text size="sm">{t('syncUi.peers.trust-again.intro', { name: peer.name })}</Text>
        <Particular label={t('syncUi.peers.trust-again.expected')}>
          <Fingerprint value={peer.fingerprint} size="md" />
        </Particular>
        <RefusalAlert error={refusal.refusal} />
        <TextInput
          label={t('syncUi.peers.trust-again.field')}
          description={t('syncUi.peers.trust-again.hint')}
          ff="monospace"
          autoComplete="off"
          data-autofocus
          {...form.register('fingerprint')}
          error={fieldError(form.formState.errors.fingerprint)}
        />
        <Group justify="flex-end" mt="sm">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={form.formState.isSubmitting} data-testid="submit">
            {t('syncUi.peers.trust-again.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
