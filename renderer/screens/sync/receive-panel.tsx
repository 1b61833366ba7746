// Receiving: the core checks a bundle and says what it holds before anything is kept; applying is a
// second, deliberate step. A never-seen installation is accepted only by an administrator who has
// confirmed its key fingerprint by phone (trust on first use). Checking and applying are long jobs:
// the window follows them under a key it makes itself (`jobs.progress`) and can stop them.
import { Alert, Box, Button, Checkbox, FileInput, Group, Paper, SimpleGrid, Stack, Table, Text, ThemeIcon, Title } from '@mantine/core';
import { IconAlertTriangle, IconArrowsExchange, IconCircleCheck, IconFileImport, IconPhoneCall, IconShieldCheck, IconShieldX } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RouteInput, RouteOutput } from '../../../db/contract/routes.ts';
import { errorValueOf } from '../../client/call-error.ts';
import { useClient, useRouteQuery } from '../../client/context.tsx';
import { readAsBase64 } from '../../components/assets/download.ts';
import { isCancelled, JobProgress, JobStopped, useJob } from '../../components/job-progress.tsx';
import { formatDateTime } from '../../../db/contract/days.ts';
import { useSession } from '../../session/session.tsx';
import { formatSize, revealedConflicts, totals, typeRows } from './sync-helpers.ts';
import { Fingerprint, Particular, WipeReminder } from './sync-parts.tsx';

type Preview = RouteOutput<'sync.preview'>;
type Imported = RouteOutput<'sync.import'>;
type BundleFile = RouteInput<'sync.preview'>['file'];

export function ReceivePanel({ onOpenConflicts }: { onOpenConflicts: () => void }) {
  const { t } = useTranslation();
  const { call } = useClient();
  const queries = useQueryClient();
  const { can } = useSession();
  // Accepting a new installation is trusting one: the core holds it to the same door as
  // `peers.trust-again` (db/sync/routes.ts).
  const admin = can('peers.trust-again');
  const [file, setFile] = useState<File | null>(null);
  const [reading, setReading] = useState(false);
  const [readError, setReadError] = useState<unknown>(null);
  const [bundle, setBundle] = useState<BundleFile | null>(null);
  const [accept, setAccept] = useState(false);
  const resetInput = useRef<() => void>(null);
  const job = useJob();
  const preview = useMutation({ mutationFn: (input: RouteInput<'sync.preview'>) => call('sync.preview', input) });
  const importer = useMutation({
    mutationFn: (input: RouteInput<'sync.import'>) => call('sync.import', input),
    // A merge can touch every register, the peers, the conflicts and the transfers: refresh them all.
    onSuccess: () => queries.invalidateQueries(),
  });

  const clear = () => {
    preview.reset();
    importer.reset();
    setBundle(null);
    setAccept(false);
    setReadError(null);
  };

  const another = () => {
    clear();
    setFile(null);
    resetInput.current?.();
  };

  /** The user starts over: a stop said before is no longer news. */
  const startOver = () => {
    another();
    job.clearStopped();
  };

  const choose = async (chosen: File | null) => {
    clear();
    job.clearStopped();
    setFile(chosen);
    if (!chosen) return;
    setReading(true);
    let read: BundleFile;
    try {
      read = { name: chosen.name, base64: await readAsBase64(chosen) };
    } catch (error) {
      setReadError(error);
      setReading(false);
      return;
    }
    setBundle(read);
    setReading(false);
    // A refusal shows from the mutation's state, so the promise has nothing more to say of it.
    const checked = await job.run((key) => preview.mutateAsync({ file: read, job: key })).catch(() => undefined);
    // Stopped while checking: nothing was kept, so the panel starts over, saying so.
    if (checked === null) another();
  };

  const apply = async (input: BundleFile) => {
    const applied = await job.run((key) => importer.mutateAsync({ file: input, accept_new_peer: accept, job: key })).catch(() => undefined);
    // Stopped before applying: nothing changed, and the preview is still true.
    if (applied === null) importer.reset();
  };

  const failed = (error: unknown) => (isCancelled(error) ? null : error);
  const refusal = readError ?? (preview.isError ? failed(preview.error) : null) ?? (importer.isError ? failed(importer.error) : null);
  const busy = reading || preview.isPending || importer.isPending;

  return (
    <Stack gap="md" data-testid="receive-panel">
      <Paper withBorder p="lg" radius="md">
        <Stack gap="sm">
          <Text size="sm">{t('syncUi.receive.intro')}</Text>
          <FileInput
            label={t('syncUi.receive.choose')}
            placeholder={t('syncUi.receive.choose-placeholder')}
            accept=".daftari"
            leftSection={<IconFileImport size={16} />}
            value={file}
            onChange={(chosen) => void choose(chosen)}
            resetRef={resetInput}
            disabled={busy}
            maw={560}
            data-testid="bundle-input"
          />
          {file ? (
            <Text size="xs" c="dimmed">
              {t('syncUi.receive.size', { size: formatSize(file.size) })}
            </Text>
          ) : null}
        </Stack>
      </Paper>
      {busy ? (
        <JobProgress
          job={job}
          title={t(importer.isPending ? 'syncUi.receive.applying' : 'syncUi.receive.checking')}
          describe={describeBundleJob(t as unknown as (key: string, params?: Record<string, string>) => string)}
          testId="receive-busy"
        />
      ) : null}
      {job.stopped && !busy ? <JobStopped sentence="syncUi.cancelled" /> : null}
      {refusal && !busy ? <BundleRefused error={refusal} onAnother={startOver} /> : null}
      {importer.data && bundle ? (
        <Applied result={importer.data} fileName={bundle.name} onAnother={startOver} onOpenConflicts={onOpenConflicts} />
      ) : null}
      {preview.data && bundle && !importer.data && !importer.isPending && !importer.isError ? (
        <PreviewView preview={preview.data} admin={admin} accept={accept} onAccept={setAccept} onApply={() => void apply(bundle)} onAnother={startOver} />
      ) : null}
    </Stack>
  );
}

