// An event a newer peer sent is held until this version knows its type; the app folds such events
// when it starts (docs/journal.md, "Event types this version does not know").
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openTestCore, setUp, tempDir } from '../../helpers/core.ts';

describe('starting the app', () => {
  let folder: ReturnType<typeof tempDir>;
  afterEach(() => folder.remove());

  it('folds the held events whose type it now knows, so their rows appear', async () => {
    folder = tempDir();
    const path = join(folder.dir, 'daftari.sqlite');
    const first = await openTestCore({ path });
    const { token } = await setUp(first);
    const created = await first.call(token, 'locations.create', { name: 'Ghorofa 2', building: 'Maji House', region: 'Dodoma' });
    expect(created.ok).toBe(true);
    const id = (created as { value: { id: string } }).value.id;
    // As if the event had arrived from a newer peer before this version knew its type: held, not folded.
    const sqlite = first.core.services.store.sqlite;
    const seq = (sqlite.prepare("SELECT seq FROM journal WHERE type = 'locations.created' AND entity = ?").get(id) as { seq: number }).seq;
    sqlite.prepare('INSERT INTO journal_held (seq) VALUES (?)').run(seq);
    sqlite.prepare('DELETE FROM locations WHERE id = ?').run(id);
    sqlite.prepare('DELETE FROM journal_refs WHERE seq = ?').run(seq);
    first.core.close();

    const again = await openTestCore({ path });
    const store = again.core.services.store.sqlite;
    expect(store.prepare('SELECT name FROM locations WHERE id = ?').get(id)).toEqual({ name: 'Ghorofa 2' });
    expect(store.prepare('SELECT count(*) AS n FROM journal_held').get()).toEqual({ n: 0 });
    again.core.close();
  });
});
