// Issue 8, "a new area needs a folder and one line in AREAS": a tiny area declared here, in this file
// alone — its routes, an event, a projection with its own migration, a history sentence, a conflict
// rule and a screen — is served by a core given the product's list plus this one line, with no other
// file touched. Every registry the product has (the route table, the dispatcher's role checks, the
// domain the journal folds and verifies with, history, conflicts, the window's navigation, the
// migrations) picks it up from the manifest.
import { sql, type Kysely } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createRegistry, defineArea, sentence, type Area } from '../../../db/area.ts';
import { AREAS } from '../../../db/areas.ts';
import { ICT } from '../../../db/contract/roles.ts';
import { route } from '../../../db/contract/route.ts';
import { openCore } from '../../../db/core.ts';
import { manualClock, seededIds } from '../../../db/core/clock.ts';
import { actorOf, command, signedIn, type CallContext } from '../../../db/core/context.ts';
import { refuse } from '../../../db/core/refusal.ts';
import { stamps } from '../../../db/journal/fold.ts';
import { defineEvent, defineProjection, emit, on } from '../../../db/journal/types.ts';
import { groupedRule } from '../../../db/sync/conflicts.ts';
import { statement } from '../../../db/store/open.ts';
import { addUser, okValue, refusal, setUp, START, tempDir, testHasher, typedCore, type TestCore } from '../../helpers/core.ts';

// ---- db/notes/ as a new area would write it ----------------------------------------------------------

interface NoteRow {
  id: string;
  asset_tag: string;
  text: string;
  created_at: string;
  updated_at: string;
  [column: string]: string | number | null;
}

// The area's row type joins the store's Database type from the area's own folder.
declare module '../../../db/store/schema.ts' {
  interface Database {
    example_notes: NoteRow;
  }
}

const noteAdded = defineEvent('example-notes.added', 'shared', z.object({ asset_tag: z.string(), text: z.string().min(1) }));

const notesProjection = defineProjection<NoteRow>({
  table: 'example_notes',
  columns: ['id', 'asset_tag', 'text', 'created_at', 'updated_at'],
  on: [on(noteAdded, (row, p, event) => ({ ...stamps(row, event), asset_tag: p.asset_tag, text: p.text }))],
});

const AddNoteInput = z.strictObject({ asset_tag: z.string().trim().min(1), text: z.string().trim().min(1).max(200) });

function addNote(ctx: CallContext, input: z.output<typeof AddNoteInput>): { id: string } {
  const id = ctx.ids.next();
  command(ctx, actorOf(signedIn(ctx)), () => {
    if (input.text.toLowerCase().includes('password')) refuse('invalid-input', undefined, { text: 'validation.required' });
    return { events: [emit(noteAdded, id, input)], result: null };
  });
  return { id };
}

const notesArea = defineArea({
  name: 'example-notes',
  routes: {
    'example-notes.add': route({ access: ICT, input: AddNoteInput, handler: (ctx, input) => addNote(ctx, input) }),
    'example-notes.list': route({
      access: 'signed-in',
      input: z.strictObject({}),
      handler: (ctx) => statement(ctx.store, 'SELECT id, asset_tag, text FROM example_notes ORDER BY created_at, id').all() as NoteRow[],
    }),
  },
  events: [noteAdded],
  projections: [notesProjection],
  history: [sentence(noteAdded, (p, { actor }) => `${actor} → ${p.asset_tag}: ${p.text}`)],
  conflicts: [
    groupedRule(
      'example-two-notes-one-device',
      `SELECT asset_tag AS key, json_group_array(id) AS ids FROM (SELECT asset_tag, id FROM example_notes ORDER BY id)
        GROUP BY asset_tag HAVING count(*) > 1 ORDER BY key`,
      (_key, ids) => ({ entities: ids, detail: { notes: ids } }),
    ),
  ],
  screens: [{ id: 'example-notes', route: 'example-notes.list' }],
  migrations: {
    '0500-example-notes': {
      async up(db: Kysely<unknown>) {
        await sql`CREATE TABLE example_notes (
          id TEXT PRIMARY KEY, asset_tag TEXT NOT NULL, text TEXT NOT NULL, created_at TEXT NOT NULL, updated_at TEXT NOT NULL
        ) STRICT`.execute(db);
      },
    },
  },
});

// ---- the one line in AREAS ------------------------------------------------------------------------------

const WITH_NOTES: readonly Area[] = [...AREAS, notesArea];

// ---- what the product derives from it -------------------------------------------------------------------

