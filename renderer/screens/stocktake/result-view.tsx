// The findings of a stocktake: the totals, each list (missing, found elsewhere, with another custodian,
// in another condition, labels missing, not in the register, accounted for, outside the scope) and the
// counts by location. Once the chair has closed it, each finding offers its one action to whoever the
// route table lets take it, and shows the action once taken; the Accounting Officer acknowledges
// reported incidents.
import { Alert, Badge, Button, Group, Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconAlertTriangle, IconArrowsExchange, IconCheck, IconInfoCircle, IconMapPin, IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../db/contract/days.ts';
import type { Finding, StocktakeResult } from '../../../db/stocktake/contract.ts';
import { useRouteMutation, useRouteQuery } from '../../client/context.tsx';
import { RefusalAlert } from '../../components/refusal-alert.tsx';
import { Loading } from '../../components/states.tsx';
import { useSession } from '../../session/session.tsx';
import { ActionModal, type ActionStep } from './action-dialogs.tsx';
import { ACTION_ROUTES, deviceName, findingKey, LIST_ACTIONS, RESULT_LISTS, STOCKTAKE_REFRESH, type ResultList, type StocktakeView } from './stocktake-view.ts';

export function ResultView({ stocktake }: { stocktake: StocktakeView }) {
  const { t } = useTranslation();
  const result = useRouteQuery('stocktake.result', { stocktake_id: stocktake.id });
  const [step, setStep] = useState<ActionStep | null>(null);
  const [problem, setProblem] = useState<unknown>(null);
  const closed = stocktake.state === 'closed';
  if (result.isError) return <RefusalAlert error={result.error} />;
  if (!result.data) return <Loading />;
  const data = result.data;
  return (
    <Stack gap="md" data-testid="stocktake-result">
      {!closed ? (
        <Alert color="blue" variant="light" icon={<IconInfoCircle size={18} />}>
          {t('stocktake_ui.result.open-when-closed')}
        </Alert>
      ) : null}
      <Totals result={data} />
      <RefusalAlert error={problem} onClose={() => setProblem(null)} />
      {RESULT_LISTS.map((list) => (
        <FindingList key={list} list={list} findings={data[list]} closed={closed} stocktakeId={stocktake.id} onStep={setStep} onProblem={setProblem} />
      ))}
      <ByLocation result={data} />
      <ActionModal step={step} stocktakeId={stocktake.id} onClose={() => setStep(null)} />
    </Stack>
  );
}

function Totals({ result }: { result: StocktakeResult }) {
  const { t } = useTranslation();
  const items = [
    { key: 'expected', value: result.totals.expected, color: 'gray' },
    { key: 'found', value: result.totals.found, color: 'green' },
    { key: 'missing', value: result.totals.missing, color: 'red' },
    { key: 'unknown', value: result.totals.unknown, color: 'orange' },
    { key: 'accounted_for', value: result.totals.accounted_for, color: 'yellow' },
  ];
  return (
    <SimpleGrid cols={{ base: 3, md: 5 }} spacing="sm" data-testid="result-totals">
      {items.map((item) => (
        <Paper key={item.key} withBorder radius="md" p="sm" data-testid={`total-${item.key}`} data-value={item.value}>
          <Text size="xs" c="dimmed" className="wrap-words">
            {t(`stocktake_ui.result.totals.${item.key}`)}
          </Text>
          <Text fz={28} fw={700} c={`${item.color}.8`}>
            {item.value}
          </Text>
        </Paper>
      ))}
    </SimpleGrid>
  );
}

function Lines({ lines }: { lines: string[] }) {
  const shown = lines.filter(Boolean);
  if (shown.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        —
      </Text>
    );
  }
  return (
    <>
      {shown.map((line, i) => (
        <Text key={i} size="sm" className="wrap-words">
          {line}
        </Text>
      ))}
    </>
  );
}

