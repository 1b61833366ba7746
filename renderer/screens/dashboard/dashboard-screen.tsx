// The compliance dashboard (issue 14): the compliance of each clause of directive 3.6 first, then the
// figures of the register, maintenance, movements, media and disposal, and the charts. A figure, a bucket or a bar
// opens the list behind it in a drawer; each row of the list leads to its record.
import { Badge, Card, Group, SimpleGrid, Stack, Text, Title, UnstyledButton } from '@mantine/core';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDay } from '../../../db/contract/days.ts';
import { type ChartKey, type Figure, type FigureGroup, type FigureKey } from '../../../db/dashboard/contract.ts';
import { useRouteQuery } from '../../client/context.tsx';
import { useCategories } from '../../components/assets/categories.ts';
import { groupThousands } from '../../components/assets/money.ts';
import { ExportRegister } from '../../components/export-register.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { RefusalAlert } from '../../components/refusal-alert.tsx';
import { Loading } from '../../components/states.tsx';
import { Charts } from './charts.tsx';
import { barWidth, catalogueId, percent } from './dashboard-view.ts';
import { FigureList, type Opened } from './figure-list.tsx';
import './dashboard.css';

/** The figures drawn as bars by bucket rather than as one number. */
const BUCKETED: ReadonlySet<FigureKey> = new Set(['devices.status', 'devices.category', 'disposal.batches']);

/** How often the figures are counted again while the screen is open. */
const REFRESH_MS = 60_000;

export function DashboardScreen() {
  const { t } = useTranslation();
  const summary = useRouteQuery('dashboard.summary', {}, { refetchInterval: REFRESH_MS, refetchOnWindowFocus: true });
  const [opened, setOpened] = useState<Opened | null>(null);
  const label = useBucketLabel();
  const figures = summary.data?.figures ?? [];
  const inGroup = (group: FigureGroup) => figures.filter((figure) => figure.group === group);
  const open = (figure: FigureKey | ChartKey, bucket: string | null = null) => setOpened({ figure, bucket });

  return (
    <Stack gap="md" data-testid="dashboard-screen">
      <PageHeader
        title={t('dashboard_ui.title')}
        description={t('dashboard_ui.intro')}
        actions={
          summary.data ? (
            <Stack gap={4} align="flex-end">
              {inGroup('compliance').length > 0 ? <ExportRegister request={{ register: 'compliance', filters: {} }} /> : null}
              <Text size="sm" c="dimmed" data-testid="dashboard-as-of" style={{ whiteSpace: 'nowrap' }}>
                {t('dashboard_ui.as-of', { date: formatDay(summary.data.today) })}
              </Text>
            </Stack>
          ) : null
        }
      />
      {summary.isPending ? <Loading /> : null}
      {summary.isError ? <RefusalAlert error={summary.error} /> : null}
      {summary.data ? (
        <>
          {inGroup('compliance').length > 0 ? (
            <Card withBorder radius="md" padding="md" data-testid="group-compliance">
              <Title order={3} size="h5" mb="sm">
                {t('dashboard_ui.groups.compliance')}
              </Title>
              <SimpleGrid cols={4} spacing="sm">
                {inGroup('compliance').map((figure) => (
                  <ClauseFigure key={figure.key} figure={figure} onOpen={open} />
                ))}
              </SimpleGrid>
            </Card>
          ) : null}
          <SimpleGrid cols={3} spacing="md">
            {(['register', 'maintenance', 'movements', 'media', 'disposal'] as const)
              .filter((group) => inGroup(group).length > 0)
              .map((group) => (
                <GroupCard key={group} group={group}>
                  {inGroup(group).map((figure) =>
                    BUCKETED.has(figure.key) ? (
                      <BucketFigure key={figure.key} figure={figure} label={label} onOpen={open} />
                    ) : (
                      <CountFigure key={figure.key} figure={figure} onOpen={open} />
                    ),
                  )}
                </GroupCard>
              ))}
          </SimpleGrid>
          <Charts charts={summary.data.charts} label={label} onOpen={open} />
        </>
      ) : null}
      <FigureList opened={opened} label={label} onClose={() => setOpened(null)} />
    </Stack>
  );
}

/** A bucket's name in the chosen language: a status, a category, a stage, a month, a band of years. */
export type BucketLabel = (figure: FigureKey | ChartKey, bucket: string) => string;

function useBucketLabel(): BucketLabel {
  const { t } = useTranslation();
  const categories = useCategories();
  return (figure, bucket) => {
    switch (figure) {
      case 'devices.status':
        return t(`statuses.${bucket}`);
      case 'devices.category':
      case 'chart.downtime':
        return categories.name(bucket);
      case 'disposal.batches':
        return t(`disposal_ui.states.${bucket}`);
      case 'chart.cost': {
        const [year, month] = bucket.split('-');
        return month && year ? `${t(`dashboard_ui.months.${month}`)} ${year}` : bucket;
      }
      case 'chart.age':
        return t(`dashboard_ui.ages.${bucket}`);
      default:
        return bucket === 'ok' || bucket === 'attention' ? t(`dashboard_ui.buckets.${bucket}`) : bucket;
    }
  };
}

function GroupCard({ group, children }: { group: FigureGroup; children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <Card withBorder radius="md" padding="md" data-testid={`group-${group}`} style={{ gridColumn: group === 'register' ? 'span 2' : undefined }}>
      <Title order={3} size="h5" mb="sm">
        {t(`dashboard_ui.groups.${group}`)}
      </Title>
      <SimpleGrid cols={group === 'register' ? 2 : 1} spacing="sm">
        {children}
      </SimpleGrid>
    </Card>
  );
}

