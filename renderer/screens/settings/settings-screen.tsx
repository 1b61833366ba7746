// The institution's particulars (printed on forms and permits), the password age (3.1.7), the register's
// settings, and the check of the whole log book.
import { zodResolver } from '@hookform/resolvers/zod';
import { Button, Grid, Group, NumberInput, Paper, SimpleGrid, Stack, TextInput, Textarea, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { Controller, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import type { RouteOutput } from '../../../db/contract/routes.ts';
import { InstitutionInput } from '../../../db/institution/contract.ts';
import { SecuritySettingsInput } from '../../../db/users/contract.ts';
import { useRouteMutation, useRouteQuery } from '../../client/context.tsx';
import { HistoryTimeline } from '../../components/history-timeline.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { RefusalAlert } from '../../components/refusal-alert.tsx';
import { Loading } from '../../components/states.tsx';
import { useFieldError, useRefusal } from '../../components/use-refusal.ts';
import { Heading } from '../../components/heading.tsx';
import { formatDate } from '../../../db/contract/days.ts';
import { RegisterSettings } from './register-settings.tsx';
import { VerifyPanel } from './verify-panel.tsx';

type Institution = RouteOutput<'institution.get'>;

export function SettingsScreen() {
  const { t } = useTranslation();
  const institution = useRouteQuery('institution.get', {});
  const security = useRouteQuery('security.get', {});
  return (
    <Stack gap="md" data-testid="settings-screen">
      <PageHeader title={t('settings.title')} description={t('settings.intro')} />
      <Grid gap="md">
        <Grid.Col span={{ base: 12, lg: 7 }}>
          <Stack gap="md">
            <Paper withBorder p="md">
              {institution.isPending ? <Loading /> : null}
              {institution.isError ? <RefusalAlert error={institution.error} /> : null}
              {institution.data ? <InstitutionForm key={institution.data.updated_at} institution={institution.data} /> : null}
            </Paper>
            <Paper withBorder p="md">
              {security.isPending ? <Loading /> : null}
              {security.isError ? <RefusalAlert error={security.error} /> : null}
              {security.data ? <SecurityForm key={security.data.password_max_age_days} days={security.data.password_max_age_days} /> : null}
            </Paper>
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 5 }}>
          <Paper withBorder p="md">
            <Title order={3} size="h5" mb="sm">
              {t('settings.history')}
            </Title>
            {institution.data ? <HistoryTimeline entity={institution.data.id} /> : null}
          </Paper>
        </Grid.Col>
      </Grid>
      <RegisterSettings />
      <VerifyPanel />
    </Stack>
  );
}

function InstitutionForm({ institution }: { institution: Institution }) {
  const { t } = useTranslation();
  const form = useForm<z.input<typeof InstitutionInput>, unknown, z.output<typeof InstitutionInput>>({
    resolver: zodResolver(InstitutionInput),
    defaultValues: {
      name: institution.name,
      code: institution.code,
      postal_address: institution.postal_address,
      accounting_officer_title: institution.accounting_officer_title,
      head_title: institution.head_title,
    },
  });
  const update = useRouteMutation('institution.update', ['institution.get', 'setup.status']);
  const refusal = useRefusal(form.setError, ['name', 'code', 'postal_address', 'accounting_officer_title', 'head_title']);
  const fieldError = useFieldError(refusal.refusal?.params);
  const errors = form.formState.errors;

  const submit = form.handleSubmit(async (values) => {
    refusal.clear();
    try {
      await update.mutateAsync(values);
      notifications.show({ color: 'flag', message: t('common.saved') });
    } catch (error) {
      refusal.show(error);
    }
  });

  return (
    <form onSubmit={submit} noValidate data-testid="institution-form">
      <Stack gap="sm">
        <Heading title={t('settings.institution.title')} intro={t('settings.institution.since', { date: formatDate(institution.configured_at) })} introSize="xs" />
        <RefusalAlert error={refusal.refusal} />
        <TextInput label={t('setup.institution.name')} {...form.register('name')} error={fieldError(errors.name)} />
        <SimpleGrid cols={2} spacing="md">
          <TextInput
            label={t('setup.institution.code')}
            description={t('settings.institution.code-hint')}
            classNames={{ input: 'uppercase-input' }}
            {...form.register('code')}
            error={fieldError(errors.code)}
          />
          <Textarea label={t('setup.institution.postal-address')} autosize minRows={1} maxRows={3} {...form.register('postal_address')} error={fieldError(errors.postal_address)} />
          <TextInput
            label={t('setup.institution.accounting-officer')}
            {...form.register('accounting_officer_title')}
            error={fieldError(errors.accounting_officer_title)}
          />
          <TextInput label={t('setup.institution.head')} {...form.register('head_title')} error={fieldError(errors.head_title)} />
        </SimpleGrid>
        <Group justify="flex-end">
          <Button type="submit" loading={form.formState.isSubmitting} disabled={!form.formState.isDirty}>
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function SecurityForm({ days }: { days: number }) {
  const { t } = useTranslation();
  const form = useForm<z.input<typeof SecuritySettingsInput>, unknown, z.output<typeof SecuritySettingsInput>>({
    resolver: zodResolver(SecuritySettingsInput),
    defaultValues: { password_max_age_days: days },
  });
  const update = useRouteMutation('security.update', ['security.get']);
  const refusal = useRefusal(form.setError, ['password_max_age_days']);
  const fieldError = useFieldError(refusal.refusal?.params);

  const submit = form.handleSubmit(async (values) => {
    refusal.clear();
    try {
      await update.mutateAsync(values);
      notifications.show({ color: 'flag', message: t('common.saved') });
    } catch (error) {
      refusal.show(error);
    }
  });

  return (
    <form onSubmit={submit} noValidate data-testid="security-form">
      <Stack gap="sm">
        <Title order={3} size="h5">
          {t('settings.security.title')}
        </Title>
        <RefusalAlert error={refusal.refusal} />
        <Controller
          control={form.control}
          name="password_max_age_days"
          render={({ field, fieldState }) => (
            <NumberInput
              label={t('settings.security.max-age')}
              description={t('settings.security.max-age-hint')}
              min={30}
              max={365}
              allowDecimal={false}
              maw={360}
              value={typeof field.value === 'number' || typeof field.value === 'string' ? field.value : ''}
              onChange={field.onChange}
              onBlur={field.onBlur}
              ref={field.ref}
              error={fieldError(fieldState.error)}
            />
          )}
        />
        <Group justify="flex-end">
          <Button type="submit" loading={form.formState.isSubmitting} disabled={!form.formState.isDirty}>
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
