// A form over a route's own zod schema: the fields check as the core will, a refusal lands on the form
// (its sentence in the alert, its fields marked), and a saved form says so and closes. Every dialog that
// changes a record goes through here, so "what happens on save" is written once.
import { zodResolver } from '@hookform/resolvers/zod';
import { notifications } from '@mantine/notifications';
import { useForm, type DefaultValues, type FieldPath, type FieldValues, type Mode } from 'react-hook-form';
import type { z } from 'zod';
import { useFieldError, useRefusal } from './use-refusal.ts';

export interface RouteFormOptions<In extends FieldValues> {
  defaultValues: DefaultValues<In>;
  /** The fields the form shows; a refusal naming another field is left to the alert. */
  fields: readonly FieldPath<In>[];
  mode?: Mode;
}

export function useRouteForm<In extends FieldValues, Out extends FieldValues>(schema: z.ZodType<Out, In>, options: RouteFormOptions<In>) {
  const form = useForm<In, unknown, Out>({ resolver: zodResolver(schema), defaultValues: options.defaultValues, mode: options.mode });
  const refusal = useRefusal(form.setError, options.fields);
  const fieldError = useFieldError(refusal.refusal?.params);

  /**
   * The submit handler: `save` calls the route and returns the sentence to show (or nothing); then
   * `after` runs (close the dialog). A refusal stays on the form and nothing else happens.
   */
  const onSubmit = (save: (values: Out) => Promise<string | null | undefined | void>, after?: () => void) =>
    form.handleSubmit(async (values) => {
      refusal.clear();
      try {
        const message = await save(values);
        if (message) notifications.show({ color: 'flag', message });
        after?.();
      } catch (error) {
        refusal.show(error);
      }
    });

  return { form, refusal, fieldError, errors: form.formState.errors, busy: form.formState.isSubmitting, onSubmit };
}

export type RouteForm<In extends FieldValues, Out extends FieldValues> = ReturnType<typeof useRouteForm<In, Out>>;
