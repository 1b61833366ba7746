// One log book entry as the ICT officer works it: where it stands, what has been written, and the steps
// that can come next. Closed entries read the same, without the steps.
import { Anchor, Badge, Button, FileButton, Group, Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import {
  IconArrowBackUp,
  IconCheck,
  IconClipboardText,
  IconDownload,
  IconPaperclip,
  IconStethoscope,
  IconTool,
  IconTruckDelivery,
  IconUserCog,
} from '@tabler/icons-react';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useClient, useRouteMutation, useRouteQuery } from '../../client/context.tsx';
import { EntryStateBadge } from '../../components/assets/badges.tsx';
import { formatDay } from '../../../db/contract/days.ts';
import { todayInDar } from '../../components/assets/days.ts';
import { readAsBase64, saveFile } from '../../components/assets/download.ts';
import { formatTzs } from '../../components/assets/money.ts';
import { RefusalAlert } from '../../components/refusal-alert.tsx';
import { Loading } from '../../components/states.tsx';
import { useSession } from '../../session/session.tsx';
import { EntryStepModal, type EntryStep } from './entry-forms.tsx';
import { ENTRY_REFRESH, type EntryView } from './report-fault.tsx';
import { entryDowntime, MAX_FILE_BYTES, MAX_FILE_MEGABYTES, partCost } from '../../../db/maintenance/contract.ts';
import { nextSteps, stepsAllowed } from './next-steps.ts';

/** The core keeps files of up to 15 MB. */

const STEP_ICONS: Record<EntryStep, ReactNode> = {
  diagnose: <IconStethoscope size={16} />,
  assign: <IconUserCog size={16} />,
  work: <IconTool size={16} />,
  offsite: <IconTruckDelivery size={16} />,
  return: <IconArrowBackUp size={16} />,
  close: <IconCheck size={16} />,
};

export function EntryPanel({ entryId, onRecordRemoval }: { entryId: string; onRecordRemoval: () => void }) {
  const entry = useRouteQuery('maintenance.get', { entry_id: entryId });
  if (entry.isPending) return <Loading />;
  if (entry.isError) return <RefusalAlert error={entry.error} />;
  return <EntryDetails entry={entry.data} onRecordRemoval={onRecordRemoval} />;
}

function Fact({ label, children, testId }: { label: string; children: ReactNode; testId?: string }) {
  return (
    <Stack gap={2} data-testid={testId} style={{ minWidth: 0 }}>
      <Text size="xs" c="dimmed" fw={600} tt="uppercase" style={{ letterSpacing: 0.3 }}>
        {label}
      </Text>
      <div style={{ overflowWrap: 'anywhere', fontSize: 'var(--mantine-font-size-sm)', whiteSpace: 'pre-line' }}>{children}</div>
    </Stack>
  );
}

function Missing() {
  const { t } = useTranslation();
  return (
    <Text span size="sm" c="dimmed" fs="italic">
      {t('logbookUi.entry.not-yet')}
    </Text>
  );
}

