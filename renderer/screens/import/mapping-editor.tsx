// Which column of the file feeds which particular of a device: the core's suggestion (or the mapping
// remembered for these headings) as one select per particular, for the user to change and check again.
import { Alert, Button, Group, Paper, Select, SimpleGrid, Stack, Text } from '@mantine/core';
import { IconAlertTriangle, IconRefresh } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Heading } from '../../components/heading.tsx';
import { type ImportMapping, REQUIRED_IMPORT_FIELDS } from '../../../db/import/contract.ts';
import { FIELD_ORDER, sameMapping, sharedColumns, withColumn, type Preview } from './import-state.ts';

export function MappingEditor({
  headers,
  source,
  checked,
  draft,
  onChange,
  onRecheck,
  busy,
  lookalikes = [],
}: {
  /** Unused columns that look like a field no column feeds. */
  lookalikes?: Preview['lookalikes'];
  headers: readonly string[];
  source: Preview['mapping_source'];
  /** The mapping of the last check. */
  checked: ImportMapping;
  draft: ImportMapping;
  onChange: (mapping: ImportMapping) => void;
  onRecheck: () => void;
  busy: boolean;
}) {
  const { t } = useTranslation();
  const changed = !sameMapping(checked, draft);
  const shared = sharedColumns(draft);
  const options = headers.map((header) => ({ value: header, label: header }));
  return (
    <Paper withBorder p="md" data-testid="mapping-editor">
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start" wrap="nowrap">
          <Heading title={t('importUi.mapping.title')} intro={t('importUi.mapping.intro')}>
            <Text size="xs" c="dimmed" mt={2} data-testid="mapping-source" data-source={source}>
              {t(`import.sources.${source}`)}
              {' · '}
              {t('importUi.mapping.columns-label', { count: headers.length })}
            </Text>
          </Heading>
          <Button
            variant={changed ? 'filled' : 'default'}
            leftSection={<IconRefresh size={16} />}
            disabled={!changed}
            loading={busy}
            onClick={onRecheck}
            data-testid="recheck"
          >
            {t('importUi.mapping.re-preview')}
          </Button>
        </Group>
        {changed ? (
          <Alert color="blue" variant="light" py={6}>
            <Text size="sm">{t('importUi.mapping.changed')}</Text>
          </Alert>
        ) : null}
        {lookalikes
          .filter((look) => draft[look.field] === undefined && !Object.values(draft).includes(look.column))
          .map((look) => (
            <Alert key={look.field} color="yellow" variant="light" py={6} icon={<IconAlertTriangle size={18} />} data-testid="mapping-lookalike" data-field={look.field}>
              <Group justify="space-between" wrap="nowrap" gap="sm">
                <Text size="sm">{t('importUi.mapping.lookalike', { column: look.column, field: t(`import.fields.${look.field}`) })}</Text>
                <Button size="compact-sm" variant="light" color="yellow.9" style={{ flexShrink: 0 }} onClick={() => onChange(withColumn(draft, look.field, look.column))}>
                  {t('importUi.mapping.use-lookalike')}
                </Button>
              </Group>
            </Alert>
          ))}
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="md" verticalSpacing="xs">
          {FIELD_ORDER.map((field) => {
            const others = shared.get(field);
            return (
              <Select
                key={field}
                size="sm"
                label={t(`import.fields.${field}`)}
                withAsterisk={REQUIRED_IMPORT_FIELDS.includes(field)}
                placeholder={t('importUi.mapping.unused')}
                data={options}
                value={draft[field] ?? null}
                onChange={(column) => onChange(withColumn(draft, field, column))}
                clearable
                searchable
                nothingFoundMessage={t('common.nothing-found')}
                comboboxProps={{ withinPortal: true }}
                error={others ? t('importUi.mapping.used-twice', { fields: others.map((other) => t(`import.fields.${other}`)).join(', ') }) : undefined}
                data-field={field}
                data-testid={`map-${field}`}
              />
            );
          })}
        </SimpleGrid>
      </Stack>
    </Paper>
  );
}
