// Disposal (3.6.12–3.6.14): the candidates waiting to go, with the records officer's choice of those to
// put in a new batch, and every batch with its state; a batch opens in full with its next steps.
import { Alert, Anchor, Badge, Button, Checkbox, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { IconArrowsExchange, IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useRouteMutation, useRouteQuery } from '../../client/context.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { RefusalAlert } from '../../components/refusal-alert.tsx';
import { Empty, Loading } from '../../components/states.tsx';
import { isLanguage } from '../../i18n/language.ts';
import { useSession } from '../../session/session.tsx';
import { BatchModal } from './batch-panel.tsx';
import { DISPOSAL_REFRESH, STATE_COLORS, type CandidateView } from './disposal-view.ts';

export function DisposalScreen() {
  const { t, i18n } = useTranslation();
  const language = isLanguage(i18n.language) ? i18n.language : 'sw';
  const { can } = useSession();
  const [opened, setOpened] = useState<string | null>(null);
  const batches = useRouteQuery('disposal.batches', { state: 'all' });
  const conflicts = useRouteQuery('disposal.conflicts', {});

  return (
    <Stack gap="md" data-testid="disposal-screen">
      <PageHeader title={t('disposal_ui.title')} description={t('disposal_ui.intro')} />
      {(conflicts.data ?? []).map((conflict) => (
        <Alert key={conflict.id} color="orange" variant="light" icon={<IconArrowsExchange size={18} />} title={t('disposal_ui.conflict-title')} data-testid="disposal-conflict">
          {conflict.text[language]}
        </Alert>
      ))}
      <Candidates canBuild={can('disposal.create')} onBuilt={setOpened} />

      <Title order={2} size="h4">
        {t('disposal_ui.batches.title')}
      </Title>
      {batches.isError ? <RefusalAlert error={batches.error} /> : null}
      {batches.isPending ? <Loading /> : null}
      {batches.data && batches.data.length === 0 ? <Empty title={t('disposal_ui.batches.empty')} /> : null}
      {batches.data && batches.data.length > 0 ? (
        <Table.ScrollContainer minWidth={760}>
          <Table withTableBorder highlightOnHover striped="even" verticalSpacing="xs" data-testid="batches-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('disposal_ui.batches.number')}</Table.Th>
                <Table.Th>{t('disposal_ui.batches.devices')}</Table.Th>
                <Table.Th>{t('disposal_ui.batches.media')}</Table.Th>
                <Table.Th>{t('disposal_ui.batches.prepared-by')}</Table.Th>
                <Table.Th w={220}>{t('disposal_ui.batches.state')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {batches.data.map((batch) => (
                <Table.Tr key={batch.id} className="clickable-row" onClick={() => setOpened(batch.id)} data-testid="batch-row" data-number={batch.number}>
                  <Table.Td>
                    <Anchor component="button" type="button" size="sm" fw={600} ff="monospace" className="keep-whole" onClick={() => setOpened(batch.id)}>
                      {batch.number}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm" ff="monospace" className="wrap-words">
                      {batch.devices.map((d) => d.tag).join(', ') || '—'}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{t('disposal_ui.batches.media-count', { count: batch.media.length, open: batch.unsanitised })}</Text>
                  </Table.Td>
                  <Table.Td>{batch.prepared_by_name}</Table.Td>
                  <Table.Td>
                    <StateBadge state={batch.state} />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      ) : null}
      <BatchModal id={opened} onClose={() => setOpened(null)} />
    </Stack>
  );
}

export function StateBadge({ state }: { state: string }) {
  const { t } = useTranslation();
  return (
    <Badge color={STATE_COLORS[state] ?? 'gray'} variant="light" data-testid="batch-state" data-state={state}>
      {t(`disposal_ui.states.${state}`)}
    </Badge>
  );
}

/** The candidates: closed as beyond repair or proposed; the records officer ticks some and builds a batch of them. */
function Candidates({ canBuild, onBuilt }: { canBuild: boolean; onBuilt: (id: string) => void }) {
  const { t } = useTranslation();
  const candidates = useRouteQuery('disposal.candidates', {});
  const create = useRouteMutation('disposal.create', DISPOSAL_REFRESH);
  const [chosen, setChosen] = useState<string[]>([]);
  const free = (candidates.data ?? []).filter((c) => c.batch_id === null);
  const build = async () => {
    const batch = await create.mutateAsync({ lines: chosen.map((asset_id) => ({ asset_id })) });
    setChosen([]);
    onBuilt(batch.id);
  };
  return (
    <Paper withBorder radius="md" p="md" data-testid="candidates">
      <Group justify="space-between" mb="xs">
        <Title order={2} size="h4">
          {t('disposal_ui.candidates.title', { count: free.length })}
        </Title>
        {canBuild ? (
          <Button leftSection={<IconPlus size={16} />} disabled={chosen.length === 0} loading={create.isPending} onClick={() => void build().catch(() => undefined)} data-testid="build-batch">
            {t('disposal_ui.candidates.build', { count: chosen.length })}
          </Button>
        ) : null}
      </Group>
      <RefusalAlert error={create.error} />
      {candidates.isError ? <RefusalAlert error={candidates.error} /> : null}
      {candidates.data && candidates.data.length === 0 ? <Text size="sm" c="dimmed">{t('disposal_ui.candidates.empty')}</Text> : null}
      {candidates.data && candidates.data.length > 0 ? (
        <Table verticalSpacing={4} data-testid="candidates-table">
          <Table.Tbody>
            {candidates.data.map((candidate) => (
              <CandidateRow key={candidate.id} candidate={candidate} canBuild={canBuild} chosen={chosen.includes(candidate.id)} onToggle={(on) => setChosen((list) => (on ? [...list, candidate.id] : list.filter((id) => id !== candidate.id)))} />
            ))}
          </Table.Tbody>
        </Table>
      ) : null}
    </Paper>
  );
}

function CandidateRow({ candidate, canBuild, chosen, onToggle }: { candidate: CandidateView; canBuild: boolean; chosen: boolean; onToggle: (on: boolean) => void }) {
  const { t } = useTranslation();
  return (
    <Table.Tr data-testid="candidate-row" data-tag={candidate.tag}>
      {canBuild ? (
        <Table.Td w={36}>
          {candidate.batch_id === null ? <Checkbox checked={chosen} onChange={(event) => onToggle(event.currentTarget.checked)} aria-label={candidate.tag} data-testid="choose-candidate" /> : null}
        </Table.Td>
      ) : null}
      <Table.Td>
        <Text size="sm" fw={600} ff="monospace">
          {candidate.tag}
        </Text>
      </Table.Td>
      <Table.Td>
        <Text size="sm">{[candidate.make, candidate.model].filter(Boolean).join(' ')}</Text>
      </Table.Td>
      <Table.Td>
        <Text size="sm">{t(`disposal_ui.reasons.${candidate.reason}`)}</Text>
        {candidate.note ? (
          <Text size="xs" c="dimmed">
            {candidate.note}
          </Text>
        ) : null}
      </Table.Td>
      <Table.Td>
        <Text size="sm">{candidate.batch_number ? t('disposal_ui.candidates.in-batch', { number: candidate.batch_number }) : t(`statuses.${candidate.status}`)}</Text>
      </Table.Td>
    </Table.Tr>
  );
}
