// Conflicts a merge revealed, each in plain words with the devices it is about. The fix is a normal
// change in the register; "Mark resolved" records the decision, shared with every installation. A
// conflict an area's rule found reads as that area tells it (its contract.ts) and links to its screen;
// a medium issued twice can also be closed by the media register's own resolution, voiding the issue
// that never happened.
import { zodResolver } from '@hookform/resolvers/zod';
import { Alert, Anchor, Badge, Button, Drawer, Group, Modal, Paper, Radio, SimpleGrid, Stack, Text, Textarea, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconArrowsExchange, IconBan, IconCheck, IconDevices, IconExternalLink, IconInfoCircle } from '@tabler/icons-react';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import type { RouteOutput } from '../../../db/contract/routes.ts';
import { issuedTwiceHolders, VoidIssueInput } from '../../../db/media/contract.ts';
import { ResolveConflictInput } from '../../../db/sync/contract.ts';
import { useRouteMutation, useRouteQuery } from '../../client/context.tsx';
import { StatusBadge } from '../../components/assets/badges.tsx';
import { HistoryTimeline } from '../../components/history-timeline.tsx';
import { RefusalAlert } from '../../components/refusal-alert.tsx';
import { Empty, Loading } from '../../components/states.tsx';
import { useFieldError, useRefusal } from '../../components/use-refusal.ts';
import { useSession } from '../../session/session.tsx';
import { hashOf } from '../../shell/access.ts';
import {
  areaConflictText,
  conflictCount,
  conflictDevices,
  conflictInstallations,
  conflictScreen,
  conflictScreenLink,
  conflictTitle,
  divergedCustodians,
  voidsIssue,
} from './sync-helpers.ts';
import { Particular } from './sync-parts.tsx';

type ConflictView = RouteOutput<'conflicts.list'>[number];

export function ConflictsPanel() {
  const { t } = useTranslation();
  const { can } = useSession();
  const admin = can('conflicts.resolve');
  const conflicts = useRouteQuery('conflicts.list', {});
  const [resolving, setResolving] = useState<ConflictView | null>(null);
  const [voiding, setVoiding] = useState<ConflictView | null>(null);
  const [device, setDevice] = useState<string | null>(null);

  return (
    <Stack gap="md" data-testid="conflicts-panel">
      <Alert variant="light" color="blue" icon={<IconInfoCircle size={18} />}>
        {t('syncUi.conflicts.explain')}
      </Alert>
      {admin ? null : (
        <Text size="sm" c="dimmed">
          {t('syncUi.conflicts.admin-only')}
        </Text>
      )}
      {conflicts.isPending ? <Loading /> : null}
      {conflicts.isError ? <RefusalAlert error={conflicts.error} /> : null}
      {conflicts.data && conflicts.data.length === 0 ? <Empty title={t('syncUi.conflicts.empty')} hint={t('syncUi.conflicts.empty-hint')} /> : null}
      {(conflicts.data ?? []).map((conflict) => (
        <ConflictCard key={conflict.id} conflict={conflict} admin={admin} onResolve={() => setResolving(conflict)} onVoid={() => setVoiding(conflict)} onDevice={setDevice} />
      ))}
      <Modal opened={resolving !== null} onClose={() => setResolving(null)} title={t('syncUi.conflicts.resolve.title')} size="lg" closeButtonProps={{ 'aria-label': t('common.close') }}>
        {resolving ? <ResolveForm conflict={resolving} onClose={() => setResolving(null)} /> : null}
      </Modal>
      <Modal opened={voiding !== null} onClose={() => setVoiding(null)} title={t('syncUi.conflicts.void.title')} size="lg" closeButtonProps={{ 'aria-label': t('common.close') }}>
        {voiding ? <VoidIssueForm conflict={voiding} onClose={() => setVoiding(null)} /> : null}
      </Modal>
      <Drawer opened={device !== null} onClose={() => setDevice(null)} position="right" size="lg" title={<DeviceTitle id={device} />} closeButtonProps={{ 'aria-label': t('common.close') }}>
        {device ? <DeviceSummary id={device} /> : null}
      </Drawer>
    </Stack>
  );
}

