// The warning at opening (issue 12): each opening checks the events added since the last one, and holds
// the file up to the heads it held when last opened here (`<db>.seen`) and to the newest backup. An old
// copy put in the file's place, a forger who rewrites and re-hashes the chain, an entry changed by hand:
// each is named at once, in both languages, and the warning stays until an administrator answers it.
import { copyFileSync, existsSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Sqlite from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FIRST_CHECK_EVENTS, seenPath } from '../../../db/backups/startup.ts';
import { forgeEvent } from '../../helpers/forge.ts';
import { ADMIN_PASSWORD, addUser, expectRefused, openTestCore, setUp, signIn, tempDir, type TestCore, YEAR_OF_IDLE } from '../../helpers/core.ts';

let temp: ReturnType<typeof tempDir>;
let t: TestCore;
let admin: string;
let path: string;

async function reopen(options: { close?: boolean } = {}): Promise<void> {
  if (options.close !== false) t.core.close();
  t = await openTestCore({ path, clock: t.clock, seed: 7, idleLimitMs: YEAR_OF_IDLE });
  admin = (await signIn(t, 'asha', ADMIN_PASSWORD)).token ?? '';
}

async function register(...names: string[]): Promise<void> {
  for (const full_name of names) await t.ok(admin, 'people.register', { full_name });
}

/** What a person who copied the file aside earlier would put back: the file alone, as it was then. */
function snapshotTo(file: string): void {
  t.core.services.store.sqlite.prepare('VACUUM INTO ?').run(file);
}

function putInPlace(file: string): void {
  for (const suffix of ['-wal', '-shm']) rmSync(`${path}${suffix}`, { force: true });
  copyFileSync(file, path);
}

const warning = () => t.ok(admin, 'backups.startup-warning');

beforeEach(async () => {
  temp = tempDir();
  path = join(temp.dir, 'daftari.sqlite');
  t = await openTestCore({ path, idleLimitMs: YEAR_OF_IDLE });
  admin = (await setUp(t)).token;
  await register('Zuhura Said', 'Hamisi Juma');
});

afterEach(() => {
  t.core.close();
  temp.remove();
});

describe('an opening with nothing wrong', () => {
  it('says nothing, and checks only what was written since the last opening', async () => {
    await reopen();
    let seen = await warning();
    expect(seen).toMatchObject({ ok: true, problems: [], checked_events: 0 });
    expect(seen?.seen_at).not.toBeNull();
    // The window closes without a word (a power cut): the next opening checks what this session wrote.
    await register('Neema Mushi', 'Baraka Mollel');
    await reopen({ close: false });
    seen = await warning();
    expect(seen).toMatchObject({ ok: true, problems: [] });
    expect(seen?.checked_events).toBeGreaterThanOrEqual(2);
    expect(seen?.checked_events).toBeLessThan(10);
  });

  it('keeps what it was held against beside the file, readable only by its owner', async () => {
    t.core.close();
    const seen = JSON.parse(readFileSync(seenPath(path), 'utf8')) as { format: string; heads: { origin: string }[] };
    expect(seen.format).toBe('daftari-seen-1');
    expect(seen.heads.length).toBeGreaterThan(0);
    if (process.platform !== 'win32') expect(statSync(seenPath(path)).mode & 0o077).toBe(0);
    t = await openTestCore({ path, clock: t.clock, seed: 7, idleLimitMs: YEAR_OF_IDLE });
  });

  it('on a file opened here for the first time, checks its newest events', async () => {
    t.core.close();
    rmSync(seenPath(path));
    await reopen({ close: false });
    const seen = await warning();
    expect(seen).toMatchObject({ ok: true, seen_at: null });
    expect(seen?.checked_events).toBe(Math.min(FIRST_CHECK_EVENTS, (t.store.sqlite.prepare('SELECT count(*) AS n FROM journal').get() as { n: number }).n) - 1);
  });
});

