// The Service Maintenance Log Book (3.6.4) across all devices: every entry of a period with its totals,
// printable as the book's pages or exported as a register, and the preventive work the approved
// procedure's plans call for (3.6.1). A ministry's year is thousands of entries: printing and exporting
// are long jobs, followed in a dialog with a stop.
import { Anchor, Badge, Button, Group, Paper, SegmentedControl, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { IconAlertTriangle, IconCalendarDue, IconPrinter, IconShieldCheck } from '@tabler/icons-react';
import { keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useClient, useRouteQuery } from '../../client/context.tsx';
import { EntryStateBadge } from '../../components/assets/badges.tsx';
import { DateField } from '../../components/assets/date-field.tsx';
import { financialYearStart, formatDay } from '../../../db/contract/days.ts';
import { todayInDar } from '../../components/assets/days.ts';
import { formatTzs, groupThousands } from '../../components/assets/money.ts';
import { saveFile } from '../../components/assets/download.ts';
import { ExportRegister } from '../../components/export-register.tsx';
import { JobModal, useJob } from '../../components/job-progress.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { RefusalAlert } from '../../components/refusal-alert.tsx';
import { Empty, Loading } from '../../components/states.tsx';
import { isLanguage } from '../../i18n/language.ts';
import { useSession } from '../../session/session.tsx';
import { useHash } from '../../shell/use-hash.ts';
import { deviceHash } from '../assets/device-route.ts';
import { ReportFaultModal, type FaultDevice, type ReportStart } from './report-fault.tsx';
import { entryDowntime } from '../../../db/maintenance/contract.ts';
import { periodTotals } from './totals.ts';

type StateFilter = 'all' | 'open' | 'closed';
const PAGE_SIZE = 500;
/** Preventive work shown ahead of its day. */
const DUE_WITHIN_DAYS = 30;

export function LogBookScreen() {
  const { t, i18n } = useTranslation();
  const { call } = useClient();
  const { can } = useSession();
  // Opening preventive work from the due list reports it in the log book.
  const keeper = can('maintenance.report');
  const [, setHash] = useHash();
  const today = todayInDar();
  const [from, setFrom] = useState(() => financialYearStart(today));
  const [to, setTo] = useState(today);
  const [state, setState] = useState<StateFilter>('all');
  const periodValid = Boolean(from && to && from <= to);
  const printing = useJob();
  const [printError, setPrintError] = useState<unknown>(null);
  const language = isLanguage(i18n.language) ? i18n.language : 'sw';

  const printPeriod = async () => {
    setPrintError(null);
    try {
      const file = await printing.run((key) => call('documents.log-book-period', { from, to, language, job: key }));
      if (file) saveFile(file);
    } catch (error) {
      setPrintError(error);
    }
  };

  const entries = useInfiniteQuery({
    queryKey: ['maintenance.list', { from, to, state }],
    queryFn: ({ pageParam }) => call('maintenance.list', { from, to, state, after: pageParam, limit: PAGE_SIZE }),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.next,
    placeholderData: keepPreviousData,
    enabled: periodValid,
  });
  // The totals are the period's, not the first page's: the rest is fetched straight away.
  const { hasNextPage, isFetchingNextPage, fetchNextPage } = entries;
  useEffect(() => {
    if (hasNextPage && !isFetchingNextPage) void fetchNextPage();
  }, [hasNextPage, isFetchingNextPage, fetchNextPage]);
  const rows = entries.data?.pages.flatMap((page) => page.items) ?? [];
  const totals = periodTotals(rows, today);
  const open = (assetId: string) => setHash(deviceHash(assetId));

  return (
    <Stack gap="md" data-testid="logbook-screen">
      <PageHeader
        title={t('logbookUi.title')}
        description={t('logbookUi.intro')}
        actions={
          <>
            {periodValid ? <ExportRegister request={{ register: 'log-book', filters: { from, to } }} /> : null}
            {periodValid ? <ExportRegister request={{ register: 'maintenance-cost', filters: { from, to } }} named /> : null}
            <Button
              variant="default"
              leftSection={<IconPrinter size={16} />}
              disabled={!periodValid}
              loading={printing.running}
              onClick={() => void printPeriod()}
              data-testid="print-period"
            >
              {t('logbookUi.print-period')}
            </Button>
          </>
        }
      />
      <JobModal job={printing} title={t('logbookUi.printing')} error={printError} onClose={() => setPrintError(null)} />
      <Group gap="sm" align="flex-end" wrap="wrap">
        <div style={{ width: 180 }}>
          <DateField label={t('logbookUi.from')} value={from} onChange={setFrom} data-testid="period-from" />
        </div>
        <div style={{ width: 180 }}>
          <DateField label={t('logbookUi.to')} value={to} onChange={setTo} error={from && to && to < from ? t('documents.validation.period') : undefined} data-testid="period-to" />
        </div>
        <SegmentedControl
          value={state}
          onChange={(value) => setState(value as StateFilter)}
          data={[
            { value: 'all', label: t('logbookUi.states.all') },
            { value: 'open', label: t('logbookUi.states.open') },
            { value: 'closed', label: t('logbookUi.states.closed') },
          ]}
          data-testid="state-filter"
        />
      </Group>

      <SimpleGrid cols={3} spacing="md" data-testid="period-totals">
        <Total label={t('logbookUi.totals.count')} value={groupThousands(totals.count)} testId="total-count" />
        <Total label={t('logbookUi.totals.cost')} value={formatTzs(totals.cost)} testId="total-cost" />
        <Total label={t('logbookUi.totals.downtime')} value={t('logbookUi.totals.days', { days: groupThousands(totals.downtime) })} testId="total-downtime" />
      </SimpleGrid>

      {entries.isError ? <RefusalAlert error={entries.error} /> : null}
      {entries.isPending && periodValid ? <Loading /> : null}
      {entries.data && rows.length === 0 ? <Empty title={t('logbookUi.empty')} hint={t('logbookUi.empty-hint')} /> : null}
      {rows.length > 0 ? (
        <Table.ScrollContainer minWidth={1000}>
          <Table withTableBorder highlightOnHover striped="even" verticalSpacing="xs" layout="fixed" data-testid="logbook-table" style={{ opacity: entries.isPlaceholderData ? 0.6 : 1 }}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th w={110}>{t('logbookUi.columns.reported')}</Table.Th>
                <Table.Th w="20%">{t('logbookUi.columns.device')}</Table.Th>
                <Table.Th>{t('logbookUi.columns.fault')}</Table.Th>
                <Table.Th w="16%">{t('logbookUi.columns.technician')}</Table.Th>
                <Table.Th w={170}>{t('logbookUi.columns.state')}</Table.Th>
                <Table.Th w={124} ta="right">
                  {t('logbookUi.columns.cost')}
                </Table.Th>
                <Table.Th w={64} ta="right">
                  {t('logbookUi.columns.downtime')}
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((entry) => (
                <Table.Tr key={entry.id} className="clickable-row" onClick={() => open(entry.asset_id)} data-testid="logbook-row">
                  <Table.Td>{formatDay(entry.reported_on)}</Table.Td>
                  <Table.Td>
                    <Anchor component="button" type="button" size="sm" fw={600} ff="monospace" className="keep-whole" onClick={() => open(entry.asset_id)} data-fit="tag">
                      {entry.asset_tag}
                    </Anchor>
                    <Text size="xs" c="dimmed" className="wrap-words" data-fit="device">
                      {entry.asset_label}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    {/* The fault as written may be a paragraph: three lines here, all of it on the device's page. */}
                    <Text size="sm" lineClamp={3} className="wrap-words">
                      {entry.symptoms}
                    </Text>
                    {entry.kind === 'preventive' ? (
                      <Badge size="xs" variant="outline" color="teal">
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
                      <Text size="sm" className="wrap-words" data-fit="outcome">
                        {t(`outcomes.${entry.outcome}`)}
                      </Text>
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
      ) : null}

      <DueList keeper={keeper} onOpenDevice={open} />
    </Stack>
  );
}

function Total({ label, value, testId }: { label: string; value: string; testId: string }) {
  return (
    <Paper withBorder radius="md" px="md" py="sm">
      <Text size="xs" c="dimmed" fw={600} tt="uppercase" style={{ letterSpacing: 0.3 }}>
        {label}
      </Text>
      <Text size="xl" fw={700} data-testid={testId}>
        {value}
      </Text>
    </Paper>
  );
}

function DueList({ keeper, onOpenDevice }: { keeper: boolean; onOpenDevice: (assetId: string) => void }) {
  const { t } = useTranslation();
  const due = useRouteQuery('plans.due', { within_days: DUE_WITHIN_DAYS });
  const [starting, setStarting] = useState<{ device: FaultDevice; start: ReportStart } | null>(null);
  const { call } = useClient();
  const [startError, setStartError] = useState<unknown>(null);

  // The report form wants the device's category and warranty: read it when the officer asks.
  const begin = async (item: { asset_id: string; plan_id: string; task: string }) => {
    setStartError(null);
    try {
      const asset = await call('assets.get', { asset_id: item.asset_id });
      setStarting({ device: asset, start: { kind: 'preventive', plan_id: item.plan_id, symptoms: item.task } });
    } catch (error) {
      setStartError(error);
    }
  };

  return (
    <Stack gap="xs" mt="md" data-testid="due-list">
      <Group gap={6}>
        <IconCalendarDue size={20} />
        <Title order={3} size="h4">
          {t('logbookUi.due.title')}
        </Title>
      </Group>
      <Text size="sm" c="dimmed">
        {t('logbookUi.due.intro', { days: DUE_WITHIN_DAYS })}
      </Text>
      {startError ? <RefusalAlert error={startError} onClose={() => setStartError(null)} /> : null}
      {due.isPending ? <Loading /> : null}
      {due.isError ? <RefusalAlert error={due.error} /> : null}
      {due.data && due.data.length === 0 ? (
        <Paper withBorder radius="md" p="md">
          <Group gap="xs">
            <IconShieldCheck size={18} color="var(--mantine-color-flag-7)" />
            <Text size="sm">{t('logbookUi.due.empty', { days: DUE_WITHIN_DAYS })}</Text>
          </Group>
        </Paper>
      ) : null}
      {due.data && due.data.length > 0 ? (
        <Table.ScrollContainer minWidth={900}>
          <Table withTableBorder verticalSpacing="xs" layout="fixed" data-testid="due-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th w="22%">{t('logbookUi.columns.device')}</Table.Th>
                <Table.Th>{t('logbookUi.due.task')}</Table.Th>
                <Table.Th w={120}>{t('logbookUi.due.last-done')}</Table.Th>
                <Table.Th w={150}>{t('logbookUi.due.due-on')}</Table.Th>
                {keeper ? <Table.Th w={220} /> : null}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {due.data.map((item) => (
                <Table.Tr key={`${item.plan_id}:${item.asset_id}`} bg={item.overdue ? 'red.0' : undefined} data-testid="due-row" data-overdue={item.overdue}>
                  <Table.Td>
                    <Anchor component="button" type="button" size="sm" fw={600} ff="monospace" className="keep-whole" onClick={() => onOpenDevice(item.asset_id)} data-fit="tag">
                      {item.asset_tag}
                    </Anchor>
                    <Text size="xs" c="dimmed" className="wrap-words" data-fit="device">
                      {item.asset_label}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{item.task}</Text>
                    <Text size="xs" c="dimmed">
                      {t('logbookUi.due.every', { months: item.interval_months })}
                    </Text>
                  </Table.Td>
                  <Table.Td>{item.last_done_on ? formatDay(item.last_done_on) : <Text span size="sm" c="dimmed">{t('logbookUi.due.never')}</Text>}</Table.Td>
                  <Table.Td>
                    <Stack gap={2} align="flex-start">
                      <Text size="sm" fw={item.overdue ? 700 : undefined} c={item.overdue ? 'red.8' : undefined}>
                        {formatDay(item.due_on)}
                      </Text>
                      {item.overdue ? (
                        <Badge size="xs" color="red" variant="filled" leftSection={<IconAlertTriangle size={10} />}>
                          {t('logbookUi.due.overdue')}
                        </Badge>
                      ) : null}
                    </Stack>
                  </Table.Td>
                  {keeper ? (
                    <Table.Td ta="right">
                      <Button size="xs" variant="light" onClick={() => void begin(item)} data-testid="open-preventive">
                        {t('logbookUi.due.open')}
                      </Button>
                    </Table.Td>
                  ) : null}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      ) : null}
      <ReportFaultModal device={starting?.device ?? null} start={starting?.start} onClose={() => setStarting(null)} onReported={(entry) => onOpenDevice(entry.asset_id)} />
    </Stack>
  );
}
