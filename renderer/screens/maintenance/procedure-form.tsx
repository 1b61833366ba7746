// 3.6.1: the Head of Institution records a version of the procedure as approved, with the signed PDF.
import { zodResolver } from '@hookform/resolvers/zod';
import { Button, FileButton, Group, Input, Modal, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconFileTypePdf } from '@tabler/icons-react';
import { useState } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { ProcedureInput } from '../../../db/maintenance/contract.ts';
import { useRouteMutation } from '../../client/context.tsx';
import { DateField } from '../../components/assets/date-field.tsx';
import { RefusalAlert } from '../../components/refusal-alert.tsx';
import { useFieldError, useRefusal } from '../../components/use-refusal.ts';
import { useSession } from '../../session/session.tsx';
import { documentProblem, MAX_DOCUMENT_MEGABYTES, pdfDocument } from './procedure-helpers.ts';

/** The form holds the chosen file itself; it becomes the core's `document` only when sent. */
const ProcedureForm = ProcedureInput.omit({ document: true }).extend({
  file: z.custom<File>((value) => typeof File !== 'undefined' && value instanceof File, 'maintenanceUi.procedure.form.document-required'),
});
type Values = z.input<typeof ProcedureForm>;

const FIELDS = ['title', 'version', 'approved_by', 'approval_date', 'effective_date', 'file'] as const;

export function ProcedureFormModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Modal opened={opened} onClose={onClose} title={t('maintenanceUi.procedure.form.title')} size="xl" closeButtonProps={{ 'aria-label': t('common.close') }}>
      {opened ? <RecordProcedureForm onClose={onClose} /> : null}
    </Modal>
  );
}

function RecordProcedureForm({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const { user } = useSession();
  const form = useForm<Values, unknown, z.output<typeof ProcedureForm>>({
    resolver: zodResolver(ProcedureForm),
    defaultValues: { title: '', version: '', approved_by: user.display_name, approval_date: '', effective_date: '', file: undefined },
  });
  const approve = useRouteMutation('procedures.approve', ['procedures.list']);
  const refusal = useRefusal(form.setError, FIELDS);
  const fieldError = useFieldError(refusal.refusal?.params);
  const errors = form.formState.errors;
  // A chosen file that cannot be the document, said with its figures (the limit in MB).
  const [fileProblem, setFileProblem] = useState<{ message: string; params?: Record<string, string | number> } | null>(null);

  const submit = form.handleSubmit(async ({ file, ...values }) => {
    refusal.clear();
    const document = await pdfDocument(file);
    if (!document.ok) {
      setFileProblem(document);
      return;
    }
    try {
      await approve.mutateAsync({ ...values, document: document.value });
      notifications.show({ color: 'flag', message: t('maintenanceUi.procedure.form.recorded', { version: values.version }) });
      onClose();
    } catch (error) {
      const shown = refusal.show(error);
      // The core names the document `document`; the form calls it `file`.
      const documentError = shown.fields?.document ?? shown.fields?.['document.base64'];
      if (documentError) form.setError('file', { type: 'server', message: documentError });
    }
  });

  return (
    <form onSubmit={submit} noValidate data-testid="procedure-form">
      <Stack gap="sm">
        <Text size="sm" c="dimmed">
          {t('maintenanceUi.procedure.form.intro')}
        </Text>
        <RefusalAlert error={refusal.refusal} />
        <TextInput
          label={t('maintenanceUi.procedure.form.title-field')}
          placeholder={t('maintenanceUi.procedure.form.title-example')}
          withAsterisk
          data-autofocus
          {...form.register('title')}
          error={fieldError(errors.title)}
        />
        <SimpleGrid cols={2} spacing="md" verticalSpacing="sm">
          <TextInput
            label={t('maintenanceUi.procedure.form.version')}
            placeholder={t('maintenanceUi.procedure.form.version-example')}
            withAsterisk
            {...form.register('version')}
            error={fieldError(errors.version)}
          />
          <TextInput
            label={t('maintenanceUi.procedure.form.approved-by')}
            description={t('maintenanceUi.procedure.form.approved-by-hint')}
            withAsterisk
            {...form.register('approved_by')}
            error={fieldError(errors.approved_by)}
          />
          <Controller
            control={form.control}
            name="approval_date"
            render={({ field, fieldState }) => (
              <DateField
                label={t('maintenanceUi.procedure.form.approval-date')}
                withAsterisk
                notAfterToday
                value={field.value ?? ''}
                onChange={field.onChange}
                onBlur={field.onBlur}
                error={fieldError(fieldState.error)}
                data-testid="approval-date"
              />
            )}
          />
          <Controller
            control={form.control}
            name="effective_date"
            render={({ field, fieldState }) => (
              <DateField
                label={t('maintenanceUi.procedure.form.effective-date')}
                description={t('maintenanceUi.procedure.form.effective-date-hint')}
                withAsterisk
                value={field.value ?? ''}
                onChange={field.onChange}
                onBlur={field.onBlur}
                error={fieldError(fieldState.error)}
                data-testid="effective-date"
              />
            )}
          />
        </SimpleGrid>
        <Controller
          control={form.control}
          name="file"
          render={({ field, fieldState }) => (
            <DocumentPicker
              file={field.value instanceof File ? field.value : null}
              onChange={(file) => {
                form.clearErrors('file');
                setFileProblem(null);
                field.onChange(file ?? undefined);
                if (file) void documentProblem(file).then(setFileProblem);
              }}
              error={fileProblem ? t(fileProblem.message, fileProblem.params ?? {}) : fieldError(fieldState.error)}
              params={{ megabytes: MAX_DOCUMENT_MEGABYTES }}
            />
          )}
        />
        <Group justify="flex-end" mt="sm">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={form.formState.isSubmitting} data-testid="submit">
            {t('maintenanceUi.procedure.form.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function DocumentPicker({ file, onChange, error, params }: { file: File | null; onChange: (file: File | null) => void; error?: string; params: Record<string, number> }) {
  const { t } = useTranslation();
  return (
    <Input.Wrapper label={t('maintenanceUi.procedure.form.document')} description={t('maintenanceUi.procedure.form.document-hint', params)} withAsterisk error={error}>
      <Group gap="sm" wrap="nowrap" mt={4}>
        <FileButton onChange={onChange} accept="application/pdf,.pdf" inputProps={{ 'data-testid': 'procedure-file' } as Record<string, string>}>
          {(props) => (
            <Button variant="default" leftSection={<IconFileTypePdf size={16} />} style={{ flexShrink: 0 }} {...props}>
              {t(file ? 'maintenanceUi.procedure.form.document-change' : 'maintenanceUi.procedure.form.document-choose')}
            </Button>
          )}
        </FileButton>
        <Text size="sm" c={file ? undefined : 'dimmed'} truncate data-testid="procedure-file-name">
          {file ? file.name : t('maintenanceUi.procedure.form.document-none')}
        </Text>
      </Group>
    </Input.Wrapper>
  );
}
