// Off-premises permits (3.6.11): every request with its state, what is overdue first and in red, the
// clashes a merge brought (a device out on a permit while sent for repair elsewhere), a new request, and
// the gate's "check a permit".
import { Alert, Anchor, Button, Group, Paper, Select, Stack, Table, Text, Title } from '@mantine/core';
import { IconAlertTriangle, IconArrowsExchange, IconPlus, IconQrcode } from '@tabler/icons-react';
import { keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDay } from '../../../db/contract/days.ts';
import { describeMovementConflict, MOVEMENT_CONFLICT_KINDS, MOVEMENT_FILTERS } from '../../../db/movements/contract.ts';
import { useClient, useRouteQuery } from '../../client/context.tsx';
import { ExportRegister } from '../../components/export-register.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { RefusalAlert } from '../../components/refusal-alert.tsx';
import { Empty, Loading } from '../../components/states.tsx';
import { useSession } from '../../session/session.tsx';
import { shownRecord, useOpenedRecord } from '../../shell/opened-record.ts';
import { MovementModal, StateBadge } from './movement-panel.tsx';
import type { MovementView } from './movement-view.ts';
import { PermitCheckModal } from './permit-check.tsx';
import { RequestModal } from './request-form.tsx';

type Filter = (typeof MOVEMENT_FILTERS)[number];
const PAGE_SIZE = 100;