interface CardProps {
  conflict: ConflictView;
  admin: boolean;
  onResolve: () => void;
  onVoid: () => void;
  onDevice: (id: string) => void;
}

function ConflictCard({ conflict, admin, onResolve, onVoid, onDevice }: CardProps) {
  const { t } = useTranslation();
  const { can, screens } = useSession();
  const devices = conflictDevices(conflict);
  const screen = conflictScreen(conflict.kind);
  const voids = voidsIssue(conflict.kind) && can('media.void-issue');
  const origins = useRouteQuery('conflict-origins.list', { conflict_id: conflict.id }, { enabled: can('conflict-origins.list') });
  const installations = origins.data ? conflictInstallations(conflict, origins.data, t) : null;
  return (
    <Paper withBorder p="md" radius="md" style={{ borderLeft: '4px solid var(--mantine-color-orange-6)' }} data-testid="conflict" data-kind={conflict.kind}>
      <Group justify="space-between" align="flex-start" wrap="nowrap" gap="md">
        <Stack gap={6} style={{ minWidth: 0 }}>
          <Group gap="xs" wrap="nowrap">
            <IconArrowsExchange size={18} color="var(--mantine-color-orange-7)" />
            <Title order={3} size="h5">
              {conflictTitle(conflict.kind, t)}
            </Title>
          </Group>
          <ConflictSentence conflict={conflict} />
          {installations ? (
            <Text size="sm" c="dimmed" data-testid="conflict-installations">
              {installations}
            </Text>
          ) : null}
          {devices.length > 0 ? (
            <Group gap="md" mt={4}>
              <Text size="xs" c="dimmed" fw={600} tt="uppercase">
                {t('syncUi.conflicts.devices')}
              </Text>
              {devices.map((id) => (
                <DeviceLink key={id} id={id} onOpen={() => onDevice(id)} />
              ))}
            </Group>
          ) : null}
          {screen && screens.includes(screen) ? (
            <Anchor href={hashOf(screen)} size="sm" data-testid="conflict-area">
              <Group gap={4} wrap="nowrap">
                <IconExternalLink size={14} />
                {conflictScreenLink(conflict.kind, t)}
              </Group>
            </Anchor>
          ) : null}
        </Stack>
        <Stack gap="xs" style={{ flexShrink: 0 }}>
          {voids ? (
            <Button variant="light" color="orange" leftSection={<IconBan size={16} />} onClick={onVoid} data-testid="void-issue">
              {t('syncUi.conflicts.void.title')}
            </Button>
          ) : null}
          {admin ? (
            <Button variant="light" color="orange" leftSection={<IconCheck size={16} />} onClick={onResolve} data-testid="resolve-conflict">
              {t('syncUi.conflicts.resolve.open')}
            </Button>
          ) : null}
        </Stack>
      </Group>
    </Paper>
  );
}

