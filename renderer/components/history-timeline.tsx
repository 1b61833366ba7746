// An entity's history (3.4.3: every change journaled at once), newest first, each entry as a sentence.
import { Group, Text, Timeline } from '@mantine/core';
import { IconHistory } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { historyByline } from '../../db/contract/describe.ts';
import { useRouteQuery } from '../client/context.tsx';
import { formatDateTime } from '../../db/contract/days.ts';
import { isLanguage } from '../i18n/language.ts';
import { RefusalAlert } from './refusal-alert.tsx';
import { Empty, Loading } from './states.tsx';

export function HistoryTimeline({ entity }: { entity: string }) {
  const { t, i18n } = useTranslation();
  const history = useRouteQuery('history.entity', { entity });
  if (history.isPending) return <Loading />;
  if (history.isError) return <RefusalAlert error={history.error} />;
  if (history.data.length === 0) return <Empty title={t('historyView.empty')} />;
  // Each line comes with its sentence in both languages, worded by its area in the core.
  const language = isLanguage(i18n.language) ? i18n.language : 'sw';
  return (
    <Timeline bulletSize={22} lineWidth={2} data-testid="history">
      {history.data.map((entry) => {
        const sentence = entry.sentence[language];
        const byline = historyByline(entry, sentence);
        return (
          <Timeline.Item key={entry.seq} bullet={<IconHistory size={12} />} data-testid="history-line">
            <Text size="sm" className="wrap-words">
              {sentence}
            </Text>
            <Group gap={6} mt={2}>
              <Text size="xs" c="dimmed">
                {formatDateTime(entry.at)}
              </Text>
              {byline ? (
                <>
                  <Text size="xs" c="dimmed">
                    ·
                  </Text>
                  <Text size="xs" c="dimmed" data-testid="history-byline">
                    {byline}
                  </Text>
                </>
              ) : null}
            </Group>
          </Timeline.Item>
        );
      })}
    </Timeline>
  );
}
