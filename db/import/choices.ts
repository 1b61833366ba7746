// Values of a register that name no entry of the installation (a category written "Diski ya Nje", a
// room, a department or a person not yet known). Each distinct one is listed once with its close
// matches; the user maps it to an entry or has the entry made, in the same commit as the devices.
// None of this makes a row invalid: a fresh installation takes its first register in one go.
import { BUILTIN_CATEGORIES, CategoryInput } from '../assets/contract.ts';
import { CONTROL_CHARACTERS_KEY, hasControlCharacters, ListInput } from '../contract/inputs.ts';
import { PersonInput } from '../people/contract.ts';
import { DepartmentInput, LocationInput } from '../places/contract.ts';
import { type ImportMapping, VALUE_FIELDS, type ValueChoice, type ValueField } from './contract.ts';
import { catalogues } from '../contract/catalogues/index.ts';
import { createCategory } from '../assets/commands.ts';
import { listCategories } from '../assets/queries.ts';
import type { CallContext } from '../core/context.ts';
import { refuse } from '../core/refusal.ts';
import { registerPerson } from '../people/commands.ts';
import { listPeople } from '../people/queries.ts';
import { createDepartment, createLocation } from '../places/commands.ts';
import { listDepartments, listLocations } from '../places/queries.ts';
import type { Store } from '../store/open.ts';
import { fold } from './mapping.ts';
import { closest, confident, type Entry, type Suggestion } from './matching.ts';
import type { Cell, Sheet, SheetRow } from './read.ts';
import { CATEGORY_SYNONYMS, categoryResolver, cellText, fieldValue, type Converted } from './values.ts';

export type ChoiceSource = 'given' | 'remembered' | 'suggested' | 'default';

export interface UnmatchedValue {
  field: ValueField;
  /** The value as the file first writes it. */
  value: string;
  /** How many rows carry it, and the first of them. */
  rows: number;
  first_row: number;
  /** Close entries, best first. */
  suggestions: Suggestion[];
  /** What the commit will do; null while the user must still choose (a category with no sure match). */
  choice: ValueChoice | null;
  source: ChoiceSource | null;
}

type Found = { kind: 'found'; id: string } | { kind: 'ambiguous' } | { kind: 'none' };

export interface Directory {
  entries: Record<ValueField, Entry[]>;
  find(field: ValueField, text: string, email?: string): Found;
}

const ALL = ListInput.parse({ status: 'all' });

function everyone(store: Store) {
  const people: { id: string; full_name: string; check_number: string; email: string; active: boolean }[] = [];
  let after: string | null = null;
  do {
    const page = listPeople(store, { ...ALL, after, limit: 1000 });
    people.push(...page.items);
    after = page.next;
  } while (after);
  return people;
}

/**
 * Finds an entity by the words a register uses for it. Keys are tried tier by tier (a check number
 * before a name); several matches narrow to the active ones, and if still several, the row is told
 * to be more precise rather than given a guess.
 */
function tiered<T extends { id: string; active: boolean }>(items: readonly T[], tiers: readonly ((item: T) => string[])[]): (text: string) => Found {
  const maps = tiers.map((keysOf) => {
    const map = new Map<string, T[]>();
    for (const item of items) {
      for (const key of new Set(keysOf(item).map(fold).filter(Boolean))) map.set(key, [...(map.get(key) ?? []), item]);
    }
    return map;
  });
  return (text) => {
    const key = fold(text);
    for (const map of maps) {
      const found = map.get(key);
      if (!found) continue;
      const active = found.filter((item) => item.active);
      const chosen = found.length === 1 ? found : active;
      return chosen.length === 1 ? { kind: 'found', id: (chosen[0] as T).id } : { kind: 'ambiguous' };
    }
    return { kind: 'none' };
  };
}

const sw = catalogues.sw as { categories: Record<string, string> };
const en = catalogues.en as typeof sw;

