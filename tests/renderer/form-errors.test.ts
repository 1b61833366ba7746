import { describe, expect, it } from 'vitest';
import { fieldErrorsFor } from '../../renderer/components/form-errors.ts';
import { errorValueOf, CallError } from '../../renderer/client/call-error.ts';

describe('a refusal on a form', () => {
  it('marks the fields the form shows, by their full path', () => {
    const error = {
      code: 'invalid-input',
      message: 'errors.invalid-input',
      fields: { 'institution.code': 'validation.institution-code', 'admin.password': 'password.rule-digit', extra: 'validation.required' },
    };
    expect(fieldErrorsFor(error, ['institution.name', 'institution.code', 'admin.password'])).toEqual([
      ['institution.code', 'validation.institution-code'],
      ['admin.password', 'password.rule-digit'],
    ]);
  });

  it('leaves a refusal without fields to the alert alone', () => {
    expect(fieldErrorsFor({ code: 'forbidden', message: 'errors.forbidden' }, ['name'])).toEqual([]);
  });

  it('shows anything unexpected that was thrown as a lost connection, never as raw text', () => {
    expect(errorValueOf(new TypeError('boom'))).toEqual({ code: 'connection-lost', message: 'errors.connection-lost' });
    const refusal = { code: 'last-admin', message: 'errors.last-admin' };
    expect(errorValueOf(new CallError('users.update', refusal))).toBe(refusal);
  });
});
