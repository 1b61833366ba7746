// Small pieces the maintenance tabs share: a table cell that shows a dash for nothing, row actions
// (edit for those who may, history for everyone), and the history drawer.
import { ActionIcon, Drawer, Group, Table, Text, Tooltip } from '@mantine/core';
import { IconHistory, IconPencil } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { HistoryTimeline } from '../../components/history-timeline.tsx';

export function Cell({ value, mono, strong, fit }: { value: string; mono?: boolean; strong?: boolean; fit?: string }) {
  return (
    <Table.Td>
      <Text size="sm" className="wrap-words" fw={strong ? 500 : undefined} ff={mono && value ? 'monospace' : undefined} c={value ? undefined : 'dimmed'} data-fit={fit}>
        {value || '—'}
      </Text>
    </Table.Td>
  );
}

export function RowActions({ onEdit, onHistory }: { onEdit?: (() => void) | null; onHistory: () => void }) {
  const { t } = useTranslation();
  return (
    <Group gap={4} wrap="nowrap" justify="flex-end">
      {onEdit ? (
        <Tooltip label={t('common.edit')}>
          <ActionIcon variant="subtle" color="gray" onClick={onEdit} aria-label={t('common.edit')} data-testid="edit">
            <IconPencil size={16} />
          </ActionIcon>
        </Tooltip>
      ) : null}
      <Tooltip label={t('common.history')}>
        <ActionIcon variant="subtle" color="gray" onClick={onHistory} aria-label={t('common.history')}>
          <IconHistory size={16} />
        </ActionIcon>
      </Tooltip>
    </Group>
  );
}

export function HistoryDrawer({ entity, name, onClose }: { entity: string | null; name: string; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Drawer
      opened={entity !== null}
      onClose={onClose}
      position="right"
      size="lg"
      title={t('maintenanceUi.history-title', { name })}
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      {entity ? <HistoryTimeline entity={entity} /> : null}
    </Drawer>
  );
}
