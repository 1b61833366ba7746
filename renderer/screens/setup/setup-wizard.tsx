// First run: the institution's particulars, its first administrator, then one confirmation that
// records both (setup.initialize) and signs the administrator in.
import { zodResolver } from '@hookform/resolvers/zod';
import { Alert, Button, Group, PasswordInput, SimpleGrid, Stack, Stepper, Table, Text, TextInput, Textarea } from '@mantine/core';
import { IconBuildingCommunity, IconCircleCheck, IconInfoCircle, IconUserShield } from '@tabler/icons-react';
import { useState } from 'react';
import { useForm, type FieldPath } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { SetupInput } from '../../../db/institution/contract.ts';
import { useRouteMutation } from '../../client/context.tsx';
import { AuthFrame } from '../../components/auth-frame.tsx';
import { Heading } from '../../components/heading.tsx';
import { PasswordChecklist } from '../../components/password-checklist.tsx';
import { RefusalAlert } from '../../components/refusal-alert.tsx';
import { useFieldError, useRefusal } from '../../components/use-refusal.ts';
import type { SignedIn } from '../../session/session.tsx';

type Values = z.input<typeof SetupInput>;

const INSTITUTION_FIELDS = [
  'institution.name',
  'institution.code',
  'institution.postal_address',
  'institution.accounting_officer_title',
  'institution.head_title',
] as const satisfies readonly FieldPath<Values>[];
const ADMIN_FIELDS = ['admin.display_name', 'admin.username', 'admin.password', 'admin.confirm'] as const satisfies readonly FieldPath<Values>[];
const STEP_FIELDS = [INSTITUTION_FIELDS, ADMIN_FIELDS] as const;

