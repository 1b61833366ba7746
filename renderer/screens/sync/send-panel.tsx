// Sending: choose the receiver, see what goes in, then the signed bundle is made and downloaded. The
// bundle is only made on confirmation, since making one is journaled and opens a 3.6.9 wipe reminder.
import { Alert, Badge, Button, Group, List, Paper, Radio, SimpleGrid, Stack, Stepper, Text, ThemeIcon } from '@mantine/core';
import { IconArrowLeft, IconCircleCheck, IconDownload, IconFileExport, IconInfoCircle, IconLock, IconPackage, IconServer, IconUserOff, IconWorld } from '@tabler/icons-react';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { RouteOutput } from '../../../db/contract/routes.ts';
import { useRouteMutation, useRouteQuery } from '../../client/context.tsx';
import { saveFile } from '../../components/assets/download.ts';
import { JobProgress, JobStopped, useJob } from '../../components/job-progress.tsx';
import { RefusalAlert } from '../../components/refusal-alert.tsx';
import { Loading } from '../../components/states.tsx';
import { formatDateTime } from '../../../db/contract/days.ts';
import { HashText, Particular, WipeReminder } from './sync-parts.tsx';

type Peer = RouteOutput<'peers.list'>[number];
type Exported = RouteOutput<'sync.export'>;

const EVERYTHING = 'everything';
export const BUNDLE_MIME = 'application/octet-stream';

export function SendPanel() {
  const { t } = useTranslation();
  const peers = useRouteQuery('peers.list', {});
  const exporter = useRouteMutation('sync.export', ['sync.transfers', 'peers.list']);
  const [step, setStep] = useState(0);
  const [choice, setChoice] = useState<string>(EVERYTHING);
  const [made, setMade] = useState<Exported | null>(null);
  const job = useJob();

  const trusted = (peers.data ?? []).filter((peer) => peer.status === 'trusted');
  const chosen = trusted.find((peer) => peer.id === choice) ?? null;

  const make = async () => {
    try {
      const bundle = await job.run((key) => exporter.mutateAsync({ peer_id: chosen?.id ?? null, job: key }));
      if (!bundle) return;
      saveFile({ filename: bundle.file_name, mime: BUNDLE_MIME, base64: bundle.base64 });
      setMade(bundle);
      setStep(2);
    } catch {
      // The refusal is shown on the review step.
    }
  };

  const restart = () => {
    exporter.reset();
    job.clearStopped();
    setMade(null);
    setChoice(EVERYTHING);
    setStep(0);
  };

  return (
    <Paper withBorder p="lg" radius="md" data-testid="send-panel">
      <Stepper active={step} size="sm" onStepClick={(index) => step < 2 && index < step && setStep(index)}>
        <Stepper.Step label={t('syncUi.send.steps.peer')} icon={<IconServer size={18} />}>
          <Stack gap="sm" mt="md">
            <Text fw={600}>{t('syncUi.send.peer-question')}</Text>
            {peers.isPending ? <Loading /> : null}
            {peers.isError ? <RefusalAlert error={peers.error} /> : null}
            <Radio.Group value={choice} onChange={setChoice}>
              <SimpleGrid cols={2} spacing="sm">
                <ChoiceCard value={EVERYTHING} title={t('syncUi.send.everything')} hint={t('syncUi.send.everything-hint')} icon={<IconWorld size={18} />} />
                {trusted.map((peer) => (
                  <PeerCard key={peer.id} peer={peer} />
                ))}
              </SimpleGrid>
            </Radio.Group>
            {peers.data && trusted.length === 0 ? (
              <Text size="sm" c="dimmed">
                {t('syncUi.send.no-peers')}
              </Text>
            ) : null}
            <Group justify="flex-end">
              <Button onClick={() => setStep(1)} data-testid="send-next">
                {t('common.next')}
              </Button>
            </Group>
          </Stack>
        </Stepper.Step>
        <Stepper.Step label={t('syncUi.send.steps.review')} icon={<IconPackage size={18} />}>
          <Stack gap="sm" mt="md" data-testid="send-review">
            <Text fw={600}>{t('syncUi.send.review-for', { name: chosen ? chosen.name : t('syncUi.send.everything') })}</Text>
            <List size="sm" spacing={6} center>
              <List.Item icon={<ReviewIcon icon={<IconPackage size={14} />} />}>
                {chosen ? t('syncUi.send.review-peer', { name: chosen.name, institution: chosen.institution_name }) : t('syncUi.send.review-everything')}
              </List.Item>
              <List.Item icon={<ReviewIcon icon={<IconUserOff size={14} />} />}>{t('syncUi.send.review-accounts')}</List.Item>
              <List.Item icon={<ReviewIcon icon={<IconLock size={14} />} />}>{t('syncUi.send.review-signed')}</List.Item>
            </List>
            {exporter.isError && !job.stopped ? <RefusalAlert error={exporter.error} /> : null}
            {exporter.isPending ? (
              <JobProgress
                job={job}
                title={t('syncUi.send.making')}
                describe={(progress, number) =>
                  progress.phase === 'writing' && progress.total > 0 ? t('syncUi.send.progress', { done: number(progress.done), total: number(progress.total) }) : null
                }
                testId="send-busy"
              />
            ) : null}
            {job.stopped && !exporter.isPending ? <JobStopped sentence="syncUi.send.stopped" /> : null}
            <Group justify="space-between">
              <Button variant="default" leftSection={<IconArrowLeft size={16} />} onClick={() => setStep(0)} disabled={exporter.isPending}>
                {t('common.back')}
              </Button>
              <Button leftSection={<IconFileExport size={16} />} loading={exporter.isPending} onClick={() => void make()} data-testid="make-bundle">
                {t('syncUi.send.create')}
              </Button>
            </Group>
          </Stack>
        </Stepper.Step>
        <Stepper.Step label={t('syncUi.send.steps.file')} icon={<IconDownload size={18} />}>
          {made ? <Made bundle={made} onAgain={restart} /> : null}
        </Stepper.Step>
      </Stepper>
    </Paper>
  );
}

