// Pieces the sync tabs share: a key fingerprint set large enough to read out by phone, a hash, a
// labelled value, and the 3.6.9 reminder to wipe a bundle from the transfer medium and record it.
import { ActionIcon, Alert, Box, Button, CopyButton, Group, List, Stack, Text, Textarea, Tooltip } from '@mantine/core';
import { IconCheck, IconCircleCheck, IconCopy, IconEraser } from '@tabler/icons-react';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useRouteMutation } from '../../client/context.tsx';
import { RefusalAlert } from '../../components/refusal-alert.tsx';
import { groupHash } from './sync-helpers.ts';

export function CopyValue({ value }: { value: string }) {
  const { t } = useTranslation();
  return (
    <CopyButton value={value} timeout={1500}>
      {({ copied, copy }) => (
        <Tooltip label={t(copied ? 'syncUi.copied' : 'syncUi.copy')} withArrow>
          <ActionIcon variant="subtle" color={copied ? 'flag' : 'gray'} onClick={copy} aria-label={t('syncUi.copy')}>
            {copied ? <IconCheck size={16} /> : <IconCopy size={16} />}
          </ActionIcon>
        </Tooltip>
      )}
    </CopyButton>
  );
}

/** The fingerprint as people compare it: large, monospace, in its groups of four. */
export function Fingerprint({ value, size = 'xl' }: { value: string; size?: 'md' | 'lg' | 'xl' }) {
  return (
    <Text ff="monospace" fw={700} size={size} style={{ letterSpacing: '0.06em', wordSpacing: '0.3em' }} data-testid="fingerprint">
      {value}
    </Text>
  );
}

export function HashText({ value }: { value: string }) {
  return (
    <Text ff="monospace" size="sm" style={{ wordBreak: 'break-word' }} data-testid="content-hash">
      {groupHash(value)}
    </Text>
  );
}

/** A label above its value, for the particulars of a bundle or an installation. */
export function Particular({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Box style={{ minWidth: 0 }}>
      <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
        {label}
      </Text>
      {typeof children === 'string' ? (
        <Text size="sm" style={{ wordBreak: 'break-word' }}>
          {children}
        </Text>
      ) : (
        children
      )}
    </Box>
  );
}

/**
 * 3.6.9: once the receiver has the bundle, it is deleted from the transfer medium and the deletion is
 * recorded. After an export the reminder lists the steps; after an import the transfer is complete.
 */
export function WipeReminder({ transferId, fileName, after }: { transferId: string; fileName: string; after: 'export' | 'import' }) {
  const { t } = useTranslation();
  const record = useRouteMutation('sync.record-wipe', ['sync.transfers']);
  const [note, setNote] = useState('');
  const [recorded, setRecorded] = useState(false);

  if (recorded) {
    return (
      <Alert color="flag" variant="light" icon={<IconCircleCheck size={18} />} data-testid="wipe-recorded">
        {t('syncUi.wipe.recorded', { file: fileName })}
      </Alert>
    );
  }

  const submit = async () => {
    try {
      await record.mutateAsync({ transfer_id: transferId, note });
      setRecorded(true);
    } catch {
      // The alert below shows the refusal.
    }
  };

  return (
    <Alert color="yellow" variant="light" icon={<IconEraser size={18} />} title={t('syncUi.wipe.title')} data-testid="wipe-reminder">
      <Stack gap="sm">
        {after === 'export' ? (
          <List type="ordered" size="sm" spacing={4}>
            <List.Item>{t('syncUi.wipe.step-copy')}</List.Item>
            <List.Item>{t('syncUi.wipe.step-delete')}</List.Item>
            <List.Item>{t('syncUi.wipe.step-record')}</List.Item>
          </List>
        ) : (
          <Text size="sm">{t('syncUi.wipe.after-import', { file: fileName })}</Text>
        )}
        {record.isError ? <RefusalAlert error={record.error} /> : null}
        <Group align="flex-end" gap="sm" wrap="nowrap">
          <Textarea
            style={{ flex: 1 }}
            label={t('syncUi.wipe.note')}
            placeholder={t('syncUi.wipe.note-example')}
            autosize
            minRows={1}
            maxRows={3}
            maxLength={300}
            value={note}
            onChange={(event) => setNote(event.currentTarget.value)}
            data-testid="wipe-note"
          />
          <Button color="dark" leftSection={<IconEraser size={16} />} loading={record.isPending} onClick={() => void submit()} data-testid="record-wipe">
            {t('syncUi.wipe.record')}
          </Button>
        </Group>
        <Text size="xs" c="dimmed">
          {t('syncUi.wipe.later')}
        </Text>
      </Stack>
    </Alert>
  );
}
