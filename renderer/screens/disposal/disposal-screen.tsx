// Disposal (3.6.12–3.6.14): the candidates waiting to go and why, with the records officer's choice of
// those to put in a batch, every batch with its state (a batch opens in full with its next steps), and
// the words of the cover letter for whoever may set them.
import { Alert, Anchor, Badge, Button, Checkbox, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { IconArrowBackUp, IconArrowsExchange, IconMail, IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useRouteQuery } from '../../client/context.tsx';
import { ExportRegister } from '../../components/export-register.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { RefusalAlert } from '../../components/refusal-alert.tsx';
import { Empty, Loading } from '../../components/states.tsx';
import { isLanguage } from '../../i18n/language.ts';
import { useSession } from '../../session/session.tsx';
import { shownRecord, useOpenedRecord } from '../../shell/opened-record.ts';
import { BatchModal } from './batch-panel.tsx';
import { ChooseBatchModal } from './choose-batch.tsx';
import { STATE_COLORS, type CandidateView } from './disposal-view.ts';
import { LetterSettingsModal } from './letter-settings.tsx';
import { WithdrawModal, type OpenProposal } from './proposal-dialogs.tsx';

export function DisposalScreen() {
  const { t, i18n } = useTranslation();
  const language = isLanguage(i18n.language) ? i18n.language : 'sw';
  const { can } = useSession();
  // `#/disposal/<batch id>` opens that batch, as a click in the list does.
  const [named, setOpened] = useOpenedRecord('disposal');
  const opened = shownRecord(named, useRouteQuery('disposal.get', { batch_id: named ?? '' }, { enabled: named !== null }));
  const [settings, setSettings] = useState(false);
  const batches = useRouteQuery('disposal.batches', { state: 'all' });
  const conflicts = useRouteQuery('disposal.conflicts', {});

  return (
    <Stack gap="md" data-testid="disposal-screen">
      <PageHeader
        title={t('disposal_ui.title')}
        description={t('disposal_ui.intro')}
        actions={
          <>
            <ExportRegister request={{ register: 'disposal-batches', filters: { state: 'all' } }} />
            {can('disposal.set-settings') ? (
              <Button variant="default" leftSection={<IconMail size={16} />} onClick={() => setSettings(true)} data-testid="open-letter-settings">
                {t('disposal_ui.settings.open')}
              </Button>
            ) : null}
          </>
        }
      />
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
      <LetterSettingsModal opened={settings} onClose={() => setSettings(false)} />
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

/**
 * The candidates: closed as beyond repair or proposed, each with why and by whom; an ICT officer may
 * withdraw a proposal, the records officer ticks some and puts them in a new batch or a draft one.
 */
function Candidates({ canBuild, onBuilt }: { canBuild: boolean; onBuilt: (id: string) => void }) {
  const { t } = useTranslation();
  const { can } = useSession();
  const candidates = useRouteQuery('disposal.candidates', {});
  const [chosen, setChosen] = useState<string[]>([]);
  const [choosing, setChoosing] = useState(false);
  const [withdrawing, setWithdrawing] = useState<OpenProposal | null>(null);
  const list = candidates.data ?? [];
  const free = list.filter((c) => c.batch_id === null);
  const picked = free.filter((c) => chosen.includes(c.id));
  const canWithdraw = can('disposal.withdraw');
  return (
    <Paper withBorder radius="md" p="md" data-testid="candidates">
      <Group justify="space-between" mb="xs">
        <Title order={2} size="h4">
          {t('disposal_ui.candidates.title', { count: free.length })}
        </Title>
        {canBuild ? (
          <Button leftSection={<IconPlus size={16} />} disabled={picked.length === 0} onClick={() => setChoosing(true)} data-testid="build-batch">
            {picked.length > 0 ? t('disposal_ui.candidates.build', { count: picked.length }) : t('disposal_ui.candidates.build-none')}
          </Button>
        ) : null}
      </Group>
      {candidates.isError ? <RefusalAlert error={candidates.error} /> : null}
      {candidates.isPending ? <Loading /> : null}
      {candidates.data && list.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('disposal_ui.candidates.empty')}
        </Text>
      ) : null}
      {list.length > 0 ? (
        <Table.ScrollContainer minWidth={760}>
          <Table verticalSpacing={6} data-testid="candidates-table">
            <Table.Thead>
              <Table.Tr>
                {canBuild ? <Table.Th w={36} /> : null}
                <Table.Th w="30%">{t('disposal_ui.candidates.device')}</Table.Th>
                <Table.Th>{t('disposal_ui.candidates.why')}</Table.Th>
                <Table.Th w={200}>{t('disposal_ui.candidates.now')}</Table.Th>
                {canWithdraw ? <Table.Th w={150} /> : null}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {list.map((candidate) => (
                <CandidateRow
                  key={candidate.id}
                  candidate={candidate}
                  canBuild={canBuild}
                  canWithdraw={canWithdraw}
                  chosen={chosen.includes(candidate.id)}
                  onToggle={(on) => setChosen((ids) => (on ? [...ids, candidate.id] : ids.filter((id) => id !== candidate.id)))}
                  onWithdraw={setWithdrawing}
                />
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      ) : null}
      <ChooseBatchModal
        chosen={picked}
        opened={choosing}
        onClose={() => setChoosing(false)}
        onDone={(id) => {
          setChoosing(false);
          setChosen([]);
          onBuilt(id);
        }}
      />
      <WithdrawModal proposal={withdrawing} onClose={() => setWithdrawing(null)} />
    </Paper>
  );
}

function CandidateRow({
  candidate,
  canBuild,
  canWithdraw,
  chosen,
  onToggle,
  onWithdraw,
}: {
  candidate: CandidateView;
  canBuild: boolean;
  canWithdraw: boolean;
  chosen: boolean;
  onToggle: (on: boolean) => void;
  onWithdraw: (proposal: OpenProposal) => void;
}) {
  const { t } = useTranslation();
  const proposalId = candidate.proposal_id;
  const why = proposalId
    ? t('disposal_ui.candidates.why-proposed', { name: candidate.proposed_by_name, reason: t(`disposal_ui.reasons.${candidate.reason}`) })
    : t('disposal_ui.candidates.why-beyond-repair');
  return (
    <Table.Tr data-testid="candidate-row" data-tag={candidate.tag} data-reason={candidate.reason}>
      {canBuild ? (
        <Table.Td>
          {/* A handover not yet received or cancelled holds the device (3.6.6): no batch may take it until it ends. */}
          {candidate.batch_id === null && candidate.handover_id === null ? (
            <Checkbox checked={chosen} onChange={(event) => onToggle(event.currentTarget.checked)} aria-label={candidate.tag} data-testid="choose-candidate" />
          ) : null}
        </Table.Td>
      ) : null}
      <Table.Td>
        <Text size="sm" fw={600} ff="monospace" className="keep-whole">
          {candidate.tag}
        </Text>
        <Text size="xs" c="dimmed" className="wrap-words">
          {[candidate.make, candidate.model].filter(Boolean).join(' ')}
        </Text>
      </Table.Td>
      <Table.Td>
        <Text size="sm" className="wrap-words" data-testid="candidate-why">
          {why}
        </Text>
        <Text size="xs" c="dimmed">
          {t('disposal_ui.candidates.route', { route: t(`disposal_ui.routes.${candidate.route}`) })}
        </Text>
        {candidate.note ? (
          <Text size="xs" c="dimmed" className="wrap-words" style={{ whiteSpace: 'pre-line' }}>
            {candidate.note}
          </Text>
        ) : null}
      </Table.Td>
      <Table.Td>
        <Text size="sm" className="wrap-words" data-testid="candidate-now">
          {candidate.batch_number
            ? t('disposal_ui.candidates.in-batch', { number: candidate.batch_number })
            : candidate.handover_number
              ? t('disposal_ui.candidates.on-handover', { number: candidate.handover_number })
              : t(`statuses.${candidate.status}`)}
        </Text>
      </Table.Td>
      {canWithdraw ? (
        <Table.Td>
          {proposalId && candidate.batch_id === null ? (
            <Button size="compact-xs" variant="default" leftSection={<IconArrowBackUp size={14} />} onClick={() => onWithdraw({ id: proposalId, tag: candidate.tag })} data-testid="withdraw-candidate">
              {t('disposal_ui.candidates.withdraw')}
            </Button>
          ) : null}
        </Table.Td>
      ) : null}
    </Table.Tr>
  );
}