describe('an older copy put in the file’s place', () => {
  it('is named at once, in both languages, and the warning stays until an administrator answers it', async () => {
    const old = join(temp.dir, 'copy-of-monday.sqlite');
    snapshotTo(old);
    await register('Neema Mushi');
    t.core.close();
    putInPlace(old);
    await reopen({ close: false });

    let seen = await warning();
    expect(seen?.ok).toBe(false);
    expect(seen?.problems).toEqual([expect.objectContaining({ kind: 'seen', problem: 'missing' })]);
    expect(seen?.problems[0]?.text.sw).toContain('halina tena kumbukumbu');
    expect(seen?.problems[0]?.text.en).toContain('an older copy may have been put in its place');
    expect(seen?.problems[0]?.text.en).toMatch(/\d{2}\/\d{2}\/\d{4}/);

    // Opening again does not make it go away.
    await reopen();
    expect((await warning())?.problems).toEqual([expect.objectContaining({ kind: 'seen', problem: 'missing' })]);

    // Only an administrator answers it, and only with an explanation.
    const officer = await addUser(t, admin, 'juma', ['ict_officer']);
    seen = await t.ok(officer.token, 'backups.startup-warning');
    expect(seen?.ok).toBe(false);
    expectRefused(await t.call(officer.token, 'backups.acknowledge-warning', { note: 'Sijui' }), 'forbidden');
    expectRefused(await t.call(admin, 'backups.acknowledge-warning', { note: '' }), 'invalid-input');

    const answered = await t.ok(admin, 'backups.acknowledge-warning', { note: 'Nakala ya Jumatatu ilirejeshwa kwa mkono baada ya diski kuharibika.' });
    expect(answered).toMatchObject({ ok: true, problems: [] });
    const recorded = t.store.sqlite.prepare("SELECT entity FROM journal WHERE type = 'backups.warning-acknowledged'").get() as { entity: string };
    const history = await t.ok(admin, 'history.entity', { entity: recorded.entity });
    expect(history.map((entry) => entry.sentence.sw)).toEqual([
      expect.stringMatching(/^Asha Mrisho alithibitisha tahadhari ya ufunguzi: Faili hili halina tena kumbukumbu .* Maelezo: Nakala ya Jumatatu ilirejeshwa kwa mkono/),
    ]);

    await reopen();
    expect(await warning()).toMatchObject({ ok: true, problems: [] });
    expectRefused(await t.call(admin, 'backups.acknowledge-warning', { note: 'Tena' }), 'startup-nothing-to-acknowledge');
  });
});

describe('a forger who rewrites and re-hashes the chain', () => {
  it('passes the chain check, but not the heads seen at the last opening', async () => {
    t.core.close();
    forgeEvent(path, 'people.registered', (p) => p.full_name === 'Hamisi Juma', (p) => {
      p.full_name = 'Hamisi Jumanne';
    });
    await reopen({ close: false });
    const seen = await warning();
    expect(seen?.problems).toEqual([expect.objectContaining({ kind: 'seen', problem: 'rewritten' })]);
    expect(seen?.problems[0]?.text.en).toContain('have been rewritten since');
  });

  it('who also rewrites what was kept beside the file is caught by the newest backup', async () => {
    await t.ok(admin, 'backups.take', {});
    t.core.close();
    forgeEvent(path, 'people.registered', (p) => p.full_name === 'Hamisi Juma', (p) => {
      p.full_name = 'Hamisi Jumanne';
    });
    // The forger makes the heads beside the file agree with the forged file.
    const forged = new Sqlite(path, { readonly: true });
    const heads = forged
      .prepare(`SELECT j.origin, j.origin_seq, j.hash FROM journal j JOIN (SELECT origin, max(origin_seq) AS top FROM journal GROUP BY origin) h ON h.origin = j.origin AND h.top = j.origin_seq`)
      .all();
    const top = (forged.prepare('SELECT max(seq) AS n FROM journal').get() as { n: number }).n;
    forged.close();
    writeFileSync(seenPath(path), JSON.stringify({ format: 'daftari-seen-1', at: new Date().toISOString(), checked_seq: top, heads }));

    await reopen({ close: false });
    const seen = await warning();
    expect(seen?.problems).toEqual([expect.objectContaining({ kind: 'backup', problem: 'rewritten' })]);
    expect(seen?.problems[0]?.text.sw).toContain('zimeandikwa upya');
  });

  it('who removes the backups’ records from the file is still caught by the backup file itself', async () => {
    const taken = await t.ok(admin, 'backups.take', {});
    t.core.close();
    forgeEvent(path, 'people.registered', (p) => p.full_name === 'Hamisi Juma', (p) => {
      p.full_name = 'Hamisi Jumanne';
    });
    const forged = new Sqlite(path);
    forged.exec('DELETE FROM backups');
    forged.close();
    rmSync(seenPath(path));
    await reopen({ close: false });
    const seen = await warning();
    expect(seen?.backup).toBe(taken.file);
    expect(seen?.problems).toEqual([expect.objectContaining({ kind: 'backup', problem: 'rewritten', file: taken.file })]);
  });
});

