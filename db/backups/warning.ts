// The warning at opening (issue 12), as the window shows it: each problem in plain words in both
// languages, and its acknowledgement by an administrator once it has been explained. The warning stays
// at every opening until then (db/backups/startup.ts leaves the heads it was held against unchanged).
import type { Translate } from '../contract/catalogues/index.ts';
import { translator } from '../contract/catalogues/index.ts';
import { formatDateTime } from '../contract/days.ts';
import { command, type Services } from '../core/context.ts';
import { refuse } from '../core/refusal.ts';
import type { Actor } from '../journal/append.ts';
import { emit } from '../journal/types.ts';
import { startupWarningAcknowledged } from './events.ts';
import { rememberSeen, type StartupCheck, type StartupProblem } from './startup.ts';

export interface StartupWarning extends StartupCheck {
  problems: (StartupProblem & { text: { sw: string; en: string } })[];
}

/** One problem, in the words a Head of ICT would use on the telephone to the auditor. */
export function describeStartupProblem(problem: StartupProblem, t: Translate): string {
  switch (problem.kind) {
    case 'chain':
      return t(`startup.problems.chain-${problem.problem}`, { seq: problem.seq });
    case 'seen':
      return t(`startup.problems.seen-${problem.problem}`, { at: formatDateTime(problem.seen_at) });
    case 'backup':
      return t(`startup.problems.backup-${problem.problem}`, { file: problem.file });
  }
}

/** What the check at opening found; a file that was not checked (in memory) has nothing to say. */
export function startupWarning(ctx: Pick<Services, 'startup'>): StartupWarning | null {
  const check = ctx.startup.check;
  if (!check) return null;
  const sw = translator('sw');
  const en = translator('en');
  return { ...check, problems: check.problems.map((problem) => ({ ...problem, text: { sw: describeStartupProblem(problem, sw), en: describeStartupProblem(problem, en) } })) };
}

/**
 * An administrator answers the warning, saying why it may end (a restore done by hand, a file brought
 * back from elsewhere, a forgery reported). Recorded in the log book with what the warning said; the
 * file as it is now becomes what the next opening is held against.
 */
export function acknowledgeWarning(ctx: Services, actor: Actor, note: string): StartupWarning {
  const check = ctx.startup.check;
  if (!check || check.ok) refuse('startup-nothing-to-acknowledge');
  command(ctx, actor, () => ({
    events: [emit(startupWarningAcknowledged, ctx.ids.next(), { problems: check.problems, note })],
    result: null,
  }));
  const now = ctx.clock.now();
  rememberSeen(ctx.store, now);
  ctx.startup.check = { ...check, ok: true, problems: [], checked_at: now.toISOString() };
  return startupWarning(ctx) as StartupWarning;
}
