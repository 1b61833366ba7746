// The removable media register (3.6.7–3.6.10): every government flash disk and external drive with who
// holds it or where it is kept, lost media shown first to the ICT officer and the Accounting Officer,
// media due a wipe, and one medium's issues, wipes, incidents and history with the steps that move it on.
import { Alert, Anchor, Badge, Button, Drawer, Group, SegmentedControl, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconAlertTriangle, IconArrowBackUp, IconBan, IconCheck, IconEraser, IconMapPin, IconSearch, IconSend } from '@tabler/icons-react';
import { keepPreviousData } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDay } from '../../../db/contract/days.ts';
import { describeMediaConflict, MEDIA_ISSUED_TWICE, MEDIA_LISTS } from '../../../db/media/contract.ts';
import { useRouteQuery } from '../../client/context.tsx';
import { StatusBadge } from '../../components/assets/badges.tsx';
import { ExportRegister } from '../../components/export-register.tsx';
import { HistoryTimeline } from '../../components/history-timeline.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { RefusalAlert } from '../../components/refusal-alert.tsx';
import { Empty, Loading } from '../../components/states.tsx';
import { useSession } from '../../session/session.tsx';
import { StepModal, type Step } from './media-forms.tsx';

type MediaList = (typeof MEDIA_LISTS)[number];

