// "Check a permit" (3.6.11): the code scanned from the permit's QR (a USB scanner types it and ends
// with Enter) or typed from the paper, answered from this computer's records alone, with the servant
// and the devices the gate compares with what is carried out.
import { Alert, Badge, Button, Group, Modal, Stack, Table, Text, TextInput } from '@mantine/core';
import { IconQrcode, IconSearch } from '@tabler/icons-react';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDay } from '../../../db/contract/days.ts';
import { useClient } from '../../client/context.tsx';
import { RefusalAlert } from '../../components/refusal-alert.tsx';
import { ANSWER_COLORS, type PermitCheck } from './movement-view.ts';

export function PermitCheckModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Modal opened={opened} onClose={onClose} title={t('movements_ui.check.title')} size="lg" closeButtonProps={{ 'aria-label': t('common.close') }}>
      {opened ? <PermitCheckPanel /> : null}
    </Modal>
  );
}

function PermitCheckPanel() {
  const { t } = useTranslation();
  const { call } = useClient();
  const [text, setText] = useState('');
  const check = useMutation({ mutationFn: (value: string) => call('permits.check', { text: value }) });
  const submit = () => {
    if (text.trim()) check.mutate(text.trim());
  };
  return (
    <Stack gap="md" data-testid="permit-check">
      <Text size="sm">{t('movements_ui.check.intro')}</Text>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          submit();
        }}
      >
        <Group align="flex-end" gap="xs" wrap="nowrap">
          <TextInput
            style={{ flex: 1 }}
            label={t('movements_ui.check.code')}
            placeholder={t('movements_ui.check.code-example')}
            leftSection={<IconQrcode size={16} />}
            value={text}
            onChange={(event) => setText(event.currentTarget.value)}
            data-autofocus
            autoComplete="off"
            data-testid="permit-check-input"
          />
          <Button type="submit" leftSection={<IconSearch size={16} />} loading={check.isPending} data-testid="permit-check-submit">
            {t('movements_ui.check.submit')}
          </Button>
        </Group>
      </form>
      {check.isError ? <RefusalAlert error={check.error} /> : null}
      {check.data ? <Answer answer={check.data} /> : null}
    </Stack>
  );
}

function Answer({ answer }: { answer: PermitCheck }) {
  const { t } = useTranslation();
  const color = ANSWER_COLORS[answer.answer] ?? 'gray';
  return (
    <Stack gap="sm" data-testid="permit-answer" data-answer={answer.answer}>
      <Alert color={color} variant="light" title={<Badge color={color} size="lg" data-testid="permit-answer-badge">{t(`movements_ui.check.answers.${answer.answer}`)}</Badge>}>
        <Text size="sm" data-testid="permit-answer-text">
          {answer.answer === 'unknown'
            ? t('movements_ui.check.unknown')
            : t(`movements_ui.check.says.${answer.answer === 'expired' && answer.returned_on ? 'returned' : answer.answer}`, {
                permit: answer.permit_no,
                holder: answer.holder_name,
                due: formatDay(answer.due_on),
                returned: formatDay(answer.returned_on),
                reason: answer.revoke_reason,
              })}
        </Text>
      </Alert>
      {answer.answer !== 'unknown' ? (
        <>
          <Text size="sm">
            {t('movements_ui.check.holder', { holder: answer.holder_name, number: answer.holder_check_number || '—', destination: answer.destination })}
          </Text>
          <Table withTableBorder verticalSpacing={6} data-testid="permit-answer-devices">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('movements_ui.fields.tag')}</Table.Th>
                <Table.Th>{t('movements_ui.fields.device')}</Table.Th>
                <Table.Th>{t('movements_ui.fields.serial')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {answer.devices.map((device) => (
                <Table.Tr key={device.tag}>
                  <Table.Td ff="monospace" fw={600}>
                    {device.tag}
                  </Table.Td>
                  <Table.Td>{[device.make, device.model].filter(Boolean).join(' ')}</Table.Td>
                  <Table.Td>{device.serial || '—'}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </>
      ) : null}
    </Stack>
  );
}