function str(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

function ConflictSentence({ conflict }: { conflict: ConflictView }) {
  const { t } = useTranslation();
  const count = conflictCount(conflict);
  switch (conflict.kind) {
    case 'duplicate-tag':
      return <Sentence>{t('syncUi.conflicts.kinds.duplicate-tag.text', { count, tag: str(conflict.detail.tag) })}</Sentence>;
    case 'duplicate-serial':
      return <Sentence>{t('syncUi.conflicts.kinds.duplicate-serial.text', { count, serial: str(conflict.detail.serial) })}</Sentence>;
    case 'two-open-repairs':
      return <Sentence>{t('syncUi.conflicts.kinds.two-open-repairs.text', { count })}</Sentence>;
    case 'storage-inside-away':
      return <Sentence>{t('syncUi.conflicts.kinds.storage-inside-away.text', { count })}</Sentence>;
    case 'custodian-diverged':
      return <CustodianSentence conflict={conflict} />;
    default:
      return <Sentence>{areaConflictText(conflict, t) ?? t('syncUi.conflicts.kinds.other.text')}</Sentence>;
  }
}

function Sentence({ children }: { children: string }) {
  return (
    <Text size="sm" data-testid="conflict-text">
      {children}
    </Text>
  );
}

/** The custodians by name: the ids in the conflict are people in the register. */
function CustodianSentence({ conflict }: { conflict: ConflictView }) {
  const { t } = useTranslation();
  const [first, second] = divergedCustodians(conflict);
  const name = (person: string, data: { full_name: string } | undefined) => (person ? (data?.full_name ?? '…') : t('syncUi.conflicts.nobody'));
  const a = useRouteQuery('people.get', { person_id: first }, { enabled: first !== '' });
  const b = useRouteQuery('people.get', { person_id: second }, { enabled: second !== '' });
  const asset = useRouteQuery('assets.get', { asset_id: conflict.entities[0] ?? '' }, { enabled: conflict.entities.length > 0 });
  const current = asset.data ? (asset.data.custodian_name ?? t('syncUi.conflicts.nobody')) : '…';
  return <Sentence>{t('syncUi.conflicts.kinds.custodian-diverged.text', { first: name(first, a.data), second: name(second, b.data), current })}</Sentence>;
}

/** A device by its tag (assets.get), opening its particulars and history. */
function DeviceLink({ id, onOpen }: { id: string; onOpen: () => void }) {
  const { t } = useTranslation();
  const asset = useRouteQuery('assets.get', { asset_id: id });
  if (asset.isError) {
    return (
      <Badge color="gray" variant="outline" title={id}>
        {t('syncUi.conflicts.device-missing')}
      </Badge>
    );
  }
  // Two devices in a duplicate share a tag: the make and model tell them apart.
  const label = asset.data ? [asset.data.make, asset.data.model].filter(Boolean).join(' ') : '';
  return (
    <Anchor component="button" type="button" size="sm" onClick={onOpen} data-testid="conflict-device">
      <Group gap={6} wrap="nowrap">
        <IconDevices size={14} />
        <Text span size="sm" fw={600} ff="monospace" data-testid="conflict-device-tag">
          {asset.data ? asset.data.tag : '…'}
        </Text>
        {label ? (
          <Text span size="sm" c="dimmed">
            {label}
          </Text>
        ) : null}
      </Group>
    </Anchor>
  );
}

function DeviceTitle({ id }: { id: string | null }) {
  const { t } = useTranslation();
  const asset = useRouteQuery('assets.get', { asset_id: id ?? '' }, { enabled: id !== null });
  return <Text fw={600}>{asset.data ? t('syncUi.conflicts.device-title', { tag: asset.data.tag }) : ''}</Text>;
}

function DeviceSummary({ id }: { id: string }) {
  const { t } = useTranslation();
  const asset = useRouteQuery('assets.get', { asset_id: id });
  if (asset.isPending) return <Loading />;
  if (asset.isError) return <RefusalAlert error={asset.error} />;
  const device = asset.data;
  return (
    <Stack gap="md" data-testid="conflict-device-detail">
      <Group gap="sm">
        <Text fw={600}>{[device.make, device.model].filter(Boolean).join(' ')}</Text>
        <StatusBadge status={device.status} />
      </Group>
      <SimpleGrid cols={2} spacing="md">
        <Particular label={t('syncUi.conflicts.device.serial')}>{device.serial || '—'}</Particular>
        <Particular label={t('syncUi.conflicts.device.custodian')}>{device.custodian_name ?? '—'}</Particular>
        <Particular label={t('syncUi.conflicts.device.location')}>{device.location_name ?? '—'}</Particular>
      </SimpleGrid>
      <Anchor href={hashOf('assets')} size="sm">
        {t('syncUi.conflicts.open-register')}
      </Anchor>
      <Title order={4} size="h6">
        {t('syncUi.conflicts.device.history')}
      </Title>
      <HistoryTimeline entity={id} />
    </Stack>
  );
}

function ResolveForm({ conflict, onClose }: { conflict: ConflictView; onClose: () => void }) {
  const { t } = useTranslation();
  const form = useForm<z.input<typeof ResolveConflictInput>, unknown, z.output<typeof ResolveConflictInput>>({
    resolver: zodResolver(ResolveConflictInput),
    defaultValues: { conflict_id: conflict.id, note: '' },
  });
  const resolve = useRouteMutation('conflicts.resolve', ['conflicts.list']);
  const refusal = useRefusal(form.setError, ['note']);
  const fieldError = useFieldError(refusal.refusal?.params);

  const submit = form.handleSubmit(async (values) => {
    refusal.clear();
    try {
      await resolve.mutateAsync(values);
      notifications.show({ color: 'flag', message: t('syncUi.conflicts.resolve.done') });
      onClose();
    } catch (error) {
      refusal.show(error);
    }
  });

  return (
    <form onSubmit={submit} noValidate data-testid="resolve-conflict-form">
      <Stack gap="sm">
        <Paper withBorder p="sm" radius="sm" bg="gray.0">
          <ConflictSentence conflict={conflict} />
        </Paper>
        <Text size="sm">{t('syncUi.conflicts.resolve.explain')}</Text>
        <RefusalAlert error={refusal.refusal} />
        <Textarea
          label={t('syncUi.conflicts.resolve.note')}
          placeholder={t('syncUi.conflicts.resolve.note-example')}
          withAsterisk
          autosize
          minRows={3}
          maxRows={6}
          data-autofocus
          {...form.register('note')}
          error={fieldError(form.formState.errors.note)}
        />
        <Group justify="flex-end" mt="sm">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" color="orange" loading={form.formState.isSubmitting} data-testid="submit">
            {t('syncUi.conflicts.resolve.open')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** The media register's own resolution of a double issue: the issue that never happened is voided, with the reason. */
function VoidIssueForm({ conflict, onClose }: { conflict: ConflictView; onClose: () => void }) {
  const { t } = useTranslation();
  const issues = issuedTwiceHolders(conflict.detail);
  const form = useForm<z.input<typeof VoidIssueInput>, unknown, z.output<typeof VoidIssueInput>>({
    resolver: zodResolver(VoidIssueInput),
    defaultValues: { issue_id: '', reason: '' },
  });
  const voidIssue = useRouteMutation('media.void-issue', ['conflicts.list', 'media.list', 'media.get', 'assets.get', 'assets.list']);
  const refusal = useRefusal(form.setError, ['issue_id', 'reason']);
  const fieldError = useFieldError(refusal.refusal?.params);
  const chosen = form.watch('issue_id');

  const submit = form.handleSubmit(async (values) => {
    refusal.clear();
    try {
      await voidIssue.mutateAsync(values);
      notifications.show({ color: 'flag', message: t('syncUi.conflicts.void.done') });
      onClose();
    } catch (error) {
      refusal.show(error);
    }
  });

  return (
    <form onSubmit={submit} noValidate data-testid="void-issue-form">
      <Stack gap="sm">
        <Paper withBorder p="sm" radius="sm" bg="gray.0">
          <ConflictSentence conflict={conflict} />
        </Paper>
        <Text size="sm">{t('syncUi.conflicts.void.explain')}</Text>
        <RefusalAlert error={refusal.refusal} />
        <Radio.Group
          label={t('syncUi.conflicts.void.issue')}
          withAsterisk
          value={chosen}
          onChange={(value) => form.setValue('issue_id', value, { shouldValidate: form.formState.isSubmitted })}
          error={fieldError(form.formState.errors.issue_id)}
        >
          <Stack gap={6} mt={6}>
            {issues.map((line) => (
              <Radio key={line.issue} value={line.issue} label={t('syncUi.conflicts.void.issue-to', { holder: line.holder })} data-testid="void-issue-choice" />
            ))}
          </Stack>
        </Radio.Group>
        <Textarea
          label={t('syncUi.conflicts.void.reason')}
          placeholder={t('syncUi.conflicts.void.reason-example')}
          withAsterisk
          autosize
          minRows={3}
          maxRows={6}
          {...form.register('reason')}
          error={fieldError(form.formState.errors.reason)}
        />
        <Group justify="flex-end" mt="sm">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" color="orange" loading={form.formState.isSubmitting} data-testid="submit">
            {t('syncUi.conflicts.void.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
