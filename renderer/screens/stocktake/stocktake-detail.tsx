// One stocktake in full: its scope, dates and committee, the frozen snapshot's hash, closing (the chair
// only: anyone else is told who the chair is), the report to print or save as Excel once closed, and
// below it the counting while it is open or the findings once it is closed.
import { Alert, Anchor, Badge, Button, Group, Modal, Paper, SimpleGrid, Stack, Tabs, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconArrowLeft, IconArrowsExchange, IconFileSpreadsheet, IconLock, IconPrinter } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime, formatDay } from '../../../db/contract/days.ts';
import type { RouteName } from '../../../db/contract/routes.ts';
import { useClient, useRouteMutation, useRouteQuery } from '../../client/context.tsx';
import { saveFile } from '../../components/assets/download.ts';
import { RefusalAlert } from '../../components/refusal-alert.tsx';
import { Loading } from '../../components/states.tsx';
import { isLanguage } from '../../i18n/language.ts';
import { useSession } from '../../session/session.tsx';
import { CountingView } from './counting-view.tsx';
import { ResultView } from './result-view.tsx';
import { StateBadge } from './stocktake-screen.tsx';
import { chairOf, expectedCounted, isChair, STOCKTAKE_REFRESH, type StocktakeView } from './stocktake-view.ts';

export function StocktakeDetail({ id, onBack }: { id: string; onBack: () => void }) {
  const { t } = useTranslation();
  const stocktake = useRouteQuery('stocktake.get', { stocktake_id: id });
  return (
    <Stack gap="md" data-testid="stocktake-detail">
      <Anchor component="button" type="button" size="sm" onClick={onBack} data-testid="back-to-list" style={{ alignSelf: 'flex-start' }}>
        <Group gap={4} wrap="nowrap">
          <IconArrowLeft size={14} />
          {t('stocktake_ui.detail.back')}
        </Group>
      </Anchor>
      {stocktake.isError ? <RefusalAlert error={stocktake.error} /> : null}
      {stocktake.isPending ? <Loading /> : null}
      {stocktake.data ? <Detail stocktake={stocktake.data} /> : null}
    </Stack>
  );
}

function Field({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <Stack gap={0} style={{ minWidth: 0 }}>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="sm" fw={500} className="wrap-words" component="div">
        {children}
      </Text>
    </Stack>
  );
}

const REPORT: { route: RouteName & `documents.stocktake-report${string}`; key: 'print' | 'excel'; icon: React.ReactNode }[] = [
  { route: 'documents.stocktake-report', key: 'print', icon: <IconPrinter size={16} /> },
  { route: 'documents.stocktake-report-xlsx', key: 'excel', icon: <IconFileSpreadsheet size={16} /> },
];

function Detail({ stocktake }: { stocktake: StocktakeView }) {
  const { t, i18n } = useTranslation();
  const { can, user } = useSession();
  const { call } = useClient();
  const language = isLanguage(i18n.language) ? i18n.language : 'sw';
  const [closing, setClosing] = useState(false);
  const [problem, setProblem] = useState<unknown>(null);
  // A device counted in two places, by two installations: told here as on the Sync screen.
  const conflicts = useRouteQuery('stocktake.conflicts', {});
  const chair = chairOf(stocktake.committee);
  const open = stocktake.state === 'open';

  const download = async (route: (typeof REPORT)[number]['route']) => {
    setProblem(null);
    try {
      saveFile(await call(route, { stocktake_id: stocktake.id, language }));
    } catch (error) {
      setProblem(error);
    }
  };

  return (
    <Stack gap="md" data-testid="stocktake" data-state={stocktake.state} data-id={stocktake.id}>
      <Group justify="space-between" align="flex-start" wrap="nowrap" gap="md">
        <Stack gap={4} style={{ minWidth: 0 }}>
          <Group gap="sm" wrap="wrap">
            <Title order={2} size="h3" className="wrap-words" data-testid="stocktake-name">
              {stocktake.name}
            </Title>
            <StateBadge state={stocktake.state} />
            <Badge variant="outline" color="gray" ff="monospace" data-testid="snapshot-hash">
              {t('stocktake_ui.detail.snapshot', { hash: stocktake.snapshot_sha256.slice(0, 16) })}
            </Badge>
          </Group>
          {open && can('stocktake.close') && !isChair(stocktake.committee, user.id) ? (
            <Text size="sm" c="dimmed" data-testid="close-chair-only">
              {t('stocktake_ui.detail.close-chair-only', { name: chair?.name ?? '' })}
            </Text>
          ) : null}
        </Stack>
        <Group gap="xs" wrap="nowrap" style={{ flexShrink: 0 }}>
          {!open
            ? REPORT.map((item) =>
                can(item.route) ? (
                  <Button key={item.key} variant="light" leftSection={item.icon} onClick={() => void download(item.route)} data-testid={`report-${item.key}`}>
                    {t(`stocktake_ui.detail.${item.key}`)}
                  </Button>
                ) : null,
              )
            : null}
          {open && can('stocktake.close') ? (
            <Button leftSection={<IconLock size={16} />} color="dark" disabled={!isChair(stocktake.committee, user.id)} onClick={() => setClosing(true)} data-testid="close-stocktake">
              {t('stocktake_ui.detail.close')}
            </Button>
          ) : null}
        </Group>
      </Group>
      <RefusalAlert error={problem} onClose={() => setProblem(null)} />
      {(conflicts.data ?? [])
        .filter((conflict) => conflict.entities[0] === stocktake.id)
        .map((conflict) => (
          <Alert key={conflict.id} color="orange" variant="light" icon={<IconArrowsExchange size={18} />} title={t('stocktake_ui.conflicts.title')} data-testid="stocktake-conflict">
            {conflict.text[language]}
          </Alert>
        ))}
      {open ? <OpenBody stocktake={stocktake} particulars={<Particulars stocktake={stocktake} />} /> : <Particulars stocktake={stocktake} />}
      {open ? null : <ResultView stocktake={stocktake} />}
      <CloseModal stocktake={stocktake} opened={closing} onClose={() => setClosing(false)} />
    </Stack>
  );
}

