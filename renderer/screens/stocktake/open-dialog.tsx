// Opening a stocktake: its name, its scope (the whole institution, chosen locations or chosen
// departments), the committee (one chair, who must have an account, since closing needs the chair
// signed in) and its dates. Every refusal lands beside its field, in the user's language.
import { ActionIcon, Button, Group, MultiSelect, Paper, Radio, SegmentedControl, Select, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { Controller, useFieldArray, type FieldError } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { OpenInput, type Scope } from '../../../db/stocktake/contract.ts';
import { useRouteMutation, useRouteQuery } from '../../client/context.tsx';
import { todayInDar } from '../../components/assets/days.ts';
import { DateController } from '../../components/form-fields.tsx';
import { FormButtons, FormModal, RecordForm } from '../../components/form-modal.tsx';
import { useDepartmentOptions, useLocationOptions } from '../../components/place-options.tsx';
import { useRouteForm } from '../../components/use-route-form.ts';
import { useSession } from '../../session/session.tsx';
import { STOCKTAKE_REFRESH } from './stocktake-view.ts';

export function OpenStocktakeModal({ opened, onClose, onOpened }: { opened: boolean; onClose: () => void; onOpened: (id: string) => void }) {
  const { t } = useTranslation();
  return (
    // Wider than "xl": a member's row holds a name, a title and an account ("Mwanaidi Kombo (wewe)") side by side.
    <FormModal opened={opened} onClose={onClose} title={t('stocktake_ui.open.title')} size="min(1080px, 94vw)" closeOnClickOutside={false}>
      <OpenForm onClose={onClose} onOpened={onOpened} />
    </FormModal>
  );
}

const SCOPE_KINDS = ['all', 'locations', 'departments'] as const;

/** The accounts a member may be linked to: every account for whoever may read them, otherwise oneself. */
function useAccountOptions() {
  const { t } = useTranslation();
  const { can, user } = useSession();
  const users = useRouteQuery('users.list', {}, { enabled: can('users.list') });
  const others = (users.data ?? []).filter((account) => account.id !== user.id && account.active);
  return [{ value: user.id, label: t('stocktake_ui.open.account-me', { name: user.display_name }), name: user.display_name }, ...others.map((account) => ({ value: account.id, label: account.display_name, name: account.display_name }))];
}

function OpenForm({ onClose, onOpened }: { onClose: () => void; onOpened: (id: string) => void }) {
  const { t } = useTranslation();
  const { user } = useSession();
  const open = useRouteMutation('stocktake.open', STOCKTAKE_REFRESH);
  const locations = useLocationOptions(null);
  const departments = useDepartmentOptions(null);
  const accounts = useAccountOptions();
  const today = todayInDar();
  const { form, refusal, fieldError, errors, busy, onSubmit } = useRouteForm(OpenInput, {
    defaultValues: {
      name: '',
      scope: { kind: 'all' },
      committee: [{ name: user.display_name, title: '', user_id: user.id, chair: true }],
      starts_on: today,
      ends_on: today,
    },
    fields: ['name', 'scope', 'scope.location_ids', 'scope.department_ids', 'committee', 'starts_on', 'ends_on'],
  });
  const members = useFieldArray({ control: form.control, name: 'committee' });
  const committee = form.watch('committee') ?? [];
  const chairIndex = committee.findIndex((member) => member.chair);
  // A rule about the whole committee (one chair, the chair's account) sits on the list itself.
  const committeeErrors = errors.committee as (FieldError & { root?: FieldError }) | undefined;
  const committeeError = fieldError(committeeErrors?.root ?? (committeeErrors?.message ? committeeErrors : undefined));
  const scopeErrors = errors.scope as (FieldError & { location_ids?: FieldError; department_ids?: FieldError }) | undefined;

  const submit = onSubmit(async (values) => {
    const opened = await open.mutateAsync(values);
    onOpened(opened.id);
    return t('stocktake_ui.open.done', { name: opened.name, count: opened.expected_count });
  }, onClose);

  return (
    <RecordForm
      testId="open-stocktake-form"
      onSubmit={submit}
      refusal={refusal.refusal}
      lead={
        <Text size="sm" c="dimmed">
          {t('stocktake_ui.open.intro')}
        </Text>
      }
      buttons={<FormButtons onCancel={onClose} submitLabel={t('stocktake_ui.open.submit')} busy={busy} sticky />}
    >
      <TextInput label={t('stocktake_ui.open.name')} placeholder={t('stocktake_ui.open.name-example')} withAsterisk {...form.register('name')} error={fieldError(errors.name)} data-testid="stocktake-name" />
      <Controller
        control={form.control}
        name="scope"
        render={({ field }) => {
          const scope = field.value as Scope;
          return (
            <Stack gap="xs">
              <Text size="sm" fw={500}>
                {t('stocktake_ui.open.scope')}
              </Text>
              <SegmentedControl
                value={scope.kind}
                onChange={(kind) =>
                  field.onChange(kind === 'locations' ? { kind, location_ids: [] } : kind === 'departments' ? { kind, department_ids: [] } : { kind: 'all' })
                }
                data={SCOPE_KINDS.map((kind) => ({ value: kind, label: t(`stocktake_ui.open.scope-kinds.${kind}`) }))}
                data-testid="scope-kind"
              />
              {scope.kind === 'locations' ? (
                <MultiSelect
                  label={t('stocktake_ui.open.locations')}
                  placeholder={scope.location_ids.length === 0 ? t('stocktake_ui.open.choose') : undefined}
                  withAsterisk
                  searchable
                  data={locations.options}
                  value={scope.location_ids}
                  onChange={(ids) => field.onChange({ kind: 'locations', location_ids: ids })}
                  nothingFoundMessage={t('common.nothing-found')}
                  error={fieldError(scopeErrors?.location_ids) ?? fieldError(scopeErrors)}
                  comboboxProps={{ withinPortal: true }}
                  data-testid="scope-locations"
                />
              ) : null}
              {scope.kind === 'departments' ? (
                <MultiSelect
                  label={t('stocktake_ui.open.departments')}
                  placeholder={scope.department_ids.length === 0 ? t('stocktake_ui.open.choose') : undefined}
                  withAsterisk
                  searchable
                  data={departments.options}
                  value={scope.department_ids}
                  onChange={(ids) => field.onChange({ kind: 'departments', department_ids: ids })}
                  nothingFoundMessage={t('common.nothing-found')}
                  error={fieldError(scopeErrors?.department_ids) ?? fieldError(scopeErrors)}
                  comboboxProps={{ withinPortal: true }}
                  data-testid="scope-departments"
                />
              ) : null}
            </Stack>
          );
        }}
      />
      <SimpleGrid cols={2} spacing="sm">
        <DateController control={form.control} name="starts_on" fieldError={fieldError} label={t('stocktake_ui.open.starts')} withAsterisk data-testid="starts-on" />
        <DateController control={form.control} name="ends_on" fieldError={fieldError} label={t('stocktake_ui.open.ends')} withAsterisk data-testid="ends-on" />
      </SimpleGrid>
      <Paper withBorder radius="md" p="sm" data-testid="committee">
        <Stack gap="xs">
          <Group justify="space-between" wrap="nowrap" align="flex-start">
            <Stack gap={0} style={{ minWidth: 0 }}>
              <Text size="sm" fw={600}>
                {t('stocktake_ui.open.committee')}
              </Text>
              <Text size="xs" c="dimmed">
                {t('stocktake_ui.open.committee-hint')}
              </Text>
            </Stack>
            <Button
              size="xs"
              variant="light"
              leftSection={<IconPlus size={14} />}
              onClick={() => members.append({ name: '', title: '', user_id: null, chair: false })}
              disabled={members.fields.length >= 30}
              data-testid="add-member"
              style={{ flexShrink: 0 }}
            >
              {t('stocktake_ui.open.add-member')}
            </Button>
          </Group>
          {committeeError ? (
            <Text size="sm" c="red.7" role="alert" data-testid="committee-error">
              {committeeError}
            </Text>
          ) : null}
          <Radio.Group
            value={chairIndex >= 0 ? String(chairIndex) : ''}
            onChange={(value) => committee.forEach((_, i) => form.setValue(`committee.${i}.chair`, String(i) === value, { shouldValidate: form.formState.isSubmitted }))}
          >
            <Stack gap="xs">
              {members.fields.map((member, i) => (
                <Group key={member.id} gap="xs" align="flex-start" wrap="nowrap" data-testid="member-row">
                  <TextInput
                    style={{ flex: 3, minWidth: 0 }}
                    label={t('stocktake_ui.open.member-name')}
                    withAsterisk
                    {...form.register(`committee.${i}.name`)}
                    error={fieldError(errors.committee?.[i]?.name)}
                    data-testid="member-name"
                  />
                  <TextInput
                    style={{ flex: 3, minWidth: 0 }}
                    label={t('stocktake_ui.open.member-title')}
                    withAsterisk
                    {...form.register(`committee.${i}.title`)}
                    error={fieldError(errors.committee?.[i]?.title)}
                    data-testid="member-title"
                  />
                  <Controller
                    control={form.control}
                    name={`committee.${i}.user_id`}
                    render={({ field, fieldState }) => (
                      <Select
                        style={{ flex: 5, minWidth: 0 }}
                        label={t('stocktake_ui.open.member-account')}
                        data={accounts.map(({ value, label }) => ({ value, label }))}
                        value={field.value ?? null}
                        onChange={(value) => {
                          field.onChange(value);
                          const chosen = accounts.find((account) => account.value === value);
                          if (chosen && !form.getValues(`committee.${i}.name`)) form.setValue(`committee.${i}.name`, chosen.name);
                        }}
                        clearable
                        searchable
                        error={fieldError(fieldState.error)}
                        comboboxProps={{ withinPortal: true }}
                        data-testid="member-account"
                      />
                    )}
                  />
                  <Stack gap={6} align="center" style={{ flexShrink: 0 }} pt={2}>
                    <Text size="sm" fw={500}>
                      {t('stocktake_ui.open.member-chair')}
                    </Text>
                    <Radio value={String(i)} aria-label={t('stocktake_ui.open.member-chair')} data-testid="member-chair" />
                  </Stack>
                  <ActionIcon
                    variant="subtle"
                    color="red"
                    mt={28}
                    onClick={() => members.remove(i)}
                    disabled={members.fields.length <= 1}
                    aria-label={t('stocktake_ui.open.remove-member')}
                    title={t('stocktake_ui.open.remove-member')}
                    data-testid="remove-member"
                  >
                    <IconTrash size={16} />
                  </ActionIcon>
                </Group>
              ))}
            </Stack>
          </Radio.Group>
        </Stack>
      </Paper>
    </RecordForm>
  );
}
