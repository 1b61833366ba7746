// A refusal is a value at the boundary. Inside a command it is thrown so that the SQLite transaction
// around the command rolls back: nothing is written when a rule says no.

export interface ErrorValue {
  /** Stable machine code, e.g. `storage-not-removed`. */
  code: string;
  /** Catalogue key of the sentence the user reads. */
  message: string;
  /** Values the sentence interpolates. */
  params?: Record<string, string | number>;
  /** Field path → catalogue key, for forms. */
  fields?: Record<string, string>;
}

export class Refusal extends Error {
  readonly value: ErrorValue;
  constructor(code: string, params?: Record<string, string | number>, fields?: Record<string, string>) {
    super(code);
    this.name = 'Refusal';
    this.value = { code, message: `errors.${code}`, ...(params ? { params } : {}), ...(fields ? { fields } : {}) };
  }
}

export function refuse(code: string, params?: Record<string, string | number>, fields?: Record<string, string>): never {
  throw new Refusal(code, params, fields);
}
