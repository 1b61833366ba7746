// An entity's history (3.4.3: every change journaled at once), newest first, each entry as a sentence.
import { Group, Text, Timeline } from '@mantine/core';
import { IconHistory } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { describeEvent } from '../../db/contract/describe.ts';
import { useRouteQuery } from '../client/context.tsx';
import { formatDateTime } from '../format/dates.ts';
import { asTranslate } from '../i18n/i18n.ts';
import { RefusalAlert } from './refusal-alert.tsx';
import { Empty, Loading } from './states.tsx';

export function HistoryTimeline({ entity }: { entity: string }) {
  const { t } = useTranslation();
  const history = useRouteQuery('history.entity', { entity });
  if (history.isPending) return <Loading />;
  if (history.isError) return <RefusalAlert error={history.error} />;
  if (history.data.length === 0) return <Empty title={t('historyView.empty')} />;
  const translate = asTranslate(t as unknown as (key: string, options?: Record<string, unknown>) => string);
  return (
    <Timeline bulletSize={22} lineWidth={2} data-testid="history">
      {history.data.map((entry) => (
        <Timeline.Item key={entry.seq} bullet={<IconHistory size={12} />}>
          <Text size="sm">{describeEvent(entry, translate)}</Text>
          <Group gap={6} mt={2}>
            <Text size="xs" c="dimmed">
              {formatDateTime(entry.at)}
            </Text>
            <Text size="xs" c="dimmed">
              ·
            </Text>
            <Text size="xs" c="dimmed" truncate maw={260}>
              {entry.actor_name}
            </Text>
          </Group>
        </Timeline.Item>
      ))}
    </Timeline>
  );
}
