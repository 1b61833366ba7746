// The check of the whole log book (`daftari verify`, DESIGN.md "The journal format") from the window:
// every event's hash and link recomputed, every register rebuilt from the events and compared with the
// one kept. On a ministry's records it is a long job, followed with a bar and a stop.
import { Alert, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { IconAlertTriangle, IconShieldCheck } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RouteOutput } from '../../../db/contract/routes.ts';
import { useClient } from '../../client/context.tsx';
import { JobProgress, JobStopped, useJob } from '../../components/job-progress.tsx';
import { RefusalAlert } from '../../components/refusal-alert.tsx';
import { useSession } from '../../session/session.tsx';

type Verdict = RouteOutput<'journal.verify'>;
type Translate = (key: string, params?: Record<string, string | number>) => string;

/** The verdict in words, as the command line prints it (db/cli/main.ts, `verifyMessage`). */
export function verdictSentence(verdict: Verdict, t: Translate): string {
  if (verdict.ok) return t('verify.ok', { events: verdict.events, rows: verdict.rows });
  const problem = t(`verify.problems.${verdict.problem}`);
  return verdict.kind === 'event'
    ? t('verify.event', { seq: verdict.seq, origin: verdict.origin, origin_seq: verdict.origin_seq, problem })
    : t('verify.row', { table: verdict.table, id: verdict.id, problem });
}

export function VerifyPanel() {
  const { t } = useTranslation();
  const { call } = useClient();
  const { can } = useSession();
  const job = useJob();
  const [verdict, setVerdict] = useState<Verdict | null>(null);
  const [error, setError] = useState<unknown>(null);
  if (!can('journal.verify')) return null;

  const check = async () => {
    setVerdict(null);
    setError(null);
    try {
      setVerdict(await job.run((key) => call('journal.verify', { job: key })));
    } catch (refused) {
      setError(refused);
    }
  };

  return (
    <Paper withBorder p="md" data-testid="verify-panel">
      <Stack gap="sm">
        <Title order={3} size="h5">
          {t('verifyUi.title')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('verifyUi.intro')}
        </Text>
        <Group>
          <Button leftSection={<IconShieldCheck size={16} />} onClick={() => void check()} loading={job.running} data-testid="verify-run">
            {t('verifyUi.run')}
          </Button>
        </Group>
        {job.running ? <JobProgress job={job} title={t('verifyUi.running')} testId="verify-job" /> : null}
        {job.stopped && !job.running ? <JobStopped onClose={job.clearStopped} /> : null}
        {error ? <RefusalAlert error={error} onClose={() => setError(null)} /> : null}
        {verdict ? (
          <Alert
            color={verdict.ok ? 'flag' : 'red'}
            variant="light"
            icon={verdict.ok ? <IconShieldCheck size={18} /> : <IconAlertTriangle size={18} />}
            data-testid="verify-verdict"
            data-ok={String(verdict.ok)}
          >
            {verdictSentence(verdict, t as unknown as Translate)}
          </Alert>
        ) : null}
      </Stack>
    </Paper>
  );
}
