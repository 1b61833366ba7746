// A long job as the window follows it (an import, an export, a bundle, a period's log book): the window
// makes the job's key itself, so it can ask how far the job is (`jobs.progress`) and stop it
// (`jobs.cancel`) while the call running it is still out. A stopped job changes nothing, and says so.
import { Alert, Button, Group, Loader, Modal, Paper, Progress, Stack, Text } from '@mantine/core';
import { IconPlayerStop } from '@tabler/icons-react';
import { useCallback, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RouteOutput } from '../../db/contract/routes.ts';
import { errorValueOf } from '../client/call-error.ts';
import { useClient, useRouteQuery } from '../client/context.tsx';
import { jobLine, jobShare, type JobProgressValue } from './job-progress-view.ts';
import { RefusalAlert } from './refusal-alert.tsx';

type Polled = RouteOutput<'jobs.progress'>;

/** How often the window asks how far a running job is. */
export const POLL_MS = 400;

/** A random job key (16 bytes, hex): the core files the job under it for this user. */
export function newJobKey(): string {
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), (byte) => byte.toString(16).padStart(2, '0')).join('');
}

/** Whether a call was refused because its owner stopped it. */
export function isCancelled(error: unknown): boolean {
  return errorValueOf(error).code === 'cancelled';
}

export interface Job {
  /** A call is out under a key of this job. */
  running: boolean;
  /** The key of the call out, for the progress panel to poll; null when none is. */
  key: string | null;
  stopping: boolean;
  /** The last call was stopped by its owner (and changed nothing). */
  stopped: boolean;
  /**
   * Makes a fresh key, runs `start(key)` while polling its progress, and resolves with its value, or
   * with null when the owner stopped it. Any other refusal is thrown, as the call threw it.
   */
  run<T>(start: (key: string) => Promise<T>): Promise<T | null>;
  stop(): void;
  /** Forgets that the last call was stopped (the user moved on). */
  clearStopped(): void;
}

/**
 * One long call at a time, followed under its own key. The screen that holds it renders again only when
 * a call starts, is being stopped or ends; each answer about its progress renders the panel alone
 * (`JobProgress`), so a screen of thousands of rows is not drawn again every poll.
 */
export function useJob(): Job {
  const { call } = useClient();
  const [key, setKey] = useState<string | null>(null);
  const [stopping, setStopping] = useState(false);
  const [stopped, setStopped] = useState(false);

  const run = useCallback(async <T,>(start: (key: string) => Promise<T>): Promise<T | null> => {
    const next = newJobKey();
    setStopping(false);
    setStopped(false);
    setKey(next);
    try {
      return await start(next);
    } catch (error) {
      if (!isCancelled(error)) throw error;
      setStopped(true);
      return null;
    } finally {
      setKey(null);
      setStopping(false);
    }
  }, []);

  const stop = useCallback(() => {
    if (!key) return;
    setStopping(true);
    void call('jobs.cancel', { job: key }).catch(() => setStopping(false));
  }, [call, key]);

  const clearStopped = useCallback(() => setStopped(false), []);
  return { running: key !== null, key, stopping, stopped, run, stop, clearStopped };
}

/** How far the job's call is: the last answer of `jobs.progress`, null before the first and between calls. */
function useProgress(key: string | null): JobProgressValue | null {
  const polled = useRouteQuery('jobs.progress', { job: key ?? 'no-job-yet' }, { enabled: key !== null, refetchInterval: POLL_MS, gcTime: 0 });
  const data: Polled | undefined = polled.data;
  return key ? (data ?? null) : null;
}

interface JobProgressProps {
  job: Job;
  /** What the job is doing, in words: the heading of the panel; none where a dialog's title says it. */
  title?: string;
  /** The line under the bar; by default the phase in words with done of total (jobsUi). */
  describe?: (progress: JobProgressValue, number: (value: number) => string) => string | null;
  /** Whether the stop may be pressed at this point of the job (a bundle being applied cannot be stopped). */
  canStop?: (progress: JobProgressValue | null) => boolean;
  testId?: string;
}

/**
 * A long job under way: its heading, a bar of done of total (a moving bar while the total is not
 * known), what it is doing in words, and a stop.
 */
export function JobProgress({ job, title, describe, canStop, testId = 'job-busy' }: JobProgressProps) {
  const { t, i18n } = useTranslation();
  // Drawn again at every poll: one number format per language, not one per number.
  const format = useMemo(() => new Intl.NumberFormat(i18n.language === 'sw' ? 'sw-TZ' : 'en-GB'), [i18n.language]);
  const number = (value: number) => format.format(value);
  const progress = useProgress(job.key);
  const share = progress ? jobShare(progress) : null;
  const line = progress ? (describe ? describe(progress, number) : jobLine(progress, t as unknown as Parameters<typeof jobLine>[1], number)) : null;
  return (
    <Paper withBorder p="xl" radius="md" data-testid={testId} data-phase={progress?.phase ?? 'starting'}>
      <Stack gap="sm">
        {title || !progress ? (
          <Group gap="md" justify="center">
            {progress ? null : <Loader size="md" />}
            {title ? <Text>{title}</Text> : null}
          </Group>
        ) : null}
        {progress ? (
          <>
            {share === null ? (
              <Progress value={100} size="lg" radius="sm" striped animated data-testid="job-progress" />
            ) : (
              <Progress value={share} size="lg" radius="sm" transitionDuration={200} data-testid="job-progress" />
            )}
            {line ? (
              <Text size="sm" c="dimmed" ta="center" data-testid="job-progress-label">
                {line}
              </Text>
            ) : null}
          </>
        ) : null}
        <Group justify="center">
          <Button
            variant="default"
            color="red"
            leftSection={<IconPlayerStop size={16} />}
            onClick={job.stop}
            loading={job.stopping}
            disabled={!job.running || (canStop ? !canStop(progress) : false)}
            data-testid="job-stop"
          >
            {t('jobsUi.stop')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}

/** Said once a job was stopped: nothing was changed. `sentence` is a catalogue key. */
export function JobStopped({ sentence = 'errors.cancelled', onClose }: { sentence?: string; onClose?: () => void }) {
  const { t } = useTranslation();
  return (
    <Alert
      color="gray"
      variant="light"
      icon={<IconPlayerStop size={18} />}
      withCloseButton={onClose !== undefined}
      onClose={onClose}
      closeButtonLabel={t('common.close')}
      data-testid="job-cancelled"
    >
      {t(sentence)}
    </Alert>
  );
}

/**
 * A long job started from a button (an export, a print): its progress in a dialog while it runs, then,
 * if it was stopped or refused, why, until the user closes it. `error` is the call's refusal, if any.
 */
export function JobModal({ job, title, error, onClose }: { job: Job; title: string; error: unknown; onClose: () => void }) {
  const { t } = useTranslation();
  const opened = job.running || job.stopped || Boolean(error);
  const close = () => {
    if (job.running) return;
    job.clearStopped();
    onClose();
  };
  return (
    <Modal opened={opened} onClose={close} title={title} withCloseButton={!job.running} closeOnClickOutside={!job.running} closeButtonProps={{ 'aria-label': t('common.close') }} size="lg">
      <Stack gap="md">
        {job.running ? <JobProgress job={job} /> : null}
        {!job.running && job.stopped ? <JobStopped /> : null}
        {!job.running && !job.stopped && error ? <RefusalAlert error={error} /> : null}
        {job.running ? null : (
          <Group justify="flex-end">
            <Button variant="default" onClick={close} data-testid="job-close">
              {t('common.close')}
            </Button>
          </Group>
        )}
      </Stack>
    </Modal>
  );
}
