// Restoring a backup over the records: first the backup is verified in full and what it holds is shown
// (date, institution, counts); only then may the administrator confirm. The current file is kept aside
// by the core, and everyone signs in again afterwards.
import { Alert, Button, Checkbox, Group, Modal, SimpleGrid, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconAlertTriangle, IconRestore, IconSearch } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../db/contract/days.ts';
import type { RouteOutput } from '../../../db/contract/routes.ts';
import { useRouteMutation } from '../../client/context.tsx';
import { JobProgress, JobStopped, useJob } from '../../components/job-progress.tsx';
import { RefusalAlert } from '../../components/refusal-alert.tsx';
import type { BackupItem } from './backups-view.ts';

type Inspected = RouteOutput<'backups.inspect'>;

export function RestoreDialog({ backup, onClose }: { backup: BackupItem | null; onClose: () => void }) {
  const { t } = useTranslation();
  const job = useJob();
  return (
    <Modal
      opened={backup !== null}
      onClose={() => !job.running && onClose()}
      title={t('backupsUi.restore-title')}
      size="lg"
      closeOnClickOutside={!job.running}
      withCloseButton={!job.running}
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      {backup ? <RestoreSteps key={backup.file} backup={backup} job={job} onClose={onClose} /> : null}
    </Modal>
  );
}

function RestoreSteps({ backup, job, onClose }: { backup: BackupItem; job: ReturnType<typeof useJob>; onClose: () => void }) {
  const { t } = useTranslation();
  const inspect = useRouteMutation('backups.inspect');
  // Asking again after the restore finds the session ended, and the window returns to the sign-in.
  const restore = useRouteMutation('backups.restore', ['backups.list', 'auth.me']);
  const [shown, setShown] = useState<Inspected | null>(null);
  const [sure, setSure] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const check = async () => {
    setError(null);
    try {
      const inspected = await job.run((key) => inspect.mutateAsync({ file: backup.file, job: key }));
      if (inspected) setShown(inspected);
    } catch (refused) {
      setError(refused);
    }
  };

  const confirm = async () => {
    if (!shown) return;
    setError(null);
    try {
      const restored = await job.run((key) => restore.mutateAsync({ file: shown.file, sha256: shown.sha256, job: key }));
      if (!restored) return;
      // The session ends with the restore: the sign-in screen follows, and this says what happened.
      notifications.show({ color: 'teal', autoClose: 15_000, message: t('backupsUi.restored', { file: restored.file, kept: restored.kept_aside }) });
      onClose();
    } catch (refused) {
      setError(refused);
    }
  };

  const summary = shown?.summary;
  return (
    <Stack gap="md" data-testid="restore-dialog">
      <Text size="sm">{t('backupsUi.restore-intro', { file: backup.file })}</Text>
      {summary ? (
        <Stack gap="xs" data-testid="restore-summary">
          <Alert color="teal" variant="light">
            {t('backupsUi.verified-line', { events: summary.events })}
          </Alert>
          <SimpleGrid cols={2} spacing="xs">
            <Fact label={t('backupsUi.facts.institution')} value={`${summary.institution_name} (${summary.institution_code})`} />
            <Fact label={t('backupsUi.facts.last-event')} value={formatDateTime(summary.last_event_at)} />
            <Fact label={t('backupsUi.facts.devices')} value={String(summary.devices)} />
            <Fact label={t('backupsUi.facts.log-entries')} value={String(summary.log_entries)} />
            <Fact label={t('backupsUi.facts.people')} value={String(summary.people)} />
            <Fact label={t('backupsUi.facts.users')} value={String(summary.users)} />
          </SimpleGrid>
          <Text size="xs" c="dimmed" style={{ wordBreak: 'break-all' }}>
            {t('backupsUi.sha256', { hash: shown.sha256 })}
          </Text>
          <Alert color="orange" icon={<IconAlertTriangle size={18} />}>
            {t('backupsUi.restore-warning')}
          </Alert>
          <Checkbox checked={sure} onChange={(event) => setSure(event.currentTarget.checked)} label={t('backupsUi.restore-sure')} data-testid="restore-sure" />
        </Stack>
      ) : null}
      {job.running ? <JobProgress job={job} title={t(shown ? 'backupsUi.restoring' : 'backupsUi.checking')} testId="restore-job" /> : null}
      {job.stopped && !job.running ? <JobStopped onClose={job.clearStopped} /> : null}
      {error && !job.stopped ? <RefusalAlert error={error} /> : null}
      <Group justify="flex-end">
        <Button variant="default" onClick={onClose} disabled={job.running}>
          {t('common.cancel')}
        </Button>
        {shown ? (
          <Button color="red" leftSection={<IconRestore size={16} />} disabled={!sure || job.running} loading={job.running} onClick={() => void confirm()} data-testid="restore-confirm">
            {t('backupsUi.restore-confirm')}
          </Button>
        ) : (
          <Button leftSection={<IconSearch size={16} />} loading={job.running} onClick={() => void check()} data-testid="restore-check">
            {t('backupsUi.check')}
          </Button>
        )}
      </Group>
    </Stack>
  );
}

function Fact({ label, value }: { label: string; value: string }) {
  return (
    <Stack gap={0}>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="sm" fw={500}>
        {value}
      </Text>
    </Stack>
  );
}
