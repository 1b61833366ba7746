// A backup as a witness of the records (issue 12): the file in use must extend the backup's history —
// hold every event the backup holds, byte for byte — never rewrite or drop one. A forger who rewrites
// and re-hashes the whole file passes `verify`, but not this: the backup is out of the forger's reach.
import Sqlite from 'better-sqlite3';
import type { Store } from '../store/open.ts';
import { statement } from '../store/open.ts';

export type Witnessed =
  | { ok: true; backup_events: number; later_events: number }
  /** `missing`: the file lacks an event the backup holds; `rewritten`: it holds another event in its place. */
  | { ok: false; problem: 'missing' | 'rewritten'; origin: string; origin_seq: number; backup_events: number };

interface Head {
  origin: string;
  origin_seq: number;
  hash: string;
}

/**
 * Compares each origin's newest event in the backup with the same event in `current`. Each event's
 * hash covers the one before it in its origin (docs/journal.md, "The hash"), so one equal head stands
 * for the whole chain below it, once `current` itself verifies. The backup must have been checked first
 * (`checkBackupFile`): its own chains then hold together.
 */
export function witness(current: Store, backupPath: string): Witnessed {
  const backup = new Sqlite(backupPath, { readonly: true, fileMustExist: true });
  try {
    const heads = backup
      .prepare(
        `SELECT j.origin, j.origin_seq, j.hash FROM journal j
         JOIN (SELECT origin, max(origin_seq) AS top FROM journal GROUP BY origin) h ON h.origin = j.origin AND h.top = j.origin_seq
         ORDER BY j.origin`,
      )
      .all() as Head[];
    const backupEvents = (backup.prepare('SELECT count(*) AS n FROM journal').get() as { n: number }).n;
    const find = statement(current, 'SELECT hash FROM journal WHERE origin = ? AND origin_seq = ?');
    for (const head of heads) {
      const mine = find.get(head.origin, head.origin_seq) as { hash: string } | undefined;
      if (!mine) return { ok: false, problem: 'missing', origin: head.origin, origin_seq: head.origin_seq, backup_events: backupEvents };
      if (mine.hash !== head.hash) return { ok: false, problem: 'rewritten', origin: head.origin, origin_seq: head.origin_seq, backup_events: backupEvents };
    }
    const currentEvents = (statement(current, 'SELECT count(*) AS n FROM journal').get() as { n: number }).n;
    return { ok: true, backup_events: backupEvents, later_events: currentEvents - backupEvents };
  } finally {
    backup.close();
  }
}
