// What an area is, and the registry every list is derived from. An area is one folder `db/<area>/`
// whose index.ts exports a manifest: its routes, events, projections, history sentences, conflict
// rules, spreadsheet registers and the screens of the window that open it. `db/areas.ts` holds the
// one list; the route table, the domain, the history sentences, the conflict detector, `routes --json`
// and the window's navigation are all computed from it here (issue 8), so a new area touches its
// folder and one line of that list, never a registry file.
import type { Migration } from 'kysely/migration';
import type { z } from 'zod';
import type { Language, Translate } from './contract/catalogues/index.ts';
import { translator } from './contract/catalogues/index.ts';
import { mayCall, type RouteDefinition } from './contract/route.ts';
import type { Role } from './users/contract.ts';
import type { Services } from './core/context.ts';
import { createDomain, type Domain } from './journal/domain.ts';
import type { AnyProjection, EventDefinition } from './journal/types.ts';
import { migrations as storeMigrations } from './store/migrations/index.ts';
import type { Register } from './registers/register.ts';
import type { Store } from './store/open.ts';
import type { StoreCheck } from './journal/verify.ts';

export type RouteTable = Record<string, RouteDefinition>;

/** What a history sentence is given: the payload typed by its event, the actor's name and the words. */
export interface SentenceContext {
  actor: string;
  t: Translate;
}

export interface Sentence {
  readonly type: string;
  readonly say: (payload: Record<string, unknown>, context: SentenceContext) => string;
}

/**
 * How an event reads in a history ("Asha Mrisho registered the device WF/ICT/2025/0001"), typed by the
 * event's own payload schema. The payload is the one stored, which the journal checked at write.
 */
export function sentence<S extends z.ZodType>(event: EventDefinition<S>, say: (payload: z.output<S>, context: SentenceContext) => string): Sentence {
  return { type: event.type, say: say as Sentence['say'] };
}

/** A cross-entity rule a merge of two installations' journals can break (see db/sync/conflicts.ts). */
export interface Conflict {
  id: string;
  kind: string;
  entities: string[];
  detail: Record<string, string | string[]>;
}

export interface ConflictRule {
  readonly kind: string;
  readonly detect: (store: Store) => Conflict[];
}

/** Who a reminder counts for: a decision waits for one person, not for everyone holding the role. */
export interface ReminderUser {
  id: string;
  roles: readonly Role[];
}

/**
 * Something waiting for people (issue 10, "Inbox and reminders"): requests to decide, devices overdue,
 * approvals about to expire, preventive work due. Shown, with its count, to whoever may call `route`
 * (the action it waits for), in the inbox and beside its screen in the navigation.
 */
export interface Reminder {
  /** Its sentence is `inbox.items.<key>` in the catalogues, with `{{count}}`. */
  readonly key: string;
  /** The screen that deals with it. */
  readonly screen: string;
  readonly route: string;
  /** `act`: waits for this person's decision; `late`: already overdue or lost; `soon`: falls due soon. */
  readonly urgency: 'act' | 'late' | 'soon';
  /** How many wait for `user`, as of the working day `today` (YYYY-MM-DD, Dar es Salaam). */
  readonly count: (store: Store, today: string, user: ReminderUser) => number;
}

/** A work area of the window: shown to whoever may call its main route. The window draws it from its screens folder. */
export interface Screen {
  readonly id: string;
  readonly route: string;
}

export interface Area<R extends RouteTable = RouteTable> {
  readonly name: string;
  readonly routes: R;
  readonly events?: readonly EventDefinition[];
  readonly projections?: readonly AnyProjection[];
  readonly history?: readonly Sentence[];
  readonly conflicts?: readonly ConflictRule[];
  readonly screens?: readonly Screen[];
  /** What waits for people in this area (see `Reminder`). */
  readonly reminders?: readonly Reminder[];
  /**
   * The area's own migrations, by name (`0100-custody`): run in name order with the store's own
   * (db/store/migrations), so a new area brings its tables without editing a shared list.
   */
  readonly migrations?: Readonly<Record<string, Migration>>;
  /** The area's spreadsheet registers, exported by the registers engine (db/registers/export.ts). */
  readonly registers?: readonly Register<never>[];
  /** What `verify` checks besides the chain and the projections: fingerprints the area recorded (a frozen snapshot's SHA-256). */
  readonly checks?: readonly StoreCheck[];
  /**
   * Run at every opening, after the migrations and the held events: where a migration found data to
   * change, the area records it here as events, since only commands write the journal (0190's links).
   */
  readonly startup?: (services: Services) => void;
}

/** Declares an area; `const` keeps each route's input and output types for the typed route table. */
export function defineArea<const R extends RouteTable>(area: Area<R>): Area<R> {
  return area;
}

