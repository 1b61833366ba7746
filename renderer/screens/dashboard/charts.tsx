// The dashboard's charts, drawn by hand: maintenance cost per month as columns (SVG), downtime per
// category, the most-repaired models and devices by age as bars. Each bar opens the records behind it.
import { Card, Group, SimpleGrid, Stack, Text, Title, UnstyledButton } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Chart, ChartKey } from '../../../db/dashboard/contract.ts';
import { groupThousands } from '../../components/assets/money.ts';
import type { BucketLabel } from './dashboard-screen.tsx';
import { axisTicks, barShares, barValue, barWidth, catalogueId } from './dashboard-view.ts';

/** Which axis label names the bars, and which their measure. */
const AXES: Record<ChartKey, { bars: string; measure: string }> = {
  'chart.cost': { bars: 'month', measure: 'tzs' },
  'chart.downtime': { bars: 'category', measure: 'days' },
  'chart.models': { bars: 'model', measure: 'repairs' },
  'chart.age': { bars: 'age', measure: 'devices' },
};

export function Charts({ charts, label, onOpen }: { charts: readonly Chart[]; label: BucketLabel; onOpen: (chart: ChartKey, bucket: string) => void }) {
  const { t } = useTranslation();
  if (charts.length === 0) return null;
  return (
    <SimpleGrid cols={2} spacing="md">
      {charts.map((chart) => (
        <Card key={chart.key} withBorder radius="md" padding="md" data-testid={`chart-${chart.key}`}>
          <Title order={3} size="h5" mb="xs">
            {t(`dashboard_ui.charts.${catalogueId(chart.key)}`)}
          </Title>
          {chart.bars.length === 0 || chart.bars.every((bar) => bar.value === 0) ? (
            <Text size="sm" c="dimmed" py="md">
              {t('dashboard_ui.no-bars')}
            </Text>
          ) : chart.key === 'chart.cost' ? (
            <Columns chart={chart} label={label} onOpen={onOpen} />
          ) : (
            <Bars chart={chart} label={label} onOpen={onOpen} />
          )}
        </Card>
      ))}
    </SimpleGrid>
  );
}

const WIDTH = 520;
const HEIGHT = 200;
const BOTTOM = 34;
const TOP = 8;
// The width of one character of an axis mark at font size 11, generously: the marks are whole
// shillings ("2,500,000"), and the plot starts where the longest of them ends.
const CHARACTER = 6.6;

/** Months as columns, with the shillings on the left axis and MMM yyyy under each column. */
function Columns({ chart, label, onOpen }: { chart: Chart; label: BucketLabel; onOpen: (chart: ChartKey, bucket: string) => void }) {
  const { t } = useTranslation();
  const ticks = axisTicks(Math.max(...chart.bars.map((bar) => bar.value)));
  const top = ticks[ticks.length - 1] as number;
  const shares = chart.bars.map((bar) => (top > 0 ? bar.value / top : 0));
  const left = Math.ceil(12 + CHARACTER * Math.max(...ticks.map((tick) => groupThousands(tick).length)));
  const plot = HEIGHT - BOTTOM - TOP;
  const step = (WIDTH - left) / chart.bars.length;
  const axes = AXES[chart.key];
  return (
    <Stack gap={2}>
      <Text size="xs" c="dimmed">
        {t(`dashboard_ui.axes.${axes.measure}`)}
      </Text>
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} width="100%" role="img" aria-label={t(`dashboard_ui.charts.${catalogueId(chart.key)}`)}>
        {ticks.map((tick) => {
          const y = TOP + plot * (1 - (top > 0 ? tick / top : 0));
          return (
            <g key={tick} data-testid="chart-tick">
              <line x1={left} x2={WIDTH} y1={y} y2={y} stroke="var(--mantine-color-gray-3)" strokeWidth={1} />
              <text x={left - 6} y={y + 4} textAnchor="end" fontSize={11} fill="var(--mantine-color-gray-7)">
                {groupThousands(tick)}
              </text>
            </g>
          );
        })}
        {chart.bars.map((bar, i) => {
          const name = label(chart.key, bar.key);
          const height = Math.max(bar.value > 0 ? 2 : 0, plot * (shares[i] ?? 0));
          const x = left + i * step;
          const [month, year] = name.split(' ');
          return (
            <g
              key={bar.key}
              className="dashboard-column"
              role="button"
              tabIndex={0}
              aria-label={t('dashboard_ui.bar-label', { bucket: name, value: barValue(chart.unit, bar.value) })}
              data-testid={`bar-${chart.key}-${bar.key}`}
              onClick={() => onOpen(chart.key, bar.key)}
              onKeyDown={(event) => {
                if (event.key === 'Enter' || event.key === ' ') onOpen(chart.key, bar.key);
              }}
            >
              <title>{`${name}: ${barValue(chart.unit, bar.value)}`}</title>
              <rect x={x} y={TOP} width={step} height={plot} fill="transparent" />
              <rect className="dashboard-column-bar" x={x + step * 0.18} y={TOP + plot - height} width={step * 0.64} height={height} fill="var(--mantine-color-blue-6)" rx={2} />
              <text x={x + step / 2} y={HEIGHT - BOTTOM + 14} textAnchor="middle" fontSize={11} fill="var(--mantine-color-gray-8)">
                {month}
              </text>
              <text x={x + step / 2} y={HEIGHT - BOTTOM + 27} textAnchor="middle" fontSize={10} fill="var(--mantine-color-gray-6)">
                {year}
              </text>
            </g>
          );
        })}
      </svg>
      <Text size="xs" c="dimmed" ta="center">
        {t(`dashboard_ui.axes.${axes.bars}`)}
      </Text>
    </Stack>
  );
}

/** Categories, models or bands of age as bars, each with its value written beside it. */
function Bars({ chart, label, onOpen }: { chart: Chart; label: BucketLabel; onOpen: (chart: ChartKey, bucket: string) => void }) {
  const { t } = useTranslation();
  const shares = barShares(chart.bars.map((bar) => bar.value));
  const axes = AXES[chart.key];
  return (
    <Stack gap={3}>
      <Group justify="space-between" gap="xs">
        <Text size="xs" c="dimmed">
          {t(`dashboard_ui.axes.${axes.bars}`)}
        </Text>
        <Text size="xs" c="dimmed">
          {t(`dashboard_ui.axes.${axes.measure}`)}
        </Text>
      </Group>
      {chart.bars.map((bar, i) => {
        const name = label(chart.key, bar.key);
        return (
          <UnstyledButton
            key={bar.key}
            className="dashboard-bar-row"
            onClick={() => onOpen(chart.key, bar.key)}
            aria-label={t('dashboard_ui.bar-label', { bucket: name, value: barValue(chart.unit, bar.value) })}
            data-testid={`bar-${chart.key}-${bar.key}`}
          >
            <Text size="xs" truncate title={name}>
              {name}
            </Text>
            <div className="dashboard-bar-track">
              <div className="dashboard-bar" style={{ width: barWidth(shares[i] ?? 0) }} />
            </div>
            <Text size="xs" ta="right" fw={600}>
              {groupThousands(bar.value)}
            </Text>
          </UnstyledButton>
        );
      })}
    </Stack>
  );
}
