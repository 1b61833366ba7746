// One handover as its people work it: the parties, the devices, the special permit and the receipt,
// with the steps that may come next for this user — decide the permit, record the receipt, cancel,
// attach the signed form, print it — and each device's holders (3.6.6).
import { Alert, Anchor, Badge, Button, FileButton, Group, Modal, Paper, SimpleGrid, Stack, Table, Text, TextInput, Textarea, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconCheck, IconDownload, IconPaperclip, IconPrinter, IconShieldCheck, IconTruckDelivery, IconX } from '@tabler/icons-react';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { MAX_FILE_BYTES, MAX_FILE_MEGABYTES } from '../../../db/maintenance/contract.ts';
import { formatDateTime, formatDay } from '../../../db/contract/days.ts';
import type { RouteOutput } from '../../../db/contract/routes.ts';
import { useClient, useRouteMutation, useRouteQuery } from '../../client/context.tsx';
import { errorValueOf, type ErrorValue } from '../../client/call-error.ts';
import { DateField } from '../../components/assets/date-field.tsx';
import { todayInDar } from '../../components/assets/days.ts';
import { readAsBase64, saveFile } from '../../components/assets/download.ts';
import { FormButtons } from '../../components/form-modal.tsx';
import { RefusalAlert } from '../../components/refusal-alert.tsx';
import { Loading } from '../../components/states.tsx';
import { isLanguage } from '../../i18n/language.ts';
import { useSession } from '../../session/session.tsx';
import { HANDOVER_REFRESH, partyLabel, STATE_COLOURS } from './handover-helpers.ts';

type Handover = RouteOutput<'handovers.get'>;
type Step = 'approve' | 'reject' | 'receive' | 'cancel';

export function HandoverPanel({ handoverId }: { handoverId: string }) {
  const handover = useRouteQuery('handovers.get', { handover_id: handoverId });
  if (handover.isPending) return <Loading />;
  if (handover.isError) return <RefusalAlert error={handover.error} />;
  return <HandoverDetails handover={handover.data} />;
}

export function StateBadge({ state }: { state: string }) {
  const { t } = useTranslation();
  return (
    <Badge color={STATE_COLOURS[state] ?? 'gray'} variant={state === 'cancelled' ? 'outline' : 'light'} data-testid="handover-state" data-state={state}>
      {t(`handovers_ui.states.${state}`)}
    </Badge>
  );
}

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Stack gap={2} style={{ minWidth: 0 }}>
      <Text size="xs" c="dimmed" fw={600} tt="uppercase" style={{ letterSpacing: 0.3 }}>
        {label}
      </Text>
      <div style={{ overflowWrap: 'anywhere', fontSize: 'var(--mantine-font-size-sm)', whiteSpace: 'pre-line' }}>{children}</div>
    </Stack>
  );
}