function ReviewIcon({ icon }: { icon: ReactNode }) {
  return (
    <ThemeIcon size={22} radius="xl" variant="light" color="flag">
      {icon}
    </ThemeIcon>
  );
}

function ChoiceCard({ value, title, hint, icon, extra }: { value: string; title: string; hint: string; icon: ReactNode; extra?: ReactNode }) {
  return (
    <Radio.Card value={value} radius="md" p="md" data-testid={`send-choice-${value}`}>
      <Group wrap="nowrap" align="flex-start" gap="sm">
        <Radio.Indicator mt={2} />
        <Stack gap={4} style={{ minWidth: 0 }}>
          <Group gap={6} wrap="nowrap">
            {icon}
            <Text fw={600} truncate>
              {title}
            </Text>
          </Group>
          <Text size="sm" c="dimmed">
            {hint}
          </Text>
          {extra}
        </Stack>
      </Group>
    </Radio.Card>
  );
}

function PeerCard({ peer }: { peer: Peer }) {
  const { t } = useTranslation();
  return (
    <ChoiceCard
      value={peer.id}
      title={peer.name}
      hint={t('syncUi.send.peer-hint')}
      icon={<IconServer size={18} />}
      extra={
        <Group gap={6}>
          <Badge size="sm" variant="light" color="blue">
            {peer.institution_code}
          </Badge>
          <Text size="xs" c="dimmed">
            {peer.last_export_at ? t('syncUi.send.last-export', { date: formatDateTime(peer.last_export_at) }) : t('syncUi.send.last-export-never')}
          </Text>
        </Group>
      }
    />
  );
}

function Made({ bundle, onAgain }: { bundle: Exported; onAgain: () => void }) {
  const { t } = useTranslation();
  return (
    <Stack gap="md" mt="md" data-testid="send-done">
      <Alert color="flag" variant="light" icon={<IconCircleCheck size={18} />} title={t('syncUi.send.done-title')}>
        {t('syncUi.send.saved-as', { file: bundle.file_name })}
      </Alert>
      <SimpleGrid cols={{ base: 1, md: 3 }} spacing="md">
        <Particular label={t('syncUi.file-name')}>
          <Text size="sm" ff="monospace" style={{ wordBreak: 'break-all' }} data-testid="bundle-file-name">
            {bundle.file_name}
          </Text>
        </Particular>
        <Particular label={t('syncUi.event-count')}>
          <Text size="xl" fw={700} data-testid="bundle-event-count">
            {bundle.event_count}
          </Text>
        </Particular>
        <Particular label={t('syncUi.content-hash')}>
          <HashText value={bundle.content_sha256} />
          <Text size="xs" c="dimmed" mt={2}>
            {t('syncUi.send.hash-hint')}
          </Text>
        </Particular>
      </SimpleGrid>
      {bundle.event_count === 0 ? (
        <Alert color="blue" variant="light" icon={<IconInfoCircle size={18} />}>
          {t('syncUi.send.empty-bundle')}
        </Alert>
      ) : null}
      <WipeReminder transferId={bundle.transfer_id} fileName={bundle.file_name} after="export" />
      <Group justify="space-between">
        <Button variant="default" leftSection={<IconDownload size={16} />} onClick={() => saveFile({ filename: bundle.file_name, mime: BUNDLE_MIME, base64: bundle.base64 })}>
          {t('syncUi.send.download-again')}
        </Button>
        <Button variant="light" onClick={onAgain} data-testid="send-again">
          {t('syncUi.send.again')}
        </Button>
      </Group>
    </Stack>
  );
}