function FindingList({
  list,
  findings,
  closed,
  stocktakeId,
  onStep,
  onProblem,
}: {
  list: ResultList;
  findings: Finding[];
  closed: boolean;
  stocktakeId: string;
  onStep: (step: ActionStep) => void;
  onProblem: (error: unknown) => void;
}) {
  const { t } = useTranslation();
  const { can } = useSession();
  const action = LIST_ACTIONS[list];
  const acts = closed && action !== undefined && (can(ACTION_ROUTES[action]) || (list === 'missing' && can('stocktake.acknowledge-incident')));
  // The column shows when this user may act on the list, or an action has been taken on it.
  const showAction = closed && action !== undefined && (acts || findings.some((f) => f.action !== null));
  const condition = (f: Finding) => (f.condition ? t('stocktake_ui.result.condition', { condition: t(`stocktake_ui.count.conditions.${f.condition}`) }) : '');
  const holder = (name: string) => (name ? t('stocktake_ui.result.held-by', { name }) : t('stocktake_ui.result.nobody'));
  return (
    <Paper withBorder radius="md" p="sm" data-testid="finding-list" data-list={list} data-count={findings.length}>
      <Group gap="xs" mb={findings.length > 0 ? 'xs' : 0}>
        <Title order={3} size="h5" className="wrap-words">
          {t(`stocktake_ui.result.lists.${list}`)}
        </Title>
        <Badge variant="light" color={findings.length === 0 ? 'gray' : list === 'missing' ? 'red' : 'blue'} data-testid="finding-count">
          {findings.length}
        </Badge>
      </Group>
      {findings.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('stocktake_ui.result.none')}
        </Text>
      ) : (
        <Table verticalSpacing={6} layout="fixed">
          <Table.Thead>
            <Table.Tr>
              <Table.Th w="26%">{t('stocktake_ui.result.columns.device')}</Table.Th>
              <Table.Th>{t('stocktake_ui.result.columns.expected')}</Table.Th>
              <Table.Th>{t('stocktake_ui.result.columns.found')}</Table.Th>
              {showAction ? <Table.Th w="27%">{t('stocktake_ui.result.columns.action')}</Table.Th> : null}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {findings.map((finding) => (
              <Table.Tr key={findingKey(finding)} data-testid="finding" data-tag={finding.tag} data-serial={finding.serial}>
                <Table.Td>
                  <Text size="sm" fw={600} ff="monospace" className="wrap-words">
                    {finding.tag || finding.serial || '—'}
                  </Text>
                  <Text size="xs" c="dimmed" className="wrap-words">
                    {deviceName(finding)}
                  </Text>
                </Table.Td>
                <Table.Td>
                  {finding.asset_id && list !== 'unknown' && list !== 'not_expected' ? (
                    <Lines lines={[finding.expected_location_name, holder(finding.expected_custodian_name)]} />
                  ) : (
                    <Text size="sm" c="dimmed">
                      —
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>
                  <Lines
                    lines={[
                      finding.found_location_name,
                      finding.found_custodian_id ? holder(finding.found_custodian_name) : '',
                      condition(finding),
                      finding.reason ? t(`stocktake.reasons.${finding.reason}`) : '',
                      finding.note,
                    ]}
                  />
                </Table.Td>
                {showAction ? (
                  <Table.Td>
                    <FindingAction list={list} finding={finding} stocktakeId={stocktakeId} acts={acts} onStep={onStep} onProblem={onProblem} />
                  </Table.Td>
                ) : null}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Paper>
  );
}

function FindingAction({
  list,
  finding,
  stocktakeId,
  acts,
  onStep,
  onProblem,
}: {
  list: ResultList;
  finding: Finding;
  stocktakeId: string;
  acts: boolean;
  onStep: (step: ActionStep) => void;
  onProblem: (error: unknown) => void;
}) {
  const { t } = useTranslation();
  const { can } = useSession();
  const move = useRouteMutation('stocktake.move-found', STOCKTAKE_REFRESH);
  const taken = finding.action;
  if (taken) {
    return (
      <Stack gap={4} data-testid="action-taken" data-kind={taken.kind} data-acknowledged={taken.acknowledged ? 'yes' : 'no'}>
        <Group gap={6} wrap="nowrap" align="flex-start">
          <IconCheck size={16} color="var(--mantine-color-green-7)" style={{ flexShrink: 0, marginTop: 2 }} />
          <Text size="sm" className="wrap-words">
            {t(`stocktake_ui.result.taken.${taken.kind}`, { name: taken.by_name, at: formatDateTime(taken.at) })}
          </Text>
        </Group>
        {taken.kind === 'missing-reported' ? (
          taken.acknowledged ? (
            <Text size="xs" c="green.8" data-testid="acknowledged">
              {t('stocktake_ui.result.taken.acknowledged')}
            </Text>
          ) : can('stocktake.acknowledge-incident') && finding.asset_id ? (
            <Button size="compact-sm" variant="light" color="red" leftSection={<IconAlertTriangle size={14} />} onClick={() => onStep({ kind: 'acknowledge', finding })} data-testid="acknowledge" style={{ alignSelf: 'flex-start' }}>
              {t('stocktake_ui.result.actions.acknowledge')}
            </Button>
          ) : (
            <Text size="xs" c="orange.8">
              {t('stocktake_ui.result.taken.waiting-ao')}
            </Text>
          )
        ) : null}
      </Stack>
    );
  }
  if (!acts) return null;
  const assetId = finding.asset_id;
  if (list === 'found_elsewhere' && assetId && can('stocktake.move-found')) {
    const doMove = async () => {
      onProblem(null);
      try {
        await move.mutateAsync({ stocktake_id: stocktakeId, asset_id: assetId });
        notifications.show({ color: 'flag', message: t('stocktake_ui.result.moved-done', { tag: finding.tag }) });
      } catch (error) {
        onProblem(error);
      }
    };
    return (
      <Button size="compact-sm" variant="light" leftSection={<IconMapPin size={14} />} loading={move.isPending} onClick={() => void doMove()} data-testid="action-move" styles={{ label: { whiteSpace: 'normal' } }} h="auto" py={4}>
        {t('stocktake_ui.result.actions.move')}
      </Button>
    );
  }
  if (list === 'custodian_mismatches' && assetId && can('stocktake.correct-custodian')) {
    return (
      <Button size="compact-sm" variant="light" leftSection={<IconArrowsExchange size={14} />} onClick={() => onStep({ kind: 'correct', finding })} data-testid="action-correct" styles={{ label: { whiteSpace: 'normal' } }} h="auto" py={4}>
        {t('stocktake_ui.result.actions.correct')}
      </Button>
    );
  }
  if (list === 'unknown' && finding.count_id && can('stocktake.register-unknown')) {
    return (
      <Button size="compact-sm" variant="light" leftSection={<IconPlus size={14} />} onClick={() => onStep({ kind: 'register', finding })} data-testid="action-register" styles={{ label: { whiteSpace: 'normal' } }} h="auto" py={4}>
        {t('stocktake_ui.result.actions.register')}
      </Button>
    );
  }
  if (list === 'missing' && assetId && can('stocktake.report-missing')) {
    return (
      <Button size="compact-sm" variant="light" color="red" leftSection={<IconAlertTriangle size={14} />} onClick={() => onStep({ kind: 'report', finding })} data-testid="action-report" styles={{ label: { whiteSpace: 'normal' } }} h="auto" py={4}>
        {t('stocktake_ui.result.actions.report')}
      </Button>
    );
  }
  return null;
}

function ByLocation({ result }: { result: StocktakeResult }) {
  const { t } = useTranslation();
  return (
    <Paper withBorder radius="md" p="sm" data-testid="by-location">
      <Title order={3} size="h5" mb="xs">
        {t('stocktake_ui.result.by-location.title')}
      </Title>
      <Table verticalSpacing={4} layout="fixed" striped="even">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('stocktake_ui.result.by-location.location')}</Table.Th>
            <Table.Th w="18%" ta="right">
              {t('stocktake_ui.result.by-location.expected')}
            </Table.Th>
            <Table.Th w="18%" ta="right">
              {t('stocktake_ui.result.by-location.found')}
            </Table.Th>
            <Table.Th w="18%" ta="right">
              {t('stocktake_ui.result.by-location.missing')}
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {result.by_location.map((row) => (
            <Table.Tr key={row.location_id} data-testid="location-counts" data-location={row.location_name}>
              <Table.Td className="wrap-words">{row.location_name || '—'}</Table.Td>
              <Table.Td ta="right">{row.expected}</Table.Td>
              <Table.Td ta="right">{row.found}</Table.Td>
              <Table.Td ta="right" c={row.missing > 0 ? 'red.8' : undefined} fw={row.missing > 0 ? 700 : undefined}>
                {row.missing}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Paper>
  );
}