/** Scope, dates, who opened and closed it, and the committee. */
function Particulars({ stocktake }: { stocktake: StocktakeView }) {
  const { t } = useTranslation();
  const scope =
    stocktake.scope.kind === 'all' ? t('stocktake_ui.detail.scope-all') : `${t(`stocktake_ui.open.scope-kinds.${stocktake.scope.kind}`)}: ${stocktake.scope_names.join(', ')}`;
  return (
    <Paper withBorder radius="md" p="sm" data-testid="particulars">
      <SimpleGrid cols={{ base: 2, md: 4 }} spacing="sm">
        <Field label={t('stocktake_ui.detail.scope')}>{scope}</Field>
        <Field label={t('stocktake_ui.detail.dates')}>{t('stocktake_ui.detail.dates-value', { from: formatDay(stocktake.starts_on), to: formatDay(stocktake.ends_on) })}</Field>
        <Field label={t('stocktake_ui.detail.opened')}>{`${stocktake.opened_by_name}, ${formatDateTime(stocktake.opened_at)}`}</Field>
        {stocktake.closed_at ? <Field label={t('stocktake_ui.detail.closed')}>{`${stocktake.closed_by_name}, ${formatDateTime(stocktake.closed_at)}`}</Field> : null}
      </SimpleGrid>
      <Stack gap={2} mt="sm" data-testid="committee-list">
        <Text size="xs" c="dimmed">
          {t('stocktake_ui.detail.committee')}
        </Text>
        <Text size="sm" className="wrap-words">
          {stocktake.committee.map((member) => `${member.name} (${member.title}${member.chair ? `, ${t('stocktake_ui.detail.chair')}` : ''})`).join(' · ')}
        </Text>
      </Stack>
    </Paper>
  );
}

/** While open: counting first, the findings so far, and the particulars, each a tab so the scanner stays near the top. */
function OpenBody({ stocktake, particulars }: { stocktake: StocktakeView; particulars: React.ReactNode }) {
  const { t } = useTranslation();
  const [tab, setTab] = useState<string | null>('count');
  const [locationId, setLocationId] = useState<string | null>(null);
  return (
    <Tabs value={tab} onChange={setTab} keepMounted={false}>
      <Tabs.List>
        <Tabs.Tab value="count" data-testid="tab-count">
          {t('stocktake_ui.detail.tabs.count')}
        </Tabs.Tab>
        <Tabs.Tab value="result" data-testid="tab-result">
          {t('stocktake_ui.detail.tabs.result')}
        </Tabs.Tab>
        <Tabs.Tab value="particulars" data-testid="tab-particulars">
          {t('stocktake_ui.detail.tabs.particulars')}
        </Tabs.Tab>
      </Tabs.List>
      <Tabs.Panel value="count" pt="md">
        <CountingView stocktake={stocktake} locationId={locationId} onLocation={setLocationId} />
      </Tabs.Panel>
      <Tabs.Panel value="result" pt="md">
        <ResultView stocktake={stocktake} />
      </Tabs.Panel>
      <Tabs.Panel value="particulars" pt="md">
        {particulars}
      </Tabs.Panel>
    </Tabs>
  );
}

function CloseModal({ stocktake, opened, onClose }: { stocktake: StocktakeView; opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const close = useRouteMutation('stocktake.close', STOCKTAKE_REFRESH);
  const [problem, setProblem] = useState<unknown>(null);
  const confirm = async () => {
    setProblem(null);
    try {
      await close.mutateAsync({ stocktake_id: stocktake.id });
      notifications.show({ color: 'flag', message: t('stocktake_ui.detail.closed-done', { name: stocktake.name }) });
      onClose();
    } catch (error) {
      setProblem(error);
    }
  };
  return (
    <Modal opened={opened} onClose={onClose} title={t('stocktake_ui.detail.close-confirm-title', { name: stocktake.name })} size="md" closeButtonProps={{ 'aria-label': t('common.close') }}>
      <Stack gap="sm" data-testid="close-form">
        <Text size="sm">{t('stocktake_ui.detail.close-confirm', { counted: expectedCounted(stocktake), expected: stocktake.expected_count })}</Text>
        <RefusalAlert error={problem} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button color="dark" leftSection={<IconLock size={16} />} loading={close.isPending} onClick={() => void confirm()} data-testid="submit">
            {t('stocktake_ui.detail.close')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
