// The register's own settings, for the administrator: how asset tags are made (with a live preview of
// the next one) and the institution's own device categories beside the built-in ones.
import { zodResolver } from '@hookform/resolvers/zod';
import { Badge, Button, Checkbox, Code, Group, Modal, Paper, ScrollArea, Select, SimpleGrid, Stack, Table, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { Controller, useForm, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { CategoryInput, formatTag, TAG_PLACEHOLDERS, TagFormatInput } from '../../../db/assets/contract.ts';
import { useRouteMutation, useRouteQuery } from '../../client/context.tsx';
import { useCategories } from '../../components/assets/categories.ts';
import { todayInDar } from '../../components/assets/days.ts';
import { RefusalAlert } from '../../components/refusal-alert.tsx';
import { Loading } from '../../components/states.tsx';
import { useFieldError, useRefusal } from '../../components/use-refusal.ts';
import { Heading } from '../../components/heading.tsx';
import { isUsableFormat } from '../maintenance/tag-format.ts';

export function RegisterSettings() {
  return (
    <Stack gap="md" data-testid="register-settings">
      <Paper withBorder p="md">
        <TagFormatSection />
      </Paper>
      <Paper withBorder p="md">
        <CategoriesSection />
      </Paper>
    </Stack>
  );
}

function TagFormatSection() {
  const proposal = useRouteQuery('assets.propose-tag', { category: 'other' });
  const institution = useRouteQuery('institution.get', {});
  if (proposal.isPending || institution.isPending) return <Loading />;
  if (proposal.isError) return <RefusalAlert error={proposal.error} />;
  if (institution.isError) return <RefusalAlert error={institution.error} />;
  return (
    <TagFormatForm
      key={proposal.data.format}
      format={proposal.data.format}
      seq={proposal.data.seq}
      code={institution.data?.code ?? ''}
    />
  );
}

function TagFormatForm({ format, seq, code }: { format: string; seq: number; code: string }) {
  const { t } = useTranslation();
  const categories = useCategories();
  const [category, setCategory] = useState<string>('laptop');
  const year = Number(todayInDar().slice(0, 4));
  const form = useForm<z.input<typeof TagFormatInput>, unknown, z.output<typeof TagFormatInput>>({
    resolver: zodResolver(TagFormatInput),
    defaultValues: { tag_format: format },
    mode: 'onChange',
  });
  const typed = useWatch({ control: form.control, name: 'tag_format' }) ?? '';
  const save = useRouteMutation('assets.set-tag-format', ['assets.propose-tag']);
  const refusal = useRefusal(form.setError, ['tag_format']);
  const fieldError = useFieldError(refusal.refusal?.params);
  const usable = isUsableFormat(typed);

  const submit = form.handleSubmit(async (values) => {
    refusal.clear();
    try {
      await save.mutateAsync(values);
      notifications.show({ color: 'flag', message: t('maintenanceUi.registerSettings.tag.saved') });
    } catch (error) {
      refusal.show(error);
    }
  });

  const explanations: Record<(typeof TAG_PLACEHOLDERS)[number], string> = {
    CODE: t('maintenanceUi.registerSettings.tag.placeholder.CODE', { code }),
    CAT: t('maintenanceUi.registerSettings.tag.placeholder.CAT'),
    YYYY: t('maintenanceUi.registerSettings.tag.placeholder.YYYY', { year }),
    SEQ: t('maintenanceUi.registerSettings.tag.placeholder.SEQ'),
  };

  return (
    <form onSubmit={submit} noValidate data-testid="tag-format-form">
      <Stack gap="sm">
        <Heading title={t('maintenanceUi.registerSettings.tag.title')} intro={t('maintenanceUi.registerSettings.tag.intro')} />
        <RefusalAlert error={refusal.refusal} />
        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
          <Stack gap="sm">
            <TextInput
              label={t('maintenanceUi.registerSettings.tag.format')}
              placeholder={t('maintenanceUi.registerSettings.tag.format-example')}
              description={t('maintenanceUi.registerSettings.tag.current', { format })}
              styles={{ input: { fontFamily: 'monospace' } }}
              {...form.register('tag_format')}
              error={fieldError(form.formState.errors.tag_format)}
              data-testid="tag-format"
            />
            <Select
              label={t('maintenanceUi.registerSettings.tag.preview-category')}
              data={categories.options(category)}
              value={category}
              onChange={(value) => value && setCategory(value)}
              allowDeselect={false}
              searchable
              nothingFoundMessage={t('common.nothing-found')}
              comboboxProps={{ withinPortal: true }}
            />
            <Paper bg={usable ? 'flag.0' : 'yellow.0'} p="sm" radius="sm">
              <Text size="xs" c="dimmed">
                {t('maintenanceUi.registerSettings.tag.preview')}
              </Text>
              {usable ? (
                <Text fw={700} ff="monospace" size="lg" style={{ overflowWrap: 'anywhere' }} data-testid="tag-preview">
                  {formatTag(typed.trim(), { code, category, year, seq })}
                </Text>
              ) : (
                <Text size="sm" c="yellow.9">
                  {t('maintenanceUi.registerSettings.tag.preview-invalid')}
                </Text>
              )}
            </Paper>
          </Stack>
          <Stack gap={4}>
            <Text size="sm" fw={500}>
              {t('maintenanceUi.registerSettings.tag.placeholders')}
            </Text>
            <Table withTableBorder verticalSpacing={6} layout="fixed">
              <Table.Tbody>
                {TAG_PLACEHOLDERS.map((name) => (
                  <Table.Tr key={name}>
                    <Table.Td w={80}>
                      <Code>{`{${name}}`}</Code>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">{explanations[name]}</Text>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Stack>
        </SimpleGrid>
        <Group justify="flex-end">
          <Button type="submit" loading={form.formState.isSubmitting} disabled={!form.formState.isDirty || !usable} data-testid="save-tag-format">
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function CategoriesSection() {
  const { t, i18n } = useTranslation();
  const categories = useCategories();
  const [creating, setCreating] = useState(false);
  const sw = i18n.getFixedT('sw');
  const en = i18n.getFixedT('en');
  return (
    <Stack gap="sm">
      <Group justify="space-between" align="flex-start" wrap="nowrap">
        <Heading title={t('maintenanceUi.registerSettings.categories.title')} intro={t('maintenanceUi.registerSettings.categories.intro')} />
        <Button leftSection={<IconPlus size={16} />} variant="light" onClick={() => setCreating(true)} data-testid="create-category">
          {t('maintenanceUi.registerSettings.categories.create')}
        </Button>
      </Group>
      <ScrollArea.Autosize mah={380} type="auto">
        <Table verticalSpacing={6} striped="even" layout="fixed" stickyHeader data-testid="categories-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('maintenanceUi.registerSettings.categories.columns.name-sw')}</Table.Th>
              <Table.Th>{t('maintenanceUi.registerSettings.categories.columns.name-en')}</Table.Th>
              <Table.Th w={150}>{t('maintenanceUi.registerSettings.categories.columns.holds-records')}</Table.Th>
              <Table.Th w={140}>{t('maintenanceUi.registerSettings.categories.columns.kind')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {categories.list.map((category) => (
              <Table.Tr key={category.id} data-category={category.id}>
                <Table.Td>
                  <Text size="sm" truncate>
                    {category.builtin ? sw(`categories.${category.id}`) : category.name_sw}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Text size="sm" truncate>
                    {category.builtin ? en(`categories.${category.id}`) : category.name_en}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Text size="sm" c={category.can_hold_records ? undefined : 'dimmed'}>
                    {t(category.can_hold_records ? 'maintenanceUi.yes' : 'maintenanceUi.no')}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Badge size="sm" variant="light" color={category.builtin ? 'gray' : 'flag'}>
                    {t(category.builtin ? 'maintenanceUi.registerSettings.categories.builtin' : 'maintenanceUi.registerSettings.categories.custom')}
                  </Badge>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </ScrollArea.Autosize>
      <Modal
        opened={creating}
        onClose={() => setCreating(false)}
        title={t('maintenanceUi.registerSettings.categories.form.title')}
        closeButtonProps={{ 'aria-label': t('common.close') }}
      >
        {creating ? <CategoryForm onClose={() => setCreating(false)} /> : null}
      </Modal>
    </Stack>
  );
}

function CategoryForm({ onClose }: { onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const form = useForm<z.input<typeof CategoryInput>, unknown, z.output<typeof CategoryInput>>({
    resolver: zodResolver(CategoryInput),
    defaultValues: { name_sw: '', name_en: '', can_hold_records: false },
  });
  const create = useRouteMutation('categories.create', ['categories.list']);
  const refusal = useRefusal(form.setError, ['name_sw', 'name_en', 'can_hold_records']);
  const fieldError = useFieldError(refusal.refusal?.params);
  const errors = form.formState.errors;

  const submit = form.handleSubmit(async (values) => {
    refusal.clear();
    try {
      await create.mutateAsync(values);
      notifications.show({
        color: 'flag',
        message: t('maintenanceUi.registerSettings.categories.form.created', { name: i18n.language === 'en' ? values.name_en : values.name_sw }),
      });
      onClose();
    } catch (error) {
      refusal.show(error);
    }
  });

  return (
    <form onSubmit={submit} noValidate data-testid="category-form">
      <Stack gap="sm">
        <RefusalAlert error={refusal.refusal} />
        <TextInput
          label={t('maintenanceUi.registerSettings.categories.form.name-sw')}
          placeholder={t('maintenanceUi.registerSettings.categories.form.name-sw-example')}
          withAsterisk
          data-autofocus
          {...form.register('name_sw')}
          error={fieldError(errors.name_sw)}
        />
        <TextInput
          label={t('maintenanceUi.registerSettings.categories.form.name-en')}
          placeholder={t('maintenanceUi.registerSettings.categories.form.name-en-example')}
          withAsterisk
          {...form.register('name_en')}
          error={fieldError(errors.name_en)}
        />
        <Controller
          control={form.control}
          name="can_hold_records"
          render={({ field }) => (
            <Checkbox
              label={t('maintenanceUi.registerSettings.categories.form.holds-records')}
              description={t('maintenanceUi.registerSettings.categories.form.holds-records-hint')}
              checked={field.value}
              onChange={(event) => field.onChange(event.currentTarget.checked)}
            />
          )}
        />
        <Group justify="flex-end" mt="sm">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={form.formState.isSubmitting} data-testid="submit">
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
