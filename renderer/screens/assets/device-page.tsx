// One device: its particulars, the storage inside it (3.6.3), who keeps it, the repair under way, its
// page of the Service Maintenance Log Book (3.6.4) and everything that ever happened to it.
import { ActionIcon, Alert, Anchor, Badge, Button, Drawer, Grid, Group, Paper, SimpleGrid, Stack, Table, Tabs, Text, Title, Tooltip } from '@mantine/core';
import {
  IconAlertTriangle,
  IconArrowLeft,
  IconBook,
  IconDeviceSdCard,
  IconListDetails,
  IconHistory,
  IconPencil,
  IconPlus,
  IconPrinter,
  IconRecycle,
  IconUser,
} from '@tabler/icons-react';
import { useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { describeMedium, underWarranty } from '../../../db/assets/contract.ts';
import { useRouteQuery } from '../../client/context.tsx';
import { ClassificationMark, EntryStateBadge, isOffline, StatusBadge } from '../../components/assets/badges.tsx';
import { useCategories } from '../../components/assets/categories.ts';
import { formatDate, formatDay } from '../../../db/contract/days.ts';
import { todayInDar } from '../../components/assets/days.ts';
import { formatTzs } from '../../components/assets/money.ts';
import { useDocument } from '../../components/assets/use-document.ts';
import { HistoryTimeline } from '../../components/history-timeline.tsx';
import { RefusalAlert } from '../../components/refusal-alert.tsx';
import { Empty, Loading } from '../../components/states.tsx';
import { isLanguage } from '../../i18n/language.ts';
import { useSession } from '../../session/session.tsx';
import { DeviceDisposalNotes, useDeviceDisposal, useDisposingBatch } from '../disposal/device-disposal.tsx';
import { disposedMedium, type BatchView } from '../disposal/disposal-view.ts';
import { ProposeModal, WithdrawModal, type OpenProposal } from '../disposal/proposal-dialogs.tsx';
import { EntryPanel } from '../logbook/entry-panel.tsx';
import { ReportFaultModal } from '../logbook/report-fault.tsx';
import { entryDowntime } from '../../../db/maintenance/contract.ts';
import type { AssetView } from './device-form-values.ts';
import { DeviceFormModal } from './device-form.tsx';
import { AddMediumModal, ReinstallMediumModal, RemoveMediumModal, type Medium } from './media-forms.tsx';

export function DevicePage({ id, onBack }: { id: string; onBack: () => void }) {
  const { t } = useTranslation();
  const asset = useRouteQuery('assets.get', { asset_id: id });
  return (
    <Stack gap="md" data-testid="device-page">
      <Group>
        <Button variant="subtle" size="compact-sm" leftSection={<IconArrowLeft size={16} />} onClick={onBack} data-testid="back-to-register">
          {t('assetsUi.device.back')}
        </Button>
      </Group>
      {asset.isPending ? <Loading /> : null}
      {asset.isError ? <RefusalAlert error={asset.error} /> : null}
      {asset.data ? <Device asset={asset.data} /> : null}
    </Stack>
  );
}

function Device({ asset }: { asset: AssetView }) {
  const { t, i18n } = useTranslation();
  const { can } = useSession();
  const disposal = useDeviceDisposal(asset);
  // Disposed of: nobody holds it any more, and its batch says what became of each medium.
  const disposedBy = useDisposingBatch(asset, disposal);
  // A disposed device is history: nothing on its page would be accepted any more.
  const editable = can('assets.update') && !disposal.history;
  // 3.6.12: a device in a disposal batch is not sent for repair.
  const reportable = can('maintenance.report') && !disposal.history && !disposal.inBatch;
  const drives = (route: 'drives.add' | 'drives.remove' | 'drives.reinstall') => can(route) && !disposal.history;
  const [proposing, setProposing] = useState(false);
  const [withdrawing, setWithdrawing] = useState<OpenProposal | null>(null);
  const categories = useCategories();
  const [editing, setEditing] = useState(false);
  const [reporting, setReporting] = useState(false);
  const [removing, setRemoving] = useState<Medium | null>(null);
  const [reinstalling, setReinstalling] = useState<Medium | null>(null);
  const [adding, setAdding] = useState(false);
  const [viewingEntry, setViewingEntry] = useState<string | null>(null);
  const mediaRef = useRef<HTMLDivElement>(null);
  const page = useDocument('documents.log-book-page');
  const language = isLanguage(i18n.language) ? i18n.language : 'sw';

  // 3.6.3: from the off-site refusal straight to the first medium still inside.
  const recordRemoval = () => {
    setViewingEntry(null);
    mediaRef.current?.scrollIntoView({ behavior: 'smooth', block: 'center' });
    const inside = asset.media.find((medium) => medium.state === 'installed');
    if (inside) setRemoving(inside);
  };

  const label = [asset.make, asset.model].filter(Boolean).join(' ');
  const none = (value: string | null | undefined): ReactNode =>
    value ? (
      value
    ) : (
      <Text span size="sm" c="dimmed">
        —
      </Text>
    );
  const particulars: [string, ReactNode][] = [
    [t('assetsUi.fields.category'), categories.name(asset.category)],
    [t('assetsUi.fields.make'), none(asset.make)],
    [t('assetsUi.fields.model'), none(asset.model)],
    [
      t('assetsUi.fields.serial'),
      asset.serial ? (
        <Text span size="sm" ff="monospace">
          {asset.serial}
        </Text>
      ) : (
        none('')
      ),
    ],
    [t('assetsUi.fields.purchase-date'), none(formatDay(asset.purchase_date))],
    [t('assetsUi.fields.supplier'), none(asset.supplier)],
    [t('assetsUi.fields.cost'), none(formatTzs(asset.cost_tzs))],
    [t('assetsUi.fields.funding'), none(asset.funding_source)],
    [
      t('assetsUi.fields.warranty-end'),
      asset.warranty_end ? (
        <Group gap={6}>
          {formatDay(asset.warranty_end)}
          {underWarranty(asset, todayInDar()) ? (
            <Badge size="xs" variant="light" color="blue">
              {t('assetsUi.device.under-warranty')}
            </Badge>
          ) : null}
        </Group>
      ) : (
        none('')
      ),
    ],
    [t('assetsUi.fields.location'), none(asset.location_name)],
    [t('assetsUi.fields.department'), none(asset.department_name)],
    [t('assetsUi.fields.classification'), <ClassificationMark key="c" classification={asset.classification} />],
    [t('assetsUi.device.holds-records'), t(asset.can_hold_records ? 'assetsUi.device.yes' : 'assetsUi.device.no')],
    [t('assetsUi.device.registered-on'), formatDate(asset.created_at)],
  ];

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-start" wrap="nowrap" gap="md">
        <Stack gap={4} style={{ minWidth: 0 }}>
          <Group gap="sm" wrap="nowrap">
            <Title order={2} size="h3" ff="monospace" data-testid="device-tag">
              {asset.tag}
            </Title>
            <StatusBadge status={asset.status} size="lg" />
          </Group>
          <Text size="lg" fw={500} className="wrap-words" data-testid="device-label">
            {label}{' '}
            <Text span c="dimmed" size="md" className="keep-whole">
              · {categories.name(asset.category)}
            </Text>
          </Text>
        </Stack>
        <Group gap="xs" wrap="nowrap">
          <Button variant="default" leftSection={<IconPrinter size={16} />} loading={page.isPending} onClick={() => page.mutate({ asset_id: asset.id, language })} data-testid="print-log-book-page">
            {t('assetsUi.device.print-log-book')}
          </Button>
          {editable ? (
            <Button variant="default" leftSection={<IconPencil size={16} />} onClick={() => setEditing(true)} data-testid="edit-device">
              {t('common.edit')}
            </Button>
          ) : null}
          {can('disposal.propose') && disposal.proposable ? (
            <Button variant="default" color="orange" leftSection={<IconRecycle size={16} />} onClick={() => setProposing(true)} data-testid="propose-disposal">
              {t('disposal_ui.device.propose')}
            </Button>
          ) : null}
          {reportable && !asset.open_entry_id ? (
            <Button color="orange" leftSection={<IconAlertTriangle size={16} />} onClick={() => setReporting(true)} data-testid="report-fault">
              {t('assetsUi.device.report-fault')}
            </Button>
          ) : null}
        </Group>
      </Group>
      {page.isError ? <RefusalAlert error={page.error} onClose={() => page.reset()} /> : null}
      {isOffline(asset.classification) ? (
        <Alert color="red" variant="light" icon={<IconAlertTriangle size={18} />} py="xs">
          {t('classifications.offline-warning')}
        </Alert>
      ) : null}
      <DeviceDisposalNotes asset={asset} disposal={disposal} onWithdraw={setWithdrawing} />
      {asset.disposal_candidate && !disposal.history && !disposal.inBatch && !disposal.proposal ? (
        <Alert color="orange" variant="light" icon={<IconRecycle size={18} />} py="xs" data-testid="disposal-candidate">
          {t('assetsUi.device.disposal-candidate')}
        </Alert>
      ) : null}

      {asset.open_entry_id ? <EntryPanel entryId={asset.open_entry_id} onRecordRemoval={recordRemoval} /> : null}

      <Grid gap="md">
        <Grid.Col span={{ base: 12, lg: 8 }}>
          <Paper withBorder radius="md" p="md" h="100%">
            <SectionTitle icon={<IconListDetails size={18} />} title={t('assetsUi.device.particulars')} />
            <SimpleGrid cols={3} spacing="md" verticalSpacing="sm" data-testid="particulars">
              {particulars.map(([name, value]) => (
                <Stack key={name} gap={2} style={{ minWidth: 0 }}>
                  <Text size="xs" c="dimmed" fw={600}>
                    {name}
                  </Text>
                  <div style={{ fontSize: 'var(--mantine-font-size-sm)', overflowWrap: 'anywhere', whiteSpace: 'pre-line' }}>{value}</div>
                </Stack>
              ))}
            </SimpleGrid>
            {asset.notes ? (
              <Stack gap={2} mt="sm">
                <Text size="xs" c="dimmed" fw={600}>
                  {t('assetsUi.fields.notes')}
                </Text>
                <Text size="sm" style={{ whiteSpace: 'pre-line', overflowWrap: 'anywhere' }}>
                  {asset.notes}
                </Text>
              </Stack>
            ) : null}
          </Paper>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 4 }}>
          <Stack gap="md">
            <Paper withBorder radius="md" p="md">
              <SectionTitle icon={<IconUser size={18} />} title={t(disposal.history ? 'disposal_ui.device.last-custodian' : 'assetsUi.device.custodian')} />
              {asset.custodian_name ? (
                <Text fw={600} data-testid="custodian">
                  {asset.custodian_name}
                </Text>
              ) : (
                <Text size="sm" c="dimmed">
                  {t('assetsUi.device.no-custodian')}
                </Text>
              )}
              {asset.department_name ? (
                <Text size="sm" c="dimmed">
                  {asset.department_name}
                </Text>
              ) : null}
            </Paper>
            <Paper withBorder radius="md" p="md" ref={mediaRef} data-testid="media">
              <Group justify="space-between" mb="xs">
                <SectionTitle icon={<IconDeviceSdCard size={18} />} title={t('assetsUi.device.media')} mb={0} />
                {drives('drives.add') ? (
                  <Tooltip label={t('assetsUi.add-medium.open')}>
                    <ActionIcon variant="subtle" aria-label={t('assetsUi.add-medium.open')} onClick={() => setAdding(true)}>
                      <IconPlus size={16} />
                    </ActionIcon>
                  </Tooltip>
                ) : null}
              </Group>
              {asset.media.length === 0 ? (
                <Text size="sm" c="dimmed">
                  {t('assetsUi.device.no-media')}
                </Text>
              ) : (
                <Stack gap="sm">
                  {asset.media.map((medium) => (
                    <MediumCard
                      key={medium.id}
                      medium={medium}
                      offsite={asset.repair_state === 'off_site'}
                      readOnly={disposal.history}
                      disposedBy={disposedBy}
                      onRemove={() => setRemoving(medium)}
                      onReinstall={() => setReinstalling(medium)}
                    />
                  ))}
                </Stack>
              )}
            </Paper>
          </Stack>
        </Grid.Col>
      </Grid>

      <Tabs defaultValue="log-book" keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="log-book" leftSection={<IconBook size={16} />} data-testid="tab-log-book">
            {t('assetsUi.device.log-book')}
          </Tabs.Tab>
          <Tabs.Tab value="history" leftSection={<IconHistory size={16} />} data-testid="tab-history">
            {t('assetsUi.device.history')}
          </Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="log-book" pt="md">
          <DeviceLogBook assetId={asset.id} onOpen={setViewingEntry} />
        </Tabs.Panel>
        <Tabs.Panel value="history" pt="md">
          <HistoryTimeline entity={asset.id} />
        </Tabs.Panel>
      </Tabs>

      <Drawer
        opened={viewingEntry !== null}
        onClose={() => setViewingEntry(null)}
        position="right"
        size="xl"
        title={t('assetsUi.device.entry-title', { tag: asset.tag })}
        closeButtonProps={{ 'aria-label': t('common.close') }}
      >
        {viewingEntry ? <EntryPanel entryId={viewingEntry} onRecordRemoval={recordRemoval} /> : null}
      </Drawer>
      {editable ? <DeviceFormModal opened={editing} asset={asset} onClose={() => setEditing(false)} /> : null}
      {reportable ? <ReportFaultModal device={reporting ? asset : null} onClose={() => setReporting(false)} /> : null}
      {drives('drives.remove') ? <RemoveMediumModal asset={asset} medium={removing} onClose={() => setRemoving(null)} /> : null}
      {drives('drives.reinstall') ? <ReinstallMediumModal asset={asset} medium={reinstalling} onClose={() => setReinstalling(null)} /> : null}
      {drives('drives.add') ? <AddMediumModal asset={asset} opened={adding} onClose={() => setAdding(false)} /> : null}
      {can('disposal.propose') ? <ProposeModal device={proposing ? asset : null} onClose={() => setProposing(false)} /> : null}
      {can('disposal.withdraw') ? <WithdrawModal proposal={withdrawing} onClose={() => setWithdrawing(null)} /> : null}
    </Stack>
  );
}