describe('a new area declared in its own folder and one line of the list', () => {
  const cleanups: (() => void)[] = [];
  afterEach(() => {
    for (const cleanup of cleanups.splice(0)) cleanup();
  });

  async function coreWithNotes(path = ':memory:'): Promise<TestCore> {
    const clock = manualClock(START);
    const core = await openCore({ path, hasher: testHasher, clock, ids: seededIds(7), areas: WITH_NOTES });
    cleanups.push(() => core.close());
    return typedCore(core, clock);
  }

  it('is in the route table, with its roles checked by the dispatcher like any route', async () => {
    const registry = createRegistry(WITH_NOTES);
    expect(Object.keys(registry.routes)).toEqual(expect.arrayContaining(['example-notes.add', 'example-notes.list', 'assets.list']));
    expect(registry.callableBy(['auditor'])).toContain('example-notes.list');
    expect(registry.callableBy(['auditor'])).not.toContain('example-notes.add');
    expect(registry.callableBy(['ict_officer'])).toContain('example-notes.add');

    const t = await coreWithNotes();
    const admin = await setUp(t);
    const officer = await addUser(t, admin.token, 'juma', ['ict_officer']);
    const auditor = await addUser(t, admin.token, 'rehema', ['auditor']);
    expect(okValue(await t.callRaw(officer.token, 'example-notes.add', { asset_tag: 'WF/ICT/0001', text: 'Betri inavimba' }))).toEqual({ id: expect.any(String) });
    expect(refusal(await t.callRaw(auditor.token, 'example-notes.add', { asset_tag: 'WF/ICT/0001', text: 'x' })).code).toBe('forbidden');
    // Its input is parsed like every route's: a mistyped field is named.
    expect(refusal(await t.callRaw(officer.token, 'example-notes.add', { asset_tag: 'WF/ICT/0001', txt: 'x' })).fields).toMatchObject({ txt: 'validation.unknown-field' });
    expect(okValue(await t.callRaw(auditor.token, 'example-notes.list', {}))).toEqual([{ id: expect.any(String), asset_tag: 'WF/ICT/0001', text: 'Betri inavimba' }]);
  });

  it('tells the window its screen and its routes, for the roles that may open them', async () => {
    const t = await coreWithNotes();
    const admin = await setUp(t);
    const auditor = await addUser(t, admin.token, 'rehema', ['auditor']);
    const me = okValue(await t.callRaw(auditor.token, 'auth.me', {})) as { may_call: string[]; screens: string[] };
    expect(me.screens[me.screens.length - 1]).toBe('example-notes');
    expect(me.may_call).toContain('example-notes.list');
    expect(me.may_call).not.toContain('example-notes.add');
  });

  it('journals its event, checks the payload against the schema, folds, verifies and tells its history', async () => {
    const t = await coreWithNotes();
    const admin = await setUp(t);
    const officer = await addUser(t, admin.token, 'juma', ['ict_officer']);
    const { id } = okValue(await t.callRaw(officer.token, 'example-notes.add', { asset_tag: 'WF/ICT/0002', text: 'Skrini imepasuka' })) as { id: string };

    const stored = statement(t.store, "SELECT type, entity FROM journal WHERE type = 'example-notes.added'").all();
    expect(stored).toEqual([{ type: 'example-notes.added', entity: id }]);
    expect(okValue(await t.call(admin.token, 'journal.verify'))).toMatchObject({ ok: true });

    const history = okValue(await t.call(admin.token, 'history.entity', { entity: id }));
    expect(history[0]?.sentence).toEqual({ sw: 'User juma → WF/ICT/0002: Skrini imepasuka', en: 'User juma → WF/ICT/0002: Skrini imepasuka' });

    // A malformed payload never reaches the journal, whoever writes it.
    const before = statement(t.store, 'SELECT count(*) AS n FROM journal').get();
    expect(() =>
      command(t.core.services, { id: officer.id, name: 'Juma' }, () => ({ events: [emit(noteAdded, 'x', { asset_tag: 'WF/ICT/0003', text: '' })], result: null })),
    ).toThrow();
    expect(statement(t.store, 'SELECT count(*) AS n FROM journal').get()).toEqual(before);
  });

  it('brings its conflict rule to the detector every installation runs', async () => {
    const t = await coreWithNotes();
    const admin = await setUp(t);
    const officer = await addUser(t, admin.token, 'juma', ['ict_officer']);
    for (const text of ['Betri', 'Skrini']) okValue(await t.callRaw(officer.token, 'example-notes.add', { asset_tag: 'WF/ICT/0009', text }));
    const conflicts = okValue(await t.call(admin.token, 'conflicts.list'));
    expect(conflicts.map((conflict) => conflict.kind)).toEqual(['example-two-notes-one-device']);
  });

  it('brings its own migration, run in name order with the store’s, and the file then needs this area to open', async () => {
    const dir = tempDir();
    cleanups.push(dir.remove);
    const path = `${dir.dir}/daftari.sqlite`;
    const t = await coreWithNotes(path);
    expect(statement(t.store, "SELECT name FROM sqlite_master WHERE name = 'example_notes'").get()).toEqual({ name: 'example_notes' });
    t.core.close();
    // A build without the area reads the file as one written by a newer version, and refuses it unharmed.
    await expect(openCore({ path, hasher: testHasher })).rejects.toMatchObject({ value: { code: 'database-too-new' } });
  });

  it('is refused at startup when it would make anything ambiguous', () => {
    expect(() => createRegistry([...AREAS, notesArea, notesArea])).toThrow(/listed twice/);
    expect(() => createRegistry([...AREAS, { ...notesArea, name: 'other', routes: { 'assets.list': notesArea.routes['example-notes.list'] } }])).toThrow(/already declared/);
    expect(() => createRegistry([...AREAS, { ...notesArea, history: [] }])).toThrow(/no history sentence/);
  });
});
