// The check at every opening (issue 12): fast, so it is incremental. It checks the links and hashes of
// the events added since the last check, then holds the file up to two witnesses it cannot rewrite from
// inside: the chain heads this installation saw when it last opened the file (kept beside it, in
// `<db>.seen`), and the newest backup. A file whose history was cut short or rewritten since — by a
// forger, or by an old copy put in its place — disagrees with them, and the window says so at once.
// `daftari verify` remains the full check.
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { GENESIS_HASH, storedEventHash } from '../journal/hash.ts';
import { parseHlc } from '../journal/hlc.ts';
import { statement, type Store } from '../store/open.ts';
import type { JournalRow } from '../store/schema.ts';
import { backupSettings } from './queries.ts';
import { filesIn } from './files.ts';
import { witness } from './witness.ts';

/** On a file that has no `.seen` beside it yet (first opening here, or a file brought from elsewhere), this many newest events are checked. */
export const FIRST_CHECK_EVENTS = 5000;

export type StartupProblem =
  /** An event added since the last check whose hash or link does not hold. */
  | { kind: 'chain'; problem: 'hash-mismatch' | 'broken-link' | 'sequence-gap'; seq: number; origin: string; origin_seq: number }
  /** The file no longer holds (`missing`) or holds another event in place of (`rewritten`) a head seen at the last opening. */
  | { kind: 'seen'; problem: 'missing' | 'rewritten'; origin: string; origin_seq: number; seen_at: string }
  /** What was kept beside the file is not in the form this version writes: it was changed by hand. */
  | { kind: 'seen'; problem: 'unreadable'; origin: string; origin_seq: number; seen_at: string }
  /** The newest backup holds an event the file lacks or holds differently; or the backup cannot be read. */
  | { kind: 'backup'; problem: 'missing' | 'rewritten' | 'unreadable'; file: string; origin: string; origin_seq: number };

export interface StartupCheck {
  ok: boolean;
  /** When the check ran (ISO-8601 UTC). */
  checked_at: string;
  /** How many events had their hash and link checked. */
  checked_events: number;
  /** When the heads it was held against were seen; null on a first opening. */
  seen_at: string | null;
  /** The backup it was held against; null when there is none. */
  backup: string | null;
  problems: StartupProblem[];
}

const Seen = z.strictObject({
  format: z.literal('daftari-seen-1'),
  at: z.string(),
  checked_seq: z.number().int().min(0),
  heads: z.array(z.strictObject({ origin: z.string(), origin_seq: z.number().int().min(1), hash: z.string() })),
});
type Seen = z.infer<typeof Seen>;

/** Where the heads seen at the last opening are kept: beside the database, like its signing key. */
export function seenPath(databasePath: string): string {
  return `${databasePath}.seen`;
}

function readSeen(path: string): Seen | 'unreadable' | null {
  if (!existsSync(path)) return null;
  try {
    const parsed = Seen.safeParse(JSON.parse(readFileSync(path, 'utf8')));
    return parsed.success ? parsed.data : 'unreadable';
  } catch {
    return 'unreadable';
  }
}

/** The newest event of each origin, and the newest seq: what the next opening is held against. */
function headsOf(store: Store): { checked_seq: number; heads: Seen['heads'] } {
  const heads = statement(
    store,
    `SELECT j.origin, j.origin_seq, j.hash FROM journal j
     JOIN (SELECT origin, max(origin_seq) AS top FROM journal GROUP BY origin) h ON h.origin = j.origin AND h.top = j.origin_seq
     ORDER BY j.origin`,
  ).all() as Seen['heads'];
  const top = statement(store, 'SELECT coalesce(max(seq), 0) AS n FROM journal').get() as { n: number };
  return { checked_seq: top.n, heads };
}

/** Records what this file holds now, for the next opening to be held against. Written whole, then renamed. */
export function rememberSeen(store: Store, now: Date): void {
  if (store.path === ':memory:') return;
  const path = seenPath(store.path);
  const seen: Seen = { format: 'daftari-seen-1', at: now.toISOString(), ...headsOf(store) };
  writeFileSync(`${path}.tmp`, `${JSON.stringify(seen)}\n`, { mode: 0o600 });
  renameSync(`${path}.tmp`, path);
}

/** Hashes and links of the events after `afterSeq`, each against the one before it in its origin. */
function checkChainSince(store: Store, afterSeq: number, problems: StartupProblem[]): number {
  const previous = statement(store, 'SELECT origin_seq, hash FROM journal WHERE origin = ? AND origin_seq = ?');
  const last = new Map<string, { origin_seq: number; hash: string }>();
  let checked = 0;
  for (const row of statement(store, 'SELECT * FROM journal WHERE seq > ? ORDER BY seq').iterate(afterSeq) as IterableIterator<JournalRow>) {
    checked += 1;
    const before =
      last.get(row.origin) ??
      (row.origin_seq === 1 ? undefined : ((previous.get(row.origin, row.origin_seq - 1) as { origin_seq: number; hash: string } | undefined) ?? { origin_seq: -1, hash: '' }));
    last.set(row.origin, { origin_seq: row.origin_seq, hash: row.hash });
    const where = { seq: row.seq, origin: row.origin, origin_seq: row.origin_seq };
    if (storedEventHash(row) !== row.hash) problems.push({ kind: 'chain', problem: 'hash-mismatch', ...where });
    else if (before && before.origin_seq === -1) problems.push({ kind: 'chain', problem: 'sequence-gap', ...where });
    else if (row.origin_seq !== (before?.origin_seq ?? 0) + 1) problems.push({ kind: 'chain', problem: 'sequence-gap', ...where });
    else if (row.prev_hash !== (before?.hash ?? GENESIS_HASH)) problems.push({ kind: 'chain', problem: 'broken-link', ...where });
    // One broken event says enough; the full verify names the rest.
    if (problems.length > 0) break;
  }
  return checked;
}