/** Every category, place, department and person, as the import names and suggests them. */
export function loadDirectory(store: Store, language: 'sw' | 'en' = 'sw'): Directory {
  const custom = listCategories(store).filter((c) => !c.builtin);
  const locations = listLocations(store, ALL).map((l) => ({ ...l, active: l.active === 1 }));
  const departments = listDepartments(store, ALL).map((d) => ({ ...d, active: d.active === 1 }));
  const people = everyone(store);
  const label = (id: string) => (language === 'sw' ? sw : en).categories[id] ?? id;
  const synonymsOf = (id: string) => Object.entries(CATEGORY_SYNONYMS).filter(([, target]) => target === id).map(([name]) => name);
  const category = categoryResolver(BUILTIN_CATEGORIES, custom);
  const byLocation = tiered(locations, [(l) => [l.name], (l) => [`${l.name} ${l.building}`, `${l.building} ${l.name}`]]);
  const byDepartment = tiered(departments, [(d) => [d.name], (d) => [d.code]]);
  const byPerson = tiered(people, [(p) => [p.check_number], (p) => [p.full_name]]);
  const byEmail = tiered(people, [(p) => [p.email]]);
  return {
    entries: {
      category: [
        ...BUILTIN_CATEGORIES.map((id) => ({ id, label: label(id), keys: [sw.categories[id] ?? id, en.categories[id] ?? id, ...synonymsOf(id)] })),
        ...custom.map((c) => ({ id: c.id, label: language === 'sw' ? c.name_sw : c.name_en, keys: [c.name_sw, c.name_en] })),
      ],
      location: locations.filter((l) => l.active).map((l) => ({ id: l.id, label: l.building ? `${l.name} (${l.building})` : l.name, keys: [l.name] })),
      department: departments.filter((d) => d.active).map((d) => ({ id: d.id, label: d.name, keys: [d.name, d.code].filter(Boolean) })),
      custodian: people
        .filter((p) => p.active)
        .map((p) => ({ id: p.id, label: p.check_number ? `${p.full_name} (${p.check_number})` : p.full_name, keys: [p.full_name, p.check_number].filter(Boolean) })),
    },
    find(field, text, email) {
      switch (field) {
        case 'category': {
          const found = category(text);
          return found.ok ? { kind: 'found', id: found.value } : { kind: 'none' };
        }
        case 'location':
          return byLocation(text);
        case 'department':
          return byDepartment(text);
        case 'custodian': {
          const mailed = email ? byEmail(email) : ({ kind: 'none' } as Found);
          return mailed.kind === 'none' && text ? byPerson(text) : mailed;
        }
        default:
          return assertNever(field);
      }
    },
  };
}

function assertNever(value: never): never {
  throw new Error(`unexpected ${String(value)}`);
}

/** The person a row names: first and last name joined (Snipe-IT splits them), and an email if any. */
export function custodianOf(sheet: Sheet, mapping: ImportMapping, cells: readonly Cell[]): { text: string; email: string } {
  const at = (header: string | undefined) => (header === undefined ? '' : cellText(fieldValue(cells[sheet.headers.indexOf(header)] ?? null)));
  const name = [at(mapping.custodian), at(mapping.custodian_last_name)].filter(Boolean).join(' ');
  const email = at(mapping.custodian_email);
  return { text: name || email, email };
}

/** The text of a value field in a row, as compared. */
export function valueOf(sheet: Sheet, mapping: ImportMapping, cells: readonly Cell[], field: ValueField): { text: string; email: string } {
  if (field === 'custodian') return custodianOf(sheet, mapping, cells);
  const header = mapping[field];
  return { text: header === undefined ? '' : cellText(fieldValue(cells[sheet.headers.indexOf(header)] ?? null)), email: '' };
}

/** The longest name each list takes (its form's own limit): a longer cell is a row to correct, not an entry to make. */
const NAME_LIMIT: Record<ValueField, number> = { category: 80, location: 160, department: 160, custodian: 160 };

/**
 * Why a value cannot name an entry at all, if it cannot: too long for the list, or holding control
 * characters (pasted from another program) that no name may hold. The row says so; nothing is made.
 */
function unusable(field: ValueField, text: string): { ok: false; message: string; params?: Record<string, string | number> } | undefined {
  if (hasControlCharacters(text)) return { ok: false, message: CONTROL_CHARACTERS_KEY };
  if (text.length > NAME_LIMIT[field]) return { ok: false, message: 'import.errors.too-long', params: { length: text.length, limit: NAME_LIMIT[field] } };
  return undefined;
}

function shouting(text: string): boolean {
  return /\p{L}/u.test(text) && text === text.toUpperCase();
}

const keyOf = (field: ValueField, value: string) => `${field}\u0000${fold(value)}`;

/**
 * Each distinct value of the file that matches nothing, with what will become of it: the user's
 * choice, else the one remembered for this register, else a sure close match, else (for places,
 * departments and people) a new entry. A category with no sure match waits for the user. `step` is
 * called after each row: a long job pauses there.
 */
