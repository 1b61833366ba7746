// What a form does with a refusal: the sentence in an alert, each named field marked on the form.
import { useCallback, useState } from 'react';
import type { FieldError, FieldPath, FieldValues, UseFormSetError } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { errorValueOf, type ErrorValue } from '../client/call-error.ts';
import { fieldErrorsFor } from './form-errors.ts';

export function useRefusal<T extends FieldValues>(setError: UseFormSetError<T>, formFields: readonly FieldPath<T>[]) {
  const [refusal, setRefusal] = useState<ErrorValue | null>(null);
  const show = useCallback(
    (thrown: unknown) => {
      const error = errorValueOf(thrown);
      setRefusal(error);
      for (const [path, key] of fieldErrorsFor(error, formFields)) setError(path, { type: 'server', message: key });
      return error;
    },
    // The list of fields is fixed per form.
    [setError, ...formFields],
  );
  const clear = useCallback(() => setRefusal(null), []);
  return { refusal, show, clear };
}

/**
 * A field's error as the user reads it: zod's messages and the core's are catalogue keys. The
 * refusal's params fill a core sentence marked on a field ("already registered to {{name}}").
 */
export function useFieldError(params?: Record<string, string | number>) {
  const { t } = useTranslation();
  return (error: FieldError | undefined) => (error?.message ? t(error.message, params ?? {}) : undefined);
}
