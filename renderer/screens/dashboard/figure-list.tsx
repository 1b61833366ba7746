// The records behind one figure, a bucket or a bar, in a drawer: each row says what it is and why it is
// counted, and leads to its record (`#/<screen>/<id>`). A clause's share shows both sides, or one.
import { Anchor, Badge, Button, Drawer, Group, SegmentedControl, Stack, Text } from '@mantine/core';
import { useInfiniteQuery } from '@tanstack/react-query';
import { IconChevronRight } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { leadHash, type ChartKey, type DashboardRow, type FigureKey } from '../../../db/dashboard/contract.ts';
import { useClient } from '../../client/context.tsx';
import { RefusalAlert } from '../../components/refusal-alert.tsx';
import { Empty, Loading } from '../../components/states.tsx';
import type { BucketLabel } from './dashboard-screen.tsx';
import { catalogueId, phraseParams } from './dashboard-view.ts';

export interface Opened {
  figure: FigureKey | ChartKey;
  bucket: string | null;
}

const PAGE_SIZE = 50;

/** Figures whose list holds both the compliant records and the others. */
const SHARES: readonly string[] = ['clause.3.6.3', 'clause.3.6.6'];

export function FigureList({ opened, label, onClose }: { opened: Opened | null; label: BucketLabel; onClose: () => void }) {
  const { t } = useTranslation();
  const title = opened ? listTitle(opened, label, t) : '';
  return (
    <Drawer opened={opened !== null} onClose={onClose} position="right" size="lg" title={title} closeButtonProps={{ 'aria-label': t('common.close') }}>
      {opened ? <Rows key={`${opened.figure} ${opened.bucket ?? ''}`} opened={opened} /> : null}
    </Drawer>
  );
}

function listTitle(opened: Opened, label: BucketLabel, t: (key: string, params?: Record<string, string>) => string): string {
  const group = opened.figure.startsWith('chart.') ? 'charts' : 'figures';
  const figure = t(`dashboard_ui.${group}.${catalogueId(opened.figure)}`);
  return opened.bucket === null ? figure : t('dashboard_ui.list.bucket-title', { figure, bucket: label(opened.figure, opened.bucket) });
}

function Rows({ opened }: { opened: Opened }) {
  const { t } = useTranslation();
  const { call } = useClient();
  const share = SHARES.includes(opened.figure);
  // A clause's share opens on what needs attention; the compliant side is one click away.
  const [side, setSide] = useState<string>(share ? 'attention' : 'all');
  const bucket = share ? (side === 'all' ? null : side) : opened.bucket;
  const list = useInfiniteQuery({
    queryKey: ['dashboard.list', opened.figure, bucket],
    queryFn: ({ pageParam }) => call('dashboard.list', { figure: opened.figure, bucket, after: pageParam, limit: PAGE_SIZE }),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.next,
  });
  const pages = list.data?.pages;
  const rows: DashboardRow[] = useMemo(() => pages?.flatMap((page) => page.items) ?? [], [pages]);
  return (
    <Stack gap="sm" data-testid="dashboard-list" aria-label={t('dashboard_ui.list.label')}>
      {share ? (
        <SegmentedControl
          value={side}
          onChange={setSide}
          data={(['attention', 'ok', 'all'] as const).map((value) => ({ value, label: t(`dashboard_ui.buckets.${value}`) }))}
          data-testid="dashboard-list-side"
        />
      ) : null}
      {list.isPending ? <Loading /> : null}
      {list.isError ? <RefusalAlert error={list.error} /> : null}
      {list.data && rows.length === 0 ? <Empty title={t('dashboard_ui.list.empty')} /> : null}
      {rows.map((row) => (
        <Row key={row.id} row={row} />
      ))}
      {list.hasNextPage ? (
        <Button variant="light" onClick={() => void list.fetchNextPage()} loading={list.isFetchingNextPage} data-testid="dashboard-list-more">
          {t('dashboard_ui.more')}
        </Button>
      ) : null}
    </Stack>
  );
}

function Row({ row }: { row: DashboardRow }) {
  const { t } = useTranslation();
  return (
    <Anchor
      href={leadHash(row.lead)}
      underline="never"
      c="inherit"
      className="dashboard-tile"
      data-testid="dashboard-row"
      data-flag={row.flag}
      aria-label={`${row.label} ${t('dashboard_ui.list.open')}`.trim()}
    >
      <Group justify="space-between" wrap="nowrap" gap="sm">
        <Stack gap={2} style={{ minWidth: 0 }}>
          {row.label ? (
            <Group gap="xs" wrap="nowrap">
              <Text fw={600} size="sm" ff={row.lead.screen === 'assets' ? 'monospace' : undefined} className="wrap-words">
                {row.label}
              </Text>
              {row.detail ? (
                <Text size="sm" c="dimmed" truncate>
                  {row.detail}
                </Text>
              ) : null}
            </Group>
          ) : null}
          <Text size="sm" className="wrap-words">
            {t(row.why.key, phraseParams(row.why))}
          </Text>
        </Stack>
        <Group gap={4} wrap="nowrap" style={{ flexShrink: 0 }}>
          {row.flag === 'attention' ? (
            <Badge color="red" variant="light" size="sm">
              {t('dashboard_ui.flags.attention')}
            </Badge>
          ) : null}
          <IconChevronRight size={16} aria-hidden />
        </Group>
      </Group>
    </Anchor>
  );
}
