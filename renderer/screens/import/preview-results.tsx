// The dry run of an import: how many rows are ready, every row in error with each error in the user's
// language, and the first rows as they would be registered. The import button lives here, and opens
// only when there is nothing left to correct.
import { Alert, Badge, Button, Checkbox, Group, Pagination, Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { IconAlertTriangle, IconCircleCheck, IconCopy, IconDatabaseImport, IconFileDownload, IconInfoCircle } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImportMapping } from '../../../db/import/contract.ts';
import { useCategories } from '../../components/assets/categories.ts';
import { formatTzs } from '../../components/assets/money.ts';
import { Heading } from '../../components/heading.tsx';
import { formatDate } from '../../../db/contract/days.ts';
import { errorLines, isDuplicate, pageCount, pageOf, readiness, rowsToImport, type Preview, type Readiness } from './import-state.ts';

const ROWS_PER_PAGE = 25;

const BLOCKED: Record<Exclude<Readiness, 'ready'>, string> = {
  'mapping-changed': 'importUi.commit.blocked-changed',
  unmapped: 'importUi.commit.blocked',
  'no-rows': 'importUi.commit.blocked',
  'values-unresolved': 'importUi.commit.blocked-values',
  'has-errors': 'importUi.commit.blocked',
};

/** The verdict and the import button, beside the file. */
export function PreviewSummary({
  preview,
  draft,
  busy,
  leaveOut,
  onLeaveOut,
  onSaveRejects,
  saving,
  onImport,
}: {
  preview: Preview;
  draft: ImportMapping;
  busy: boolean;
  leaveOut: boolean;
  onLeaveOut: (leave: boolean) => void;
  onSaveRejects: () => void;
  saving: boolean;
  onImport: () => void;
}) {
  const { t } = useTranslation();
  const state = readiness(preview, draft, leaveOut);
  const count = rowsToImport(preview);
  return (
    <Paper withBorder p="md" data-testid="import-preview" style={{ opacity: busy ? 0.6 : 1, flex: 1 }}>
      <Stack gap="sm">
        <Group justify="space-between" align="center" wrap="nowrap">
          <Title order={3} size="h5">
            {t('importUi.preview.title')}
          </Title>
          <Badge variant="light" color="blue" leftSection={<IconInfoCircle size={12} />}>
            {t('importUi.preview.dry-run')}
          </Badge>
        </Group>
        <SimpleGrid cols={4} spacing="sm">
          <Stat label={t('importUi.preview.rows')} value={preview.rows.total} testId="count-total" />
          <Stat label={t('importUi.preview.valid')} value={preview.rows.valid} color="flag.8" testId="count-valid" />
          <Stat label={t('importUi.preview.invalid')} value={preview.rows.invalid} color={preview.rows.invalid > 0 ? 'red.8' : undefined} testId="count-invalid" />
          <Stat label={t('importUi.preview.skipped')} value={preview.rows.skipped} color="dimmed" testId="count-skipped" />
        </SimpleGrid>
        {preview.unmapped_required.length > 0 ? (
          <Alert color="yellow" variant="light" icon={<IconAlertTriangle size={18} />} data-testid="unmapped-required">
            {t('importUi.preview.unmapped-required', { fields: preview.unmapped_required.map((field) => t(`import.fields.${field}`)).join(', ') })}
          </Alert>
        ) : null}
        {preview.rows.total === 0 ? (
          <Alert color="yellow" variant="light" icon={<IconAlertTriangle size={18} />}>
            {t('importUi.preview.no-rows')}
          </Alert>
        ) : null}
        {preview.rows.total > 0 && preview.rows.invalid === 0 ? (
          <Alert color="flag" variant="light" icon={<IconCircleCheck size={18} />} data-testid="no-errors">
            {t('importUi.preview.no-errors', { count: preview.rows.total })}
          </Alert>
        ) : null}
        {preview.rows.invalid > 0 && preview.rows.valid > 0 ? (
          <Group justify="space-between" align="center" gap="sm" data-testid="leave-out-group">
            <Checkbox
              checked={leaveOut}
              onChange={(event) => onLeaveOut(event.currentTarget.checked)}
              label={t('importUi.commit.leave-out', { count: preview.rows.invalid, valid: preview.rows.valid })}
              disabled={busy}
              style={{ flex: 1, minWidth: 240 }}
              data-testid="leave-out"
            />
            <Button variant="default" size="xs" leftSection={<IconFileDownload size={14} />} onClick={onSaveRejects} loading={saving} disabled={busy} data-testid="save-rejects">
              {t('importUi.commit.save-rejects')}
            </Button>
          </Group>
        ) : null}
        <Group justify="space-between" align="center" wrap="nowrap" gap="md">
          <Stack gap={2} data-testid="import-readiness" data-state={state}>
            {state !== 'ready' ? (
              <Text size="sm" fw={500} c="orange.9" data-testid="import-blocked">
                {t(BLOCKED[state])}
              </Text>
            ) : null}
            <Text size="sm" c={state === 'ready' ? undefined : 'dimmed'} data-testid="all-or-nothing">
              {t('importUi.commit.all-or-nothing')}
            </Text>
          </Stack>
          <Stack gap={2} align="center" style={{ flexShrink: 0 }}>
            <Button leftSection={<IconDatabaseImport size={16} />} disabled={state !== 'ready' || busy} onClick={onImport} data-testid="import-button">
              {t('importUi.commit.button', { count })}
            </Button>
            {preview.rows.invalid > 0 && count > 0 ? (
              <Text size="xs" c="dimmed" data-testid="import-button-without">
                {t('importUi.commit.button-without', { count: preview.rows.invalid })}
              </Text>
            ) : null}
          </Stack>
        </Group>
      </Stack>
    </Paper>
  );
}

