// Backups (3.4.1, 3.4.2): take one now, see each backup and whether it verified, try a restore on a
// scratch copy, restore one over the records after seeing what it holds, and set how often and where
// backups are taken. Every step that reads a whole file is a job with a bar and a stop.
import { Alert, Badge, Button, Group, Paper, Grid, NumberInput, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { IconAlertTriangle, IconCircleCheck, IconDatabaseExport, IconRestore, IconShare, IconTestPipe } from '@tabler/icons-react';
import { useState } from 'react';
import { Controller } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { BACKUP_EVERY, BackupSettingsInput } from '../../../db/backups/contract.ts';
import { formatDateTime } from '../../../db/contract/days.ts';
import type { RouteOutput } from '../../../db/contract/routes.ts';
import { useRouteMutation, useRouteQuery } from '../../client/context.tsx';
import { RecordForm } from '../../components/form-modal.tsx';
import { JobProgress, JobStopped, useJob } from '../../components/job-progress.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { RefusalAlert } from '../../components/refusal-alert.tsx';
import { Empty, Loading } from '../../components/states.tsx';
import { useRouteForm } from '../../components/use-route-form.ts';
import { useSession } from '../../session/session.tsx';
import { mayRestore, sizeText, stateColour, stateKey, type BackupItem } from './backups-view.ts';
import { RestoreDialog } from './restore-dialog.tsx';

type Settings = RouteOutput<'backups.list'>['settings'];
type Tried = RouteOutput<'backups.test-restore'>;

export function BackupsScreen() {
  const { t } = useTranslation();
  const list = useRouteQuery('backups.list', {});
  const [restoring, setRestoring] = useState<BackupItem | null>(null);
  return (
    <Stack gap="md" data-testid="backups-screen">
      <PageHeader title={t('backupsUi.title')} description={t('backupsUi.intro')} />
      {list.isError ? <RefusalAlert error={list.error} /> : null}
      <Grid gap="md">
        <Grid.Col span={{ base: 12, lg: 7 }}>
          <Actions />
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 5 }}>
          <Paper withBorder p="md">{list.data ? <SettingsForm key={JSON.stringify(list.data.settings)} settings={list.data.settings} /> : <Loading />}</Paper>
        </Grid.Col>
      </Grid>
      <Paper withBorder p="md">
        <Title order={3} size="h5" mb="sm">
          {t('backupsUi.list-title')}
        </Title>
        {list.isPending ? <Loading /> : null}
        {list.data ? <BackupTable items={list.data.backups} folder={list.data.settings.resolved_folder} onRestore={setRestoring} /> : null}
      </Paper>
      <RestoreDialog backup={restoring} onClose={() => setRestoring(null)} />
    </Stack>
  );
}