export interface DescribableEvent {
  type: string;
  actor_name: string;
  payload: Record<string, unknown>;
}

export interface Registry {
  readonly areas: readonly Area[];
  readonly routes: Readonly<RouteTable>;
  readonly domain: Domain;
  readonly conflictRules: readonly ConflictRule[];
  readonly screens: readonly Screen[];
  /** Every area's reminders, in the order of the areas. */
  readonly reminders: readonly Reminder[];
  /** Every area's spreadsheet registers, by key. */
  readonly registers: ReadonlyMap<string, Register<never>>;
  /** The store's migrations and every area's, by name. */
  readonly migrations: Readonly<Record<string, Migration>>;
  /** Every area's own checks, run by `verify` (db/journal/verify.ts). */
  readonly checks: readonly StoreCheck[];
  /** An event as a sentence in plain words; events this version does not know still read as something. */
  describe(event: DescribableEvent, t: Translate): string;
  /** The same sentence in every language the product speaks, for answers the window switches language on. */
  describeAll(event: DescribableEvent): Record<Language, string>;
  /** The names of the routes these roles may call, by the dispatcher's own rule (`mayCall`). */
  callableBy(roles: readonly Role[]): string[];
}

const languages: Record<Language, Translate> = { sw: translator('sw'), en: translator('en') };

/** Builds every derived list from the areas, refusing at startup what would be ambiguous later. */
export function createRegistry(areas: readonly Area[]): Registry {
  const names = new Set<string>();
  const routes: RouteTable = {};
  const sentences = new Map<string, Sentence>();
  const screens: Screen[] = [];
  const reminders: Reminder[] = [];
  const migrations: Record<string, Migration> = { ...storeMigrations };
  const registers = new Map<string, Register<never>>();
  for (const area of areas) {
    if (names.has(area.name)) throw new Error(`area listed twice: ${area.name}`);
    names.add(area.name);
    for (const [name, definition] of Object.entries(area.routes)) {
      if (Object.hasOwn(routes, name)) throw new Error(`route ${name} of ${area.name} is already declared`);
      routes[name] = definition;
    }
    const own = new Set((area.events ?? []).map((event) => event.type));
    for (const line of area.history ?? []) {
      if (!own.has(line.type)) throw new Error(`${area.name} describes ${line.type}, which it does not declare`);
      sentences.set(line.type, line);
    }
    for (const type of own) if (!sentences.has(type)) throw new Error(`${area.name} has no history sentence for ${type}`);
    for (const screen of area.screens ?? []) {
      if (!Object.hasOwn(routes, screen.route)) throw new Error(`screen ${screen.id} of ${area.name} opens with unknown route ${screen.route}`);
      screens.push(screen);
    }
    reminders.push(...(area.reminders ?? []));
    for (const register of area.registers ?? []) {
      if (registers.has(register.key)) throw new Error(`register ${register.key} of ${area.name} is already declared`);
      registers.set(register.key, register);
    }
    for (const [name, migration] of Object.entries(area.migrations ?? {})) {
      if (Object.hasOwn(migrations, name)) throw new Error(`migration ${name} of ${area.name} is already declared`);
      migrations[name] = migration;
    }
  }
  // Checked once every area is in: a reminder may open another area's screen or wait on its route.
  const keys = new Set<string>();
  for (const reminder of reminders) {
    if (keys.has(reminder.key)) throw new Error(`reminder ${reminder.key} is declared twice`);
    keys.add(reminder.key);
    if (!Object.hasOwn(routes, reminder.route)) throw new Error(`reminder ${reminder.key} waits on unknown route ${reminder.route}`);
    if (!screens.some((screen) => screen.id === reminder.screen)) throw new Error(`reminder ${reminder.key} opens unknown screen ${reminder.screen}`);
  }
  const domain = createDomain(
    areas.flatMap((area) => area.events ?? []),
    areas.flatMap((area) => area.projections ?? []),
  );
  const describe = (event: DescribableEvent, t: Translate): string => {
    const line = sentences.get(event.type);
    if (line) {
      try {
        return line.say(event.payload, { actor: event.actor_name, t });
      } catch {
        // A payload this build cannot read (written by a damaged file) still reads as something.
      }
    }
    return t('history.unknown', { actor: event.actor_name, type: event.type });
  };
  return {
    areas,
    routes,
    domain,
    conflictRules: areas.flatMap((area) => area.conflicts ?? []),
    checks: areas.flatMap((area) => area.checks ?? []),
    screens,
    reminders,
    registers,
    migrations,
    describe,
    describeAll: (event) => ({ sw: describe(event, languages.sw), en: describe(event, languages.en) }),
    callableBy: (roles) =>
      Object.entries(routes)
        .filter(([, definition]) => mayCall(definition.access, roles))
        .map(([name]) => name),
  };
}