export function MovementsScreen() {
  const { t } = useTranslation();
  const { call } = useClient();
  const { can } = useSession();
  const [filter, setFilter] = useState<Filter>('open');
  // `#/movements/<permit id>` opens that request, as a click in the list does.
  const [named, setOpened] = useOpenedRecord('movements');
  const opened = shownRecord(named, useRouteQuery('movements.get', { request_id: named ?? '' }, { enabled: named !== null }));
  const [requesting, setRequesting] = useState(false);
  const [checking, setChecking] = useState(false);

  const list = useInfiniteQuery({
    queryKey: ['movements.list', { filter }],
    queryFn: ({ pageParam }) => call('movements.list', { filter, after: pageParam, limit: PAGE_SIZE }),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.next,
    placeholderData: keepPreviousData,
  });
  const rows = list.data?.pages.flatMap((page) => page.items) ?? [];
  const overdue = useRouteQuery('movements.list', { filter: 'overdue' });
  const conflicts = useRouteQuery('conflicts.list', {}, { enabled: can('conflicts.list') });
  const clashes = (conflicts.data ?? []).filter((conflict) => (MOVEMENT_CONFLICT_KINDS as readonly string[]).includes(conflict.kind));

  return (
    <Stack gap="md" data-testid="movements-screen">
      <PageHeader
        title={t('movements_ui.title')}
        description={t('movements_ui.intro')}
        actions={
          <>
            <ExportRegister request={{ register: 'movements', filters: { filter } }} />
            {can('permits.check') ? (
              <Button variant="default" leftSection={<IconQrcode size={16} />} onClick={() => setChecking(true)} data-testid="open-permit-check">
                {t('movements_ui.check.open')}
              </Button>
            ) : null}
            {can('movements.request') ? (
              <Button leftSection={<IconPlus size={16} />} onClick={() => setRequesting(true)} data-testid="new-request">
                {t('movements_ui.request.open')}
              </Button>
            ) : null}
          </>
        }
      />

      {(overdue.data?.items.length ?? 0) > 0 ? <OverdueList items={overdue.data?.items ?? []} onOpen={setOpened} /> : null}

      {clashes.map((conflict) => (
        <Alert key={conflict.id} color="orange" variant="light" icon={<IconArrowsExchange size={18} />} title={t('movements_ui.conflict.title')} data-testid="movement-conflict">
          {describeMovementConflict(conflict, t)}
        </Alert>
      ))}

      <Group gap="sm" align="flex-end">
        <Select
          label={t('movements_ui.filter.label')}
          w={240}
          allowDeselect={false}
          data={MOVEMENT_FILTERS.map((value) => ({ value, label: t(`movements_ui.filter.${value}`) }))}
          value={filter}
          onChange={(value) => setFilter((value ?? 'open') as Filter)}
          data-testid="movements-filter"
        />
      </Group>

      {list.isError ? <RefusalAlert error={list.error} /> : null}
      {list.isPending ? <Loading /> : null}
      {list.data && rows.length === 0 ? <Empty title={t('movements_ui.empty')} hint={t('movements_ui.empty-hint')} /> : null}
      {rows.length > 0 ? (
        <Table.ScrollContainer minWidth={900}>
          <Table withTableBorder highlightOnHover striped="even" verticalSpacing="xs" data-testid="movements-table" style={{ opacity: list.isPlaceholderData ? 0.6 : 1 }}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('movements_ui.columns.permit')}</Table.Th>
                <Table.Th>{t('movements_ui.columns.holder')}</Table.Th>
                <Table.Th>{t('movements_ui.columns.devices')}</Table.Th>
                <Table.Th>{t('movements_ui.columns.destination')}</Table.Th>
                <Table.Th w={200}>{t('movements_ui.columns.dates')}</Table.Th>
                <Table.Th w={210}>{t('movements_ui.columns.state')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((movement) => (
                <MovementRow key={movement.id} movement={movement} onOpen={() => setOpened(movement.id)} />
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      ) : null}
      {list.hasNextPage ? (
        <Group justify="center">
          <Button variant="default" loading={list.isFetchingNextPage} onClick={() => void list.fetchNextPage()}>
            {t('movements_ui.more')}
          </Button>
        </Group>
      ) : null}

      <MovementModal id={opened} onClose={() => setOpened(null)} />
      <RequestModal opened={requesting} onClose={() => setRequesting(false)} onRequested={(movement) => setOpened(movement.id)} />
      <PermitCheckModal opened={checking} onClose={() => setChecking(false)} />
    </Stack>
  );
}

function MovementRow({ movement, onOpen }: { movement: MovementView; onOpen: () => void }) {
  return (
    <Table.Tr className="clickable-row" onClick={onOpen} data-testid="movement-row" data-permit={movement.permit_no}>
      <Table.Td>
        <Anchor component="button" type="button" size="sm" fw={600} ff="monospace" className="keep-whole" onClick={onOpen}>
          {movement.permit_no}
        </Anchor>
      </Table.Td>
      <Table.Td>{movement.holder_name}</Table.Td>
      <Table.Td>
        <Text size="sm" ff="monospace" className="wrap-words">
          {movement.devices.map((device) => device.tag).join(', ')}
        </Text>
      </Table.Td>
      <Table.Td>{movement.destination}</Table.Td>
      <Table.Td>
        <Text size="sm" className="keep-whole">
          {formatDay(movement.date_out)} – {formatDay(movement.due_on)}
        </Text>
      </Table.Td>
      <Table.Td>
        <StateBadge movement={movement} />
      </Table.Td>
    </Table.Tr>
  );
}

/** 3.6.11: devices out past their due date, before anything else on the screen. */
function OverdueList({ items, onOpen }: { items: MovementView[]; onOpen: (id: string) => void }) {
  const { t } = useTranslation();
  return (
    <Paper withBorder radius="md" p="md" style={{ borderLeft: '4px solid var(--mantine-color-red-7)' }} data-testid="overdue-list">
      <Group gap="xs" mb="xs">
        <IconAlertTriangle size={20} color="var(--mantine-color-red-7)" />
        <Title order={3} size="h5" c="red.8">
          {t('movements_ui.overdue.title', { count: items.length })}
        </Title>
      </Group>
      <Stack gap={4}>
        {items.map((movement) => (
          <Group key={movement.id} gap="sm" wrap="nowrap" data-testid="overdue-row">
            <Anchor component="button" type="button" size="sm" fw={600} ff="monospace" onClick={() => onOpen(movement.id)}>
              {movement.permit_no}
            </Anchor>
            <Text size="sm">
              {t('movements_ui.overdue.line', {
                holder: movement.holder_name,
                tags: movement.devices.map((device) => device.tag).join(', '),
                due: formatDay(movement.due_on),
              })}
            </Text>
          </Group>
        ))}
      </Stack>
    </Paper>
  );
}