function HandoverDetails({ handover }: { handover: Handover }) {
  const { t, i18n } = useTranslation();
  const { can, user } = useSession();
  const { call } = useClient();
  const [step, setStep] = useState<Step | null>(null);
  const [holdersOf, setHoldersOf] = useState<{ id: string; tag: string } | null>(null);
  const [problem, setProblem] = useState<unknown>(null);
  const attach = useRouteMutation('handovers.attach', HANDOVER_REFRESH);
  const open = handover.state === 'pending' || handover.state === 'approved';
  const language = isLanguage(i18n.language) ? i18n.language : 'sw';
  const giver = handover.from_type === 'store' ? t('handovers_ui.parties.store') : handover.from_name;
  const receiver = partyLabel({ type: handover.to_type, name: handover.to_type === 'institution' ? handover.to_officer : handover.to_name, institution: handover.to_institution }, t);
  // The core refuses a decision by whoever prepared the request; the window says so before anyone tries.
  const ownRequest = handover.prepared_by === user.id;

  const print = async () => {
    setProblem(null);
    try {
      saveFile(await call('documents.handover-form', { handover_id: handover.id, language }));
    } catch (error) {
      setProblem(error);
    }
  };
  const attachFile = async (file: File | null) => {
    setProblem(null);
    if (!file) return;
    if (file.size > MAX_FILE_BYTES) {
      setProblem({ code: 'file-too-large', message: 'errors.file-too-large', params: { megabytes: MAX_FILE_MEGABYTES } } satisfies ErrorValue);
      return;
    }
    try {
      await attach.mutateAsync({ handover_id: handover.id, file: { name: file.name, mime: file.type || 'application/octet-stream', base64: await readAsBase64(file) } });
      notifications.show({ color: 'flag', message: t('handovers_ui.panel.attached') });
    } catch (error) {
      setProblem(error);
    }
  };
  const download = async (sha256: string) => {
    setProblem(null);
    try {
      const file = await call('attachments.get', { sha256 });
      saveFile({ filename: file.name, mime: file.mime, base64: file.base64 });
    } catch (error) {
      setProblem(error);
    }
  };

  return (
    <Stack gap="md" data-testid="handover-panel" data-number={handover.number}>
      <Group justify="space-between" align="flex-start">
        <Stack gap={2}>
          <Text size="sm" c="dimmed">
            {t(`handovers_ui.kinds.${handover.kind}`)}
          </Text>
          <Title order={3} size="h4" ff="monospace" data-testid="handover-number">
            {handover.number}
          </Title>
        </Stack>
        <StateBadge state={handover.state} />
      </Group>
      {problem ? <RefusalAlert error={problem} onClose={() => setProblem(null)} /> : null}

      <Group gap="xs">
        {handover.state === 'pending' && can('handovers.decide') && !ownRequest ? (
          <>
            <Button leftSection={<IconShieldCheck size={16} />} onClick={() => setStep('approve')} data-testid="approve">
              {t('handovers_ui.decide.approve')}
            </Button>
            <Button variant="light" color="red" leftSection={<IconX size={16} />} onClick={() => setStep('reject')} data-testid="reject">
              {t('handovers_ui.decide.reject')}
            </Button>
          </>
        ) : null}
        {handover.state === 'approved' && can('handovers.receive') ? (
          <Button leftSection={<IconTruckDelivery size={16} />} onClick={() => setStep('receive')} data-testid="receive">
            {t('handovers_ui.receive.open')}
          </Button>
        ) : null}
        {can('documents.handover-form') ? (
          <Button variant="default" leftSection={<IconPrinter size={16} />} onClick={() => void print()} data-testid="print">
            {t('handovers_ui.panel.print')}
          </Button>
        ) : null}
        {can('handovers.attach') && handover.state === 'received' ? (
          <FileButton onChange={(file) => void attachFile(file)} accept="application/pdf,image/*">
            {(props) => (
              <Button {...props} variant="default" leftSection={<IconPaperclip size={16} />} loading={attach.isPending} data-testid="attach">
                {t('handovers_ui.panel.attach')}
              </Button>
            )}
          </FileButton>
        ) : null}
        {open && can('handovers.cancel') ? (
          <Button variant="subtle" color="red" onClick={() => setStep('cancel')} data-testid="cancel">
            {t('handovers_ui.cancel.open')}
          </Button>
        ) : null}
      </Group>
      {handover.state === 'pending' && can('handovers.decide') && ownRequest ? (
        <Alert color="yellow" variant="light" data-testid="own-request">
          {t('handovers_ui.decide.own-request')}
        </Alert>
      ) : null}

      <SimpleGrid cols={2} spacing="md">
        <Fact label={t('handovers_ui.form.giver')}>
          <Text span fw={600} data-testid="giver-name">
            {giver}
          </Text>
        </Fact>
        <Fact label={t('handovers_ui.form.receiver')}>
          <Text span fw={600} data-testid="receiver-name">
            {receiver}
          </Text>
        </Fact>
        <Fact label={t('handovers_ui.panel.prepared')}>{t('handovers_ui.panel.prepared-by', { name: handover.prepared_by_name, date: formatDateTime(handover.prepared_at) })}</Fact>
        <Fact label={t('handovers_ui.form.reason')}>{handover.reason}</Fact>
      </SimpleGrid>

      <Table withTableBorder verticalSpacing={4} layout="fixed" data-testid="handover-lines">
        <Table.Thead>
          <Table.Tr>
            <Table.Th w="32%">{t('handovers_ui.form.columns.tag')}</Table.Th>
            <Table.Th>{t('handovers_ui.form.columns.device')}</Table.Th>
            <Table.Th w={100}>{t('handovers_ui.form.columns.condition')}</Table.Th>
            <Table.Th w="24%">{t('handovers_ui.form.columns.accessories')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {handover.lines.map((line) => (
            <Table.Tr key={line.asset_id}>
              <Table.Td>
                <Anchor component="button" type="button" size="sm" fw={600} ff="monospace" className="wrap-words" onClick={() => setHoldersOf({ id: line.asset_id, tag: line.tag })} data-testid="line-tag">
                  {line.tag}
                </Anchor>
              </Table.Td>
              <Table.Td>
                <Text size="sm" className="wrap-words">
                  {[line.make, line.model].filter(Boolean).join(' ') || '—'}
                </Text>
                {line.serial ? (
                  <Text size="xs" c="dimmed" className="wrap-words">
                    {t('handovers_ui.panel.serial', { serial: line.serial })}
                  </Text>
                ) : null}
              </Table.Td>
              <Table.Td>{t(`handovers_ui.conditions.${line.condition}`)}</Table.Td>
              <Table.Td>
                <Text size="sm" className="wrap-words">
                  {line.accessories || '—'}
                </Text>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>

      <Paper withBorder radius="md" p="sm" data-testid="permit">
        <Text fw={600} size="sm" mb={4}>
          {t('handovers_ui.form.permit')}
        </Text>
        {handover.decided_by ? (
          <Text size="sm" data-testid="permit-decision">
            {t(handover.state === 'rejected' ? 'handovers_ui.panel.rejected-by' : 'handovers_ui.panel.approved-by', {
              name: handover.decided_by_name,
              role: t(`roles.${handover.decided_role}`),
              date: formatDateTime(handover.decided_at),
            })}
          </Text>
        ) : (
          <Text size="sm" c="dimmed" data-testid="permit-decision">
            {t('handovers_ui.panel.awaiting')}
          </Text>
        )}
        {handover.decision_note ? (
          <Text size="sm" c="dimmed" style={{ whiteSpace: 'pre-line' }}>
            {handover.decision_note}
          </Text>
        ) : null}
      </Paper>

      {handover.state === 'received' ? (
        <Paper withBorder radius="md" p="sm" data-testid="receipt">
          <Text fw={600} size="sm" mb={4}>
            {t('handovers_ui.form.receipt')}
          </Text>
          <Text size="sm">{t('handovers_ui.form.received', { date: formatDay(handover.received_on), name: handover.received_by })}</Text>
          {handover.witness ? <Text size="sm">{t('handovers_ui.form.witnessed', { name: handover.witness })}</Text> : null}
        </Paper>
      ) : null}
      {handover.state === 'cancelled' ? (
        <Alert color="gray" variant="light">
          {t('handovers_ui.panel.cancelled', { reason: handover.cancel_reason })}
        </Alert>
      ) : null}
      {handover.attachments.length > 0 ? (
        <Stack gap={4} data-testid="scans">
          <Text fw={600} size="sm">
            {t('handovers_ui.panel.scans')}
          </Text>
          {handover.attachments.map((file) => (
            <Anchor key={file.sha256} component="button" type="button" size="sm" onClick={() => void download(file.sha256)}>
              <Group gap={4} wrap="nowrap">
                <IconDownload size={14} />
                {file.name}
              </Group>
            </Anchor>
          ))}
        </Stack>
      ) : null}

      <Modal
        opened={step !== null}
        onClose={() => setStep(null)}
        title={step ? t(`handovers_ui.${step === 'approve' || step === 'reject' ? 'decide' : step}.title`, { number: handover.number }) : ''}
        size="lg"
        closeButtonProps={{ 'aria-label': t('common.close') }}
      >
        {step === 'approve' || step === 'reject' ? <DecideForm handover={handover} decision={step === 'approve' ? 'approved' : 'rejected'} onClose={() => setStep(null)} /> : null}
        {step === 'receive' ? <ReceiveForm handover={handover} receiver={receiver} onClose={() => setStep(null)} /> : null}
        {step === 'cancel' ? <CancelForm handover={handover} onClose={() => setStep(null)} /> : null}
      </Modal>
      <Modal opened={holdersOf !== null} onClose={() => setHoldersOf(null)} title={holdersOf ? t('handovers_ui.holders.title', { tag: holdersOf.tag }) : ''} size="lg" closeButtonProps={{ 'aria-label': t('common.close') }}>
        {holdersOf ? <Holders assetId={holdersOf.id} /> : null}
      </Modal>
    </Stack>
  );
}

function DecideForm({ handover, decision, onClose }: { handover: Handover; decision: 'approved' | 'rejected'; onClose: () => void }) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const [refusal, setRefusal] = useState<ErrorValue | null>(null);
  const decide = useRouteMutation('handovers.decide', HANDOVER_REFRESH);
  const submit = async () => {
    setRefusal(null);
    try {
      await decide.mutateAsync({ handover_id: handover.id, decision, reason });
      notifications.show({ color: 'flag', message: t(decision === 'approved' ? 'handovers_ui.decide.done-approved' : 'handovers_ui.decide.done-rejected', { number: handover.number }) });
      onClose();
    } catch (error) {
      setRefusal(errorValueOf(error));
    }
  };
  return (
    <Stack gap="sm" data-testid="decide-form">
      <Text size="sm">{t(decision === 'approved' ? 'handovers_ui.decide.explain-approve' : 'handovers_ui.decide.explain-reject', { count: handover.lines.length })}</Text>
      <RefusalAlert error={refusal} />
      <Textarea
        label={t(decision === 'approved' ? 'handovers_ui.decide.note' : 'handovers_ui.decide.reason')}
        withAsterisk={decision === 'rejected'}
        autosize
        minRows={2}
        value={reason}
        onChange={(event) => setReason(event.currentTarget.value)}
        error={refusal?.fields?.reason ? t(refusal.fields.reason, refusal.params ?? {}) : undefined}
        data-testid="decision-reason"
      />
      <FormButtons
        onCancel={onClose}
        submitLabel={t(decision === 'approved' ? 'handovers_ui.decide.approve' : 'handovers_ui.decide.reject')}
        danger={decision === 'rejected'}
        icon={decision === 'approved' ? <IconCheck size={16} /> : <IconX size={16} />}
        busy={decide.isPending}
        onSubmit={() => void submit()}
      />
    </Stack>
  );
}

function ReceiveForm({ handover, receiver, onClose }: { handover: Handover; receiver: string; onClose: () => void }) {
  const { t } = useTranslation();
  const [receivedOn, setReceivedOn] = useState(todayInDar());
  const [receivedBy, setReceivedBy] = useState(handover.to_type === 'institution' ? handover.to_officer : handover.to_type === 'person' ? handover.to_name : '');
  const [witness, setWitness] = useState('');
  const [scan, setScan] = useState<File | null>(null);
  const [refusal, setRefusal] = useState<ErrorValue | null>(null);
  const receive = useRouteMutation('handovers.receive', HANDOVER_REFRESH);
  const field = (name: string) => (refusal?.fields?.[name] ? t(refusal.fields[name], refusal.params ?? {}) : undefined);
  const submit = async () => {
    setRefusal(null);
    try {
      const file = scan ? { name: scan.name, mime: scan.type || 'application/octet-stream', base64: await readAsBase64(scan) } : null;
      await receive.mutateAsync({ handover_id: handover.id, received_on: receivedOn, received_by: receivedBy, witness, scan: file });
      notifications.show({ color: 'flag', message: t('handovers_ui.receive.done', { number: handover.number }) });
      onClose();
    } catch (error) {
      setRefusal(errorValueOf(error));
    }
  };
  return (
    <Stack gap="sm" data-testid="receive-form">
      <Text size="sm">{t('handovers_ui.receive.explain', { receiver })}</Text>
      <RefusalAlert error={refusal} />
      <SimpleGrid cols={2} spacing="md">
        <DateField label={t('handovers_ui.receive.received-on')} withAsterisk notAfterToday value={receivedOn} onChange={setReceivedOn} error={field('received_on')} data-testid="received-on" />
        <TextInput
          label={t('handovers_ui.receive.received-by')}
          withAsterisk
          value={receivedBy}
          onChange={(event) => setReceivedBy(event.currentTarget.value)}
          error={field('received_by')}
          data-testid="received-by"
        />
      </SimpleGrid>
      <TextInput label={t('handovers_ui.receive.witness')} value={witness} onChange={(event) => setWitness(event.currentTarget.value)} data-testid="witness" />
      <Group gap="sm">
        <FileButton onChange={setScan} accept="application/pdf,image/*">
          {(props) => (
            <Button {...props} variant="default" leftSection={<IconPaperclip size={16} />} data-testid="receive-scan">
              {t('handovers_ui.receive.scan')}
            </Button>
          )}
        </FileButton>
        <Text size="sm" c="dimmed">
          {scan ? scan.name : t('handovers_ui.receive.scan-hint')}
        </Text>
      </Group>
      <FormButtons onCancel={onClose} submitLabel={t('handovers_ui.receive.submit')} icon={<IconCheck size={16} />} busy={receive.isPending} onSubmit={() => void submit()} />
    </Stack>
  );
}

function CancelForm({ handover, onClose }: { handover: Handover; onClose: () => void }) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const [refusal, setRefusal] = useState<ErrorValue | null>(null);
  const cancel = useRouteMutation('handovers.cancel', HANDOVER_REFRESH);
  const submit = async () => {
    setRefusal(null);
    try {
      await cancel.mutateAsync({ handover_id: handover.id, reason });
      notifications.show({ color: 'flag', message: t('handovers_ui.cancel.done', { number: handover.number }) });
      onClose();
    } catch (error) {
      setRefusal(errorValueOf(error));
    }
  };
  return (
    <Stack gap="sm" data-testid="cancel-form">
      <RefusalAlert error={refusal} />
      <Textarea
        label={t('handovers_ui.cancel.reason')}
        withAsterisk
        autosize
        minRows={2}
        value={reason}
        onChange={(event) => setReason(event.currentTarget.value)}
        error={refusal?.fields?.reason ? t(refusal.fields.reason) : undefined}
        data-testid="cancel-reason"
      />
      <FormButtons onCancel={onClose} submitLabel={t('handovers_ui.cancel.submit')} danger busy={cancel.isPending} onSubmit={() => void submit()} />
    </Stack>
  );
}

/** 3.6.6: every holder of the device, with the days each held it. */
export function Holders({ assetId }: { assetId: string }) {
  const { t } = useTranslation();
  const holders = useRouteQuery('handovers.holders', { asset_id: assetId });
  if (holders.isPending) return <Loading />;
  if (holders.isError) return <RefusalAlert error={holders.error} />;
  return (
    <Table withTableBorder verticalSpacing={4} data-testid="holders">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('handovers_ui.holders.holder')}</Table.Th>
          <Table.Th w={110}>{t('handovers_ui.holders.from')}</Table.Th>
          <Table.Th w={110}>{t('handovers_ui.holders.to')}</Table.Th>
          <Table.Th>{t('handovers_ui.holders.via')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {holders.data.map((holder, i) => (
          <Table.Tr key={`${holder.from}-${i}`} data-testid="holder">
            <Table.Td>
              <Text size="sm" fw={holder.to === null ? 700 : undefined}>
                {partyLabel({ type: holder.type, name: holder.name, institution: holder.institution }, t)}
              </Text>
            </Table.Td>
            <Table.Td>{formatDay(holder.from)}</Table.Td>
            <Table.Td>{holder.to ? formatDay(holder.to) : t('handovers_ui.holders.now')}</Table.Td>
            <Table.Td>
              <Text size="sm">{holder.via === 'handover' ? t('handovers_ui.holders.via-handover', { number: holder.handover_number }) : t(`handovers_ui.holders.via-${holder.via}`)}</Text>
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
