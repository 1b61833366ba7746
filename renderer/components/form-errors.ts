// A refusal's `fields` (path → catalogue key) onto the fields a form actually shows.
import type { ErrorValue } from '../client/call-error.ts';

/** The field errors a form can show; paths it does not hold are left to the alert. */
export function fieldErrorsFor<F extends string>(error: ErrorValue, formFields: readonly F[]): [F, string][] {
  const known = new Set<string>(formFields);
  return Object.entries(error.fields ?? {}).filter((entry): entry is [F, string] => known.has(entry[0]));
}