/**
 * The line under a bundle's bar: events read of the manifest's count while checking; events written,
 * then records brought up to date, while applying (one transaction: a stop at any point keeps nothing).
 */
function describeBundleJob(t: (key: string, params?: Record<string, string>) => string) {
  return (progress: { phase: string; done: number; total: number }, number: (value: number) => string): string | null => {
    if (progress.phase === 'checking' && progress.total > 0) return t('syncUi.receive.progress', { done: number(progress.done), total: number(progress.total) });
    if (progress.phase === 'applying' && progress.total > 0) return t('syncUi.receive.progress-applying', { done: number(progress.done), total: number(progress.total) });
    if (progress.phase === 'folding' && progress.total > 0) return t('syncUi.receive.progress-folding', { done: number(progress.done), total: number(progress.total) });
    if (progress.phase === 'indexing') return t('syncUi.receive.progress-indexing');
    return null;
  };
}

/** A refusal stands out: the core's sentence already says that nothing was changed. */
function BundleRefused({ error, onAnother }: { error: unknown; onAnother: () => void }) {
  const { t } = useTranslation();
  const value = errorValueOf(error);
  return (
    <Alert color="red" variant="filled" radius="md" icon={<IconShieldX size={28} />} title={t('syncUi.receive.refused-title')} data-testid="bundle-refused" data-code={value.code}>
      <Stack gap="sm">
        <Text size="md" fw={500} data-testid="bundle-refusal">
          {t(value.message, value.params ?? {})}
        </Text>
        <Group>
          <Button variant="white" color="red" onClick={onAnother}>
            {t('syncUi.receive.another')}
          </Button>
        </Group>
      </Stack>
    </Alert>
  );
}

