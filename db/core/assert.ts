export function assertNever(value: never, what = 'value'): never {
  throw new Error(`Unhandled ${what}: ${JSON.stringify(value)}`);
}

/**
 * The row a command has just written, read back in the same call: it is there, or the store is broken
 * (an internal error, never a refusal). Gives the route a definite answer type.
 */
export function written<T>(row: T | undefined, what: string): T {
  if (row === undefined) throw new Error(`${what} was written but cannot be read back`);
  return row;
}
