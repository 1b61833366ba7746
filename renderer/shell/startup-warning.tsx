// The warning at opening (issue 12), above every screen until it is answered: the file disagrees with
// the heads it held when last opened here, with its newest backup, or with its own chain. Each problem
// in plain words; what to do next; and, for an administrator, the answer that ends it, with a reason.
import { Alert, Button, Group, List, Modal, Stack, Text, Textarea } from '@mantine/core';
import { IconAlertOctagon } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { AcknowledgeWarningInput } from '../../db/backups/contract.ts';
import { useRouteMutation, useRouteQuery } from '../client/context.tsx';
import { FormButtons, RecordForm } from '../components/form-modal.tsx';
import { useRouteForm } from '../components/use-route-form.ts';
import { useSession } from '../session/session.tsx';

export function StartupWarning() {
  const { t, i18n } = useTranslation();
  const { can } = useSession();
  const warning = useRouteQuery('backups.startup-warning', {});
  const [answering, setAnswering] = useState(false);
  const check = warning.data;
  if (!check || check.ok) return null;
  const language = i18n.language === 'en' ? 'en' : 'sw';
  return (
    <>
      <Alert color="red" variant="filled" icon={<IconAlertOctagon size={22} />} title={t('shell.startup-warning.title')} mb="md" data-testid="startup-warning" role="alert">
        <Stack gap="xs">
          <List size="sm" spacing={2} c="white">
            {check.problems.map((problem, index) => (
              <List.Item key={index} data-testid="startup-problem">
                {problem.text[language]}
              </List.Item>
            ))}
          </List>
          <Text size="sm">{t('shell.startup-warning.advice')}</Text>
          {can('backups.acknowledge-warning') ? (
            <Group>
              <Button variant="white" color="red" size="xs" onClick={() => setAnswering(true)} data-testid="startup-acknowledge">
                {t('shell.startup-warning.acknowledge')}
              </Button>
            </Group>
          ) : (
            <Text size="sm" fw={600}>
              {t('shell.startup-warning.tell-admin')}
            </Text>
          )}
        </Stack>
      </Alert>
      <Modal opened={answering} onClose={() => setAnswering(false)} title={t('shell.startup-warning.acknowledge')} size="lg" closeButtonProps={{ 'aria-label': t('common.close') }}>
        {answering ? <AcknowledgeForm onDone={() => setAnswering(false)} /> : null}
      </Modal>
    </>
  );
}

function AcknowledgeForm({ onDone }: { onDone: () => void }) {
  const { t } = useTranslation();
  const acknowledge = useRouteMutation('backups.acknowledge-warning', ['backups.startup-warning']);
  const { form, refusal, errors, fieldError, busy, onSubmit } = useRouteForm<z.input<typeof AcknowledgeWarningInput>, z.output<typeof AcknowledgeWarningInput>>(AcknowledgeWarningInput, {
    defaultValues: { note: '' },
    fields: ['note'],
  });
  const submit = onSubmit(async (values) => {
    await acknowledge.mutateAsync(values);
    return t('shell.startup-warning.acknowledged');
  }, onDone);
  return (
    <RecordForm
      testId="startup-acknowledge-form"
      onSubmit={submit}
      refusal={refusal.refusal}
      lead={<Text size="sm">{t('shell.startup-warning.acknowledge-intro')}</Text>}
      buttons={<FormButtons onCancel={onDone} submitLabel={t('shell.startup-warning.acknowledge')} busy={busy} danger />}
    >
      <Textarea label={t('shell.startup-warning.note')} withAsterisk autosize minRows={3} {...form.register('note')} error={fieldError(errors.note)} data-testid="startup-acknowledge-note" />
    </RecordForm>
  );
}