function PreviewView({
  preview,
  admin,
  accept,
  onAccept,
  onApply,
  onAnother,
}: {
  preview: Preview;
  admin: boolean;
  accept: boolean;
  onAccept: (value: boolean) => void;
  onApply: () => void;
  onAnother: () => void;
}) {
  const { t } = useTranslation();
  const conflicts = useRouteQuery('conflicts.list', {});
  const isNew = preview.peer.status === 'new';
  const blocked = isNew && !(admin && accept);
  const now = conflicts.data?.length ?? 0;
  return (
    <Stack gap="md" data-testid="bundle-preview">
      <Paper withBorder p="lg" radius="md">
        <Title order={3} size="h5" mb="sm">
          {t('syncUi.receive.from-title')}
        </Title>
        <SimpleGrid cols={{ base: 1, md: 3 }} spacing="md">
          <Particular label={t('syncUi.institution')}>
            <Text size="sm" fw={600} data-testid="preview-institution">
              {preview.institution.name} ({preview.institution.code})
            </Text>
          </Particular>
          <Particular label={t('syncUi.origin')}>
            <Text size="sm" ff="monospace" style={{ wordBreak: 'break-all' }}>
              {preview.origin}
            </Text>
          </Particular>
          <Particular label={t('syncUi.receive.created')}>{formatDateTime(preview.created_at)}</Particular>
        </SimpleGrid>
      </Paper>
      {preview.new_events === 0 ? (
        <Alert color="blue" variant="light" icon={<IconCircleCheck size={18} />} data-testid="nothing-new">
          {t('syncUi.receive.nothing-new')}
        </Alert>
      ) : null}
      {isNew ? <NewPeer preview={preview} admin={admin} accept={accept} onAccept={onAccept} /> : <TrustedPeer preview={preview} />}
      <Paper withBorder p="lg" radius="md">
        <Group justify="space-between" mb="sm" wrap="nowrap">
          <Title order={3} size="h5">
            {t('syncUi.receive.counts-title')}
          </Title>
          <Text size="sm" c="dimmed" data-testid="preview-summary">
            {t('syncUi.receive.summary', { total: preview.event_count, fresh: preview.new_events, held: preview.held_events })}
            {preview.new_files > 0 ? ` ${t('syncUi.receive.files', { count: preview.new_files })}` : ''}
          </Text>
        </Group>
        <CountsTable counts={preview.counts} />
        <Stack gap="xs" mt="md">
          {preview.open_conflicts > 0 ? (
            <Alert
              color={revealedConflicts(preview.open_conflicts, now) > 0 ? 'orange' : 'gray'}
              variant="light"
              icon={<IconArrowsExchange size={18} />}
              data-testid="preview-conflicts"
            >
              {t('syncUi.receive.conflicts-some', { after: preview.open_conflicts, now })}
            </Alert>
          ) : (
            <Text size="sm" c="dimmed" data-testid="preview-conflicts">
              {t('syncUi.receive.conflicts-none')}
            </Text>
          )}
        </Stack>
      </Paper>
      {/* The actions stay in view below a long preview (a new peer's particulars, many event types):
          a footer that sticks to the bottom of the scrolling page. */}
      <Paper
        withBorder
        shadow="sm"
        p="sm"
        radius="md"
        style={{ position: 'sticky', bottom: 0, zIndex: 2, background: 'var(--mantine-color-body)' }}
        data-testid="preview-actions"
      >
        <Group justify="space-between">
          <Button variant="default" onClick={onAnother}>
            {t('syncUi.receive.another')}
          </Button>
          <Group gap="sm">
            <Text size="sm" c="dimmed">
              {t('syncUi.receive.all-or-nothing')}
            </Text>
            <Button leftSection={<IconFileImport size={16} />} disabled={blocked} onClick={onApply} data-testid="apply-bundle">
              {t('syncUi.receive.apply')}
            </Button>
          </Group>
        </Group>
      </Paper>
    </Stack>
  );
}

function TrustedPeer({ preview }: { preview: Preview }) {
  const { t } = useTranslation();
  return (
    <Alert color="flag" variant="light" icon={<IconShieldCheck size={20} />} title={t('syncUi.receive.trusted-title', { name: preview.peer.name })} data-testid="peer-trusted">
      <Stack gap={4}>
        <Text size="sm">{t('syncUi.receive.trusted-hint')}</Text>
        <Fingerprint value={preview.peer.fingerprint} size="md" />
      </Stack>
    </Alert>
  );
}

