// Events of backups (3.4.1, 3.4.2). All local: a backup is a file on this installation's disk, and what
// became of it is this installation's own record; none of them travels in a bundle.
import { z } from 'zod';
import { defineEvent } from '../journal/types.ts';
import { BACKUP_EVERY, BACKUP_KINDS, BACKUP_PROBLEMS } from './contract.ts';

export const backupSettingsSet = defineEvent(
  'backups.settings-set',
  'local',
  z.object({ every: z.enum(BACKUP_EVERY), keep: z.number().int(), folder: z.string() }),
);

/**
 * A verified backup, renamed into place. `events` and `last_hash` are the journal as copied: the copy's
 * newest event, so a later `verify --against` or a restore can say what the backup holds.
 */
export const backupTaken = defineEvent(
  'backups.taken',
  'local',
  z.object({
    file: z.string(),
    folder: z.string(),
    kind: z.enum(BACKUP_KINDS),
    sha256: z.string(),
    size: z.number().int(),
    events: z.number().int(),
    last_hash: z.string(),
    /** When it was taken, when recorded again after a restore (the restored file did not know of it). */
    taken_at: z.string().optional(),
  }),
);

/** A backup that could not be written or did not verify: reported, and nothing kept under its name. */
export const backupFailed = defineEvent(
  'backups.failed',
  'local',
  z.object({ file: z.string(), folder: z.string(), kind: z.enum(BACKUP_KINDS), problem: z.enum(BACKUP_PROBLEMS), detail: z.string() }),
);

/** 3.4.2: a backup restored into a scratch file and verified there; the entity is the backup's. */
export const restoreTested = defineEvent(
  'backups.restore-tested',
  'local',
  z.object({ file: z.string(), sha256: z.string(), ok: z.boolean(), problem: z.string(), events: z.number().int() }),
);

/**
 * Written first thing after a restore into the restored file: which backup replaced the file, where the
 * replaced file was kept, and the new origin this installation writes under from now on (the old one's
 * later events may be held by peers, and must never be contradicted).
 */
export const backupRestored = defineEvent(
  'backups.restored',
  'local',
  z.object({
    file: z.string(),
    sha256: z.string(),
    kept_aside: z.string(),
    events: z.number().int(),
    requested_by_name: z.string(),
    previous_origin: z.string(),
    origin: z.string(),
  }),
);

/**
 * The warning at opening (db/backups/startup.ts), answered by an administrator once explained: what it
 * said, and why it may end. The heads the file holds now become what the next opening is held against.
 */
export const startupWarningAcknowledged = defineEvent(
  'backups.warning-acknowledged',
  'local',
  z.object({
    /** The problems as the check found them (db/backups/startup.ts, StartupProblem). */
    problems: z.array(
      z.object({
        kind: z.enum(['chain', 'seen', 'backup']),
        problem: z.enum(['hash-mismatch', 'broken-link', 'sequence-gap', 'missing', 'rewritten', 'unreadable']),
        origin: z.string(),
        origin_seq: z.number().int(),
        seq: z.number().int().optional(),
        seen_at: z.string().optional(),
        file: z.string().optional(),
      }),
    ),
    note: z.string(),
  }),
);

/** A copy of the records given away (db/backups/share.ts): the shared events only, no accounts. Who made it, and what it holds. */
export const copyForSharingMade = defineEvent(
  'backups.copy-for-sharing-made',
  'local',
  z.object({ file: z.string(), folder: z.string(), sha256: z.string(), size: z.number().int(), events: z.number().int() }),
);

export const backupEvents = [backupSettingsSet, backupTaken, backupFailed, restoreTested, backupRestored, startupWarningAcknowledged, copyForSharingMade];