function EntryDetails({ entry, onRecordRemoval }: { entry: EntryView; onRecordRemoval: () => void }) {
  const { t } = useTranslation();
  const { can } = useSession();
  const { call } = useClient();
  const [step, setStep] = useState<EntryStep | null>(null);
  const [fileError, setFileError] = useState<unknown>(null);
  const attach = useRouteMutation('maintenance.attach', ENTRY_REFRESH);
  const open = entry.state !== 'closed';
  const steps = open ? stepsAllowed(nextSteps(entry), can) : { suggested: null, available: [] };
  const attaching = can('maintenance.attach');
  const downtime = entryDowntime(entry, todayInDar());

  const upload = async (file: File | null) => {
    setFileError(null);
    if (!file) return;
    if (file.size > MAX_FILE_BYTES) {
      setFileError({ code: 'file-too-large', message: 'errors.file-too-large', params: { megabytes: MAX_FILE_MEGABYTES } });
      return;
    }
    try {
      await attach.mutateAsync({ entry_id: entry.id, file: { name: file.name, mime: file.type || 'application/octet-stream', base64: await readAsBase64(file) } });
      notifications.show({ color: 'flag', message: t('logbookUi.attachments.done', { name: file.name }) });
    } catch (error) {
      setFileError(error);
    }
  };
  const download = async (sha256: string) => {
    setFileError(null);
    try {
      const file = await call('attachments.get', { sha256 });
      saveFile({ filename: file.name, mime: file.mime, base64: file.base64 });
    } catch (error) {
      setFileError(error);
    }
  };

  const technician =
    entry.technician_type === 'external' ? (
      <>
        <Text span size="sm" fw={600}>
          {entry.provider_name}
        </Text>
        <Badge size="xs" variant="light" color="grape" ml={6}>
          {t('logbookUi.entry.external')}
        </Badge>
        {'\n'}
        {[
          entry.technician_name ? t('logbookUi.entry.contact', { name: entry.technician_name }) : '',
          entry.job_ref ? t('logbookUi.entry.job-ref', { ref: entry.job_ref }) : '',
          t('logbookUi.entry.supervisor', { name: entry.supervisor_name }),
        ]
          .filter(Boolean)
          .join('\n')}
      </>
    ) : entry.technician_type === 'internal' ? (
      <>
        {entry.technician_name}
        <Badge size="xs" variant="light" color="gray" ml={6}>
          {t('logbookUi.entry.internal')}
        </Badge>
      </>
    ) : (
      <Missing />
    );

  return (
    <Paper withBorder radius="md" p="md" data-testid="entry-panel" data-entry={entry.id} data-state={entry.state} style={open ? { borderColor: 'var(--mantine-color-yellow-5)', borderWidth: 2 } : undefined}>
      <Stack gap="md">
        <Group justify="space-between" align="flex-start" wrap="nowrap">
          <Stack gap={4} style={{ minWidth: 0 }}>
            <Group gap="xs">
              <IconClipboardText size={20} />
              <Title order={3} size="h5">
                {open ? t('logbookUi.entry.title-open') : t('logbookUi.entry.title', { date: formatDay(entry.reported_on) })}
              </Title>
              <EntryStateBadge state={entry.state} />
              <Badge size="sm" variant="outline" color={entry.kind === 'preventive' ? 'teal' : 'gray'}>
                {t(`maintenanceKinds.${entry.kind}`)}
              </Badge>
              {entry.warranty ? (
                <Badge size="sm" variant="light" color="blue">
                  {t('logbookUi.entry.warranty')}
                </Badge>
              ) : null}
            </Group>
            <Text size="sm" c="dimmed">
              {t(entry.kind === 'preventive' ? 'logbookUi.entry.opened' : 'logbookUi.entry.reported', { date: formatDay(entry.reported_on), by: entry.reported_by })}
              {' · '}
              {t('logbookUi.entry.downtime', { days: downtime })}
            </Text>
          </Stack>
        </Group>

        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg" verticalSpacing="md">
          <Fact label={t(entry.kind === 'preventive' ? 'logbookUi.entry.task' : 'logbookUi.entry.symptoms')}>{entry.symptoms}</Fact>
          <Fact label={t('logbookUi.entry.diagnosis')}>{entry.diagnosis || <Missing />}</Fact>
          <Fact label={t('logbookUi.entry.technician')} testId="entry-technician">
            {technician}
          </Fact>
          <Fact label={t('logbookUi.entry.offsite')} testId="entry-offsite">
            {entry.sent_on ? (
              <>
                {t('logbookUi.entry.sent', { date: formatDay(entry.sent_on) })}
                {'\n'}
                {entry.returned_on ? t('logbookUi.entry.returned', { date: formatDay(entry.returned_on) }) : t('logbookUi.entry.still-away')}
              </>
            ) : (
              <Text span size="sm" c="dimmed">
                {t('logbookUi.entry.in-house')}
              </Text>
            )}
          </Fact>
          <Fact label={t('logbookUi.entry.actions')} testId="entry-work">
            {entry.actions || <Missing />}
          </Fact>
          <Fact label={t('logbookUi.entry.cost')} testId="entry-cost">
            {entry.total_cost_tzs > 0 || entry.actions ? (
              <>
                <Text span size="sm" fw={600}>
                  {formatTzs(entry.total_cost_tzs)}
                </Text>
                {'\n'}
                {entry.hours === null
                  ? t('logbookUi.entry.cost-detail-no-hours', { parts: formatTzs(entry.parts_cost_tzs), labour: formatTzs(entry.labour_cost_tzs) })
                  : t('logbookUi.entry.cost-detail', { parts: formatTzs(entry.parts_cost_tzs), labour: formatTzs(entry.labour_cost_tzs), hours: entry.hours })}
              </>
            ) : (
              <Missing />
            )}
          </Fact>
          {entry.state === 'closed' ? (
            <Fact label={t('logbookUi.entry.outcome')} testId="entry-outcome">
              {t('logbookUi.entry.closed-on', { date: formatDay(entry.closed_on), outcome: entry.outcome ? t(`outcomes.${entry.outcome}`) : '' })}
            </Fact>
          ) : null}
          {entry.state === 'closed' && entry.close_reason ? (
            <Fact label={t('logbookUi.entry.close-reason')} testId="entry-close-reason">
              {entry.close_reason}
            </Fact>
          ) : null}
          <Fact label={t('logbookUi.entry.procedure')}>
            {entry.procedure_version ? t('logbookUi.entry.procedure-version', { version: entry.procedure_version }) : t('logbookUi.entry.procedure-none')}
          </Fact>
        </SimpleGrid>

        {entry.parts.length > 0 ? (
          <Table withTableBorder verticalSpacing={4} fz="sm" data-testid="entry-parts">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('logbookUi.work.part-name')}</Table.Th>
                <Table.Th w={80} ta="right">
                  {t('logbookUi.work.quantity')}
                </Table.Th>
                <Table.Th w={160} ta="right">
                  {t('logbookUi.work.unit-cost')}
                </Table.Th>
                <Table.Th w={160} ta="right">
                  {t('logbookUi.entry.line-total')}
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {entry.parts.map((part, index) => (
                <Table.Tr key={index}>
                  <Table.Td>{part.name}</Table.Td>
                  <Table.Td ta="right">{part.quantity}</Table.Td>
                  <Table.Td ta="right">{formatTzs(part.unit_cost_tzs)}</Table.Td>
                  <Table.Td ta="right">{formatTzs(partCost(part))}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        ) : null}

        {steps.available.length > 0 ? (
          <Stack gap={6}>
            <Text size="sm" fw={600}>
              {t('logbookUi.entry.next-steps')}
            </Text>
            <Group gap="xs" data-testid="entry-steps">
              {steps.available.map((name) => (
                <Button
                  key={name}
                  size="sm"
                  variant={name === steps.suggested ? 'filled' : 'default'}
                  leftSection={STEP_ICONS[name]}
                  onClick={() => setStep(name)}
                  data-testid={`step-${name}`}
                >
                  {t(`logbookUi.steps.${name}`)}
                </Button>
              ))}
            </Group>
          </Stack>
        ) : null}

        <Stack gap={6}>
          <Group justify="space-between">
            <Text size="sm" fw={600}>
              {t('logbookUi.attachments.title')}
            </Text>
            {attaching ? (
              <FileButton onChange={(file) => void upload(file)} accept="application/pdf,image/png,image/jpeg">
                {(props) => (
                  <Button {...props} size="xs" variant="light" leftSection={<IconPaperclip size={14} />} loading={attach.isPending} data-testid="attach">
                    {t('logbookUi.attachments.add')}
                  </Button>
                )}
              </FileButton>
            ) : null}
          </Group>
          {fileError ? <RefusalAlert error={fileError} onClose={() => setFileError(null)} /> : null}
          {entry.attachments.length === 0 ? (
            <Text size="sm" c="dimmed">
              {t('logbookUi.attachments.empty')}
            </Text>
          ) : (
            <Stack gap={4} data-testid="attachments">
              {entry.attachments.map((file) => (
                <Group key={file.sha256} gap="xs" wrap="nowrap">
                  <IconPaperclip size={14} />
                  <Anchor component="button" type="button" size="sm" onClick={() => void download(file.sha256)} truncate>
                    {file.name}
                  </Anchor>
                  <Text size="xs" c="dimmed">
                    {t('logbookUi.attachments.size', { kb: Math.max(1, Math.round(file.size / 1024)) })}
                  </Text>
                  <IconDownload size={14} color="var(--mantine-color-dimmed)" />
                </Group>
              ))}
            </Stack>
          )}
        </Stack>
      </Stack>
      <EntryStepModal step={step} entry={entry} onClose={() => setStep(null)} onRecordRemoval={onRecordRemoval} />
    </Paper>
  );
}
