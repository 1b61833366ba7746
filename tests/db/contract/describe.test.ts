import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { catalogues, translator, type Language, type Translate } from '../../../db/contract/catalogues/index.ts';
import { registry } from '../../../db/areas.ts';

const { domain } = registry;
const describeEvent = registry.describe;

type JsonSchema = {
  type?: string | string[];
  enum?: unknown[];
  const?: unknown;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  items?: JsonSchema;
  properties?: Record<string, JsonSchema>;
  minimum?: number;
};

/** A plausible value for a JSON schema: the first choice of an enum, a word for a string, 7 for a number. */
function sample(schema: JsonSchema): unknown {
  if (schema.const !== undefined) return schema.const;
  if (schema.enum) return schema.enum[0];
  const choices = schema.anyOf ?? schema.oneOf;
  if (choices) return sample(choices.find((c) => c.type !== 'null') ?? (choices[0] as JsonSchema));
  const type = Array.isArray(schema.type) ? schema.type.find((t) => t !== 'null') : schema.type;
  switch (type) {
    case 'string':
      return 'Sampuli';
    case 'integer':
    case 'number':
      return Math.max(schema.minimum ?? 0, 7);
    case 'boolean':
      return true;
    case 'array':
      return [sample(schema.items ?? {})];
    case 'object':
      return Object.fromEntries(Object.entries(schema.properties ?? {}).map(([k, v]) => [k, sample(v)]));
    default:
      return null;
  }
}

function lookup(language: Language, key: string): string | undefined {
  const value = key.split('.').reduce<unknown>((node, part) => (typeof node === 'object' && node !== null ? (node as Record<string, unknown>)[part] : undefined), catalogues[language]);
  return typeof value === 'string' ? value : undefined;
}

/** The real translator, recording each sentence asked for and checking its blanks are all filled. */
function checkingTranslator(language: Language, problems: string[], used: string[]): Translate {
  const real = translator(language);
  return (key, params) => {
    used.push(key);
    const template = lookup(language, key);
    if (template === undefined) problems.push(`${language}: no sentence ${key}`);
    for (const [, name] of (template ?? '').matchAll(/\{\{\s*(\w+)\s*\}\}/g)) {
      const value = params?.[name as string];
      if (value === undefined || String(value).trim() === '') problems.push(`${language}: ${key} left {{${name}}} blank`);
    }
    return real(key, params);
  };
}

const types = [...domain.events.keys()].sort();

describe('events in plain words', () => {
  it.each(types)('describes %s in both languages with every blank filled', (type) => {
    const definition = domain.events.get(type);
    const payload = sample(z.toJSONSchema(definition?.payload as z.ZodType, { io: 'output', unrepresentable: 'any' }) as JsonSchema) as Record<string, unknown>;
    expect(definition?.payload.safeParse(payload).success, 'the sample payload fits the schema').toBe(true);
    for (const language of ['sw', 'en'] as const) {
      const problems: string[] = [];
      const used: string[] = [];
      const sentence = describeEvent({ type, actor_name: 'Asha Mrisho', payload }, checkingTranslator(language, problems, used));
      expect(problems).toEqual([]);
      expect(used[used.length - 1] ?? used[0]).not.toBe('history.unknown');
      expect(used).not.toContain('history.unknown');
      expect(sentence).not.toContain('{{');
      expect(sentence).not.toMatch(/\bhistory\./);
      expect(sentence.trim().length).toBeGreaterThan(10);
    }
  });

  it('names the person who acted and what they acted on', () => {
    const t = translator('en');
    expect(describeEvent({ type: 'users.created', actor_name: 'Asha Mrisho', payload: { display_name: 'Juma Ally', roles: ['ict_officer', 'auditor'] } }, t)).toBe(
      'Asha Mrisho created the account of Juma Ally, roles: ICT officer, Auditor.',
    );
    expect(describeEvent({ type: 'users.deactivated', actor_name: 'Asha Mrisho', payload: { reason: 'transfer', note: 'Hazina' } }, t)).toBe(
      'Asha Mrisho deactivated this account: Transferred (Hazina).',
    );
    expect(describeEvent({ type: 'users.password-changed', actor_name: 'Asha Mrisho', payload: { by: 'admin' } }, t)).toContain('temporary password');
    expect(describeEvent({ type: 'users.password-changed', actor_name: 'Juma Ally', payload: { by: 'self' } }, t)).toBe('Juma Ally changed their password.');
  });

  it('still says something about an event from a newer version', () => {
    expect(describeEvent({ type: 'drones.launched', actor_name: 'Asha Mrisho', payload: {} }, translator('en'))).toBe('Asha Mrisho: event drones.launched.');
  });
});
