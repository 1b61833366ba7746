// "Check a printed page": the code under a form's QR code is typed, or a scanner types the QR code's
// text, and the core says whether this file still holds the records as they were when it was printed,
// and whether the entries the page shows are unchanged since.
import { Alert, Button, Group, List, Paper, Stack, Text, Textarea } from '@mantine/core';
import { IconAlertTriangle, IconCircleCheck, IconInfoCircle, IconSearch } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../db/contract/days.ts';
import type { RouteOutput } from '../../../db/contract/routes.ts';
import { useRouteMutation } from '../../client/context.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { RefusalAlert } from '../../components/refusal-alert.tsx';

type Checked = RouteOutput<'documents.check'>;

export function CheckPageScreen() {
  const { t } = useTranslation();
  const check = useRouteMutation('documents.check');
  const [code, setCode] = useState('');
  const [checked, setChecked] = useState<Checked | null>(null);

  const submit = async () => {
    setChecked(null);
    try {
      setChecked(await check.mutateAsync({ page_code: code }));
    } catch {
      // The refusal is shown under the field.
    }
  };

  return (
    <Stack gap="md" data-testid="check-page-screen">
      <PageHeader title={t('checkPage.title')} description={t('checkPage.intro')} />
      <Paper withBorder p="md" maw={760}>
        <form
          onSubmit={(event) => {
            event.preventDefault();
            void submit();
          }}
        >
          <Stack gap="sm">
            <Textarea
              label={t('checkPage.code')}
              description={t('checkPage.code-hint')}
              value={code}
              onChange={(event) => setCode(event.currentTarget.value)}
              autosize
              minRows={2}
              maxRows={6}
              autoFocus
              data-testid="check-page-code"
            />
            {check.isError ? <RefusalAlert error={check.error} /> : null}
            <Group>
              <Button type="submit" leftSection={<IconSearch size={16} />} loading={check.isPending} disabled={code.trim() === ''} data-testid="check-page-submit">
                {t('checkPage.check')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Paper>
      {checked ? <Verdict checked={checked} /> : null}
      <Paper withBorder p="md" maw={760}>
        <Text fw={600} size="sm" mb={4}>
          {t('checkPage.why-title')}
        </Text>
        <List size="sm" spacing={4}>
          <List.Item>{t('checkPage.why-1')}</List.Item>
          <List.Item>{t('checkPage.why-2')}</List.Item>
          <List.Item>{t('checkPage.why-3')}</List.Item>
        </List>
      </Paper>
    </Stack>
  );
}

function Verdict({ checked }: { checked: Checked }) {
  const { t } = useTranslation();
  const held = checked.head === 'held';
  return (
    <Stack gap="sm" maw={760} data-testid="check-page-verdict" data-head={checked.head} data-entries={checked.entries}>
      <Alert color={held ? 'teal' : 'red'} icon={held ? <IconCircleCheck size={18} /> : <IconAlertTriangle size={18} />} title={t(held ? 'checkPage.held-title' : 'checkPage.not-held-title')}>
        {held ? t('checkPage.held', { date: formatDateTime(checked.printed_at) }) : t('checkPage.not-held')}
      </Alert>
      {checked.entries === 'not-checked' ? (
        <Alert color="gray" icon={<IconInfoCircle size={18} />}>
          {t('checkPage.entries-not-checked')}
        </Alert>
      ) : (
        <Alert color={checked.entries === 'unchanged' ? 'teal' : 'orange'} icon={checked.entries === 'unchanged' ? <IconCircleCheck size={18} /> : <IconAlertTriangle size={18} />}>
          {t(checked.entries === 'unchanged' ? 'checkPage.entries-unchanged' : 'checkPage.entries-changed')}
        </Alert>
      )}
    </Stack>
  );
}