describe('an entry changed by hand since the last opening', () => {
  it('is named by its number', async () => {
    await register('Neema Mushi');
    const newest = (t.store.sqlite.prepare('SELECT max(seq) AS n FROM journal').get() as { n: number }).n;
    t.core.close();
    const sqlite = new Sqlite(path);
    sqlite.exec('DROP TRIGGER IF EXISTS journal_no_update');
    sqlite.prepare("UPDATE journal SET payload = replace(payload, 'Neema', 'Nuru') WHERE seq = ?").run(newest);
    sqlite.close();
    // What was kept beside the file predates the change: the session that wrote it ended without a word.
    const seen = JSON.parse(readFileSync(seenPath(path), 'utf8')) as { checked_seq: number; heads: { origin: string; origin_seq: number; hash: string }[] };
    seen.checked_seq = newest - 1;
    const mine = new Sqlite(path, { readonly: true });
    seen.heads = mine.prepare('SELECT origin, max(origin_seq) AS origin_seq FROM journal WHERE seq < ? GROUP BY origin').all(newest).map((head) => {
      const { origin, origin_seq } = head as { origin: string; origin_seq: number };
      return { origin, origin_seq, hash: (mine.prepare('SELECT hash FROM journal WHERE origin = ? AND origin_seq = ?').get(origin, origin_seq) as { hash: string }).hash };
    });
    mine.close();
    writeFileSync(seenPath(path), JSON.stringify(seen));

    await reopen({ close: false });
    const found = await warning();
    expect(found?.problems).toEqual([expect.objectContaining({ kind: 'chain', problem: 'hash-mismatch', seq: newest })]);
    expect(found?.problems[0]?.text.sw).toBe(`Kumbukumbu Na. ${newest} ya daftari imebadilishwa baada ya kuandikwa.`);
  });

  it('names a record of the last opening that was edited by hand', async () => {
    t.core.close();
    writeFileSync(seenPath(path), '{"format":"daftari-seen-1","at":"yesterday"}');
    await reopen({ close: false });
    expect((await warning())?.problems).toEqual([expect.objectContaining({ kind: 'seen', problem: 'unreadable' })]);
  });
});

describe('a restore', () => {
  it('is not mistaken for a forgery, then or at the next opening', async () => {
    const taken = await t.ok(admin, 'backups.take', {});
    await register('Neema Mushi');
    const shown = await t.ok(admin, 'backups.inspect', { file: taken.file });
    await t.ok(admin, 'backups.restore', { file: taken.file, sha256: shown.sha256 });
    admin = (await signIn(t, 'asha', ADMIN_PASSWORD)).token ?? '';
    expect(await warning()).toMatchObject({ ok: true, problems: [] });
    await reopen();
    expect(await warning()).toMatchObject({ ok: true, problems: [] });
    expect(existsSync(seenPath(path))).toBe(true);
  });

  it('ends a warning about the file it replaced', async () => {
    const taken = await t.ok(admin, 'backups.take', {});
    const old = join(temp.dir, 'old.sqlite');
    snapshotTo(old);
    await register('Neema Mushi');
    t.core.close();
    putInPlace(old);
    await reopen({ close: false });
    expect((await warning())?.ok).toBe(false);
    const shown = await t.ok(admin, 'backups.inspect', { file: taken.file });
    await t.ok(admin, 'backups.restore', { file: taken.file, sha256: shown.sha256 });
    admin = (await signIn(t, 'asha', ADMIN_PASSWORD)).token ?? '';
    expect(await warning()).toMatchObject({ ok: true, problems: [] });
  });
});


