// Inputs bound to a react-hook-form field by name: each wires value, change, blur and the field's error
// (a catalogue key, read through `fieldError`) the same way, so a form lists its fields and nothing else.
import { NumberInput, Select, type SelectProps } from '@mantine/core';
import { Controller, type Control, type FieldError, type FieldPath, type FieldValues } from 'react-hook-form';
import { DateField, type DateFieldProps } from './assets/date-field.tsx';
import { MoneyInput, type MoneyInputProps } from './assets/money-input.tsx';
import { PersonNameInput, type PersonNameInputProps } from './assets/person-name-input.tsx';

export type FieldErrorText = (error: FieldError | undefined) => string | undefined;

interface Bound<T extends FieldValues, O extends FieldValues> {
  control: Control<T, unknown, O>;
  name: FieldPath<T>;
  fieldError: FieldErrorText;
}

type Wired = 'value' | 'onChange' | 'onBlur' | 'error';

export function DateController<T extends FieldValues, O extends FieldValues>({ control, name, fieldError, ...props }: Bound<T, O> & Omit<DateFieldProps, Wired>) {
  return (
    <Controller
      control={control}
      name={name}
      render={({ field, fieldState }) => (
        <DateField {...props} value={(field.value as string | null | undefined) ?? ''} onChange={field.onChange} onBlur={field.onBlur} error={fieldError(fieldState.error)} />
      )}
    />
  );
}

export function MoneyController<T extends FieldValues, O extends FieldValues>({ control, name, fieldError, ...props }: Bound<T, O> & Omit<MoneyInputProps, Wired>) {
  return (
    <Controller
      control={control}
      name={name}
      render={({ field, fieldState }) => (
        <MoneyInput {...props} value={(field.value as number | null | undefined) ?? null} onChange={field.onChange} onBlur={field.onBlur} error={fieldError(fieldState.error)} />
      )}
    />
  );
}

export function PersonNameController<T extends FieldValues, O extends FieldValues>({ control, name, fieldError, ...props }: Bound<T, O> & Omit<PersonNameInputProps, Wired>) {
  return (
    <Controller
      control={control}
      name={name}
      render={({ field, fieldState }) => (
        <PersonNameInput {...props} value={(field.value as string | undefined) ?? ''} onChange={field.onChange} onBlur={field.onBlur} error={fieldError(fieldState.error)} />
      )}
    />
  );
}

export type SelectControllerProps<T extends FieldValues, O extends FieldValues> = Bound<T, O> & Omit<SelectProps, Wired> & { empty?: string | null };

/** A choice from a list; `empty` is what the field holds when nothing is chosen (null unless said). */
export function SelectController<T extends FieldValues, O extends FieldValues>({ control, name, fieldError, empty = null, ...props }: SelectControllerProps<T, O>) {
  return (
    <Controller
      control={control}
      name={name}
      render={({ field, fieldState }) => (
        <Select
          {...props}
          value={(field.value as string | null | undefined) || empty || null}
          onChange={(value) => field.onChange(value ?? empty)}
          onBlur={field.onBlur}
          ref={field.ref}
          error={fieldError(fieldState.error)}
        />
      )}
    />
  );
}

/** A whole number that may be left empty (a capacity in GB, a quantity). */
export function WholeNumberController<T extends FieldValues, O extends FieldValues>({
  control,
  name,
  fieldError,
  ...props
}: Bound<T, O> & { label: string; w?: number; withAsterisk?: boolean; description?: string; min?: number; 'data-testid'?: string }) {
  return (
    <Controller
      control={control}
      name={name}
      render={({ field, fieldState }) => (
        <NumberInput
          {...props}
          value={(field.value as number | null | undefined) ?? ''}
          onChange={(value) => field.onChange(typeof value === 'number' ? value : null)}
          onBlur={field.onBlur}
          allowDecimal={false}
          allowNegative={false}
          hideControls
          error={fieldError(fieldState.error)}
        />
      )}
    />
  );
}
