// The pieces every list of records shares: the loading / refusal / empty states around a query, a table
// whose header is a list of columns, a cell that shows a dash for nothing, the "in use" switch that
// deactivates or restores a record, row actions (edit for those who may, history for everyone) and the
// history drawer.
import { ActionIcon, Drawer, Group, Switch, Table, Text, Tooltip, type TableThProps } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconHistory, IconPencil } from '@tabler/icons-react';
import { useState, type CSSProperties, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { HistoryTimeline } from './history-timeline.tsx';
import { RefusalAlert } from './refusal-alert.tsx';
import { Loading } from './states.tsx';

interface ListQuery<Row> {
  isPending: boolean;
  isError: boolean;
  error: unknown;
  data: readonly Row[] | undefined;
}

/** Loading, then the refusal, the empty state or the rows: a list is never just blank. */
export function QueryRows<Row>({ query, empty, children }: { query: ListQuery<Row>; empty: ReactNode; children: (rows: readonly Row[]) => ReactNode }) {
  return (
    <>
      {query.isPending ? <Loading /> : null}
      {query.isError ? <RefusalAlert error={query.error} /> : null}
      {query.data && query.data.length === 0 ? empty : null}
      {query.data && query.data.length > 0 ? children(query.data) : null}
    </>
  );
}

export interface Column {
  /** The heading; none for the actions column, which is named for screen readers instead. */
  label?: string;
  w?: TableThProps['w'];
  ta?: TableThProps['ta'];
  /** The actions column: no heading, named "actions" for screen readers. */
  actions?: boolean;
}

export function ListTable({
  columns,
  minWidth,
  testId,
  highlight,
  fixed = true,
  style,
  children,
}: {
  columns: readonly Column[];
  minWidth: number;
  testId: string;
  highlight?: boolean;
  fixed?: boolean;
  style?: CSSProperties;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <Table.ScrollContainer minWidth={minWidth}>
      <Table highlightOnHover={highlight} verticalSpacing="xs" striped="even" layout={fixed ? 'fixed' : undefined} data-testid={testId} style={style}>
        <Table.Thead>
          <Table.Tr>
            {columns.map((column, index) =>
              column.actions ? (
                <Table.Th key={index} w={column.w} aria-label={t('common.actions')} />
              ) : (
                <Table.Th key={index} w={column.w} ta={column.ta}>
                  {column.label}
                </Table.Th>
              ),
            )}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>{children}</Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

export function TextCell({ value, mono, strong, fit }: { value: string | null; mono?: boolean; strong?: boolean; fit?: string }) {
  return (
    <Table.Td>
      <Text size="sm" className="wrap-words" fw={strong ? 500 : undefined} ff={mono && value ? 'monospace' : undefined} c={value ? undefined : 'dimmed'} data-fit={fit}>
        {value || '—'}
      </Text>
    </Table.Td>
  );
}

/**
 * Deactivating or restoring a record from its row: `save` calls the route with the record's fields and
 * the new state; a refusal is kept for the alert above the list.
 */
export function useActiveToggle<Row extends { active: number }>(save: (row: Row, active: boolean) => Promise<unknown>, done: (row: Row) => string) {
  const [error, setError] = useState<unknown>(null);
  const toggle = async (row: Row) => {
    setError(null);
    try {
      await save(row, row.active !== 1);
      notifications.show({ color: 'flag', message: done(row) });
    } catch (thrown) {
      setError(thrown);
    }
  };
  const alert = error ? <RefusalAlert error={error} onClose={() => setError(null)} /> : null;
  return { toggle, alert };
}

export function RowActions({ onEdit, onHistory }: { onEdit?: (() => void) | null; onHistory: () => void }) {
  const { t } = useTranslation();
  return (
    <Table.Td>
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
    </Table.Td>
  );
}

export function HistoryDrawer({ entity, title, onClose }: { entity: string | null; title: string; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Drawer opened={entity !== null} onClose={onClose} position="right" size="lg" title={title} closeButtonProps={{ 'aria-label': t('common.close') }}>
      {entity ? <HistoryTimeline entity={entity} /> : null}
    </Drawer>
  );
}

/**
 * A table of records that can be put out of use: the kind's own columns, then the in-use switch and the
 * row actions. A record out of use may be dimmed (`dimInactive`).
 */
export function ActiveRecordTable<Row extends { id: string; active: number }>({
  rows,
  columns,
  cells,
  rowProps,
  activeLabel,
  yes,
  no,
  widths,
  updating,
  onToggle,
  onEdit,
  onHistory,
  dimInactive,
  ...table
}: {
  rows: readonly Row[];
  columns: readonly Column[];
  cells: (row: Row) => ReactNode;
  rowProps?: (row: Row) => Record<`data-${string}`, string | number>;
  activeLabel: string;
  yes: string;
  no: string;
  /** The widths of the in-use and actions columns. */
  widths: [number, number];
  updating: boolean;
  onToggle: (row: Row) => void;
  onEdit: (row: Row) => void;
  onHistory: (row: Row) => void;
  dimInactive?: boolean;
  minWidth: number;
  testId: string;
  highlight?: boolean;
  style?: CSSProperties;
}) {
  return (
    <ListTable {...table} columns={[...columns, { label: activeLabel, w: widths[0] }, { actions: true, w: widths[1] }]}>
      {rows.map((row) => (
        <Table.Tr key={row.id} {...rowProps?.(row)} style={dimInactive ? { opacity: row.active === 1 ? 1 : 0.65 } : undefined}>
          {cells(row)}
          <Table.Td>
            <Switch checked={row.active === 1} disabled={!updating} onChange={() => onToggle(row)} aria-label={activeLabel} label={row.active === 1 ? yes : no} />
          </Table.Td>
          <RowActions onEdit={updating ? () => onEdit(row) : null} onHistory={() => onHistory(row)} />
        </Table.Tr>
      ))}
    </ListTable>
  );
}

/** Which record a list is creating, editing or showing the history of. */
export function useRecordDialogs<Row>() {
  const [creating, setCreating] = useState(false);
  const [editing, setEditing] = useState<Row | null>(null);
  const [viewing, setViewing] = useState<Row | null>(null);
  return {
    creating,
    editing,
    viewing,
    create: () => setCreating(true),
    edit: setEditing,
    view: setViewing,
    formOpen: creating || editing !== null,
    closeForm: () => (setCreating(false), setEditing(null)),
    closeHistory: () => setViewing(null),
  };
}