/** Take a backup now, and try restoring the newest: each a job followed on the screen. */
function Actions() {
  const { t } = useTranslation();
  const { can } = useSession();
  const take = useRouteMutation('backups.take', ['backups.list', 'inbox.list']);
  const tryRestore = useRouteMutation('backups.test-restore', ['backups.list', 'inbox.list']);
  const share = useRouteMutation('backups.copy-for-sharing');
  const job = useJob();
  const [taken, setTaken] = useState<string | null>(null);
  const [shared, setShared] = useState<string | null>(null);
  const [tried, setTried] = useState<Tried | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [running, setRunning] = useState<'take' | 'test' | 'share' | null>(null);
  if (!can('backups.take') && !can('backups.test-restore')) return null;

  const start = async (which: 'take' | 'test' | 'share') => {
    setTaken(null);
    setShared(null);
    setTried(null);
    setError(null);
    setRunning(which);
    try {
      if (which === 'take') {
        const done = await job.run((key) => take.mutateAsync({ job: key }));
        if (done) setTaken(done.file);
      } else if (which === 'share') {
        const done = await job.run((key) => share.mutateAsync({ job: key }));
        if (done) setShared(done.path);
      } else {
        const done = await job.run((key) => tryRestore.mutateAsync({ job: key }));
        if (done) setTried(done);
      }
    } catch (refused) {
      setError(refused);
    } finally {
      setRunning(null);
    }
  };

  return (
    <Paper withBorder p="md" data-testid="backup-actions">
      <Stack gap="sm">
        <Text size="sm" c="dimmed">
          {t('backupsUi.actions-intro')}
        </Text>
        <Group>
          {can('backups.take') ? (
            <Button leftSection={<IconDatabaseExport size={16} />} onClick={() => void start('take')} loading={running === 'take'} disabled={running !== null} data-testid="backup-take">
              {t('backupsUi.take')}
            </Button>
          ) : null}
          {can('backups.test-restore') ? (
            <Button variant="light" leftSection={<IconTestPipe size={16} />} onClick={() => void start('test')} loading={running === 'test'} disabled={running !== null} data-testid="backup-test">
              {t('backupsUi.test')}
            </Button>
          ) : null}
          {can('backups.copy-for-sharing') ? (
            <Button variant="default" leftSection={<IconShare size={16} />} onClick={() => void start('share')} loading={running === 'share'} disabled={running !== null} data-testid="backup-share">
              {t('backupsUi.share')}
            </Button>
          ) : null}
        </Group>
        {can('backups.copy-for-sharing') ? (
          <Text size="xs" c="dimmed">
            {t('backupsUi.share-hint')}
          </Text>
        ) : null}
        {job.running ? <JobProgress job={job} title={t(running === 'test' ? 'backupsUi.testing' : running === 'share' ? 'backupsUi.sharing' : 'backupsUi.taking')} testId="backup-job" /> : null}
        {job.stopped && !job.running ? <JobStopped onClose={job.clearStopped} /> : null}
        {error && !job.stopped ? <RefusalAlert error={error} onClose={() => setError(null)} /> : null}
        {taken ? (
          <Alert color="teal" icon={<IconCircleCheck size={18} />} data-testid="backup-taken">
            {t('backupsUi.taken', { file: taken })}
          </Alert>
        ) : null}
        {shared ? (
          <Alert color="teal" icon={<IconCircleCheck size={18} />} data-testid="backup-shared">
            {t('backupsUi.shared', { path: shared })}
          </Alert>
        ) : null}
        {tried ? (
          <Alert color={tried.ok ? 'teal' : 'red'} icon={tried.ok ? <IconCircleCheck size={18} /> : <IconAlertTriangle size={18} />} data-testid="backup-tested">
            {tried.ok
              ? t('backupsUi.tested-ok', { file: tried.file, events: tried.summary?.events ?? 0 })
              : t('backupsUi.tested-failed', { file: tried.file, problem: t(`errors.backup-${tried.problem}`, { file: tried.file, detail: tried.detail }) })}
          </Alert>
        ) : null}
      </Stack>
    </Paper>
  );
}

