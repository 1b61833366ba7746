// Reading a route's zod input schema from outside: its definition, and every string leaf with its path.
import type { z } from 'zod';

export type Def = { type: string; [key: string]: unknown };
export const defOf = (schema: z.ZodType): Def => (schema as unknown as { _zod: { def: Def } })._zod.def;

/** Every string leaf of a schema, with its path. */
export function stringLeaves(schema: z.ZodType, path: string[] = [], out: { path: string; schema: z.ZodType }[] = []): { path: string; schema: z.ZodType }[] {
  const def = defOf(schema);
  switch (def.type) {
    case 'string':
      out.push({ path: path.join('.'), schema });
      break;
    case 'object':
      for (const [key, child] of Object.entries(def.shape as Record<string, z.ZodType>)) stringLeaves(child, [...path, key], out);
      break;
    case 'array':
      stringLeaves(def.element as z.ZodType, [...path, '0'], out);
      break;
    case 'optional':
    case 'nullable':
    case 'default':
    case 'prefault':
    case 'readonly':
    case 'nonoptional':
    case 'catch':
      stringLeaves(def.innerType as z.ZodType, path, out);
      break;
    case 'pipe':
      stringLeaves(def.in as z.ZodType, path, out);
      break;
    case 'union':
      for (const option of def.options as z.ZodType[]) stringLeaves(option, path, out);
      break;
    default:
      break;
  }
  return out;
}
