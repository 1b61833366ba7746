// Preparing a handover or a return (3.6.6): who gives, who receives, the devices and why. Devices are
// added by scanning their labels with a USB scanner (it types the tag and presses Enter), by typing a
// tag, or by searching the register; each line is checked by the core at once and says plainly why a
// device cannot be added (3.6.14 included: no storage medium leaves for another institution).
import { ActionIcon, Alert, Paper, SegmentedControl, Select, SimpleGrid, Stack, Table, Text, TextInput, Textarea } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconBarcode, IconCheck, IconTrash } from '@tabler/icons-react';
import { keepPreviousData } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CONDITIONS, pickerQuery, receiverAllowed, type HandoverKind, type ReceiverType } from '../../../db/handovers/contract.ts';
import type { RouteInput, RouteOutput } from '../../../db/contract/routes.ts';
import { useClient, useRouteMutation, useRouteQuery } from '../../client/context.tsx';
import { errorValueOf, type ErrorValue } from '../../client/call-error.ts';
import { PersonSelect } from '../../components/assets/person-select.tsx';
import { FormButtons } from '../../components/form-modal.tsx';
import { RefusalAlert } from '../../components/refusal-alert.tsx';
import { HANDOVER_REFRESH } from './handover-helpers.ts';

type Checked = RouteOutput<'handovers.check-device'>;
type Condition = (typeof CONDITIONS)[number];

interface Line {
  device: Checked;
  condition: Condition;
  accessories: string;
}