function SectionTitle({ icon, title, mb = 'xs' }: { icon: ReactNode; title: string; mb?: number | string }) {
  return (
    <Group gap={6} mb={mb}>
      {icon}
      <Title order={3} size="h5">
        {title}
      </Title>
    </Group>
  );
}

function MediumCard({
  medium,
  offsite,
  readOnly,
  disposedBy,
  onRemove,
  onReinstall,
}: {
  medium: Medium;
  offsite: boolean;
  readOnly: boolean;
  disposedBy: BatchView | null;
  onRemove: () => void;
  onReinstall: () => void;
}) {
  const { t } = useTranslation();
  const { can } = useSession();
  const disposed = disposedBy ? disposedMedium(disposedBy, medium.id) : null;
  if (disposedBy && disposed) {
    return (
      <Paper withBorder radius="sm" p="sm" bg="gray.0" data-testid="medium" data-state={disposed.state} data-medium={describeMedium(medium)}>
        <Group justify="space-between" align="flex-start" wrap="nowrap" gap="xs">
          <Stack gap={2} style={{ minWidth: 0 }}>
            <Text size="sm" fw={600}>
              {describeMedium(medium)}
            </Text>
            <Text size="xs" c="dimmed">
              {t(`media.${medium.kind}`)}
            </Text>
          </Stack>
          <Badge size="sm" variant="light" color="gray" style={{ flexShrink: 0 }} data-testid="medium-final-state">
            {t(`disposal_ui.device.medium-states.${disposed.state}`)}
          </Badge>
        </Group>
        <Text size="xs" mt={6} className="wrap-words" data-testid="medium-disposal">
          {t('disposal_ui.device.medium-record', { category: t(`disposal_ui.categories.${disposed.category}`), number: disposedBy.number })}
        </Text>
      </Paper>
    );
  }
  const installed = medium.state === 'installed';
  const recordable = can(installed ? 'drives.remove' : 'drives.reinstall') && !readOnly;
  return (
    <Paper withBorder radius="sm" p="sm" bg={installed ? undefined : 'yellow.0'} data-testid="medium" data-state={medium.state} data-medium={describeMedium(medium)}>
      <Group justify="space-between" align="flex-start" wrap="nowrap" gap="xs">
        <Stack gap={2} style={{ minWidth: 0 }}>
          <Text size="sm" fw={600}>
            {describeMedium(medium)}
          </Text>
          <Text size="xs" c="dimmed">
            {t(`media.${medium.kind}`)}
          </Text>
        </Stack>
        <Badge size="sm" variant={installed ? 'light' : 'filled'} color={installed ? 'flag' : 'yellow'} c={installed ? undefined : 'dark'} style={{ flexShrink: 0 }}>
          {t(`mediaStates.${medium.state}`)}
        </Badge>
      </Group>
      {installed ? null : (
        <Text size="xs" mt={6} data-testid="medium-removal">
          {t('assetsUi.device.removed-detail', { date: formatDay(medium.removed_on), by: medium.removed_by, witness: medium.witnessed_by, kept: medium.kept_at })}
        </Text>
      )}
      {recordable ? (
        <Group gap="xs" mt="xs">
          {installed ? (
            <Button size="compact-xs" variant="light" color="orange" onClick={onRemove} data-testid="record-removal">
              {t('assetsUi.device.record-removal')}
            </Button>
          ) : (
            <Tooltip label={t('errors.asset-offsite')} disabled={!offsite} multiline w={260}>
              <Button size="compact-xs" variant="light" onClick={onReinstall} disabled={offsite} data-testid="record-reinstall">
                {t('assetsUi.device.record-reinstall')}
              </Button>
            </Tooltip>
          )}
        </Group>
      ) : null}
    </Paper>
  );
}