function NewPeer({ preview, admin, accept, onAccept }: { preview: Preview; admin: boolean; accept: boolean; onAccept: (value: boolean) => void }) {
  const { t } = useTranslation();
  return (
    <Paper p="lg" radius="md" bg="yellow.0" style={{ border: '2px solid var(--mantine-color-yellow-6)' }} data-testid="peer-new">
      <Stack gap="sm">
        <Group gap="sm" wrap="nowrap">
          <ThemeIcon color="yellow" variant="filled" size={32} radius="xl">
            <IconAlertTriangle size={20} />
          </ThemeIcon>
          <Title order={3} size="h4">
            {t('syncUi.receive.new-title')}
          </Title>
        </Group>
        <Text size="sm">{t('syncUi.receive.new-intro')}</Text>
        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
          <Particular label={t('syncUi.institution')}>
            <Text fw={600}>
              {preview.peer.institution.name} ({preview.peer.institution.code})
            </Text>
          </Particular>
          <Particular label={t('syncUi.origin')}>
            <Text size="sm" ff="monospace" style={{ wordBreak: 'break-all' }}>
              {preview.peer.id}
            </Text>
          </Particular>
        </SimpleGrid>
        <Box>
          <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
            {t('syncUi.fingerprint')}
          </Text>
          <Paper withBorder p="sm" radius="sm" bg="white">
            <Fingerprint value={preview.peer.fingerprint} />
          </Paper>
        </Box>
        <Group gap="sm" wrap="nowrap" align="flex-start">
          <IconPhoneCall size={20} style={{ flexShrink: 0, marginTop: 2 }} />
          <Text size="sm">{t('syncUi.receive.new-phone', { institution: preview.peer.institution.name })}</Text>
        </Group>
        {admin ? (
          <Checkbox
            size="md"
            label={t('syncUi.receive.accept')}
            checked={accept}
            onChange={(event) => onAccept(event.currentTarget.checked)}
            data-testid="accept-peer"
          />
        ) : (
          <Alert color="gray" variant="light" data-testid="accept-admin-only">
            {t('syncUi.receive.admin-only')}
          </Alert>
        )}
      </Stack>
    </Paper>
  );
}

function CountsTable({ counts }: { counts: Preview['counts'] }) {
  const { t } = useTranslation();
  const rows = typeRows(counts, t as unknown as (key: string) => string);
  const sum = totals(rows);
  return (
    <Table verticalSpacing={6} striped="even" layout="fixed" data-testid="preview-counts">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('syncUi.receive.columns.type')}</Table.Th>
          <Table.Th w={130} ta="right">
            {t('syncUi.receive.columns.new')}
          </Table.Th>
          <Table.Th w={130} ta="right">
            {t('syncUi.receive.columns.held')}
          </Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {rows.map((row) => (
          <Table.Tr key={row.type} data-type={row.type}>
            <Table.Td>
              <Text size="sm" truncate title={row.type}>
                {row.label}
              </Text>
            </Table.Td>
            <Table.Td ta="right" fw={row.fresh > 0 ? 700 : undefined} data-testid="count-new">
              {row.fresh}
            </Table.Td>
            <Table.Td ta="right" c="dimmed" data-testid="count-held">
              {row.held}
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
      <Table.Tfoot>
        <Table.Tr>
          <Table.Th>{t('syncUi.receive.total')}</Table.Th>
          <Table.Th ta="right" data-testid="total-new">
            {sum.fresh}
          </Table.Th>
          <Table.Th ta="right">{sum.held}</Table.Th>
        </Table.Tr>
      </Table.Tfoot>
    </Table>
  );
}

function Applied({ result, fileName, onAnother, onOpenConflicts }: { result: Imported; fileName: string; onAnother: () => void; onOpenConflicts: () => void }) {
  const { t } = useTranslation();
  return (
    <Stack gap="md" data-testid="bundle-applied">
      <Alert color="flag" variant="light" icon={<IconCircleCheck size={20} />} title={t('syncUi.receive.done-title')}>
        <Stack gap={4}>
          <Text size="sm" data-testid="applied-summary">
            {t('syncUi.receive.done', { fresh: result.new_events, held: result.held_events, touched: result.touched_entities })}
          </Text>
          {result.peer.status === 'new' ? <Text size="sm">{t('syncUi.receive.accepted', { name: result.peer.name })}</Text> : null}
        </Stack>
      </Alert>
      {result.open_conflicts > 0 ? (
        <Alert color="orange" variant="light" icon={<IconArrowsExchange size={18} />}>
          <Group justify="space-between" wrap="nowrap">
            <Text size="sm">{t('syncUi.receive.done-conflicts', { count: result.open_conflicts })}</Text>
            <Button size="xs" variant="light" color="orange" onClick={onOpenConflicts}>
              {t('syncUi.receive.see-conflicts')}
            </Button>
          </Group>
        </Alert>
      ) : null}
      <WipeReminder transferId={result.transfer_id} fileName={fileName} after="import" />
      <Group>
        <Button variant="default" onClick={onAnother} data-testid="receive-another">
          {t('syncUi.receive.another')}
        </Button>
      </Group>
    </Stack>
  );
}