export function PrepareForm({ onClose, onPrepared }: { onClose: () => void; onPrepared: (id: string) => void }) {
  const { t } = useTranslation();
  const { call } = useClient();
  const [kind, setKind] = useState<HandoverKind>('handover');
  const [giverType, setGiverType] = useState<'person' | 'store'>('person');
  const [giver, setGiver] = useState<string | null>(null);
  const [receiverType, setReceiverType] = useState<ReceiverType>('person');
  const [receiver, setReceiver] = useState<string | null>(null);
  const [institution, setInstitution] = useState('');
  const [officer, setOfficer] = useState('');
  const [reason, setReason] = useState('');
  const [lines, setLines] = useState<Line[]>([]);
  const [code, setCode] = useState('');
  const [scanError, setScanError] = useState<ErrorValue | null>(null);
  const [added, setAdded] = useState<string | null>(null);
  const [refusal, setRefusal] = useState<ErrorValue | null>(null);
  const scanRef = useRef<HTMLInputElement>(null);
  const prepare = useRouteMutation('handovers.prepare', HANDOVER_REFRESH);

  const from: RouteInput<'handovers.check-device'>['from'] = giverType === 'store' ? { type: 'store' } : { type: 'person', person_id: giver ?? '' };
  const giverChosen = giverType === 'store' || giver !== null;

  const chooseKind = (next: HandoverKind) => {
    setKind(next);
    // A return comes from a person, to the store or a person; a handover goes to a person or outside.
    if (next === 'return') {
      setGiverType('person');
      if (!receiverAllowed(next, receiverType)) setReceiverType('store');
    } else if (!receiverAllowed(next, receiverType)) setReceiverType('person');
  };

  const addByCode = async (typed: string) => {
    setScanError(null);
    setAdded(null);
    if (!typed.trim()) return;
    try {
      const device = await call('handovers.check-device', { code: typed, from, to_type: receiverType, listed: lines.map((line) => line.device.id) });
      setLines((current) => [...current, { device, condition: 'good', accessories: '' }]);
      setAdded(device.tag);
      setCode('');
    } catch (error) {
      setScanError(errorValueOf(error));
      // The scanner's next label replaces the refused one rather than joining it.
      scanRef.current?.select();
    }
  };

  const submit = async () => {
    setRefusal(null);
    const to: RouteInput<'handovers.prepare'>['to'] =
      receiverType === 'institution'
        ? { type: 'institution', institution_name: institution, officer_name: officer }
        : receiverType === 'store'
          ? { type: 'store' }
          : { type: 'person', person_id: receiver ?? '' };
    try {
      const handover = await prepare.mutateAsync({
        kind,
        from,
        to,
        reason,
        lines: lines.map((line) => ({ asset_id: line.device.id, condition: line.condition, accessories: line.accessories })),
      });
      notifications.show({ color: 'flag', message: t('handovers_ui.prepare.done', { number: handover.number }) });
      onPrepared(handover.id);
      onClose();
    } catch (error) {
      setRefusal(errorValueOf(error));
    }
  };

  const receiverOptions = (['person', 'institution', 'store'] as const)
    .filter((type) => receiverAllowed(kind, type))
    .map((type) => ({ value: type, label: t(`handovers_ui.prepare.receiver-${type}`) }));

  return (
    <Stack gap="md" data-testid="prepare-form">
      <RefusalAlert error={refusal} />
      <Stack gap={4}>
        <Text size="sm" fw={500}>
          {t('handovers_ui.prepare.kind')}
        </Text>
        <SegmentedControl
          value={kind}
          onChange={(value) => chooseKind(value as HandoverKind)}
          data={[
            { value: 'handover', label: t('handovers_ui.kinds.handover') },
            { value: 'return', label: t('handovers_ui.kinds.return') },
          ]}
          data-testid="kind"
        />
      </Stack>

      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
        <Paper withBorder radius="md" p="sm">
          <Stack gap="xs">
            <Text fw={600}>{t('handovers_ui.form.giver')}</Text>
            {kind === 'handover' ? (
              <SegmentedControl
                size="xs"
                value={giverType}
                onChange={(value) => setGiverType(value as 'person' | 'store')}
                data={[
                  { value: 'person', label: t('handovers_ui.prepare.giver-person') },
                  { value: 'store', label: t('handovers_ui.parties.store') },
                ]}
                data-testid="giver-type"
              />
            ) : null}
            {giverType === 'person' ? (
              <PersonSelect label={t('handovers_ui.prepare.giver-name')} value={giver} onChange={setGiver} placeholder={t('handovers_ui.prepare.person-placeholder')} data-testid="giver" />
            ) : (
              <Text size="sm" c="dimmed">
                {t('handovers_ui.prepare.from-store-hint')}
              </Text>
            )}
          </Stack>
        </Paper>
        <Paper withBorder radius="md" p="sm">
          <Stack gap="xs">
            <Text fw={600}>{t('handovers_ui.form.receiver')}</Text>
            <SegmentedControl size="xs" value={receiverType} onChange={(value) => setReceiverType(value as ReceiverType)} data={receiverOptions} data-testid="receiver-type" />
            {receiverType === 'person' ? (
              <PersonSelect label={t('handovers_ui.prepare.receiver-name')} value={receiver} onChange={setReceiver} placeholder={t('handovers_ui.prepare.person-placeholder')} data-testid="receiver" />
            ) : null}
            {receiverType === 'institution' ? (
              <>
                <TextInput
                  label={t('handovers_ui.prepare.institution-name')}
                  placeholder={t('handovers_ui.prepare.institution-example')}
                  value={institution}
                  onChange={(event) => setInstitution(event.currentTarget.value)}
                  withAsterisk
                  data-testid="receiving-institution"
                />
                <TextInput
                  label={t('handovers_ui.prepare.officer-name')}
                  value={officer}
                  onChange={(event) => setOfficer(event.currentTarget.value)}
                  withAsterisk
                  data-testid="receiving-officer"
                />
                <Text size="xs" c="dimmed">
                  {t('handovers_ui.prepare.outside-hint')}
                </Text>
              </>
            ) : null}
            {receiverType === 'store' ? (
              <Text size="sm" c="dimmed">
                {t('handovers_ui.prepare.to-store-hint')}
              </Text>
            ) : null}
          </Stack>
        </Paper>
      </SimpleGrid>

      <Paper withBorder radius="md" p="sm">
        <Stack gap="xs">
          <Text fw={600}>{t('handovers_ui.prepare.devices')}</Text>
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
            <TextInput
              ref={scanRef}
              label={t('handovers_ui.prepare.scan')}
              description={t('handovers_ui.prepare.scan-hint')}
              placeholder={t('handovers_ui.prepare.scan-placeholder')}
              leftSection={<IconBarcode size={16} />}
              value={code}
              disabled={!giverChosen}
              onChange={(event) => setCode(event.currentTarget.value)}
              onKeyDown={(event) => {
                if (event.key === 'Enter') {
                  event.preventDefault();
                  void addByCode(code);
                }
              }}
              data-autofocus
              data-testid="scan"
            />
            <DevicePicker giverType={giverType} giver={giver} disabled={!giverChosen} onPick={(tag) => void addByCode(tag)} />
          </SimpleGrid>
          {!giverChosen ? (
            <Text size="xs" c="dimmed">
              {t('handovers_ui.prepare.giver-first')}
            </Text>
          ) : null}
          <div aria-live="polite">
            {scanError ? <RefusalAlert error={scanError} onClose={() => setScanError(null)} /> : null}
            {added ? (
              <Alert color="flag" variant="light" icon={<IconCheck size={16} />} data-testid="scan-added">
                {t('handovers_ui.prepare.added', { tag: added })}
              </Alert>
            ) : null}
          </div>
          {lines.length === 0 ? (
            <Text size="sm" c="dimmed" fs="italic" data-testid="lines-empty">
              {t('handovers_ui.prepare.lines-empty')}
            </Text>
          ) : (
            <Table withTableBorder verticalSpacing={4} layout="fixed" data-testid="lines">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th w="30%">{t('handovers_ui.form.columns.device')}</Table.Th>
                  <Table.Th w={140}>{t('handovers_ui.form.columns.condition')}</Table.Th>
                  <Table.Th>{t('handovers_ui.form.columns.accessories')}</Table.Th>
                  <Table.Th w={44} />
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {lines.map((line, i) => (
                  <Table.Tr key={line.device.id} data-testid="line">
                    <Table.Td>
                      <Text size="sm" fw={600} ff="monospace" className="wrap-words" data-testid="line-tag">
                        {line.device.tag}
                      </Text>
                      <Text size="xs" c="dimmed" className="wrap-words">
                        {[line.device.make, line.device.model].filter(Boolean).join(' ')}
                        {line.device.serial ? ` · ${line.device.serial}` : ''}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Select
                        size="xs"
                        aria-label={t('handovers_ui.form.columns.condition')}
                        data={CONDITIONS.map((value) => ({ value, label: t(`handovers_ui.conditions.${value}`) }))}
                        value={line.condition}
                        allowDeselect={false}
                        onChange={(value) => setLines((current) => current.map((l, j) => (j === i ? { ...l, condition: (value ?? 'good') as Condition } : l)))}
                      />
                    </Table.Td>
                    <Table.Td>
                      <TextInput
                        size="xs"
                        aria-label={t('handovers_ui.form.columns.accessories')}
                        placeholder={t('handovers_ui.prepare.accessories-example')}
                        value={line.accessories}
                        onChange={(event) => {
                          const value = event.currentTarget.value;
                          setLines((current) => current.map((l, j) => (j === i ? { ...l, accessories: value } : l)));
                        }}
                      />
                    </Table.Td>
                    <Table.Td>
                      <ActionIcon variant="subtle" color="red" aria-label={t('handovers_ui.prepare.remove', { tag: line.device.tag })} onClick={() => setLines((current) => current.filter((_, j) => j !== i))}>
                        <IconTrash size={16} />
                      </ActionIcon>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
        </Stack>
      </Paper>

      <Textarea
        label={t('handovers_ui.prepare.reason')}
        placeholder={t('handovers_ui.prepare.reason-example')}
        withAsterisk
        autosize
        minRows={2}
        maxRows={6}
        value={reason}
        onChange={(event) => setReason(event.currentTarget.value)}
        data-testid="reason"
      />
      <Text size="xs" c="dimmed">
        {t('handovers_ui.prepare.permit-note')}
      </Text>
      <FormButtons onCancel={onClose} submitLabel={t('handovers_ui.prepare.submit')} busy={prepare.isPending} onSubmit={() => void submit()} sticky />
    </Stack>
  );
}

/**
 * Devices the giver holds (or the store keeps) that may change hands now, found by typing part of a tag,
 * make or serial: never one disposed of, lost, taken for disposal or at repair (pickerQuery).
 */
function DevicePicker({ giverType, giver, disabled, onPick }: { giverType: 'person' | 'store'; giver: string | null; disabled: boolean; onPick: (tag: string) => void }) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search.trim(), 200);
  const input = pickerQuery(giverType === 'store' ? { type: 'store' } : { type: 'person', person_id: giver }, debounced);
  const devices = useRouteQuery('assets.list', input, { enabled: !disabled, placeholderData: keepPreviousData });
  const options = (devices.data?.items ?? []).map((device) => ({ value: device.tag, label: `${device.tag} — ${[device.make, device.model].filter(Boolean).join(' ')}` }));
  return (
    <Select
      label={t('handovers_ui.prepare.search')}
      description={t('handovers_ui.prepare.search-hint')}
      placeholder={t('handovers_ui.prepare.search-placeholder')}
      data={options}
      value={null}
      searchable
      disabled={disabled}
      searchValue={search}
      onSearchChange={setSearch}
      filter={({ options: all }) => all}
      nothingFoundMessage={t('common.nothing-found')}
      onChange={(tag) => {
        if (tag) onPick(tag);
        setSearch('');
      }}
      data-testid="device-search"
    />
  );
}

