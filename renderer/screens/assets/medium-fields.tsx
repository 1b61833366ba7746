// What the register records of one storage medium (3.6.3): its kind, capacity and serial. The same
// three fields when registering a device with its media and when adding a medium found later.
import { TextInput } from '@mantine/core';
import type { FieldError, FieldPath, FieldValues, UseFormReturn } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { MEDIA_KINDS } from '../../../db/assets/contract.ts';
import { SelectController, WholeNumberController, type FieldErrorText } from '../../components/form-fields.tsx';

export function MediumFields<T extends FieldValues, O extends FieldValues>({
  form,
  prefix = '',
  fieldError,
  serialError,
  inRow,
}: {
  form: UseFormReturn<T, unknown, O>;
  /** Where the medium sits in the form's values: `media.2.` in a list, nothing for a form of its own. */
  prefix?: '' | `media.${number}.`;
  fieldError: FieldErrorText;
  serialError: FieldError | undefined;
  /** Laid out in a row (fixed widths, the serial takes the rest) rather than in a grid. */
  inRow?: boolean;
}) {
  const { t } = useTranslation();
  const path = (name: 'kind' | 'capacity_gb' | 'serial') => `${prefix}${name}` as FieldPath<T>;
  return (
    <>
      <SelectController
        control={form.control}
        name={path('kind')}
        fieldError={fieldError}
        label={t('assetsUi.fields.media-kind')}
        w={inRow ? 230 : undefined}
        data={MEDIA_KINDS.map((value) => ({ value, label: t(`media.${value}`) }))}
        empty="other"
        allowDeselect={false}
      />
      <WholeNumberController control={form.control} name={path('capacity_gb')} fieldError={fieldError} label={t('assetsUi.fields.media-capacity')} w={inRow ? 150 : undefined} />
      <TextInput label={t('assetsUi.fields.media-serial')} style={inRow ? { flex: 1 } : undefined} {...form.register(path('serial'))} error={fieldError(serialError)} />
    </>
  );
}
