// Personal devices approved for office work (3.6.5): the lists by standing (waiting, approved, expiring
// within 30 days, expired, revoked, rejected), what waits for this user, a registration's particulars,
// its decision and history, and the dialogs that move it on.
import { Alert, Anchor, Badge, Button, Drawer, Group, SegmentedControl, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconAlertTriangle, IconBan, IconCheck, IconInbox, IconPlus, IconRefresh, IconSearch } from '@tabler/icons-react';
import { keepPreviousData } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate, formatDay } from '../../../db/contract/days.ts';
import { PERSONAL_DEVICE_LISTS, type PersonalDeviceList } from '../../../db/personal-devices/contract.ts';
import { useRouteQuery } from '../../client/context.tsx';
import { ExportRegister } from '../../components/export-register.tsx';
import { HistoryTimeline } from '../../components/history-timeline.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { RefusalAlert } from '../../components/refusal-alert.tsx';
import { Empty, Loading } from '../../components/states.tsx';
import { useSession } from '../../session/session.tsx';
import { shownRecord, useOpenedRecord } from '../../shell/opened-record.ts';
import { RegisterModal, StepModal, type Step } from './personal-device-forms.tsx';
import { STANDING_COLORS, type PersonalDevice } from './view.ts';

export function PersonalDevicesScreen() {
  const { t } = useTranslation();
  const { can } = useSession();
  const [list, setList] = useState<PersonalDeviceList>('all');
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search.trim(), 200);
  // `#/personal-devices/<approval id>` opens that registration, as a click in the list does.
  const [named, setOpened] = useOpenedRecord('personal-devices');
  const opened = shownRecord(named, useRouteQuery('personal-devices.get', { device_id: named ?? '' }, { enabled: named !== null }));
  const [registering, setRegistering] = useState(false);
  const devices = useRouteQuery('personal-devices.list', { list, search: debounced }, { placeholderData: keepPreviousData });
  const inbox = useRouteQuery('personal-devices.inbox', {});

  return (
    <Stack gap="md" data-testid="personal-devices-screen">
      <PageHeader
        title={t('personal_devices_ui.title')}
        description={t('personal_devices_ui.intro')}
        actions={
          <>
            <ExportRegister request={{ register: 'personal-devices', filters: { list } }} />
            {can('personal-devices.register') ? (
              <Button leftSection={<IconPlus size={16} />} onClick={() => setRegistering(true)} data-testid="register-device">
                {t('personal_devices_ui.register.open')}
              </Button>
            ) : null}
          </>
        }
      />
      {inbox.data && inbox.data.pending > 0 ? (
        <InboxAlert text={t('personal_devices_ui.inbox.pending', { count: inbox.data.pending })} onShow={() => setList('pending')} testId="inbox-pending" />
      ) : null}
      {inbox.data && inbox.data.expiring > 0 ? (
        <InboxAlert text={t('personal_devices_ui.inbox.expiring', { count: inbox.data.expiring })} onShow={() => setList('expiring')} testId="inbox-expiring" />
      ) : null}
      {inbox.data && inbox.data.expired > 0 ? (
        <InboxAlert text={t('personal_devices_ui.inbox.expired', { count: inbox.data.expired })} onShow={() => setList('expired')} testId="inbox-expired" color="red" />
      ) : null}
      <Group gap="sm" align="flex-end" wrap="wrap">
        <SegmentedControl
          value={list}
          onChange={(value) => setList(value as PersonalDeviceList)}
          data={PERSONAL_DEVICE_LISTS.map((value) => ({ value, label: t(`personal_devices_ui.lists.${value}`) }))}
          data-testid="list-filter"
        />
        <TextInput
          placeholder={t('personal_devices_ui.search')}
          aria-label={t('personal_devices_ui.search')}
          leftSection={<IconSearch size={16} />}
          value={search}
          onChange={(event) => setSearch(event.currentTarget.value)}
          // Wide enough for the whole example in Swahili: beside the filter when it fits, else on a line of its own.
          style={{ flex: '1 1 440px' }}
          maw={560}
          data-testid="search"
        />
      </Group>
      {devices.isError ? <RefusalAlert error={devices.error} /> : null}
      {devices.isPending ? <Loading /> : null}
      {devices.data && devices.data.length === 0 ? <Empty title={t('personal_devices_ui.empty')} hint={t('personal_devices_ui.empty-hint')} /> : null}
      {devices.data && devices.data.length > 0 ? (
        <Table.ScrollContainer minWidth={900}>
          <Table withTableBorder highlightOnHover striped="even" verticalSpacing="xs" layout="fixed" data-testid="personal-devices-table" style={{ opacity: devices.isPlaceholderData ? 0.6 : 1 }}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th w="22%">{t('personal_devices_ui.columns.owner')}</Table.Th>
                <Table.Th w="24%">{t('personal_devices_ui.columns.device')}</Table.Th>
                <Table.Th>{t('personal_devices_ui.columns.scope')}</Table.Th>
                <Table.Th w={260}>{t('personal_devices_ui.columns.standing')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {devices.data.map((device) => (
                <Table.Tr key={device.id} className="clickable-row" onClick={() => setOpened(device.id)} data-testid="personal-device-row" data-serial={device.serial}>
                  <Table.Td>
                    <Anchor component="button" type="button" size="sm" fw={600} className="wrap-words" onClick={() => setOpened(device.id)}>
                      {device.owner_name}
                    </Anchor>
                    <Text size="xs" c="dimmed" className="wrap-words">
                      {[device.owner_check_number, device.owner_department].filter(Boolean).join(' · ')}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm" className="wrap-words">
                      {[device.make, device.model].filter(Boolean).join(' ')}
                    </Text>
                    <Text size="xs" c="dimmed" ff="monospace" className="wrap-words">
                      {t(`personal_devices_ui.kinds.${device.kind}`)} · {device.serial}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm" lineClamp={2} className="wrap-words">
                      {device.scope}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <StandingBadge device={device} />
                    {device.expires_on ? (
                      <Text size="xs" c="dimmed" data-testid="expires-on">
                        {[t('personal_devices_ui.until', { date: formatDay(device.expires_on) }), daysLeft(device, t)].filter(Boolean).join(' · ')}
                      </Text>
                    ) : null}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      ) : null}
      <Drawer
        opened={opened !== null}
        onClose={() => setOpened(null)}
        position="right"
        size="xl"
        title={t('personal_devices_ui.panel.title')}
        closeButtonProps={{ 'aria-label': t('common.close') }}
      >
        {opened ? <DevicePanel deviceId={opened} /> : null}
      </Drawer>
      <RegisterModal opened={registering} onClose={() => setRegistering(false)} onRegistered={setOpened} />
    </Stack>
  );
}

function InboxAlert({ text, onShow, testId, color = 'yellow' }: { text: string; onShow: () => void; testId: string; color?: string }) {
  const { t } = useTranslation();
  return (
    <Alert color={color} variant="light" icon={<IconInbox size={18} />} data-testid={testId}>
      <Group justify="space-between" gap="sm">
        <Text size="sm">{text}</Text>
        <Button size="xs" variant="light" color={color} onClick={onShow}>
          {t('personal_devices_ui.inbox.show')}
        </Button>
      </Group>
    </Alert>
  );
}

type Translate = (key: string, params?: Record<string, string | number>) => string;

/** "21 days left" while an approval is expiring; nothing otherwise. */
function daysLeft(device: PersonalDevice, t: Translate): string {
  return device.standing === 'expiring' && device.days_left !== null ? t('personal_devices_ui.days-left', { count: device.days_left }) : '';
}

/** The standing alone: the days left go in the line below it, which wraps, so a badge cut short never hides them. */
function StandingBadge({ device }: { device: PersonalDevice }) {
  const { t } = useTranslation();
  return (
    <Badge color={STANDING_COLORS[device.standing] ?? 'gray'} variant="light" data-testid="standing" data-standing={device.standing}>
      {t(`personal_devices_ui.standings.${device.standing}`)}
    </Badge>
  );
}

function DevicePanel({ deviceId }: { deviceId: string }) {
  const { t } = useTranslation();
  const { can } = useSession();
  const [step, setStep] = useState<Step | null>(null);
  const query = useRouteQuery('personal-devices.get', { device_id: deviceId });
  if (query.isPending) return <Loading />;
  if (query.isError) return <RefusalAlert error={query.error} />;
  const device = query.data;
  const approved = device.state === 'approved';
  const rows: [string, string][] = [
    [t('personal_devices_ui.fields.owner'), [device.owner_name, device.owner_check_number].filter(Boolean).join(' · ')],
    [t('personal_devices_ui.fields.kind'), t(`personal_devices_ui.kinds.${device.kind}`)],
    [t('personal_devices_ui.fields.device'), [device.make, device.model].filter(Boolean).join(' ')],
    [t('personal_devices_ui.fields.serial'), device.serial],
    [t('personal_devices_ui.fields.purpose'), device.purpose],
    [t('personal_devices_ui.fields.scope'), device.scope],
    [t('personal_devices_ui.fields.prepared'), `${device.prepared_by_name} · ${formatDate(device.created_at)}`],
  ];
  if (device.decided_by_name) rows.push([t('personal_devices_ui.fields.decided'), `${device.decided_by_name} · ${formatDate(device.decided_at)}`]);
  if (device.expires_on) rows.push([t('personal_devices_ui.fields.expires-on'), [formatDay(device.expires_on), daysLeft(device, t)].filter(Boolean).join(' · ')]);
  if (device.reason) rows.push([t('personal_devices_ui.decide.reason'), device.reason]);
  if (device.revoke_reason) rows.push([t('personal_devices_ui.revoke.reason'), `${device.revoke_reason} (${device.revoked_by_name})`]);
  if (device.notes) rows.push([t('personal_devices_ui.fields.notes'), device.notes]);
  return (
    <Stack gap="md" data-testid="personal-device-panel">
      <Group justify="space-between" align="center">
        <Title order={3} size="h4" className="wrap-words">
          {[device.make, device.model].filter(Boolean).join(' ')}
        </Title>
        <StandingBadge device={device} />
      </Group>
      {device.standing === 'expired' ? (
        <Alert color="red" variant="light" icon={<IconAlertTriangle size={18} />} data-testid="expired-warning">
          {t('personal_devices_ui.panel.expired', { date: formatDay(device.expires_on) })}
        </Alert>
      ) : null}
      <Table withTableBorder verticalSpacing={6} data-testid="particulars">
        <Table.Tbody>
          {rows.map(([label, value]) => (
            <Table.Tr key={label}>
              <Table.Th w="34%">{label}</Table.Th>
              <Table.Td className="wrap-words">{value}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Group gap="xs">
        {device.state === 'pending' && can('personal-devices.decide') ? (
          <Button leftSection={<IconCheck size={16} />} onClick={() => setStep('decide')} data-testid="decide">
            {t('personal_devices_ui.decide.open')}
          </Button>
        ) : null}
        {approved && can('personal-devices.renew') ? (
          <Button variant="light" leftSection={<IconRefresh size={16} />} onClick={() => setStep('renew')} data-testid="renew">
            {t('personal_devices_ui.renew.open')}
          </Button>
        ) : null}
        {approved && can('personal-devices.revoke') ? (
          <Button variant="light" color="red" leftSection={<IconBan size={16} />} onClick={() => setStep('revoke')} data-testid="revoke">
            {t('personal_devices_ui.revoke.open')}
          </Button>
        ) : null}
      </Group>
      <Title order={4} size="h5">
        {t('personal_devices_ui.panel.history')}
      </Title>
      <HistoryTimeline entity={device.id} />
      <StepModal step={step} device={device} onClose={() => setStep(null)} />
    </Stack>
  );
}