/** The newest restore recorded in the file: which backup it put in place, and when (ISO-8601 UTC). */
function latestRestore(store: Store): { sha256: string; at: string } | null {
  // Restores are events of this installation's local origins: read through the (origin, origin_seq) index, not the whole journal.
  const row = statement(
    store,
    `SELECT payload, hlc FROM journal WHERE origin IN (SELECT origin FROM origins WHERE scope = 'local') AND type = 'backups.restored' ORDER BY seq DESC LIMIT 1`,
  ).get() as { payload: string; hlc: string } | undefined;
  if (!row) return null;
  const payload = JSON.parse(row.payload) as { sha256: string };
  return { sha256: payload.sha256, at: new Date(parseHlc(row.hlc).millis).toISOString() };
}

/**
 * The backup to hold the file against: the newest recorded one still on disk — but after a restore,
 * only the restored backup or one taken since (a backup newer than the one restored holds, rightly,
 * events the restored file lacks). With none recorded, the newest of this institution's backups in the
 * folder: the records of backups are in the file, and a forger may have removed them, but not the files.
 */
function backupToHoldAgainst(store: Store): string | null {
  const restore = latestRestore(store);
  const rows = statement(store, "SELECT folder, file, sha256, created_at FROM backups WHERE state = 'verified' ORDER BY created_at DESC, id DESC").all() as {
    folder: string;
    file: string;
    sha256: string;
    created_at: string;
  }[];
  for (const row of rows) {
    if (restore && row.created_at <= restore.at && row.sha256 !== restore.sha256) continue;
    const path = join(row.folder, row.file);
    if (existsSync(path)) return path;
  }
  if (rows.length > 0) return null;
  const institution = statement(store, 'SELECT code FROM institution LIMIT 1').get() as { code: string } | undefined;
  if (!institution) return null;
  const prefix = `daftari-${institution.code.replace(/[^A-Za-z0-9-]/g, '')}-`;
  const folder = backupSettings(store).resolved_folder;
  const newest = filesIn(folder)
    .filter((entry) => entry.file.startsWith(prefix))
    .sort((a, b) => (a.modified < b.modified ? 1 : a.modified > b.modified ? -1 : 0))[0];
  return newest ? join(folder, newest.file) : null;
}

/** Runs the check. When it finds nothing it records the heads for the next opening; when it finds something it leaves them, so the warning stays until an administrator acknowledges it. */
export function startupCheck(store: Store, now: Date): StartupCheck {
  const problems: StartupProblem[] = [];
  const at = now.toISOString();
  if (store.path === ':memory:') return { ok: true, checked_at: at, checked_events: 0, seen_at: null, backup: null, problems };
  const seen = readSeen(seenPath(store.path));
  let afterSeq: number;
  if (seen === 'unreadable') {
    problems.push({ kind: 'seen', problem: 'unreadable', origin: '', origin_seq: 0, seen_at: '' });
    afterSeq = 0;
  } else if (seen) {
    const find = statement(store, 'SELECT hash FROM journal WHERE origin = ? AND origin_seq = ?');
    for (const head of seen.heads) {
      const mine = find.get(head.origin, head.origin_seq) as { hash: string } | undefined;
      if (!mine || mine.hash !== head.hash) {
        problems.push({ kind: 'seen', problem: mine ? 'rewritten' : 'missing', origin: head.origin, origin_seq: head.origin_seq, seen_at: seen.at });
        break;
      }
    }
    afterSeq = seen.checked_seq;
  } else {
    const top = statement(store, 'SELECT coalesce(max(seq), 0) AS n FROM journal').get() as { n: number };
    afterSeq = Math.max(0, top.n - FIRST_CHECK_EVENTS);
  }
  const checked = problems.length > 0 ? 0 : checkChainSince(store, afterSeq, problems);
  const backup = backupToHoldAgainst(store);
  if (backup && problems.length === 0) {
    const file = backup.split(/[\\/]/).pop() ?? backup;
    try {
      const held = witness(store, backup);
      if (!held.ok) problems.push({ kind: 'backup', problem: held.problem, file, origin: held.origin, origin_seq: held.origin_seq });
    } catch {
      problems.push({ kind: 'backup', problem: 'unreadable', file, origin: '', origin_seq: 0 });
    }
  }
  const result: StartupCheck = {
    ok: problems.length === 0,
    checked_at: at,
    checked_events: checked,
    seen_at: seen && seen !== 'unreadable' ? seen.at : null,
    backup: backup ? (backup.split(/[\\/]/).pop() ?? backup) : null,
    problems,
  };
  if (result.ok) rememberSeen(store, now);
  return result;
}