function flagColour(flag: Figure['flag']): string {
  return flag === 'ok' ? 'green' : 'red';
}

/** One number: its title, the count, and a mark when someone should look. */
function CountFigure({ figure, onOpen }: { figure: Figure; onOpen: (figure: FigureKey) => void }) {
  const { t } = useTranslation();
  const title = t(`dashboard_ui.figures.${catalogueId(figure.key)}`);
  const attention = figure.flag === 'attention';
  return (
    <UnstyledButton
      onClick={() => onOpen(figure.key)}
      aria-label={t('dashboard_ui.figure-label', { title, value: groupThousands(figure.value) })}
      data-testid={`figure-${figure.key}`}
      data-flag={figure.flag}
      className="dashboard-tile"
    >
      <Group justify="space-between" wrap="nowrap" gap="xs">
        <Text size="sm" style={{ minWidth: 0 }} data-fit="figure-title">
          {title}
        </Text>
        <Text fw={700} size="xl" c={attention ? 'red.7' : undefined} style={{ flexShrink: 0 }} data-testid="figure-value">
          {groupThousands(figure.value)}
        </Text>
      </Group>
    </UnstyledButton>
  );
}

/** A figure split into buckets (by status, category, stage): each bucket a bar that opens its own list. */
function BucketFigure({ figure, label, onOpen }: { figure: Figure; label: BucketLabel; onOpen: (figure: FigureKey, bucket?: string | null) => void }) {
  const { t } = useTranslation();
  const top = Math.max(1, ...figure.buckets.map((bucket) => bucket.value));
  const title = t(`dashboard_ui.figures.${catalogueId(figure.key)}`);
  return (
    <Stack gap={4} data-testid={`figure-${figure.key}`}>
      <UnstyledButton onClick={() => onOpen(figure.key)} aria-label={t('dashboard_ui.figure-label', { title, value: groupThousands(figure.value) })} className="dashboard-tile">
        <Group justify="space-between" wrap="nowrap" gap="xs">
          <Text size="sm" fw={600}>
            {title}
          </Text>
          <Text size="sm" c="dimmed" data-testid="figure-value">
            {t('dashboard_ui.total', { count: groupThousands(figure.value) })}
          </Text>
        </Group>
      </UnstyledButton>
      {figure.buckets.length === 0 ? (
        <Text size="xs" c="dimmed">
          {t('dashboard_ui.no-bars')}
        </Text>
      ) : null}
      {figure.buckets.slice(0, 8).map((bucket) => {
        const name = label(figure.key, bucket.key);
        return (
          <UnstyledButton
            key={bucket.key}
            onClick={() => onOpen(figure.key, bucket.key)}
            aria-label={t('dashboard_ui.bar-label', { bucket: name, value: groupThousands(bucket.value) })}
            data-testid={`bucket-${figure.key}-${bucket.key}`}
            className="dashboard-bar-row"
          >
            <Text size="xs" lh={1.25} className="wrap-words">
              {name}
            </Text>
            <div className="dashboard-bar-track">
              <div className="dashboard-bar" style={{ width: barWidth(bucket.value / top) }} />
            </div>
            <Text size="xs" ta="right" fw={600}>
              {groupThousands(bucket.value)}
            </Text>
          </UnstyledButton>
        );
      })}
    </Stack>
  );
}

/** A clause of the directive: its number, the figure, and the plain sentence of what it counts. */
function ClauseFigure({ figure, onOpen }: { figure: Figure; onOpen: (figure: FigureKey) => void }) {
  const { t } = useTranslation();
  const id = catalogueId(figure.key);
  const title = t(`dashboard_ui.figures.${id}`);
  // A share of nothing says nothing: a dash, as lists show for no value.
  const shown = figure.of === null ? groupThousands(figure.value) : figure.of === 0 ? '—' : `${percent(figure.value, figure.of)}%`;
  return (
    <UnstyledButton
      onClick={() => onOpen(figure.key)}
      aria-label={t('dashboard_ui.figure-label', { title, value: shown })}
      data-testid={`figure-${figure.key}`}
      data-flag={figure.flag}
      className="dashboard-tile dashboard-clause"
    >
      <Stack gap={4}>
        <Group justify="space-between" wrap="nowrap" gap="xs">
          <Badge variant="light" color="gray" size="sm">
            {t('dashboard_ui.clause', { clause: figure.clause ?? '' })}
          </Badge>
          <Badge variant="light" color={flagColour(figure.flag)} size="sm">
            {t(`dashboard_ui.flags.${figure.flag}`)}
          </Badge>
        </Group>
        <Text size="sm" fw={600} lh={1.3}>
          {title}
        </Text>
        <Group gap={6} align="baseline">
          <Text fw={700} size="xl" c={figure.flag === 'attention' ? 'red.7' : 'green.8'} data-testid="figure-value" className="keep-whole">
            {shown}
          </Text>
          {figure.of !== null ? (
            <Text size="xs" c="dimmed">
              {t('dashboard_ui.share', { value: groupThousands(figure.value), of: groupThousands(figure.of) })}
            </Text>
          ) : null}
        </Group>
        <Text size="xs" c="dimmed" lh={1.35}>
          {t(`dashboard_ui.sentences.${id}`)}
        </Text>
      </Stack>
    </UnstyledButton>
  );
}