export function SetupWizard({ onDone }: { onDone: (result: SignedIn) => void }) {
  const { t } = useTranslation();
  const [step, setStep] = useState(0);
  const form = useForm<Values, unknown, z.output<typeof SetupInput>>({
    resolver: zodResolver(SetupInput),
    defaultValues: {
      institution: { name: '', code: '', postal_address: '', accounting_officer_title: '', head_title: '' },
      admin: { display_name: '', username: '', password: '', confirm: '' },
    },
    mode: 'onTouched',
  });
  const initialize = useRouteMutation('setup.initialize');
  const refusal = useRefusal(form.setError, [...INSTITUTION_FIELDS, ...ADMIN_FIELDS]);
  const fieldError = useFieldError(refusal.refusal?.params);
  const errors = form.formState.errors;
  const password = form.watch('admin.password');

  const forward = async () => {
    const fields = STEP_FIELDS[step];
    if (!fields) return;
    if (await form.trigger([...fields], { shouldFocus: true })) {
      setStep(step + 1);
      return;
    }
    // Marked as touched, each field re-checks as it is typed in: its error clears while typing, not on
    // the blur of the next click, which would move the button from under the pointer.
    for (const field of fields) form.setValue(field, form.getValues(field), { shouldTouch: true });
  };

  const submit = form.handleSubmit(
    async (values) => {
      refusal.clear();
      try {
        onDone(await initialize.mutateAsync(values));
      } catch (error) {
        const value = refusal.show(error);
        const paths = Object.keys(value.fields ?? {});
        if (paths.some((path) => path.startsWith('institution.'))) setStep(0);
        else if (paths.some((path) => path.startsWith('admin.'))) setStep(1);
      }
    },
    (invalid) => setStep(invalid.institution ? 0 : 1),
  );

  const review = form.getValues();
  const rows: [string, string][] = [
    [t('setup.institution.name'), review.institution.name],
    [t('setup.institution.code'), review.institution.code.trim().toUpperCase()],
    [t('setup.institution.postal-address'), review.institution.postal_address],
    [t('setup.institution.accounting-officer'), review.institution.accounting_officer_title],
    [t('setup.institution.head'), review.institution.head_title],
    [t('setup.admin.display-name'), review.admin.display_name],
    [t('setup.admin.username'), review.admin.username.trim().toLowerCase()],
  ];

  return (
    <AuthFrame width={760}>
      <form
        noValidate
        data-testid="setup-form"
        onSubmit={(event) => {
          // Enter moves a step forward; only the last step records anything.
          if (step < 2) {
            event.preventDefault();
            void forward();
          } else {
            void submit(event);
          }
        }}
      >
        <Stack gap="md">
          <Heading title={t('setup.title')} intro={t('setup.intro')} page />
          <Stepper active={step} size="sm" onStepClick={(index) => index < step && setStep(index)}>
            <Stepper.Step label={t('setup.steps.institution')} icon={<IconBuildingCommunity size={18} />}>
              <Stack gap="sm" mt="sm">
                <TextInput
                  label={t('setup.institution.name')}
                  description={t('setup.institution.name-hint')}
                  placeholder={t('setup.institution.name-example')}
                  {...form.register('institution.name')}
                  error={fieldError(errors.institution?.name)}
                />
                <SimpleGrid cols={2} spacing="md">
                  <TextInput
                    label={t('setup.institution.code')}
                    description={t('setup.institution.code-hint')}
                    placeholder={t('setup.institution.code-example')}
                    classNames={{ input: 'uppercase-input' }}
                    {...form.register('institution.code')}
                    error={fieldError(errors.institution?.code)}
                  />
                  <Textarea
                    label={t('setup.institution.postal-address')}
                    description={t('setup.institution.postal-address-hint')}
                    placeholder={t('setup.institution.postal-address-example')}
                    autosize
                    minRows={1}
                    maxRows={3}
                    {...form.register('institution.postal_address')}
                    error={fieldError(errors.institution?.postal_address)}
                  />
                  <TextInput
                    label={t('setup.institution.accounting-officer')}
                    description={t('setup.institution.accounting-officer-hint')}
                    placeholder={t('setup.institution.accounting-officer-example')}
                    {...form.register('institution.accounting_officer_title')}
                    error={fieldError(errors.institution?.accounting_officer_title)}
                  />
                  <TextInput
                    label={t('setup.institution.head')}
                    description={t('setup.institution.head-hint')}
                    placeholder={t('setup.institution.head-example')}
                    {...form.register('institution.head_title')}
                    error={fieldError(errors.institution?.head_title)}
                  />
                </SimpleGrid>
              </Stack>
            </Stepper.Step>
            <Stepper.Step label={t('setup.steps.admin')} icon={<IconUserShield size={18} />}>
              <Stack gap="sm" mt="sm">
                <Alert variant="light" color="flag" icon={<IconInfoCircle size={18} />}>
                  {t('setup.admin.intro')}
                </Alert>
                <SimpleGrid cols={2} spacing="md">
                  <TextInput
                    label={t('setup.admin.display-name')}
                    placeholder={t('setup.admin.display-name-example')}
                    autoComplete="name"
                    {...form.register('admin.display_name')}
                    error={fieldError(errors.admin?.display_name)}
                  />
                  <TextInput
                    label={t('setup.admin.username')}
                    description={t('setup.admin.username-hint')}
                    placeholder={t('setup.admin.username-example')}
                    autoComplete="username"
                    {...form.register('admin.username')}
                    error={fieldError(errors.admin?.username)}
                  />
                  <Stack gap="sm">
                    <PasswordInput
                      label={t('setup.admin.password')}
                      autoComplete="new-password"
                      {...form.register('admin.password')}
                      error={fieldError(errors.admin?.password)}
                    />
                    <PasswordInput
                      label={t('setup.admin.confirm')}
                      autoComplete="new-password"
                      {...form.register('admin.confirm')}
                      error={fieldError(errors.admin?.confirm)}
                    />
                  </Stack>
                  <PasswordChecklist value={password} />
                </SimpleGrid>
              </Stack>
            </Stepper.Step>
            <Stepper.Step label={t('setup.steps.review')} icon={<IconCircleCheck size={18} />}>
              <Stack gap="sm" mt="sm">
                <Text size="sm">{t('setup.review.intro')}</Text>
                <Table withTableBorder variant="vertical" layout="fixed" data-testid="setup-review">
                  <Table.Tbody>
                    {rows.map(([label, value]) => (
                      <Table.Tr key={label}>
                        <Table.Th w={240}>{label}</Table.Th>
                        <Table.Td style={{ overflowWrap: 'anywhere' }}>{value}</Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
                <RefusalAlert error={refusal.refusal} />
              </Stack>
            </Stepper.Step>
          </Stepper>
          <Group justify="space-between">
            <Button variant="default" onClick={() => setStep(step - 1)} disabled={step === 0}>
              {t('common.back')}
            </Button>
            {/* Distinct keys: the click that reaches the last step must not land on a submit button
                that React made out of the same element before the click's default action ran. "Next"
                is a submit button too, so Enter in a field moves forward (a form without one ignores
                Enter); the form's onSubmit turns it into a step. */}
            {step < 2 ? (
              <Button key="next" type="submit" data-testid="setup-next">
                {t('common.next')}
              </Button>
            ) : (
              <Button key="submit" type="submit" loading={form.formState.isSubmitting}>
                {t('setup.submit')}
              </Button>
            )}
          </Group>
        </Stack>
      </form>
    </AuthFrame>
  );
}
