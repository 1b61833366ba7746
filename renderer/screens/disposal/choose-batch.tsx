// The records officer puts the candidates ticked into a disposal batch: a new one, or a draft already
// being prepared. A device the batch may not take (off premises, under repair, in another batch) is
// refused with the route's sentence, here in the dialog, and nothing is written; the button then waits for
// another choice, since the same one would be refused again.
import { Button, Group, Select, Stack, Text, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconPlus } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useRouteMutation, useRouteQuery } from '../../client/context.tsx';
import { FormModal, RecordForm } from '../../components/form-modal.tsx';
import { DISPOSAL_REFRESH, type CandidateView } from './disposal-view.ts';

const NEW = 'new';

export function ChooseBatchModal({ chosen, opened, onClose, onDone }: { chosen: CandidateView[]; opened: boolean; onClose: () => void; onDone: (batchId: string) => void }) {
  const { t } = useTranslation();
  return (
    <FormModal opened={opened} onClose={onClose} title={t('disposal_ui.choose.title')} size="lg">
      {opened ? <ChooseBatchForm chosen={chosen} onClose={onClose} onDone={onDone} /> : null}
    </FormModal>
  );
}

function ChooseBatchForm({ chosen, onClose, onDone }: { chosen: CandidateView[]; onClose: () => void; onDone: (batchId: string) => void }) {
  const { t } = useTranslation();
  const drafts = useRouteQuery('disposal.batches', { state: 'draft' });
  const create = useRouteMutation('disposal.create', DISPOSAL_REFRESH);
  const add = useRouteMutation('disposal.add', DISPOSAL_REFRESH);
  const [target, setTarget] = useState<string>(NEW);
  const [note, setNote] = useState('');
  const [refusal, setRefusal] = useState<unknown>(null);
  const lines = chosen.map((candidate) => ({ asset_id: candidate.id }));
  const draft = (drafts.data ?? []).find((batch) => batch.id === target);
  const busy = create.isPending || add.isPending;
  // What was refused: the batch and the devices. Until one of them changes, asking again is pointless.
  const choice = [target, ...lines.map((line) => line.asset_id)].join(' ');
  const [refusedChoice, setRefusedChoice] = useState<string | null>(null);
  const refusedAgain = refusedChoice === choice;

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setRefusal(null);
    try {
      const batch = draft ? await add.mutateAsync({ batch_id: draft.id, lines }) : await create.mutateAsync({ note, lines });
      notifications.show({ color: 'flag', message: t(draft ? 'disposal_ui.choose.added' : 'disposal_ui.choose.created', { number: batch.number }) });
      onDone(batch.id);
    } catch (error) {
      setRefusal(error);
      setRefusedChoice(choice);
    }
  };

  return (
    <RecordForm
      testId="choose-batch-form"
      onSubmit={(event) => void submit(event)}
      refusal={refusal}
      buttons={
        <Group justify="flex-end" mt="sm">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={busy} disabled={refusedAgain} leftSection={<IconPlus size={16} />} data-testid="submit">
            {t(draft ? 'disposal_ui.choose.add' : 'disposal_ui.choose.create')}
          </Button>
        </Group>
      }
    >
      <Stack gap={2}>
        <Text size="sm" fw={600}>
          {t('disposal_ui.choose.chosen')}
        </Text>
        {chosen.map((candidate) => (
          <Text key={candidate.id} size="sm" className="wrap-words" data-testid="chosen-device">
            <Text span ff="monospace" fw={600}>
              {candidate.tag}
            </Text>{' '}
            {[candidate.make, candidate.model].filter(Boolean).join(' ')}
          </Text>
        ))}
      </Stack>
      <Select
        label={t('disposal_ui.choose.target')}
        allowDeselect={false}
        data={[{ value: NEW, label: t('disposal_ui.choose.new') }, ...(drafts.data ?? []).map((batch) => ({ value: batch.id, label: t('disposal_ui.choose.existing', { number: batch.number, count: batch.devices.length }) }))]}
        value={target}
        onChange={(value) => setTarget(value ?? NEW)}
        data-testid="choose-target"
      />
      {draft ? null : <Textarea label={t('disposal_ui.choose.note')} autosize minRows={2} value={note} onChange={(event) => setNote(event.currentTarget.value)} data-testid="batch-note" />}
    </RecordForm>
  );
}