export async function unmatchedValues(
  directory: Directory,
  sheet: Sheet,
  rows: readonly SheetRow[],
  mapping: ImportMapping,
  given: readonly ValueChoice[],
  remembered: readonly ValueChoice[],
  step: (done: number) => Promise<void> | undefined = () => undefined,
): Promise<UnmatchedValue[]> {
  const found = new Map<string, UnmatchedValue>();
  const fields = VALUE_FIELDS.filter((field) => mapping[field] !== undefined || (field === 'custodian' && mapping.custodian_email !== undefined));
  for (const [i, { row, cells }] of rows.entries()) {
    for (const field of fields) {
      const { text, email } = valueOf(sheet, mapping, cells, field);
      if (text === '' || unusable(field, text) || directory.find(field, text, email).kind !== 'none') continue;
      const key = keyOf(field, text);
      const seen = found.get(key);
      if (seen) {
        seen.rows += 1;
        // The entry is made under the first spelling not in capitals: a register typed partly in
        // capitals should not give the people register "JUMA HASSAN" beside "Juma Hassan".
        if (shouting(seen.value) && !shouting(text)) seen.value = text;
      } else found.set(key, { field, value: text, rows: 1, first_row: row, suggestions: [], choice: null, source: null });
    }
    await step(i + 1);
  }
  const byKey = (choices: readonly ValueChoice[]) => new Map(choices.map((c) => [keyOf(c.field, c.value), c]));
  const [givenByKey, rememberedByKey] = [byKey(given), byKey(remembered)];
  const exists = (choice: ValueChoice) => choice.action === 'create' || directory.entries[choice.field].some((e) => e.id === choice.id);
  for (const [key, value] of found) {
    value.suggestions = closest(value.value, directory.entries[value.field]);
    const mine = givenByKey.get(key);
    if (mine && !exists(mine)) refuse('import-value-target-not-found', { value: value.value });
    const kept = rememberedByKey.get(key);
    const best = value.suggestions[0];
    if (mine) [value.choice, value.source] = [{ ...mine, value: value.value }, 'given'];
    else if (kept && exists(kept)) [value.choice, value.source] = [{ ...kept, value: value.value }, 'remembered'];
    else if (best && confident(value.suggestions)) [value.choice, value.source] = [{ field: value.field, value: value.value, action: 'map', id: best.id }, 'suggested'];
    else if (value.field !== 'category') [value.choice, value.source] = [{ field: value.field, value: value.value, action: 'create' }, 'default'];
  }
  // Those waiting for the user first, then by field, then as the file meets them.
  const order = (value: UnmatchedValue) => (value.choice === null ? 0 : 1);
  return [...found.values()].sort((a, b) => order(a) - order(b) || VALUE_FIELDS.indexOf(a.field) - VALUE_FIELDS.indexOf(b.field) || a.first_row - b.first_row);
}

export interface Applied {
  /** Value key → the entry it stands for. */
  ids: Map<string, string>;
  created: Record<ValueField, number>;
}

/**
 * Makes the entries to be created and notes every answer, inside the caller's transaction. A value
 * still waiting for a choice stands for `stand_in` (the preview's rehearsal) or stops the commit.
 */
export function applyChoices(ctx: CallContext, values: readonly UnmatchedValue[], sheet: Sheet, rows: readonly SheetRow[], mapping: ImportMapping): Applied {
  const ids = new Map<string, string>();
  const created: Record<ValueField, number> = { category: 0, location: 0, department: 0, custodian: 0 };
  const emails = new Map<string, string>();
  for (const { cells } of rows) {
    const { text, email } = custodianOf(sheet, mapping, cells);
    if (text && email && !hasControlCharacters(email) && !emails.has(fold(text))) emails.set(fold(text), email);
  }
  for (const value of values) {
    const choice = value.choice;
    if (!choice) continue;
    if (choice.action === 'map') {
      ids.set(keyOf(value.field, value.value), choice.id);
      continue;
    }
    created[value.field] += 1;
    ids.set(keyOf(value.field, value.value), create(ctx, value.field, value.value, emails.get(fold(value.value)) ?? ''));
  }
  return { ids, created };
}

function create(ctx: CallContext, field: ValueField, name: string, email: string): string {
  switch (field) {
    case 'category':
      // A new kind of device is taken to hold records until someone says otherwise: the safer side
      // of the disposal rules (3.6.3).
      if (!ctx.user?.roles.includes('admin')) refuse('forbidden');
      return (createCategory(ctx, CategoryInput.parse({ name_sw: name, name_en: name, can_hold_records: true })) as { id: string }).id;
    case 'location':
      return createLocation(ctx, LocationInput.parse({ name })).id;
    case 'department':
      return createDepartment(ctx, DepartmentInput.parse({ name })).id;
    case 'custodian': {
      const isMail = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
      const check = /^\d{3,20}$/.test(name) ? name : '';
      return registerPerson(ctx, PersonInput.parse({ full_name: name, check_number: check, email: isMail.test(email) ? email : isMail.test(name) ? name : '' })).id;
    }
    default:
      return assertNever(field);
  }
}

/** A value field's cell converted to an entry's id, through the directory then the user's answers. */
export function resolverOf(directory: Directory, applied: Applied, standIn: string | null) {
  return (field: ValueField, text: string, email: string): Converted<string | null> => {
    if (text === '') return field === 'category' ? { ok: false, message: 'validation.required' } : { ok: true, value: null };
    const found = directory.find(field, text, email);
    if (found.kind === 'found') return { ok: true, value: found.id };
    if (found.kind === 'ambiguous') return { ok: false, message: `import.errors.ambiguous-${field === 'custodian' ? 'person' : field}`, params: { value: text } };
    const problem = unusable(field, text);
    if (problem) return problem;
    const id = applied.ids.get(keyOf(field, text));
    if (id) return { ok: true, value: id };
    if (field === 'category' && standIn) return { ok: true, value: standIn };
    return { ok: false, message: field === 'category' ? 'errors.category-not-found' : `errors.${field === 'custodian' ? 'person' : field}-not-found`, params: { value: text } };
  };
}