export function MediaScreen() {
  const { t } = useTranslation();
  const [list, setList] = useState<MediaList>('all');
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search.trim(), 200);
  const [opened, setOpened] = useState<string | null>(null);
  const media = useRouteQuery('media.list', { list, search: debounced }, { placeholderData: keepPreviousData });
  const { can } = useSession();
  const inbox = useRouteQuery('media.inbox', {}, { enabled: can('media.inbox') });

  return (
    <Stack gap="md" data-testid="media-screen">
      <PageHeader title={t('media_ui.title')} description={t('media_ui.intro')} actions={<ExportRegister request={{ register: 'media', filters: { list } }} />} />
      {inbox.data && inbox.data.lost > 0 ? <LostIncidents onOpen={setOpened} /> : null}
      <IssuedTwice onOpen={setOpened} />
      {inbox.data && inbox.data.wipe_due > 0 ? (
        <Alert color="yellow" variant="light" icon={<IconEraser size={18} />} data-testid="wipe-due-alert">
          <Group justify="space-between" gap="sm">
            <Text size="sm">{t('media_ui.inbox.wipe-due', { count: inbox.data.wipe_due })}</Text>
            <Button size="xs" variant="light" color="yellow" onClick={() => setList('wipe_due')}>
              {t('media_ui.inbox.show')}
            </Button>
          </Group>
        </Alert>
      ) : null}
      <Group gap="sm" align="flex-end" wrap="wrap">
        <SegmentedControl
          value={list}
          onChange={(value) => setList(value as MediaList)}
          data={MEDIA_LISTS.map((value) => ({ value, label: t(`media_ui.lists.${value}`) }))}
          data-testid="list-filter"
        />
        <TextInput
          placeholder={t('media_ui.search')}
          aria-label={t('media_ui.search')}
          leftSection={<IconSearch size={16} />}
          value={search}
          onChange={(event) => setSearch(event.currentTarget.value)}
          // Wide enough for the whole example in Swahili: beside the filter when it fits, else on a line of its own.
          style={{ flex: '1 1 440px' }}
          maw={560}
          data-testid="search"
        />
      </Group>
      {media.isError ? <RefusalAlert error={media.error} /> : null}
      {media.isPending ? <Loading /> : null}
      {media.data && media.data.length === 0 ? <Empty title={t('media_ui.empty')} hint={t('media_ui.empty-hint')} /> : null}
      {media.data && media.data.length > 0 ? (
        <Table.ScrollContainer minWidth={900}>
          <Table withTableBorder highlightOnHover striped="even" verticalSpacing="xs" layout="fixed" data-testid="media-table" style={{ opacity: media.isPlaceholderData ? 0.6 : 1 }}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th w={200}>{t('media_ui.columns.tag')}</Table.Th>
                <Table.Th w="22%">{t('media_ui.columns.medium')}</Table.Th>
                <Table.Th>{t('media_ui.columns.where')}</Table.Th>
                <Table.Th w={170}>{t('media_ui.columns.status')}</Table.Th>
                <Table.Th w={170}>{t('media_ui.columns.wiped')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {media.data.map((medium) => (
                <Table.Tr key={medium.id} className="clickable-row" onClick={() => setOpened(medium.id)} data-testid="medium-row" data-tag={medium.tag}>
                  <Table.Td>
                    <Anchor component="button" type="button" size="sm" fw={600} ff="monospace" className="wrap-words" onClick={() => setOpened(medium.id)}>
                      {medium.tag}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm" className="wrap-words">
                      {[medium.make, medium.model].filter(Boolean).join(' ')}
                    </Text>
                    <Text size="xs" c="dimmed" className="wrap-words">
                      {t(`categories.${medium.category}`)}
                      {medium.serial ? ` · ${medium.serial}` : ''}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm" className="wrap-words" data-testid="where">
                      {medium.holder_name ? t('media_ui.with', { holder: medium.holder_name }) : (medium.location_name ?? t('media_ui.no-place'))}
                    </Text>
                    {medium.open_issue_purpose ? (
                      <Text size="xs" c="dimmed" lineClamp={1} className="wrap-words">
                        {medium.open_issue_purpose}
                      </Text>
                    ) : null}
                  </Table.Td>
                  <Table.Td>
                    <StatusBadge status={medium.status} />
                  </Table.Td>
                  <Table.Td>
                    {medium.wipe_due ? (
                      <Badge color="yellow" variant="light" data-testid="wipe-due">
                        {t('media_ui.wipe-due')}
                      </Badge>
                    ) : (
                      <Text size="sm">{medium.last_wiped_on ? formatDay(medium.last_wiped_on) : '—'}</Text>
                    )}
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
        title={t('media_ui.panel.title')}
        closeButtonProps={{ 'aria-label': t('common.close') }}
      >
        {opened ? <MediumPanel assetId={opened} /> : null}
      </Drawer>
    </Stack>
  );
}

/** 3.6.7 after a merge: a medium issued to two people on two installations, in plain words; fixed by voiding one issue or taking the medium back. */
function IssuedTwice({ onOpen }: { onOpen: (assetId: string) => void }) {
  const { t } = useTranslation();
  const conflicts = useRouteQuery('conflicts.list', {});
  const doubled = (conflicts.data ?? []).filter((conflict) => conflict.kind === MEDIA_ISSUED_TWICE);
  if (doubled.length === 0) return null;
  return (
    <Alert color="orange" variant="light" icon={<IconAlertTriangle size={18} />} title={t('media_ui.conflicts.title')} data-testid="media-conflicts">
      <Stack gap={4}>
        {doubled.map((conflict) => (
          <Group key={conflict.id} gap="xs" wrap="nowrap" data-testid="media-conflict">
            <Text size="sm" className="wrap-words">
              {describeMediaConflict(conflict, t)}
            </Text>
            <Anchor component="button" type="button" size="sm" fw={600} onClick={() => onOpen(conflict.entities[0] ?? '')} style={{ flexShrink: 0 }}>
              {t('media_ui.conflicts.open')}
            </Anchor>
          </Group>
        ))}
      </Stack>
    </Alert>
  );
}

/** 3.6.10: a lost medium is an incident the ICT officer and the Accounting Officer see first. */
function LostIncidents({ onOpen }: { onOpen: (assetId: string) => void }) {
  const { t } = useTranslation();
  const incidents = useRouteQuery('media-incidents.list', { state: 'open' });
  if (!incidents.data || incidents.data.length === 0) return null;
  return (
    <Alert color="red" variant="light" icon={<IconAlertTriangle size={18} />} title={t('media_ui.incidents.title', { count: incidents.data.length })} data-testid="lost-incidents">
      <Stack gap={4}>
        {incidents.data.map((incident) => (
          <Group key={incident.id} gap="xs" wrap="nowrap" data-testid="lost-incident">
            <Anchor component="button" type="button" size="sm" ff="monospace" fw={600} onClick={() => onOpen(incident.asset_id)}>
              {incident.asset_tag}
            </Anchor>
            <Text size="sm" className="wrap-words">
              {t('media_ui.incidents.line', { date: formatDay(incident.reported_on), holder: incident.holder_name || t('media_ui.incidents.nobody'), note: incident.note })}
            </Text>
          </Group>
        ))}
      </Stack>
    </Alert>
  );
}

function MediumPanel({ assetId }: { assetId: string }) {
  const { t } = useTranslation();
  const { can } = useSession();
  const [step, setStep] = useState<{ step: Step; issueId: string | null } | null>(null);
  const query = useRouteQuery('media.get', { asset_id: assetId });
  if (query.isPending) return <Loading />;
  if (query.isError) return <RefusalAlert error={query.error} />;
  const medium = query.data;
  const lost = medium.lost_report_id !== null;
  const open = (next: Step, issueId: string | null = null) => () => setStep({ step: next, issueId });
  const actions: ReactNode[] = [];
  if (medium.status === 'in_store' && !medium.custodian_id && can('media.issue')) {
    actions.push(<Button key="issue" leftSection={<IconSend size={16} />} onClick={open('issue')} data-testid="issue">{t('media_ui.issue.open')}</Button>);
  }
  if (medium.open_issue_id && !lost && can('media.return')) {
    actions.push(<Button key="return" leftSection={<IconArrowBackUp size={16} />} onClick={open('return', medium.open_issue_id)} data-testid="return">{t('media_ui.return.open')}</Button>);
  }
  if (!lost && can('media.wipe')) {
    actions.push(<Button key="wipe" variant="light" leftSection={<IconEraser size={16} />} onClick={open('wipe')} data-testid="wipe">{t('media_ui.wipe.open')}</Button>);
  }
  if (!lost && !medium.custodian_id && can('media.store')) {
    actions.push(<Button key="store" variant="light" leftSection={<IconMapPin size={16} />} onClick={open('store')} data-testid="store">{t('media_ui.store.open')}</Button>);
  }
  if (!lost && can('media.report')) {
    actions.push(<Button key="report" variant="light" color="red" leftSection={<IconAlertTriangle size={16} />} onClick={open('report')} data-testid="report">{t('media_ui.report.open')}</Button>);
  }
  if (lost && can('media.found')) {
    actions.push(<Button key="found" leftSection={<IconCheck size={16} />} onClick={open('found')} data-testid="found">{t('media_ui.found.open')}</Button>);
  }
  return (
    <Stack gap="md" data-testid="medium-panel">
      <Group justify="space-between" align="center">
        <Stack gap={0}>
          <Title order={3} size="h4" ff="monospace">
            {medium.tag}
          </Title>
          <Text size="sm" c="dimmed">
            {[t(`categories.${medium.category}`), medium.make, medium.model, medium.serial].filter(Boolean).join(' · ')}
          </Text>
        </Stack>
        <StatusBadge status={medium.status} size="md" />
      </Group>
      {medium.open_issues > 1 ? (
        <Alert color="orange" variant="light" icon={<IconAlertTriangle size={18} />} data-testid="issued-twice">
          {t('media_ui.panel.issued-twice', { holders: medium.issues.filter((i) => i.state === 'issued').map((i) => i.person_name).join(', ') })}
        </Alert>
      ) : null}
      <Text size="sm" data-testid="medium-where">
        {medium.holder_name ? t('media_ui.with', { holder: medium.holder_name }) : t('media_ui.kept-at', { place: medium.location_name ?? t('media_ui.no-place') })}
      </Text>
      {medium.wipe_due ? (
        <Alert color="yellow" variant="light" icon={<IconEraser size={18} />} data-testid="panel-wipe-due">
          {t('media_ui.panel.wipe-due', { date: formatDay(medium.last_returned_on ?? '') })}
        </Alert>
      ) : null}
      {actions.length > 0 ? <Group gap="xs">{actions}</Group> : null}

      <Section title={t('media_ui.panel.issues')} empty={medium.issues.length === 0}>
        <Table withTableBorder verticalSpacing={6} data-testid="issues">
          <Table.Tbody>
            {medium.issues.map((issue) => (
              <Table.Tr key={issue.id} data-testid="issue-row" data-state={issue.state}>
                <Table.Td>
                  <Text size="sm" fw={600}>
                    {issue.person_name}
                  </Text>
                  <Text size="xs" c="dimmed" className="wrap-words">
                    {issue.purpose}
                  </Text>
                </Table.Td>
                <Table.Td w={220}>
                  <Text size="sm">
                    {formatDay(issue.issued_on)}
                    {issue.returned_on ? ` → ${formatDay(issue.returned_on)}` : ''}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {t(`media_ui.issueStates.${issue.state}`)}
                    {issue.return_condition ? ` · ${t(`media_ui.conditions.${issue.return_condition}`)}` : ''}
                  </Text>
                </Table.Td>
                <Table.Td w={120}>
                  {issue.state === 'issued' && medium.open_issues > 1 && can('media.void-issue') ? (
                    <Button size="xs" variant="subtle" color="red" leftSection={<IconBan size={14} />} onClick={open('void', issue.id)} data-testid="void">
                      {t('media_ui.void.open')}
                    </Button>
                  ) : null}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Section>

      <Section title={t('media_ui.panel.wipes')} empty={medium.wipes.length === 0}>
        <Table withTableBorder verticalSpacing={6} data-testid="wipes">
          <Table.Tbody>
            {medium.wipes.map((wipe) => (
              <Table.Tr key={wipe.id} data-testid="wipe-row">
                <Table.Td w={110}>{formatDay(wipe.wiped_on)}</Table.Td>
                <Table.Td>{t(`media_ui.methods.${wipe.method}`)}</Table.Td>
                <Table.Td className="wrap-words">
                  {wipe.witness ? t('media_ui.panel.wiped-by-witnessed', { by: wipe.wiped_by, witness: wipe.witness }) : t('media_ui.panel.wiped-by', { by: wipe.wiped_by })}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Section>

      {medium.incidents.length > 0 ? (
        <Section title={t('media_ui.panel.incidents')} empty={false}>
          <Table withTableBorder verticalSpacing={6} data-testid="incidents">
            <Table.Tbody>
              {medium.incidents.map((incident) => (
                <Table.Tr key={incident.id}>
                  <Table.Td w={110}>{formatDay(incident.reported_on)}</Table.Td>
                  <Table.Td w={130}>{t(`media_ui.incidentKinds.${incident.kind}`)}</Table.Td>
                  <Table.Td className="wrap-words">
                    {incident.note}
                    {incident.found_on ? ` — ${t('media_ui.panel.found-on', { date: formatDay(incident.found_on) })}` : ''}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Section>
      ) : null}

      <Title order={4} size="h5">
        {t('media_ui.panel.history')}
      </Title>
      <HistoryTimeline entity={medium.id} />
      {step ? <StepModal step={step.step} issueId={step.issueId} medium={medium} onClose={() => setStep(null)} /> : null}
    </Stack>
  );
}

function Section({ title, empty, children }: { title: string; empty: boolean; children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <Stack gap={6}>
      <Title order={4} size="h5">
        {title}
      </Title>
      {empty ? (
        <Text size="sm" c="dimmed">
          {t('media_ui.panel.none')}
        </Text>
      ) : (
        children
      )}
    </Stack>
  );
}
