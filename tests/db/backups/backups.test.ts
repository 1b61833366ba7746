// Backups (issue 12, 3.4.1 and 3.4.2): taken online, verified on the copy before they are kept, pruned to
// the number the settings keep, tried by a test restore that is recorded, and restored over the records
// only once verified again, with the replaced file kept aside.
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Sqlite from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { registry } from '../../../db/areas.ts';
import { verifyStore } from '../../../db/journal/verify.ts';
import { addUser, ADMIN_PASSWORD, DAY, expectRefused, HOUR, openTestCore, refusal, setUp, signIn, tempDir, type TestCore, YEAR_OF_IDLE } from '../../helpers/core.ts';

let temp: ReturnType<typeof tempDir>;
let t: TestCore;
let admin: string;

const store = () => t.core.services.store;
const count = (table: string) => (store().sqlite.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
const backupsFolder = () => join(temp.dir, 'backups');
const backupFiles = () => (existsSync(backupsFolder()) ? readdirSync(backupsFolder()).sort() : []);

async function registerPeople(names: string[]): Promise<void> {
  for (const full_name of names) await t.ok(admin, 'people.register', { full_name });
}

beforeEach(async () => {
  temp = tempDir();
  t = await openTestCore({ path: join(temp.dir, 'daftari.sqlite'), idleLimitMs: YEAR_OF_IDLE });
  admin = (await setUp(t)).token;
  await registerPeople(['Zuhura Said', 'Hamisi Juma']);
});

afterEach(() => {
  t.core.close();
  temp.remove();
});

describe('taking a backup', () => {
  it('copies online, verifies the copy, then keeps it under its name and records what it holds', async () => {
    const events = count('journal');
    const taken = await t.ok(admin, 'backups.take', {});
    expect(taken.file).toMatch(/^daftari-WF-2025-03-03T08-00-00Z\.sqlite$/);
    expect(backupFiles()).toEqual([taken.file]);
    // One plain file, nothing half-written beside it.
    expect(readdirSync(backupsFolder()).filter((name) => name !== taken.file)).toEqual([]);
    expect(taken.summary).toMatchObject({ institution_name: 'Wizara ya Fedha', institution_code: 'WF', people: 2, users: 1 });
    expect(taken.summary.events).toBe(events);
    expect(count('journal')).toBe(events + 1);
    const copy = new Sqlite(taken.path, { readonly: true });
    try {
      expect(copy.pragma('journal_mode', { simple: true })).toBe('delete');
      expect((copy.prepare('SELECT count(*) AS n FROM people').get() as { n: number }).n).toBe(2);
    } finally {
      copy.close();
    }
    const list = await t.ok(admin, 'backups.list');
    expect(list.backups).toEqual([expect.objectContaining({ file: taken.file, state: 'verified', kind: 'on-demand', present: true, sha256: taken.sha256, by_name: 'Asha Mrisho' })]);
    expect(list.settings).toMatchObject({ every: 'daily', keep: 14, folder: '', resolved_folder: backupsFolder() });
    const history = await t.ok(admin, 'history.entity', { entity: taken.id });
    expect(history.map((entry) => entry.sentence.sw)).toEqual([`Asha Mrisho alichukua nakala rudufu ${taken.file} yenye matukio ${taken.summary.events}; ilihakikiwa kabla ya kuhifadhiwa`]);
  });

  it('reports a copy that does not verify, keeps nothing under its name, and the inbox says so', async () => {
    // Someone changed a row in the file without an event: the copy carries the change, and fails.
    store().sqlite.prepare("UPDATE people SET full_name = 'Mtu Mwingine' WHERE full_name = 'Zuhura Said'").run();
    const error = expectRefused(await t.call(admin, 'backups.take', {}), 'backup-journal');
    expect(String(error.params?.detail)).toMatch(/^row-differs: people /);
    expect(backupFiles()).toEqual([]);
    const list = await t.ok(admin, 'backups.list');
    expect(list.backups).toEqual([expect.objectContaining({ state: 'failed', problem: 'journal', present: false })]);
    const inbox = await t.ok(admin, 'inbox.list');
    expect(inbox.items.map((item) => item.key)).toContain('backup-failed');
  });

  it('keeps the number of backups the settings say, removing only the oldest it wrote', async () => {
    await t.ok(admin, 'backups.set-settings', { every: 'daily', keep: 2, folder: '' });
    const stranger = join(backupsFolder(), 'nakala-ya-zamani.sqlite');
    const files: string[] = [];
    for (let i = 0; i < 3; i += 1) {
      files.push((await t.ok(admin, 'backups.take', {})).file);
      if (i === 0) writeFileSync(stranger, 'si hifadhidata');
      t.clock.advance(HOUR);
    }
    expect(new Set(files).size).toBe(3);
    expect(backupFiles()).toEqual([...files.slice(1), 'nakala-ya-zamani.sqlite'].sort());
    const list = await t.ok(admin, 'backups.list');
    expect(list.backups.find((item) => item.file === files[0])).toMatchObject({ state: 'verified', present: false });
    expect(list.backups.find((item) => item.file === 'nakala-ya-zamani.sqlite')).toMatchObject({ state: 'unrecorded', present: true });
  });

  it('refuses a folder that is not a full path, a keep out of range, and any role but the administrator', async () => {
    const bad = await t.callRaw(admin, 'backups.set-settings', { every: 'daily', keep: 0, folder: 'nakala' });
    expect(refusal(bad).fields).toEqual({ keep: 'validation.keep', folder: 'validation.absolute-path' });
    const officer = await addUser(t, admin, 'juma', ['ict_officer']);
    expectRefused(await t.call(officer.token, 'backups.take', {}), 'forbidden');
    expectRefused(await t.call(officer.token, 'backups.set-settings', { every: 'off', keep: 3, folder: '' }), 'forbidden');
    expect((await t.ok(officer.token, 'backups.list')).backups).toEqual([]);
    const auditor = await addUser(t, admin, 'rehema', ['auditor']);
    expect((await t.ok(auditor.token, 'backups.list')).backups).toEqual([]);
  });

  it('writes to the folder the administrator chose', async () => {
    const folder = join(temp.dir, 'D', 'Nakala za Daftari');
    await t.ok(admin, 'backups.set-settings', { every: 'weekly', keep: 5, folder });
    const taken = await t.ok(admin, 'backups.take', {});
    expect(taken.folder).toBe(folder);
    expect(readdirSync(folder)).toEqual([taken.file]);
  });
});

describe('the schedule', () => {
  it('takes a backup when one is due, daily by default, and never when switched off', async () => {
    const first = await t.core.backupIfDue();
    expect(first?.file).toBeDefined();
    expect(await t.core.backupIfDue()).toBeNull();
    t.clock.advance(23 * HOUR);
    expect(await t.core.backupIfDue()).toBeNull();
    t.clock.advance(HOUR);
    const second = await t.core.backupIfDue();
    expect(second?.file).not.toBe(first?.file);
    const list = await t.ok(admin, 'backups.list');
    expect(list.backups.map((item) => item.kind)).toEqual(['scheduled', 'scheduled']);
    expect(list.backups.map((item) => item.by_name)).toEqual(['Daftari', 'Daftari']);
    await t.ok(admin, 'backups.set-settings', { every: 'off', keep: 14, folder: '' });
    t.clock.advance(30 * DAY);
    expect(await t.core.backupIfDue()).toBeNull();
  });

  it('says in the inbox when no verified backup is recent enough', async () => {
    const keys = async () => (await t.ok(admin, 'inbox.list')).items.map((item) => item.key);
    expect(await keys()).toContain('backup-overdue');
    await t.ok(admin, 'backups.take', {});
    expect(await keys()).not.toContain('backup-overdue');
    t.clock.advance(3 * DAY);
    expect(await keys()).toContain('backup-overdue');
  });
});

describe('a test restore (3.4.2)', () => {
  it('restores the newest backup into a scratch file, verifies it, and records the result', async () => {
    expectRefused(await t.call(admin, 'backups.test-restore', {}), 'backup-none');
    const taken = await t.ok(admin, 'backups.take', {});
    expect((await t.ok(admin, 'inbox.list')).items.map((item) => item.key)).toContain('restore-test-due');
    const tried = await t.ok(admin, 'backups.test-restore', {});
    expect(tried).toMatchObject({ file: taken.file, ok: true, problem: '' });
    expect(tried.summary?.people).toBe(2);
    const list = await t.ok(admin, 'backups.list');
    expect(list.backups[0]).toMatchObject({ test_ok: 1, test_problem: '' });
    expect((await t.ok(admin, 'inbox.list')).items.map((item) => item.key)).not.toContain('restore-test-due');
  });

  it('records a backup changed since it was written as a failed test', async () => {
    const taken = await t.ok(admin, 'backups.take', {});
    const bytes = readFileSync(taken.path);
    bytes.writeUInt8(bytes.readUInt8(bytes.length - 100) ^ 0xff, bytes.length - 100);
    writeFileSync(taken.path, bytes);
    const tried = await t.ok(admin, 'backups.test-restore', {});
    expect(tried).toMatchObject({ ok: false, problem: 'changed' });
    expect((await t.ok(admin, 'backups.list')).backups[0]).toMatchObject({ test_ok: 0, test_problem: 'changed' });
  });
});

describe('restoring a backup', () => {
  it('shows what the backup holds, keeps the current file aside, and replaces the records with the backup', async () => {
    const taken = await t.ok(admin, 'backups.take', {});
    await registerPeople(['Baraka Mushi']);
    expect(count('people')).toBe(3);
    const shown = await t.ok(admin, 'backups.inspect', { file: taken.file });
    expect(shown.summary).toMatchObject({ people: 2, institution_name: 'Wizara ya Fedha' });
    expect(shown.sha256).toBe(taken.sha256);
    const originBefore = t.core.services.identity.shared;

    const outcome = await t.core.call(admin, 'backups.restore', { file: taken.file, sha256: shown.sha256 });
    expect(outcome.result).toMatchObject({ ok: true });
    expect(outcome.session).toBeNull();
    const restored = outcome.result.ok ? (outcome.result.value as { kept_aside: string }) : null;
    expect(count('people')).toBe(2);
    // The replaced file is kept, whole: the person registered after the backup is in it.
    const aside = new Sqlite(restored?.kept_aside ?? '', { readonly: true });
    try {
      expect((aside.prepare('SELECT count(*) AS n FROM people').get() as { n: number }).n).toBe(3);
    } finally {
      aside.close();
    }
    // Everyone signs in again; the installation writes under a new origin from now on.
    expectRefused(await t.call(admin, 'people.list', {}), 'session-ended');
    expect(t.core.services.identity.shared).not.toBe(originBefore);
    const verified = await verifyStore(store(), t.core.services.domain, { migrations: registry.migrations, checks: registry.checks });
    expect(verified, JSON.stringify(verified)).toMatchObject({ ok: true });
    // The accounts are the backup's: the administrator signs in again and sees the restore in the history.
    const again = await signIn(t, 'asha', ADMIN_PASSWORD);
    expect(again.token).not.toBeNull();
    const people = await t.ok(again.token ?? '', 'people.list', {});
    expect(people.items.map((person) => person.full_name).sort()).toEqual(['Hamisi Juma', 'Zuhura Said']);
  });

  it('refuses a backup changed since it was shown, and leaves the records as they were', async () => {
    const taken = await t.ok(admin, 'backups.take', {});
    await registerPeople(['Baraka Mushi']);
    const shown = await t.ok(admin, 'backups.inspect', { file: taken.file });
    const other = await t.ok(admin, 'backups.take', {});
    writeFileSync(taken.path, readFileSync(other.path));
    expectRefused(await t.call(admin, 'backups.restore', { file: taken.file, sha256: shown.sha256 }), 'backup-changed');
    expect(count('people')).toBe(3);
    expect(readdirSync(temp.dir).filter((name) => name.includes('before-restore') || name.endsWith('.restoring'))).toEqual([]);
  });

  it('refuses what is not a Daftari backup, naming the file', async () => {
    mkdirs();
    writeFileSync(join(backupsFolder(), 'barua.sqlite'), 'Hii ni barua, si hifadhidata.\n'.repeat(200));
    const error = expectRefused(await t.call(admin, 'backups.inspect', { file: 'barua.sqlite' }), 'backup-unreadable');
    expect(error.params?.file).toBe('barua.sqlite');
    expectRefused(await t.call(admin, 'backups.inspect', { file: 'hakuna.sqlite' }), 'backup-missing');
    const escape = await t.callRaw(admin, 'backups.inspect', { file: '../daftari.sqlite' });
    expect(refusal(escape).fields).toEqual({ file: 'validation.backup-file-name' });
  });
});

function mkdirs(): void {
  // The folder exists once a backup has been taken; a file brought by hand needs it first.
  mkdirSync(backupsFolder(), { recursive: true });
}
