// Preventive work falling due: overdue first, then what comes within 30, 60 or 90 days.
import { Badge, Button, Group, Paper, SegmentedControl, Stack, Table, Text, Title } from '@mantine/core';
import { keepPreviousData } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useRouteQuery } from '../../client/context.tsx';
import { RefusalAlert } from '../../components/refusal-alert.tsx';
import { Empty, Loading } from '../../components/states.tsx';
import { formatDate } from '../../../db/contract/days.ts';

export const DUE_WINDOWS = [30, 60, 90] as const;
const PAGE = 50;

export function DueList() {
  const { t } = useTranslation();
  const [within, setWithin] = useState<number>(30);
  const [shown, setShown] = useState(PAGE);
  const due = useRouteQuery('plans.due', { within_days: within }, { placeholderData: keepPreviousData });
  const items = due.data ?? [];
  const overdue = items.filter((item) => item.overdue).length;

  return (
    <Paper withBorder p="md" data-testid="due-list">
      <Stack gap={2} mb="sm">
        <Title order={3} size="h5">
          {t('maintenanceUi.plans.due.title')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('maintenanceUi.plans.due.intro')}
        </Text>
      </Stack>
      <Group justify="space-between" align="center" mb="xs" gap="md">
        <Group gap="xs">
          {items.length > 0 ? (
            <>
              <Badge color="red" variant={overdue > 0 ? 'filled' : 'light'} data-testid="overdue-count">
                {t('maintenanceUi.plans.due.overdue-count', { count: overdue })}
              </Badge>
              <Badge color="yellow" variant="light">
                {t('maintenanceUi.plans.due.upcoming-count', { count: items.length - overdue })}
              </Badge>
            </>
          ) : null}
        </Group>
        <Group gap="xs" wrap="nowrap">
          <Text size="sm" c="dimmed">
            {t('maintenanceUi.plans.due.within')}
          </Text>
          <SegmentedControl
            size="xs"
            value={String(within)}
            onChange={(value) => {
              setWithin(Number(value));
              setShown(PAGE);
            }}
            data={DUE_WINDOWS.map((days) => ({ value: String(days), label: t('maintenanceUi.plans.due.days', { count: days }) }))}
            data-testid="due-within"
          />
        </Group>
      </Group>
      {due.isPending ? <Loading /> : null}
      {due.isError ? <RefusalAlert error={due.error} /> : null}
      {due.data && items.length === 0 ? <Empty title={t('maintenanceUi.plans.due.empty', { days: within })} /> : null}
      {items.length > 0 ? (
        <>
          <Table.ScrollContainer minWidth={820}>
            <Table verticalSpacing="xs" layout="fixed" data-testid="due-table" style={{ opacity: due.isPlaceholderData ? 0.6 : 1 }}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th w={130}>{t('maintenanceUi.plans.due.columns.status')}</Table.Th>
                  <Table.Th w={130}>{t('maintenanceUi.plans.due.columns.due-on')}</Table.Th>
                  <Table.Th w="30%">{t('maintenanceUi.plans.due.columns.device')}</Table.Th>
                  <Table.Th>{t('maintenanceUi.plans.due.columns.task')}</Table.Th>
                  <Table.Th w={180}>{t('maintenanceUi.plans.due.columns.last-done')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {items.slice(0, shown).map((item) => (
                  <Table.Tr key={`${item.plan_id}:${item.asset_id}`} data-overdue={item.overdue} bg={item.overdue ? 'red.0' : undefined}>
                    <Table.Td>
                      <Badge color={item.overdue ? 'red' : 'yellow'} variant={item.overdue ? 'filled' : 'light'}>
                        {t(item.overdue ? 'maintenanceUi.plans.due.overdue' : 'maintenanceUi.plans.due.upcoming')}
                      </Badge>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm" fw={item.overdue ? 600 : undefined} c={item.overdue ? 'red.8' : undefined}>
                        {formatDate(item.due_on)}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm" ff="monospace" fw={500} className="keep-whole" data-fit="tag">
                        {item.asset_tag}
                      </Text>
                      {item.asset_label ? (
                        <Text size="sm" c="dimmed" className="wrap-words" data-fit="device">
                          {item.asset_label}
                        </Text>
                      ) : null}
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm" className="wrap-words" data-fit="task">
                        {item.task}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm" c={item.last_done_on ? undefined : 'dimmed'}>
                        {item.last_done_on ? formatDate(item.last_done_on) : t('maintenanceUi.plans.due.never')}
                      </Text>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          {items.length > shown ? (
            <Group justify="center" mt="sm">
              <Button variant="default" onClick={() => setShown((n) => n + PAGE)}>
                {t('maintenanceUi.plans.due.show-more', { count: items.length - shown })}
              </Button>
            </Group>
          ) : null}
        </>
      ) : null}
    </Paper>
  );
}
