// Handovers of ICT equipment (makabidhiano, 3.6.6): the list with its state filter, what waits for this
// user's decision, handover conflicts a merge revealed, who approves the permits, and the form to prepare one.
import { Alert, Anchor, Button, Drawer, Group, Modal, Paper, SegmentedControl, Stack, Table, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconAlertTriangle, IconArrowRight, IconInbox, IconSearch } from '@tabler/icons-react';
import { keepPreviousData } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { APPROVER_ROLES } from '../../../db/handovers/contract.ts';
import { formatDateTime } from '../../../db/contract/days.ts';
import { useRouteMutation, useRouteQuery } from '../../client/context.tsx';
import { ExportRegister } from '../../components/export-register.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { RefusalAlert } from '../../components/refusal-alert.tsx';
import { Empty, Loading } from '../../components/states.tsx';
import { isLanguage } from '../../i18n/language.ts';
import { useSession } from '../../session/session.tsx';
import { shownRecord, useOpenedRecord } from '../../shell/opened-record.ts';
import { HANDOVER_REFRESH, partyLabel, STATE_FILTERS, type StateFilter } from './handover-helpers.ts';
import { HandoverPanel, StateBadge } from './handover-panel.tsx';
import { PrepareForm } from './prepare-form.tsx';

export function HandoversScreen() {
  const { t } = useTranslation();
  const { can } = useSession();
  const [state, setState] = useState<StateFilter>('open');
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search.trim(), 200);
  // `#/handovers/<handover id>` opens that handover, as a click in the list does.
  const [named, setOpened] = useOpenedRecord('handovers');
  const opened = shownRecord(named, useRouteQuery('handovers.get', { handover_id: named ?? '' }, { enabled: named !== null }));
  const [preparing, setPreparing] = useState(false);
  const list = useRouteQuery('handovers.list', { state, search: debounced }, { placeholderData: keepPreviousData });
  const inbox = useRouteQuery('handovers.inbox', {});
  const toDecide = inbox.data?.counts.to_decide ?? 0;

  return (
    <Stack gap="md" data-testid="handovers-screen">
      <PageHeader
        title={t('handovers_ui.title')}
        description={t('handovers_ui.intro')}
        actions={
          <>
            <ExportRegister request={{ register: 'handovers', filters: { state } }} />
            {can('handovers.prepare') ? (
              <Button onClick={() => setPreparing(true)} data-testid="prepare">
                {t('handovers_ui.prepare.open')}
              </Button>
            ) : null}
          </>
        }
      />
      {toDecide > 0 ? (
        <Alert color="yellow" variant="light" icon={<IconInbox size={18} />} data-testid="inbox">
          <Group justify="space-between" gap="sm">
            <Text size="sm">{t('handovers_ui.inbox.to-decide', { count: toDecide })}</Text>
            <Button size="xs" variant="light" color="yellow" onClick={() => setState('pending')} data-testid="show-pending">
              {t('handovers_ui.inbox.show')}
            </Button>
          </Group>
        </Alert>
      ) : null}
      <Conflicts />
      <Group gap="sm" align="flex-end" wrap="wrap">
        <SegmentedControl
          value={state}
          onChange={(value) => setState(value as StateFilter)}
          data={STATE_FILTERS.map((value) => ({ value, label: t(`handovers_ui.filters.${value}`) }))}
          data-testid="state-filter"
        />
        <TextInput
          placeholder={t('handovers_ui.search')}
          aria-label={t('handovers_ui.search')}
          leftSection={<IconSearch size={16} />}
          value={search}
          onChange={(event) => setSearch(event.currentTarget.value)}
          w={280}
          data-testid="search"
        />
      </Group>
      {list.isError ? <RefusalAlert error={list.error} /> : null}
      {list.isPending ? <Loading /> : null}
      {list.data && list.data.length === 0 ? <Empty title={t('handovers_ui.empty')} hint={t('handovers_ui.empty-hint')} /> : null}
      {list.data && list.data.length > 0 ? (
        <Table.ScrollContainer minWidth={900}>
          <Table withTableBorder highlightOnHover striped="even" verticalSpacing="xs" layout="fixed" data-testid="handovers-table" style={{ opacity: list.isPlaceholderData ? 0.6 : 1 }}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th w={170}>{t('handovers_ui.columns.number')}</Table.Th>
                <Table.Th>{t('handovers_ui.columns.parties')}</Table.Th>
                <Table.Th w="24%">{t('handovers_ui.columns.devices')}</Table.Th>
                <Table.Th w={160}>{t('handovers_ui.columns.state')}</Table.Th>
                <Table.Th w={170}>{t('handovers_ui.columns.prepared')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {list.data.map((item) => (
                <Table.Tr key={item.id} className="clickable-row" onClick={() => setOpened(item.id)} data-testid="handover-row" data-number={item.number}>
                  <Table.Td>
                    <Anchor component="button" type="button" size="sm" fw={600} ff="monospace" className="wrap-words" onClick={() => setOpened(item.id)}>
                      {item.number}
                    </Anchor>
                    <Text size="xs" c="dimmed">
                      {t(`handovers_ui.kinds.${item.kind}`)}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Group gap={6} wrap="wrap">
                      <Text size="sm" className="wrap-words">
                        {item.from_name || t('handovers_ui.parties.store')}
                      </Text>
                      <IconArrowRight size={14} aria-hidden />
                      <Text size="sm" fw={600} className="wrap-words">
                        {partyLabel({ type: item.to_type, name: item.to_name, institution: item.to_institution }, t)}
                      </Text>
                    </Group>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm" ff="monospace" lineClamp={2} className="wrap-words">
                      {item.tags.join(', ')}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <StateBadge state={item.state} />
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{formatDateTime(item.prepared_at)}</Text>
                    <Text size="xs" c="dimmed" className="wrap-words">
                      {item.prepared_by_name}
                    </Text>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      ) : null}
      {can('handovers.set-approver') ? <ApproverSetting /> : null}

      <Drawer
        opened={opened !== null}
        onClose={() => setOpened(null)}
        position="right"
        size="xl"
        title={t('handovers_ui.panel.title')}
        closeButtonProps={{ 'aria-label': t('common.close') }}
      >
        {opened ? <HandoverPanel handoverId={opened} /> : null}
      </Drawer>
      {/* Wider than "xl" so each half of the devices row holds its whole example in Swahili at 1366×768. */}
      <Modal opened={preparing} onClose={() => setPreparing(false)} title={t('handovers_ui.prepare.title')} size={900} closeOnClickOutside={false} closeButtonProps={{ 'aria-label': t('common.close') }}>
        {preparing ? <PrepareForm onClose={() => setPreparing(false)} onPrepared={setOpened} /> : null}
      </Modal>
    </Stack>
  );
}

/** Handovers received twice or numbered twice after a merge, in plain words; resolved in Sync. */
function Conflicts() {
  const { t, i18n } = useTranslation();
  const conflicts = useRouteQuery('handovers.conflicts', {});
  const language = isLanguage(i18n.language) ? i18n.language : 'sw';
  if (!conflicts.data || conflicts.data.length === 0) return null;
  return (
    <Alert color="orange" variant="light" icon={<IconAlertTriangle size={18} />} title={t('handovers_ui.conflicts.title')} data-testid="handover-conflicts">
      <Stack gap={6}>
        {conflicts.data.map((conflict) => (
          <Text key={conflict.id} size="sm" data-testid="handover-conflict">
            {conflict.text[language]}
          </Text>
        ))}
        <Text size="xs" c="dimmed">
          {t('handovers_ui.conflicts.resolve-hint')}
        </Text>
      </Stack>
    </Alert>
  );
}

/** 3.6.6: the administrator names which officer decides handover permits. */
function ApproverSetting() {
  const { t } = useTranslation();
  const setting = useRouteQuery('handovers.settings', {});
  const save = useRouteMutation('handovers.set-approver', ['handovers.settings', ...HANDOVER_REFRESH]);
  const [problem, setProblem] = useState<unknown>(null);
  return (
    <Paper withBorder radius="md" p="md" mt="md" data-testid="approver-setting">
      <Stack gap="xs">
        <Text fw={600}>{t('handovers_ui.settings.title')}</Text>
        <Text size="sm" c="dimmed">
          {t('handovers_ui.settings.explain')}
        </Text>
        {problem ? <RefusalAlert error={problem} onClose={() => setProblem(null)} /> : null}
        {setting.data ? (
          <SegmentedControl
            value={setting.data.approver_role}
            onChange={(value) => {
              setProblem(null);
              save.mutate(
                { approver_role: value as (typeof APPROVER_ROLES)[number] },
                {
                  onSuccess: () => notifications.show({ color: 'flag', message: t('handovers_ui.settings.saved', { role: t(`roles.${value}`) }) }),
                  onError: setProblem,
                },
              );
            }}
            data={APPROVER_ROLES.map((role) => ({ value: role, label: t(`roles.${role}`) }))}
            data-testid="approver-role"
            style={{ alignSelf: 'flex-start' }}
          />
        ) : null}
      </Stack>
    </Paper>
  );
}
