// The words of the disposal cover letter (3.6.12): the addressee, the department's address, the subject
// and body in both languages and the signatory's title, shown filled with the defaults where the
// institution set none. Text left as the default is saved blank, so the letter keeps following the
// catalogue's wording.
import { Alert, Grid, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { IconBraces, IconDeviceFloppy } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { SettingsInput } from '../../../db/disposal/contract.ts';
import { useRouteMutation, useRouteQuery } from '../../client/context.tsx';
import { FormButtons, FormModal, RecordForm } from '../../components/form-modal.tsx';
import { RefusalAlert } from '../../components/refusal-alert.tsx';
import { Loading } from '../../components/states.tsx';
import { useRouteForm } from '../../components/use-route-form.ts';
import { DISPOSAL_REFRESH, settingsToSave } from './disposal-view.ts';

/** What the letter's subject and body may name, kept as written so the letter fills them in later. */
const PLACEHOLDERS = { number: '{{number}}', institution: '{{institution}}', devices: '{{devices}}', media: '{{media}}' };

type Settings = Required<{ [K in keyof SettingsInput]: string }>;

export function LetterSettingsModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <FormModal opened={opened} onClose={onClose} title={t('disposal_ui.settings.title')} size="xl">
      {opened ? <LetterSettingsLoader onClose={onClose} /> : null}
    </FormModal>
  );
}

function LetterSettingsLoader({ onClose }: { onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const stored = useRouteQuery('disposal.settings', {});
  const institution = useRouteQuery('institution.get', {});
  if (stored.isError) return <RefusalAlert error={stored.error} />;
  if (institution.isError) return <RefusalAlert error={institution.error} />;
  if (!stored.data || !institution.data) return <Loading />;
  const inLanguage = (key: string, lng: string) => t(key, { ...PLACEHOLDERS, lng });
  const ui = i18n.language === 'en' ? 'en' : 'sw';
  // The defaults, as the letter would use them when the field is blank (db/disposal/queries.ts letterSettings).
  const defaults: Settings = {
    addressee: inLanguage('disposal_ui.letter.default-addressee', ui),
    address: inLanguage('disposal_ui.letter.default-address', 'sw'),
    subject_sw: inLanguage('disposal_ui.letter.default-subject', 'sw'),
    body_sw: inLanguage('disposal_ui.letter.default-body', 'sw'),
    subject_en: inLanguage('disposal_ui.letter.default-subject', 'en'),
    body_en: inLanguage('disposal_ui.letter.default-body', 'en'),
    signatory_title: institution.data.accounting_officer_title || inLanguage('roles.accounting_officer', 'sw'),
  };
  // The addressee's default differs by language; either one left as it is stays blank.
  const alsoDefault: Partial<Record<keyof Settings, string[]>> = {
    addressee: [inLanguage('disposal_ui.letter.default-addressee', 'sw'), inLanguage('disposal_ui.letter.default-addressee', 'en')],
  };
  return <LetterSettingsForm stored={stored.data} defaults={defaults} alsoDefault={alsoDefault} onClose={onClose} />;
}

function LetterSettingsForm({ stored, defaults, alsoDefault, onClose }: { stored: Settings; defaults: Settings; alsoDefault: Partial<Record<keyof Settings, string[]>>; onClose: () => void }) {
  const { t } = useTranslation();
  const save = useRouteMutation('disposal.set-settings', DISPOSAL_REFRESH);
  const keys = Object.keys(defaults) as (keyof Settings)[];
  const initial = Object.fromEntries(keys.map((key) => [key, stored[key] || defaults[key]])) as Settings;
  const { form, refusal, fieldError, errors, busy, onSubmit } = useRouteForm(SettingsInput, { defaultValues: initial, fields: keys });
  const submit = onSubmit(async (values) => {
    await save.mutateAsync(settingsToSave(values, defaults, alsoDefault));
    return t('disposal_ui.settings.done');
  }, onClose);
  const field = (key: 'addressee' | 'signatory_title', label: string) => <TextInput label={label} {...form.register(key)} error={fieldError(errors[key])} data-testid={`letter-${key}`} />;
  // A subject is one line, but longer than the field is wide: shown whole, wrapped, with Enter kept out of it.
  const subject = (key: 'subject_sw' | 'subject_en', label: string) => (
    <Textarea
      label={label}
      autosize
      minRows={2}
      {...form.register(key)}
      onKeyDown={(event) => {
        if (event.key === 'Enter') event.preventDefault();
      }}
      error={fieldError(errors[key])}
      data-testid={`letter-${key}`}
    />
  );
  const area = (key: 'address' | 'body_sw' | 'body_en', label: string, rows: number) => (
    <Textarea label={label} autosize minRows={rows} maxRows={16} {...form.register(key)} error={fieldError(errors[key])} data-testid={`letter-${key}`} />
  );
  return (
    <RecordForm
      testId="letter-settings-form"
      onSubmit={submit}
      refusal={refusal.refusal}
      lead={
        <Stack gap="xs">
          <Text size="sm">{t('disposal_ui.settings.intro')}</Text>
          <Alert color="blue" variant="light" icon={<IconBraces size={18} />} py="xs" data-testid="letter-placeholders">
            {t('disposal_ui.settings.placeholders', PLACEHOLDERS)}
          </Alert>
        </Stack>
      }
      buttons={<FormButtons onCancel={onClose} submitLabel={t('disposal_ui.settings.submit')} busy={busy} icon={<IconDeviceFloppy size={16} />} sticky />}
    >
      <Grid gap="sm">
        <Grid.Col span={{ base: 12, sm: 6 }}>
          <Stack gap="sm">
            {field('addressee', t('disposal_ui.settings.addressee'))}
            {field('signatory_title', t('disposal_ui.settings.signatory'))}
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, sm: 6 }}>{area('address', t('disposal_ui.settings.address'), 3)}</Grid.Col>
        <Grid.Col span={{ base: 12, sm: 6 }}>
          <Stack gap="sm">
            {subject('subject_sw', t('disposal_ui.settings.subject-sw'))}
            {area('body_sw', t('disposal_ui.settings.body-sw'), 8)}
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, sm: 6 }}>
          <Stack gap="sm">
            {subject('subject_en', t('disposal_ui.settings.subject-en'))}
            {area('body_en', t('disposal_ui.settings.body-en'), 8)}
          </Stack>
        </Grid.Col>
      </Grid>
    </RecordForm>
  );
}
