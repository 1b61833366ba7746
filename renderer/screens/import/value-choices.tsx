// Values of the file that match no entry (a category in the office's own words, a room, a department,
// a person not yet known), each once: the user says what it means, an entry to add or one that exists,
// with close matches first. No row is in error for this; a category with no sure match must be chosen.
import { Alert, Badge, Group, Paper, Select, Stack, Table, Text, Title } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { ValueChoice } from '../../../db/import/contract.ts';
import { useCategories } from '../../components/assets/categories.ts';
import { choiceGroups, choiceOf, choiceOption, CREATE, type Preview } from './import-state.ts';

const SOURCE_COLOURS = { given: 'blue', remembered: 'grape', suggested: 'teal', default: 'gray' } as const;

export function ValueChoices({ preview, busy, onChoose }: { preview: Preview; busy: boolean; onChoose: (choice: ValueChoice) => void }) {
  const { t } = useTranslation();
  const categories = useCategories();
  const waiting = preview.values.filter((value) => value.choice === null).length;
  return (
    <Paper withBorder p="md" data-testid="import-values" style={{ opacity: busy ? 0.6 : 1 }}>
      <Stack gap="sm">
        <div>
          <Title order={3} size="h5">
            {t('importUi.values.title')}
            {` (${preview.values.length})`}
          </Title>
          <Text size="sm" c="dimmed">
            {t('importUi.values.hint')}
          </Text>
        </div>
        {waiting > 0 ? (
          <Alert color="orange" variant="light" icon={<IconAlertTriangle size={18} />} data-testid="values-unresolved">
            {t('importUi.values.unresolved', { count: waiting })}
          </Alert>
        ) : null}
        <Table.ScrollContainer minWidth={720}>
          <Table verticalSpacing={6} layout="fixed" withRowBorders data-testid="import-values-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th w="18%">{t('importUi.values.columns.field')}</Table.Th>
                <Table.Th w="28%">{t('importUi.values.columns.value')}</Table.Th>
                <Table.Th w={72}>{t('importUi.values.columns.rows')}</Table.Th>
                <Table.Th>{t('importUi.values.columns.choice')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {preview.values.map((value) => {
                // "Add as new" stands alone, the value itself being beside it; categories in the user's
                // language, places and people as they are registered.
                const groups = choiceGroups(value, preview.entries, preview.can_create_categories).map((group) =>
                  group.group === 'create'
                    ? { value: CREATE, label: t('importUi.values.create') }
                    : {
                        group: t(`importUi.values.groups.${group.group}`),
                        items: group.items.map((item) => (value.field === 'category' ? { ...item, label: categories.name(item.value) } : item)),
                      },
                );
                return (
                  <Table.Tr key={`${value.field}:${value.value}`} data-field={value.field} data-value={value.value} data-testid="value-row">
                    <Table.Td style={{ verticalAlign: 'top' }}>
                      <Text size="sm" fw={500}>
                        {t(`import.fields.${value.field}`)}
                      </Text>
                    </Table.Td>
                    <Table.Td style={{ verticalAlign: 'top' }}>
                      <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
                        {value.value}
                      </Text>
                      <Text size="xs" c="dimmed">
                        {t('importUi.values.first-row', { row: value.first_row })}
                      </Text>
                    </Table.Td>
                    <Table.Td style={{ verticalAlign: 'top' }}>
                      <Text size="sm" ff="monospace">
                        {value.rows}
                      </Text>
                    </Table.Td>
                    <Table.Td style={{ verticalAlign: 'top' }}>
                      <Group gap="xs" wrap="nowrap" align="flex-start">
                        <Select
                          size="sm"
                          style={{ flex: 1, minWidth: 0 }}
                          data={groups}
                          value={choiceOption(value)}
                          placeholder={t('importUi.values.choose')}
                          onChange={(option) => {
                            if (typeof option === 'string' && option !== '') onChoose(choiceOf(value, option));
                          }}
                          searchable
                          allowDeselect={false}
                          disabled={busy}
                          nothingFoundMessage={t('common.nothing-found')}
                          comboboxProps={{ withinPortal: true }}
                          error={value.choice === null ? true : undefined}
                          aria-label={t('importUi.values.choice-for', { value: value.value })}
                          data-testid="value-choice"
                        />
                        {value.source ? (
                          <Badge size="sm" variant="light" color={SOURCE_COLOURS[value.source]} mt={6} style={{ flexShrink: 0 }}>
                            {t(`import.value-sources.${value.source}`)}
                          </Badge>
                        ) : null}
                      </Group>
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Stack>
    </Paper>
  );
}

/** The lines that are not devices, shown so nothing leaves the file unseen. */
export function SkippedRows({ preview }: { preview: Preview }) {
  const { t } = useTranslation();
  if (preview.skipped_rows.length === 0) return null;
  return (
    <Paper withBorder p="md" data-testid="import-skipped">
      <Stack gap="xs">
        <div>
          <Title order={3} size="h5">
            {t('importUi.preview.skipped-title')}
            {` (${preview.skipped_rows.length})`}
          </Title>
          <Text size="sm" c="dimmed">
            {t('importUi.preview.skipped-hint')}
          </Text>
        </div>
        <Table verticalSpacing={4} layout="fixed" data-testid="import-skipped-table">
          <Table.Tbody>
            {preview.skipped_rows.slice(0, 50).map((line) => (
              <Table.Tr key={line.row} data-row={line.row}>
                <Table.Td w={64}>
                  <Text size="sm" ff="monospace">
                    {line.row}
                  </Text>
                </Table.Td>
                <Table.Td w="24%">
                  <Text size="sm">{t(`import.skip-reasons.${line.reason}`)}</Text>
                </Table.Td>
                <Table.Td>
                  <Text size="sm" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
                    {line.text}
                  </Text>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Stack>
    </Paper>
  );
}
