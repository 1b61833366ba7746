// One request in full: the servant, the devices, the trip, who prepared and who decided it, and the
// next steps this session may take. The Accounting Officer is not offered a request they prepared.
import { Alert, Badge, Button, Group, Modal, SimpleGrid, Stack, Table, Text } from '@mantine/core';
import { IconAlertTriangle, IconBan, IconCheck, IconDoorEnter, IconDoorExit, IconPrinter } from '@tabler/icons-react';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate, formatDay } from '../../../db/contract/days.ts';
import { groupCode, needsJustification } from '../../../db/movements/contract.ts';
import { useClient, useRouteQuery } from '../../client/context.tsx';
import { saveFile } from '../../components/assets/download.ts';
import { RefusalAlert } from '../../components/refusal-alert.tsx';
import { Loading } from '../../components/states.tsx';
import { isLanguage } from '../../i18n/language.ts';
import { useSession } from '../../session/session.tsx';
import { StepModal, type Step } from './movement-dialogs.tsx';
import { STATE_COLORS, type MovementView } from './movement-view.ts';

export function MovementModal({ id, onClose }: { id: string | null; onClose: () => void }) {
  const { t } = useTranslation();
  const movement = useRouteQuery('movements.get', { request_id: id ?? '' }, { enabled: id !== null });
  return (
    <Modal
      opened={id !== null}
      onClose={onClose}
      size="xl"
      title={movement.data ? t('movements_ui.panel.title', { permit: movement.data.permit_no }) : t('common.loading')}
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      {movement.isError ? <RefusalAlert error={movement.error} /> : null}
      {movement.isPending && id !== null ? <Loading /> : null}
      {movement.data ? <MovementPanel movement={movement.data} /> : null}
    </Modal>
  );
}

export function StateBadge({ movement }: { movement: Pick<MovementView, 'state' | 'overdue'> }) {
  const { t } = useTranslation();
  return (
    <Group gap={4} wrap="wrap">
      <Badge color={STATE_COLORS[movement.state] ?? 'gray'} variant="light" data-testid="movement-state" data-state={movement.state}>
        {t(`movements_ui.states.${movement.state}`)}
      </Badge>
      {movement.overdue ? (
        <Badge color="red" variant="filled" data-testid="overdue-badge">
          {t('movements_ui.overdue-badge')}
        </Badge>
      ) : null}
    </Group>
  );
}

function Field({ label, value, testId }: { label: string; value: string; testId?: string }) {
  return (
    <Stack gap={0}>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="sm" fw={500} className="wrap-words" data-testid={testId}>
        {value || '—'}
      </Text>
    </Stack>
  );
}