function DeviceLogBook({ assetId, onOpen }: { assetId: string; onOpen: (entryId: string) => void }) {
  const { t } = useTranslation();
  const book = useRouteQuery('maintenance.log-book', { asset_id: assetId });
  if (book.isPending) return <Loading />;
  if (book.isError) return <RefusalAlert error={book.error} />;
  const today = todayInDar();
  if (book.data.entries.length === 0) return <Empty title={t('assetsUi.device.log-book-empty')} />;
  return (
    <Stack gap="xs">
      <Table.ScrollContainer minWidth={900}>
        <Table withTableBorder highlightOnHover verticalSpacing="xs" layout="fixed" data-testid="device-log-book">
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={44}>{t('logbookUi.columns.number')}</Table.Th>
              <Table.Th w={110}>{t('logbookUi.columns.reported')}</Table.Th>
              <Table.Th>{t('logbookUi.columns.fault')}</Table.Th>
              <Table.Th w="20%">{t('logbookUi.columns.technician')}</Table.Th>
              <Table.Th w={190}>{t('logbookUi.columns.state')}</Table.Th>
              <Table.Th w={140} ta="right">
                {t('logbookUi.columns.cost')}
              </Table.Th>
              <Table.Th w={80} ta="right">
                {t('logbookUi.columns.downtime')}
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {book.data.entries.map((entry, index) => (
              <Table.Tr key={entry.id} className="clickable-row" onClick={() => onOpen(entry.id)} data-testid="log-book-row" data-state={entry.state}>
                <Table.Td>{index + 1}</Table.Td>
                <Table.Td>{formatDay(entry.reported_on)}</Table.Td>
                <Table.Td>
                  <Anchor component="button" type="button" size="sm" ta="left" lineClamp={2} onClick={() => onOpen(entry.id)}>
                    {entry.symptoms}
                  </Anchor>
                  {entry.kind === 'preventive' ? (
                    <Badge size="xs" variant="outline" color="teal" mt={2}>
                      {t('maintenanceKinds.preventive')}
                    </Badge>
                  ) : null}
                </Table.Td>
                <Table.Td>
                  <Text size="sm" className="wrap-words" data-fit="technician">
                    {entry.technician_type === 'external' ? entry.provider_name : entry.technician_name || '—'}
                  </Text>
                </Table.Td>
                <Table.Td>
                  {entry.state === 'closed' && entry.outcome ? (
                    <Stack gap={0}>
                      <Text size="sm" className="wrap-words" data-fit="outcome">
                        {t(`outcomes.${entry.outcome}`)}
                      </Text>
                      <Text size="xs" c="dimmed">
                        {formatDay(entry.closed_on)}
                      </Text>
                    </Stack>
                  ) : (
                    <EntryStateBadge state={entry.state} />
                  )}
                </Table.Td>
                <Table.Td ta="right">{entry.total_cost_tzs ? formatTzs(entry.total_cost_tzs) : '—'}</Table.Td>
                <Table.Td ta="right">{entryDowntime(entry, today)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <Text size="sm" ta="right" fw={600} data-testid="downtime-total">
        {t('assetsUi.device.downtime-total', { days: book.data.downtime_days })}
      </Text>
    </Stack>
  );
}
