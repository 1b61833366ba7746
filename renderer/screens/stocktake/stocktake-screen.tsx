// Stocktake (issue 13): every stocktake with its progress, the dialog that opens one, and one stocktake
// in full (`#/stocktake/<id>`): counting while it is open, the findings and their actions once closed.
import { Anchor, Badge, Button, Group, Progress, Stack, Table, Text } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDay } from '../../../db/contract/days.ts';
import { useRouteQuery } from '../../client/context.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { RefusalAlert } from '../../components/refusal-alert.tsx';
import { Empty, Loading } from '../../components/states.tsx';
import { useSession } from '../../session/session.tsx';
import { openedFrom, recordHash } from '../../shell/opened-record.ts';
import { useHash } from '../../shell/use-hash.ts';
import { OpenStocktakeModal } from './open-dialog.tsx';
import { StocktakeDetail } from './stocktake-detail.tsx';

export const stocktakeHash = (id: string | null) => recordHash('stocktake', id || null);

export function StocktakeScreen() {
  const [hash, setHash] = useHash();
  const opened = openedFrom(hash, 'stocktake');
  return opened ? <StocktakeDetail id={opened} onBack={() => setHash(stocktakeHash(null))} /> : <StocktakeList onOpen={(id) => setHash(stocktakeHash(id))} />;
}

export function StateBadge({ state }: { state: string }) {
  const { t } = useTranslation();
  return (
    <Badge color={state === 'open' ? 'blue' : 'gray'} variant="light" data-testid="stocktake-state" data-state={state}>
      {t(`stocktake_ui.states.${state}`)}
    </Badge>
  );
}

function StocktakeList({ onOpen }: { onOpen: (id: string) => void }) {
  const { t } = useTranslation();
  const { can } = useSession();
  const [opening, setOpening] = useState(false);
  const list = useRouteQuery('stocktake.list', { state: 'all' });
  const canOpen = can('stocktake.open');
  return (
    <Stack gap="md" data-testid="stocktake-screen">
      <PageHeader
        title={t('stocktake_ui.title')}
        description={t('stocktake_ui.intro')}
        actions={
          canOpen ? (
            <Button leftSection={<IconPlus size={16} />} onClick={() => setOpening(true)} data-testid="open-stocktake">
              {t('stocktake_ui.open-button')}
            </Button>
          ) : null
        }
      />
      {list.isError ? <RefusalAlert error={list.error} /> : null}
      {list.isPending ? <Loading /> : null}
      {list.data && list.data.length === 0 ? <Empty title={t('stocktake_ui.list.empty')} hint={t('stocktake_ui.list.empty-hint')} /> : null}
      {list.data && list.data.length > 0 ? (
        <Table.ScrollContainer minWidth={720}>
          <Table withTableBorder highlightOnHover striped="even" verticalSpacing="xs" data-testid="stocktakes-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('stocktake_ui.list.name')}</Table.Th>
                <Table.Th w={210}>{t('stocktake_ui.list.dates')}</Table.Th>
                <Table.Th w={220}>{t('stocktake_ui.list.progress')}</Table.Th>
                <Table.Th w={190}>{t('stocktake_ui.list.opened-by')}</Table.Th>
                <Table.Th w={120}>{t('stocktake_ui.list.state')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {list.data.map((row) => (
                <Table.Tr key={row.id} className="clickable-row" onClick={() => onOpen(row.id)} data-testid="stocktake-row" data-name={row.name} data-state={row.state}>
                  <Table.Td>
                    <Anchor component="button" type="button" size="sm" fw={600} className="wrap-words" onClick={() => onOpen(row.id)} ta="left">
                      {row.name}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm" className="keep-whole">
                      {t('stocktake_ui.detail.dates-value', { from: formatDay(row.starts_on), to: formatDay(row.ends_on) })}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Stack gap={4}>
                      <Text size="sm" data-testid="stocktake-progress">
                        {t('stocktake_ui.list.progress-value', { counted: row.counted_count, expected: row.expected_count })}
                      </Text>
                      <Progress value={row.expected_count === 0 ? 0 : (100 * row.counted_count) / row.expected_count} size="sm" color={row.state === 'open' ? 'blue' : 'gray'} />
                    </Stack>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm" className="wrap-words">
                      {row.opened_by_name}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Group gap={4}>
                      <StateBadge state={row.state} />
                    </Group>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      ) : null}
      {canOpen ? <OpenStocktakeModal opened={opening} onClose={() => setOpening(false)} onOpened={onOpen} /> : null}
    </Stack>
  );
}