function MovementPanel({ movement }: { movement: MovementView }) {
  const { t, i18n } = useTranslation();
  const { can, user } = useSession();
  const { call } = useClient();
  const [step, setStep] = useState<Step | null>(null);
  const language = isLanguage(i18n.language) ? i18n.language : 'sw';
  const print = useMutation({ mutationFn: () => call('documents.permit', { request_id: movement.id, language }), onSuccess: saveFile });
  const own = movement.prepared_by === user.id;
  const permitted = movement.state === 'approved' || movement.state === 'checked_out';

  return (
    <Stack gap="md" data-testid="movement-panel">
      <Group justify="space-between">
        <StateBadge movement={movement} />
        {movement.verification_code ? (
          <Text size="sm" ff="monospace" data-testid="verification-code">
            {t('movements_ui.panel.code', { code: groupCode(movement.verification_code) })}
          </Text>
        ) : null}
      </Group>
      {movement.overdue ? (
        <Alert color="red" variant="filled" icon={<IconAlertTriangle size={18} />} data-testid="overdue-alert">
          {t('movements_ui.panel.overdue', { due: formatDay(movement.due_on), holder: movement.holder_name })}
        </Alert>
      ) : null}
      {movement.needs_justification ? (
        <Alert color="red" variant="light" icon={<IconAlertTriangle size={18} />}>
          {t('classifications.offline-warning')}
          {movement.justification ? ` ${t('movements_ui.panel.justification', { text: movement.justification })}` : ''}
        </Alert>
      ) : null}
      <SimpleGrid cols={3} spacing="md" verticalSpacing="sm">
        <Field label={t('movements_ui.fields.holder')} value={movement.holder_name} testId="panel-holder" />
        <Field label={t('movements_ui.fields.check-number')} value={movement.holder_check_number} />
        <Field label={t('movements_ui.fields.destination')} value={movement.destination} />
        <Field label={t('movements_ui.fields.purpose')} value={movement.purpose} />
        <Field label={t('movements_ui.fields.date-out')} value={formatDay(movement.date_out)} />
        <Field label={t('movements_ui.fields.due-on')} value={formatDay(movement.due_on)} />
        <Field label={t('movements_ui.fields.data-held')} value={movement.data_held} />
        <Field label={t('movements_ui.fields.classification')} value={t(`classifications.${movement.classification}`)} />
        <Field label={t('movements_ui.fields.prepared-by')} value={movement.prepared_by_name} />
        {movement.decided_by_name ? (
          <Field label={t('movements_ui.fields.decided-by')} value={`${movement.decided_by_name} · ${formatDate(movement.decided_at)}`} />
        ) : null}
        {movement.decision_reason ? <Field label={t('movements_ui.fields.decision-reason')} value={movement.decision_reason} /> : null}
        {movement.out_on ? <Field label={t('movements_ui.fields.out-on')} value={formatDay(movement.out_on)} testId="panel-out-on" /> : null}
        {movement.returned_on ? (
          <Field
            label={t('movements_ui.fields.returned-on')}
            value={`${formatDay(movement.returned_on)} · ${t(`movements_ui.conditions.${movement.return_condition}`)}${movement.return_notes ? ` · ${movement.return_notes}` : ''}`}
            testId="panel-returned-on"
          />
        ) : null}
        {movement.revoke_reason ? <Field label={t('movements_ui.fields.revoked')} value={`${movement.revoked_by_name}: ${movement.revoke_reason}`} /> : null}
      </SimpleGrid>
      <Table withTableBorder verticalSpacing={6} data-testid="panel-devices">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('movements_ui.fields.tag')}</Table.Th>
            <Table.Th>{t('movements_ui.fields.device')}</Table.Th>
            <Table.Th>{t('movements_ui.fields.serial')}</Table.Th>
            <Table.Th>{t('movements_ui.fields.classification')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {movement.devices.map((device) => (
            <Table.Tr key={device.asset_id}>
              <Table.Td ff="monospace" fw={600}>
                {device.tag}
              </Table.Td>
              <Table.Td>{[device.make, device.model].filter(Boolean).join(' ')}</Table.Td>
              <Table.Td>{device.serial || '—'}</Table.Td>
              <Table.Td>
                <Text size="sm" c={needsJustification(device.classification) ? 'red' : undefined} fw={needsJustification(device.classification) ? 700 : undefined}>
                  {t(`classifications.${device.classification}`)}
                </Text>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>

      {print.isError ? <RefusalAlert error={print.error} /> : null}
      {movement.state === 'requested' && can('movements.decide') && own ? (
        <Text size="sm" c="dimmed" data-testid="own-request">
          {t('movements_ui.panel.own-request')}
        </Text>
      ) : null}
      <Group gap="xs" justify="flex-end">
        {permitted && can('documents.permit') ? (
          <Button variant="default" leftSection={<IconPrinter size={16} />} loading={print.isPending} onClick={() => print.mutate()} data-testid="print-permit">
            {t('movements_ui.panel.print')}
          </Button>
        ) : null}
        {movement.state === 'requested' && can('movements.decide') && !own ? (
          <Button leftSection={<IconCheck size={16} />} onClick={() => setStep('decide')} data-testid="open-decide">
            {t('movements_ui.panel.decide')}
          </Button>
        ) : null}
        {movement.state === 'approved' && can('movements.check-out') ? (
          <Button leftSection={<IconDoorExit size={16} />} onClick={() => setStep('check-out')} data-testid="open-check-out">
            {t('movements_ui.panel.check-out')}
          </Button>
        ) : null}
        {movement.out && can('movements.check-in') ? (
          <Button color="green" leftSection={<IconDoorEnter size={16} />} onClick={() => setStep('check-in')} data-testid="open-check-in">
            {t('movements_ui.panel.check-in')}
          </Button>
        ) : null}
        {permitted && can('movements.revoke') ? (
          <Button color="red" variant="light" leftSection={<IconBan size={16} />} onClick={() => setStep('revoke')} data-testid="open-revoke">
            {t('movements_ui.panel.revoke')}
          </Button>
        ) : null}
      </Group>
      <StepModal step={step} movement={movement} onClose={() => setStep(null)} />
    </Stack>
  );
}