/** Every row in error, then a sample of what would be registered. */
export function PreviewDetails({ preview, busy }: { preview: Preview; busy: boolean }) {
  return (
    <Stack gap="md" style={{ opacity: busy ? 0.6 : 1 }}>
      {preview.invalid_rows.length > 0 ? <ErrorTable rows={preview.invalid_rows} /> : null}
      {preview.sample.length > 0 ? <SampleTable sample={preview.sample} /> : null}
    </Stack>
  );
}

function Stat({ label, value, color, testId }: { label: string; value: number; color?: string; testId: string }) {
  return (
    <Paper withBorder p="sm" radius="sm">
      <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
        {label}
      </Text>
      <Text size="xl" fw={700} c={color} data-testid={testId}>
        {value.toLocaleString('en-GB')}
      </Text>
    </Paper>
  );
}

function ErrorTable({ rows }: { rows: Preview['invalid_rows'] }) {
  const { t } = useTranslation();
  const [page, setPage] = useState(1);
  const pages = pageCount(rows.length, ROWS_PER_PAGE);
  const current = Math.min(page, pages);
  const lines = errorLines(pageOf(rows, current, ROWS_PER_PAGE));
  return (
    <Paper withBorder p="md" data-testid="import-errors">
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start" wrap="nowrap">
          <div>
            <Title order={3} size="h5" c="red.8">
              {t('importUi.preview.errors-title')}
              {` (${rows.length})`}
            </Title>
            <Text size="sm" c="dimmed">
              {t('importUi.preview.errors-hint')}
            </Text>
          </div>
        </Group>
        <Table.ScrollContainer minWidth={640}>
          <Table verticalSpacing={6} layout="fixed" withRowBorders data-testid="import-errors-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th w={64}>{t('importUi.preview.columns.row')}</Table.Th>
                <Table.Th w="27%">{t('importUi.preview.columns.field')}</Table.Th>
                <Table.Th w="20%">{t('importUi.preview.columns.value')}</Table.Th>
                <Table.Th>{t('importUi.preview.columns.error')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {lines.map((line, i) => (
                <Table.Tr key={`${line.row}:${i}`} data-row={line.row} data-duplicate={isDuplicate(line.error)}>
                  {line.span > 0 ? (
                    <Table.Td rowSpan={line.span} style={{ verticalAlign: 'top' }} bg="red.0" data-testid="error-row-number">
                      <Text size="sm" fw={700} ff="monospace">
                        {line.row}
                      </Text>
                    </Table.Td>
                  ) : null}
                  <Table.Td style={{ verticalAlign: 'top' }}>
                    <Text size="sm" fw={500}>
                      {t(`import.fields.${line.error.field}`)}
                    </Text>
                    {line.error.column ? (
                      <Text size="xs" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
                        {t('importUi.preview.column-of', { column: line.error.column })}
                      </Text>
                    ) : null}
                  </Table.Td>
                  <Table.Td style={{ verticalAlign: 'top' }}>
                    <Text size="sm" ff={line.error.value ? 'monospace' : undefined} c={line.error.value ? undefined : 'dimmed'} style={{ overflowWrap: 'anywhere' }}>
                      {line.error.value || t('importUi.preview.empty-value')}
                    </Text>
                  </Table.Td>
                  <Table.Td style={{ verticalAlign: 'top' }}>
                    <Group gap={6} wrap="nowrap" align="flex-start">
                      {isDuplicate(line.error) ? (
                        <Badge size="sm" color="orange" variant="light" leftSection={<IconCopy size={11} />} style={{ flexShrink: 0 }}>
                          {t('importUi.preview.duplicate')}
                        </Badge>
                      ) : null}
                      <Text size="sm" c="red.9" data-testid="error-message">
                        {t(line.error.message, line.error.params ?? {})}
                      </Text>
                    </Group>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
        {pages > 1 ? (
          <Group justify="center">
            <Pagination total={pages} value={current} onChange={setPage} size="sm" />
          </Group>
        ) : null}
      </Stack>
    </Paper>
  );
}

function SampleTable({ sample }: { sample: Preview['sample'] }) {
  const { t } = useTranslation();
  const categories = useCategories();
  return (
    <Paper withBorder p="md" data-testid="import-sample">
      <Stack gap="sm">
        <Heading title={t('importUi.preview.sample-title')} intro={t('importUi.preview.sample-hint', { count: sample.length })} />
        <Table.ScrollContainer minWidth={760}>
          <Table verticalSpacing={4} striped="even" layout="fixed" data-testid="import-sample-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th w={56}>{t('importUi.preview.columns.row')}</Table.Th>
                <Table.Th w="20%">{t('import.fields.tag')}</Table.Th>
                <Table.Th w="15%">{t('import.fields.category')}</Table.Th>
                <Table.Th>{t('importUi.preview.make-model')}</Table.Th>
                <Table.Th w="15%">{t('import.fields.serial')}</Table.Th>
                <Table.Th w={104}>{t('import.fields.purchase_date')}</Table.Th>
                <Table.Th w={118}>{t('import.fields.cost_tzs')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {sample.map(({ row, tag, values }) => (
                <Table.Tr key={row} data-row={row}>
                  <Table.Td>
                    <Text size="sm" ff="monospace">
                      {row}
                    </Text>
                  </Table.Td>
                  {values ? (
                    <>
                      <Table.Td>
                        <Text size="sm" ff="monospace" c={tag ? undefined : 'dimmed'} style={{ whiteSpace: 'nowrap' }}>
                          {tag ?? t('importUi.preview.tag-to-come')}
                        </Text>
                      </Table.Td>
                      <Table.Td>
                        <Text size="sm">
                          {categories.name(values.category)}
                        </Text>
                      </Table.Td>
                      <Table.Td>
                        <Text size="sm">
                          {`${values.make} ${values.model}`}
                        </Text>
                      </Table.Td>
                      <Table.Td>
                        <Text size="sm" ff="monospace" style={{ whiteSpace: 'nowrap' }}>
                          {values.serial || '—'}
                        </Text>
                      </Table.Td>
                      <Table.Td>
                        <Text size="sm">{values.purchase_date ? formatDate(values.purchase_date) : '—'}</Text>
                      </Table.Td>
                      <Table.Td>
                        <Text size="sm" ta="right">
                          {values.cost_tzs === null ? '—' : formatTzs(values.cost_tzs)}
                        </Text>
                      </Table.Td>
                    </>
                  ) : (
                    <Table.Td colSpan={6}>
                      <Badge size="sm" color="red" variant="light">
                        {t('importUi.preview.sample-has-errors')}
                      </Badge>
                    </Table.Td>
                  )}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Stack>
    </Paper>
  );
}