function BackupTable({ items, folder, onRestore }: { items: readonly BackupItem[]; folder: string; onRestore: (item: BackupItem) => void }) {
  const { t, i18n } = useTranslation();
  const { can } = useSession();
  if (items.length === 0) return <Empty title={t('backupsUi.empty')} hint={t('backupsUi.empty-hint', { folder })} />;
  return (
    <Stack gap="xs">
      <Text size="sm" c="dimmed" data-testid="backup-folder">
        {t('backupsUi.folder-line', { folder })}
      </Text>
      <Table.ScrollContainer minWidth={760}>
        <Table striped verticalSpacing="xs" data-testid="backup-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('backupsUi.columns.taken')}</Table.Th>
              <Table.Th>{t('backupsUi.columns.state')}</Table.Th>
              <Table.Th>{t('backupsUi.columns.contents')}</Table.Th>
              <Table.Th>{t('backupsUi.columns.test')}</Table.Th>
              {can('backups.inspect') ? <Table.Th /> : null}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.map((item) => {
              const size = sizeText(item.size, i18n.language);
              return (
                <Table.Tr key={item.id ?? item.file} data-testid="backup-row" data-state={item.state}>
                  <Table.Td>
                    <Text size="sm">{formatDateTime(item.taken_at)}</Text>
                    <Text size="xs" c="dimmed" style={{ wordBreak: 'break-all' }}>
                      {item.file}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Badge color={stateColour(item)} variant="light">
                      {t(stateKey(item))}
                    </Badge>
                    {item.kind ? (
                      <Text size="xs" c="dimmed">
                        {t(`backupsUi.kinds.${item.kind}`, { name: item.by_name })}
                      </Text>
                    ) : null}
                  </Table.Td>
                  <Table.Td>
                    {item.state === 'failed' ? (
                      <Text size="xs" c="red">
                        {t(`errors.backup-${item.problem}`, { file: item.file, detail: item.detail })}
                      </Text>
                    ) : (
                      <Text size="sm">
                        {item.state === 'verified' ? t('backupsUi.events', { count: item.events }) : null} {t(size.key, { size: size.value })}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>
                    <Text size="xs" c={item.test_ok === 0 ? 'red' : undefined}>
                      {item.test_ok === null ? t('backupsUi.not-tested') : t(item.test_ok ? 'backupsUi.test-ok' : 'backupsUi.test-failed', { date: formatDateTime(item.tested_at) })}
                    </Text>
                  </Table.Td>
                  {can('backups.inspect') ? (
                    <Table.Td>
                      {mayRestore(item) ? (
                        <Button size="xs" variant="light" color="orange" leftSection={<IconRestore size={14} />} onClick={() => onRestore(item)} data-testid="backup-restore">
                          {t('backupsUi.restore')}
                        </Button>
                      ) : null}
                    </Table.Td>
                  ) : null}
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Stack>
  );
}

function SettingsForm({ settings }: { settings: Settings }) {
  const { t } = useTranslation();
  const { can } = useSession();
  const save = useRouteMutation('backups.set-settings', ['backups.list', 'inbox.list']);
  const editable = can('backups.set-settings');
  const { form, refusal, errors, fieldError, busy, onSubmit } = useRouteForm<z.input<typeof BackupSettingsInput>, z.output<typeof BackupSettingsInput>>(BackupSettingsInput, {
    defaultValues: { every: settings.every, keep: settings.keep, folder: settings.folder },
    fields: ['every', 'keep', 'folder'],
  });
  const submit = onSubmit(async (values) => {
    await save.mutateAsync(values);
    return t('backupsUi.settings.saved');
  });
  return (
    <RecordForm
      testId="backup-settings"
      onSubmit={submit}
      refusal={refusal.refusal}
      lead={
        <Stack gap={4}>
          <Title order={3} size="h5">
            {t('backupsUi.settings.title')}
          </Title>
          <Text size="sm" c="dimmed">
            {t('backupsUi.settings.intro')}
          </Text>
        </Stack>
      }
      buttons={
        editable ? (
          <Group justify="flex-end">
            <Button type="submit" loading={busy} data-testid="backup-settings-save">
              {t('common.save')}
            </Button>
          </Group>
        ) : null
      }
    >
      <Controller
        control={form.control}
        name="every"
        render={({ field }) => (
          <Select
            label={t('backupsUi.settings.every')}
            data={BACKUP_EVERY.map((value) => ({ value, label: t(`backupsUi.every.${value}`) }))}
            value={field.value}
            onChange={(value) => field.onChange(value ?? 'daily')}
            allowDeselect={false}
            disabled={!editable}
            error={fieldError(errors.every)}
            data-testid="backup-every"
          />
        )}
      />
      <Controller
        control={form.control}
        name="keep"
        render={({ field }) => (
          <NumberInput
            label={t('backupsUi.settings.keep')}
            description={t('backupsUi.settings.keep-hint')}
            value={field.value}
            onChange={(value) => field.onChange(typeof value === 'number' ? value : Number.NaN)}
            min={1}
            max={365}
            allowDecimal={false}
            disabled={!editable}
            error={fieldError(errors.keep)}
            data-testid="backup-keep"
          />
        )}
      />
      <TextInput
        label={t('backupsUi.settings.folder')}
        description={t('backupsUi.settings.folder-hint', { folder: settings.resolved_folder })}
        placeholder={settings.resolved_folder}
        disabled={!editable}
        error={fieldError(errors.folder)}
        data-testid="backup-folder-input"
        {...form.register('folder')}
      />
    </RecordForm>
  );
}

