// `daftari`: the contract from a shell. Every command that reads or changes records signs in as
// `--user` and is allowed exactly what the route table allows that user's roles in the app; only
// `init` and `demo`, with an explicit `--operator`, create a new file before anyone can sign in.
// Exit codes: 0 done, 1 refused or invalid (the error printed), 2 usage error.
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { existsSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { z } from 'zod';
import { catalogues, DEFAULT_LANGUAGE, translator, type Language, type Translate } from '../contract/catalogues/index.ts';
import { registry } from '../areas.ts';
import { REGISTER_KEYS } from '../registers/contract.ts';
import { fieldsOf } from '../contract/dispatch.ts';
import { routes, type RouteName, type Routes } from '../contract/routes.ts';
import { openCore, type Core } from '../core.ts';
import { turnOf } from '../core/jobs.ts';
import { actorOf, signedIn, type CallContext } from '../core/context.ts';
import { Refusal, refuse, type ErrorValue } from '../core/refusal.ts';
import { DEMO_ADMIN, runDemo } from '../demo/demo.ts';
import { builtLine, progressLine } from '../demo/progress.ts';
import { passwordRules, Username } from '../users/contract.ts';
import type { VerifyResult } from '../journal/verify.ts';

export interface CliIo {
  env: NodeJS.ProcessEnv;
  stdin: NodeJS.ReadableStream & { isTTY?: boolean };
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
}

type Params = Record<string, string | number>;

/** What a command needs besides its arguments: the streams and the user's language, chosen once. */
interface Cx {
  io: CliIo;
  lang: Language;
  t: Translate;
}

/** A mistake in how the command was typed: its sentence, then the usage, exit 2. */
class UsageError extends Error {
  readonly key: string;
  readonly params: Params | undefined;
  constructor(key: string, params?: Params) {
    super(key);
    this.key = key;
    this.params = params;
  }
}

/** A refusal from the core, as the dispatcher returned it: its sentence (and fields), exit 1. */
class Refused extends Error {
  readonly value: ErrorValue;
  constructor(value: ErrorValue) {
    super(value.code);
    this.value = value;
  }
}

/** A plain failure the user can act on (no such file, a file in the way): its sentences, exit 1. */
class CliFailure extends Error {
  readonly key: string;
  readonly params: Params | undefined;
  /** Catalogue keys printed one per line under the sentence (e.g. the password rules broken). */
  readonly details: string[];
  constructor(key: string, params?: Params, details: string[] = []) {
    super(key);
    this.key = key;
    this.params = params;
    this.details = details;
  }
}

// The command syntax is the same in both languages; the notes under it come from the catalogues.
const SYNOPSIS = `  daftari init --operator --db FILE --institution NAME --code CODE --admin USERNAME [--admin-name NAME]
               [--address TEXT] [--accounting-officer-title TEXT] [--head-title TEXT]
  daftari demo --operator --db FILE [--scale small|large] [--seed N] [--date YYYY-MM-DD] [--admin USERNAME] [--password PASSWORD]
  daftari call ROUTE --db FILE --user USERNAME [--input JSON | --input -] [--out FILE [--force]]
  daftari routes [--json]
  daftari verify --db FILE --user USERNAME [--against BACKUP]
  daftari backup --db FILE --user USERNAME --out FILE [--for-sharing]
  daftari restore --db FILE --user USERNAME --from BACKUP [--yes]
  daftari history --db FILE --user USERNAME ENTITY_ID
  daftari export --db FILE --user USERNAME --out BUNDLE [--peer ORIGIN] [--force]
  daftari import --db FILE --user USERNAME BUNDLE [--accept-new-peer] [--preview]
  daftari peers --db FILE --user USERNAME [--json]
  daftari report NAME --db FILE --user USERNAME --format pdf|xlsx|csv --out FILE [--force]
                 [--from YYYY-MM-DD --to YYYY-MM-DD] [--device TAG]
  daftari report --list
  daftari register --db FILE --user USERNAME --register NAME --out FILE [--format pdf|xlsx|csv]
                   [--from YYYY-MM-DD --to YYYY-MM-DD]
  daftari COMMAND … [--lang sw|en] [--help]`;

function usage(t: Translate): string {
  return [
    t('cli.help.title'),
    '',
    SYNOPSIS,
    '',
    t('cli.help.key-file'),
    t('cli.help.databases'),
    t('cli.help.backups'),
    t('cli.help.reports'),
    t('cli.help.users'),
    t('cli.help.operator'),
    t('cli.help.passwords'),
    t('cli.help.languages'),
    t('cli.help.demo-sign-in', { username: DEMO_ADMIN.username, password: DEMO_ADMIN.password }),
    '',
  ].join('\n');
}

const COMMON = { db: { type: 'string' }, lang: { type: 'string' }, help: { type: 'boolean', short: 'h' } } as const;

function parse<O extends ParseArgsConfig['options']>(args: string[], options: O) {
  try {
    return parseArgs({ args, options: { ...COMMON, ...options }, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError('cli.usage.bad-arguments', { detail: (error as Error).message });
  }
}

/**
 * The language is read from the whole command line before any command runs, so that every message,
 * usage errors and refusals raised deep in a command included, is in the language asked for.
 */
function languageOf(argv: string[], env: NodeJS.ProcessEnv): { lang: Language; unknown: string | null } {
  let wanted: string | undefined = env.DAFTARI_LANG;
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i] as string;
    if (arg === '--') break;
    if (arg === '--lang' && i + 1 < argv.length) wanted = argv[i + 1];
    else if (arg.startsWith('--lang=')) wanted = arg.slice('--lang='.length);
  }
  if (wanted === undefined || wanted === '') return { lang: DEFAULT_LANGUAGE, unknown: null };
  if (Object.hasOwn(catalogues, wanted)) return { lang: wanted as Language, unknown: null };
  return { lang: DEFAULT_LANGUAGE, unknown: wanted };
}

/**
 * The database file a command works on. Only `init` and `demo` may create one: anywhere else a
 * missing file is a mistyped path, and opening it would leave an empty database behind.
 */
function requireDb(values: { db?: string | undefined }, mayCreate = false): string {
  if (!values.db) throw new UsageError('cli.usage.db-required');
  const path = resolve(values.db);
  if (mayCreate) return path;
  if (!existsSync(path)) throw new CliFailure('cli.no-database', { file: path });
  if (!statSync(path).isFile()) throw new CliFailure('cli.not-a-file', { file: path });
  return path;
}

async function readAll(stream: NodeJS.ReadableStream): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as string));
  return Buffer.concat(chunks).toString('utf8');
}

async function password(io: CliIo, prompt: string): Promise<string> {
  const fromEnv = io.env.DAFTARI_PASSWORD;
  if (fromEnv) return fromEnv;
  if (!io.stdin.isTTY) throw new UsageError('cli.usage.no-password');
  const { createInterface } = await import('node:readline');
  const stdout = io.stdout as NodeJS.WriteStream;
  const rl = createInterface({ input: io.stdin, output: stdout, terminal: true });
  // Echo off: the typed password never shows on screen.
  const write = (rl as unknown as { _writeToOutput: (s: string) => void });
  write._writeToOutput = (s: string) => {
    if (s.includes(prompt)) stdout.write(s);
  };
  const answer = await new Promise<string>((done) => rl.question(prompt, done));
  rl.close();
  stdout.write('\n');
  return answer;
}

function printJson(stream: NodeJS.WritableStream, value: unknown): void {
  stream.write(`${JSON.stringify(value, null, 2)}\n`);
}

function printError(io: CliIo, t: Translate, error: ErrorValue): void {
  printJson(io.stdout, { ok: false, error });
  io.stderr.write(`${t(error.message, error.params)}\n`);
  for (const [field, key] of Object.entries(error.fields ?? {})) io.stderr.write(`  ${field}: ${t(key)}\n`);
}

async function withCore<T>(path: string, work: (core: Core) => Promise<T>): Promise<T> {
  const core = await openCore({ path });
  try {
    return await work(core);
  } finally {
    core.close();
  }
}

/**
 * Signs `username` in through `auth.sign-in` (password from DAFTARI_PASSWORD or a prompt), runs `work`
 * with the session, and signs out. A wrong password, a locked or deactivated account is refused here,
 * as at the window's sign-in.
 */
async function asUser<T>(core: Core, cx: Cx, username: string, work: (token: string) => Promise<T>): Promise<T> {
  const secret = await password(cx.io, cx.t('cli.password-prompt', { username }));
  const outcome = await core.call(null, 'auth.sign-in', { username, password: secret });
  if (!outcome.result.ok) throw new Refused(outcome.result.error);
  const token = outcome.session;
  if (!token) throw new Error('auth.sign-in answered without a session');
  try {
    return await work(token);
  } finally {
    await core.call(token, 'auth.sign-out', {});
  }
}

/** A call through the dispatcher; a refusal becomes the command's exit 1 with its sentence. */
async function callRoute<K extends RouteName>(core: Core, token: string, route: K, input: unknown): Promise<Awaited<ReturnType<Routes[K]['handler']>>> {
  const outcome = await core.call(token, route, input);
  if (!outcome.result.ok) throw new Refused(outcome.result.error);
  // The dispatcher ran this route's handler: its value is that handler's result.
  return outcome.result.value as Awaited<ReturnType<Routes[K]['handler']>>;
}

/**
 * For work on a path the window may never name (a bundle streamed to or from a file, a register
 * written to one): the same checks as a call to `route`, then the work runs with that context, so
 * whatever it writes is the signed-in user's.
 */
function authorized(core: Core, token: string, route: RouteName): CallContext {
  const verdict = core.authorize(token, route);
  if (!verdict.ok) throw new Refused(verdict.error);
  return verdict.ctx;
}

/** The command line's input checked by the route's own schema, refused field by field as a call would be. */
function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const parsed = schema.safeParse(input);
  if (!parsed.success) throw new Refusal('invalid-input', undefined, fieldsOf(parsed.error));
  return parsed.data;
}

/** The options of every command that works as a signed-in user. */
const USER = { user: { type: 'string' } } as const;

function requireUser(values: { user?: string | undefined }): string {
  if (!values.user) throw new UsageError('cli.usage.user-required');
  return values.user;
}

/**
 * `init` and `demo` create the file, so no account exists to sign in with: they say so with an explicit
 * `--operator`, and refuse a file that already exists, so that the mode can never act on kept records.
 */
function requireFreshFile(values: { db?: string | undefined; operator?: boolean | undefined }, command: string): string {
  const path = requireDb(values, true);
  if (!values.operator) throw new UsageError('cli.usage.operator-required', { command });
  if (existsSync(path)) throw new CliFailure('cli.operator-fresh-file', { file: path });
  return path;
}

async function init(args: string[], cx: Cx): Promise<number> {
  const { io, t } = cx;
  const { values } = parse(args, {
    institution: { type: 'string' },
    code: { type: 'string' },
    admin: { type: 'string' },
    'admin-name': { type: 'string' },
    address: { type: 'string' },
    'accounting-officer-title': { type: 'string' },
    'head-title': { type: 'string' },
    operator: { type: 'boolean' },
  });
  const path = requireFreshFile(values, 'init');
  if (!values.institution || !values.code || !values.admin) throw new UsageError('cli.usage.init-required');
  const secret = await password(io, t('cli.admin-password-prompt'));
  return withCore(path, async (core) => {
    const outcome = await core.call(null, 'setup.initialize', {
      institution: {
        name: values.institution,
        code: values.code,
        postal_address: values.address ?? '-',
        accounting_officer_title: values['accounting-officer-title'] ?? 'Afisa Masuuli',
        head_title: values['head-title'] ?? 'Mkuu wa Taasisi',
      },
      admin: { username: values.admin, display_name: values['admin-name'] ?? values.admin, password: secret, confirm: secret },
    });
    if (!outcome.result.ok) {
      printError(io, t, outcome.result.error);
      return 1;
    }
    printJson(io.stdout, outcome.result);
    return 0;
  });
}

/** A file as a route answers with one: a printed form, a register, a sheet. */
interface FileAnswer {
  filename: string;
  mime: string;
  base64: string;
}

function isFileAnswer(value: unknown): value is FileAnswer {
  const v = value as Partial<FileAnswer> | null;
  return typeof v === 'object' && v !== null && typeof v.base64 === 'string' && typeof v.mime === 'string' && typeof v.filename === 'string';
}

/** The file written beside `out` and renamed when whole, so a failure never leaves half a document where one is expected. */
function writeWhole(out: string, bytes: Buffer): void {
  const partial = `${out}.${process.pid}.part`;
  try {
    writeFileSync(partial, bytes);
    renameSync(partial, out);
  } finally {
    rmSync(partial, { force: true });
  }
}

async function call(args: string[], cx: Cx): Promise<number> {
  const { io, t } = cx;
  const { values, positionals } = parse(args, { ...USER, input: { type: 'string' }, out: { type: 'string' }, force: { type: 'boolean' } });
  const route = positionals[0];
  if (!route) throw new UsageError('cli.usage.route-required');
  if (!Object.hasOwn(routes, route)) throw new UsageError('cli.usage.unknown-route', { route });
  // --out saves the file a document route answers with. Only a route that reads takes it, so a route
  // that answers with records instead has changed nothing when --out is refused.
  if (values.out !== undefined && turnOf(routes[route as RouteName]) !== 'read') throw new UsageError('cli.usage.out-reads-only', { route });
  const path = requireDb(values);
  const user = requireUser(values);
  const out = values.out === undefined ? null : resolve(values.out);
  let input: unknown = {};
  if (values.input !== undefined) {
    const text = values.input === '-' ? await readAll(io.stdin) : values.input;
    try {
      input = JSON.parse(text);
    } catch {
      throw new UsageError('cli.usage.input-not-json');
    }
  }
  if (out !== null && !values.force && existsSync(out)) {
    printError(io, t, new Refusal('file-exists', { file: out }).value);
    return 1;
  }
  return withCore(path, async (core) => {
    try {
      return await asUser(core, cx, user, async (token) => {
        const outcome = await core.call(token, route, input);
        if (!outcome.result.ok) {
          printError(io, t, outcome.result.error);
          return 1;
        }
        if (out === null) {
          printJson(io.stdout, outcome.result);
          return 0;
        }
        const answer = outcome.result.value;
        if (!isFileAnswer(answer)) throw new CliFailure('cli.not-a-document', { route });
        const bytes = Buffer.from(answer.base64, 'base64');
        writeWhole(out, bytes);
        // Standard output stays JSON for scripts: the file's particulars in place of its bytes.
        printJson(io.stdout, { ok: true, value: { file: out, filename: answer.filename, mime: answer.mime, bytes: bytes.length } });
        io.stderr.write(`${t('cli.document-written', { file: out, bytes: bytes.length })}\n`);
        return 0;
      });
    } catch (error) {
      // `call` is for scripts: a refused sign-in is printed as JSON too, like any refused call.
      if (!(error instanceof Refused)) throw error;
      printError(io, t, error.value);
      return 1;
    }
  });
}

function routesCommand(args: string[], cx: Cx): number {
  const { io } = cx;
  const { values } = parse(args, { json: { type: 'boolean' } });
  // Area by area, in the order of the one list (db/areas.ts), as the table itself is built.
  const table = registry.areas.flatMap((area) =>
    Object.entries(area.routes).map(([name, definition]) => ({
      name,
      area: area.name,
      access: definition.access,
      input: z.toJSONSchema(definition.input, { io: 'input', unrepresentable: 'any' }),
    })),
  );
  if (values.json) {
    printJson(io.stdout, table);
  } else {
    for (const row of table) {
      io.stdout.write(`${row.name.padEnd(24)} ${Array.isArray(row.access) ? row.access.join(', ') : row.access}\n`);
    }
  }
  return 0;
}

export function verifyMessage(result: VerifyResult, t: Translate): string {
  if (result.ok) return t('verify.ok', { events: result.events, rows: result.rows });
  const problem = t(`verify.problems.${result.problem}`);
  return result.kind === 'event'
    ? t('verify.event', { seq: result.seq, origin: result.origin, origin_seq: result.origin_seq, problem })
    : t('verify.row', { table: result.table, id: result.id, problem });
}

async function verify(args: string[], cx: Cx): Promise<number> {
  const { io, t } = cx;
  const { values } = parse(args, { ...USER, against: { type: 'string' } });
  const path = requireDb(values);
  const user = requireUser(values);
  const against = values.against === undefined ? null : resolve(values.against);
  if (against !== null && !existsSync(against)) throw new CliFailure('cli.backup-not-found', { file: against });
  return withCore(path, (core) =>
    asUser(core, cx, user, async (token) => {
      if (against === null) {
        const result = await callRoute(core, token, 'journal.verify', {});
        (result.ok ? io.stdout : io.stderr).write(`${verifyMessage(result, t)}\n`);
        return result.ok ? 0 : 1;
      }
      // The backup as a witness: the records must extend its history (issue 12).
      authorized(core, token, 'journal.verify');
      const ctx = authorized(core, token, 'backups.witness');
      const { witnessBackup } = await import('../backups/commands.ts');
      const found = await witnessBackup(ctx, against);
      if (found.ok) {
        io.stdout.write(`${t('cli.against-ok', { file: found.file, events: found.backup_events, later: found.later_events })}\n`);
        return 0;
      }
      io.stderr.write(
        `${found.problem === 'journal' ? verifyMessage(found.verdict, t) : t(`cli.against-${found.problem}`, { file: found.file, origin: found.origin, origin_seq: found.origin_seq })}\n`,
      );
      return 1;
    }),
  );
}

async function backupCommand(args: string[], cx: Cx): Promise<number> {
  const { io, t } = cx;
  const { values } = parse(args, { ...USER, out: { type: 'string' }, 'for-sharing': { type: 'boolean' } });
  const path = requireDb(values);
  const user = requireUser(values);
  if (!values.out) throw new UsageError('cli.usage.out-required');
  const out = resolve(values.out);
  const { takeBackup } = await import('../backups/commands.ts');
  return withCore(path, (core) =>
    asUser(core, cx, user, async (token) => {
      if (values['for-sharing']) {
        // A copy to give away: the shared records, verified, with no account and no password hash.
        const ctx = authorized(core, token, 'backups.copy-for-sharing');
        const { copyForSharing } = await import('../backups/share.ts');
        const copy = await copyForSharing(ctx, actorOf(signedIn(ctx)), { target: out });
        io.stdout.write(`${t('cli.copy-for-sharing-written', { file: copy.path, events: copy.summary.events, hash: copy.sha256 })}\n`);
        return 0;
      }
      const ctx = authorized(core, token, 'backups.take');
      const taken = await takeBackup(ctx, actorOf(signedIn(ctx)), { kind: 'cli', target: out });
      io.stdout.write(`${t('cli.backup-taken', { file: taken.path, events: taken.summary.events, hash: taken.sha256 })}\n`);
      return 0;
    }),
  );
}

async function restoreCommand(args: string[], cx: Cx): Promise<number> {
  const { io, t } = cx;
  const { values } = parse(args, { ...USER, from: { type: 'string' }, yes: { type: 'boolean' } });
  const path = requireDb(values);
  const user = requireUser(values);
  if (!values.from) throw new UsageError('cli.usage.from-required');
  const from = resolve(values.from);
  if (!existsSync(from)) throw new CliFailure('cli.backup-not-found', { file: from });
  const { inspectBackup, restoreBackup } = await import('../backups/commands.ts');
  const { formatDateTime } = await import('../contract/days.ts');
  return withCore(path, (core) =>
    asUser(core, cx, user, async (token) => {
      const ctx = authorized(core, token, 'backups.restore');
      // What the backup holds, verified, before anything is replaced.
      const shown = await inspectBackup(ctx, from);
      const s = shown.summary;
      io.stdout.write(
        `${t('cli.restore-shows', { file: shown.file, institution: `${s.institution_name} (${s.institution_code})`, last: formatDateTime(s.last_event_at), events: s.events, devices: s.devices, entries: s.log_entries, people: s.people, users: s.users })}\n`,
      );
      if (!values.yes) {
        io.stderr.write(`${t('cli.restore-confirm')}\n`);
        return 1;
      }
      const restored = await restoreBackup(ctx, actorOf(signedIn(ctx)), from, shown.sha256);
      io.stdout.write(`${t('cli.restored', { file: restored.file, kept: restored.kept_aside })}\n`);
      return 0;
    }),
  );
}

async function history(args: string[], cx: Cx): Promise<number> {
  const { io } = cx;
  const { values, positionals } = parse(args, USER);
  const path = requireDb(values);
  const entity = positionals[0];
  if (!entity) throw new UsageError('cli.usage.entity-required');
  const user = requireUser(values);
  const { formatDateTime } = await import('../contract/days.ts');
  return withCore(path, (core) =>
    asUser(core, cx, user, async (token) => {
      // What the window's history shows this user: accounts' events only to those who may see accounts.
      const entries = await callRoute(core, token, 'history.entity', { entity });
      for (const entry of entries) io.stdout.write(`${formatDateTime(entry.at)}  ${entry.sentence[cx.lang]}\n`);
      return 0;
    }),
  );
}

/** The demo's administrator, checked here with the rules `setup.initialize` applies (3.1.8), so a weak choice is named rule by rule. */
function demoAdmin(values: { admin?: string | undefined; password?: string | undefined }): { username: string; password: string } {
  const username = Username.safeParse(values.admin ?? DEMO_ADMIN.username);
  if (!username.success) throw new CliFailure('cli.demo-bad-username', { username: values.admin ?? '' }, username.error.issues.map((issue) => issue.message));
  const secret = values.password ?? DEMO_ADMIN.password;
  const broken = passwordRules.filter((rule) => !rule.test(secret)).map((rule): string => rule.key);
  if (secret.toLowerCase().includes(username.data)) broken.push('password.rule-username');
  if (broken.length > 0) throw new CliFailure('errors.weak-password', undefined, broken);
  return { username: username.data, password: secret };
}

async function demo(args: string[], cx: Cx): Promise<number> {
  const { io, t } = cx;
  const { values } = parse(args, {
    scale: { type: 'string' },
    seed: { type: 'string' },
    date: { type: 'string' },
    admin: { type: 'string' },
    password: { type: 'string' },
    operator: { type: 'boolean' },
  });
  const path = requireFreshFile(values, 'demo');
  const scale = values.scale ?? 'small';
  if (scale !== 'small' && scale !== 'large') throw new UsageError('cli.usage.scale');
  const seed = values.seed === undefined ? 1 : Number(values.seed);
  if (!Number.isInteger(seed)) throw new UsageError('cli.usage.seed');
  // The day the records are entered: with the seed, it makes the same file again. Never ahead of today.
  const { isCalendarDate, workingDay } = await import('../contract/days.ts');
  if (values.date !== undefined && (!isCalendarDate(values.date) || values.date > workingDay(new Date()))) throw new UsageError('cli.usage.demo-date');
  const admin = demoAdmin(values);
  // Progress and the closing line go to stderr in the user's language; stdout stays the summary's JSON.
  const summary = await runDemo({ path, scale, seed, date: values.date, admin, progress: (step) => io.stderr.write(`${progressLine(step, t)}\n`) });
  printJson(io.stdout, summary);
  io.stderr.write(`${builtLine(summary, t)}\n`);
  // The JSON is for scripts; a person needs the sign-in in words (on stderr, so stdout stays JSON).
  io.stderr.write(`${t('cli.demo-sign-in', { username: summary.admin.username, password: summary.admin.password })}\n`);
  return 0;
}

async function exportCommand(args: string[], cx: Cx): Promise<number> {
  const { io, t } = cx;
  const { values } = parse(args, { ...USER, out: { type: 'string' }, peer: { type: 'string' }, force: { type: 'boolean' } });
  const path = requireDb(values);
  const user = requireUser(values);
  if (!values.out) throw new UsageError('cli.usage.out-required');
  const out = resolve(values.out);
  const input = parseInput(routes['sync.export'].input, { peer_id: values.peer ?? null });
  const { exportToFile } = await import('../sync/service.ts');
  return withCore(path, (core) =>
    asUser(core, cx, user, async (token) => {
      const ctx = authorized(core, token, 'sync.export');
      // A file already at --out is refused (`file-exists`, whose sentence offers --force) unless --force says replace it.
      const summary = await exportToFile(ctx, actorOf(signedIn(ctx)), input.peer_id, out, { overwrite: Boolean(values.force) });
      io.stdout.write(`${t('cli.exported', { file: summary.file_name, count: summary.event_count, hash: summary.content_sha256 })}\n${t('cli.wipe-reminder')}\n`);
      return 0;
    }),
  );
}

async function importCommand(args: string[], cx: Cx): Promise<number> {
  const { io, t } = cx;
  const { values, positionals } = parse(args, { ...USER, 'accept-new-peer': { type: 'boolean' }, preview: { type: 'boolean' } });
  const path = requireDb(values);
  const bundle = positionals[0];
  if (!bundle) throw new UsageError('cli.usage.bundle-required');
  const user = requireUser(values);
  // The route's own schema for what the command line gives; the bundle itself comes from the path.
  const input = parseInput(routes['sync.import'].input.pick({ accept_new_peer: true }), { accept_new_peer: Boolean(values['accept-new-peer']) });
  const { stageFromFile, preview, apply } = await import('../sync/service.ts');
  const { basename } = await import('node:path');
  return withCore(path, (core) =>
    asUser(core, cx, user, async (token) => {
      const previewing = authorized(core, token, 'sync.preview');
      // Importing is checked before any byte is read, so a user who may only preview learns it at once.
      const importing = values.preview ? null : authorized(core, token, 'sync.import');
      // Accepting a new installation's key is trusting an installation: the door of `peers.trust-again`,
      // as the `sync.import` route and the window decide it.
      if (importing && input.accept_new_peer) authorized(core, token, 'peers.trust-again');
      const shown = await preview(previewing, await stageFromFile(previewing, resolve(bundle)), actorOf(signedIn(previewing)));
      io.stdout.write(
        `${t('cli.preview', { institution: shown.institution.name, origin: shown.origin, created: shown.created_at, count: shown.event_count, fresh: shown.new_events, held: shown.held_events })}\n`,
      );
      if (shown.peer.status === 'new' && !input.accept_new_peer) {
        io.stderr.write(`${t('cli.new-peer', { fingerprint: shown.peer.fingerprint })}\n`);
        return 1;
      }
      if (!importing) return 0;
      const result = await apply(importing, await stageFromFile(importing, resolve(bundle)), actorOf(signedIn(importing)), input.accept_new_peer, basename(bundle));
      io.stdout.write(`${t('cli.imported', { fresh: result.new_events, held: result.held_events, conflicts: result.open_conflicts })}\n${t('cli.wipe-reminder')}\n`);
      return 0;
    }),
  );
}

async function peersCommand(args: string[], cx: Cx): Promise<number> {
  const { io, t } = cx;
  const { values } = parse(args, { ...USER, json: { type: 'boolean' } });
  const path = requireDb(values);
  const user = requireUser(values);
  return withCore(path, (core) =>
    asUser(core, cx, user, async (token) => {
      const peers = await callRoute(core, token, 'peers.list', {});
      if (values.json) {
        printJson(io.stdout, peers);
        return 0;
      }
      // This installation's own key is shown to those whose roles may read it (`sync.identity`), as in the window.
      const mayReadKey = core.authorize(token, 'sync.identity').ok;
      if (mayReadKey) {
        const { origin, fingerprint } = await callRoute(core, token, 'sync.identity', {});
        io.stdout.write(`${t('cli.identity', { origin, fingerprint })}\n`);
      }
      if (peers.length === 0) io.stdout.write(`${t('cli.no-peers')}\n`);
      for (const peer of peers) {
        io.stdout.write(`${peer.id}  ${peer.status.padEnd(8)} ${peer.fingerprint}  ${peer.name} (${peer.institution_name})\n`);
      }
      return 0;
    }),
  );
}

/**
 * `daftari report NAME`, and its older spelling `daftari register --register NAME`: one report as
 * PDF, XLSX or CSV, written whole to --out. The command line's mistakes (a name no area declares, a date
 * that is not one, a period backwards, a file in the way) are named before the records are opened.
 */
async function reportCommand(args: string[], cx: Cx, spelling: 'report' | 'register'): Promise<number> {
  const { io, t, lang } = cx;
  const { values, positionals } = parse(args, {
    ...USER,
    register: { type: 'string' },
    format: { type: 'string' },
    out: { type: 'string' },
    from: { type: 'string' },
    to: { type: 'string' },
    device: { type: 'string' },
    list: { type: 'boolean' },
    force: { type: 'boolean' },
  });
  if (values.list) {
    for (const name of REGISTER_KEYS) io.stdout.write(`${name}\n`);
    return 0;
  }
  const path = requireDb(values);
  const user = requireUser(values);
  const name = positionals[0] ?? values.register;
  if (!name) throw new UsageError(spelling === 'register' ? 'cli.usage.register-required' : 'registers.cli.name-required');
  if (!(REGISTER_KEYS as readonly string[]).includes(name)) throw new CliFailure('registers.cli.unknown', { name, names: REGISTER_KEYS.join(', ') });
  if (!values.out) throw new UsageError('cli.usage.out-required');
  const { isCalendarDate } = await import('../contract/days.ts');
  for (const [option, date] of [['--from', values.from], ['--to', values.to]] as const) {
    if (date !== undefined && !isCalendarDate(date)) throw new CliFailure('registers.cli.bad-date', { date, option });
  }
  if (values.from !== undefined && values.to !== undefined && values.to < values.from) throw new CliFailure('registers.cli.period', { from: values.from, to: values.to });
  // One device's log book is the device's page of the book; no other report is kept per device.
  if (values.device !== undefined && name !== 'log-book') throw new CliFailure('registers.cli.device-log-book-only', { name });
  if (values.device !== undefined && !values.device.trim()) throw new CliFailure('registers.cli.device-empty');
  const out = resolve(values.out);
  // Only the options given are passed, so --from on a report without a period is named, not dropped.
  const filters = { ...(values.from !== undefined ? { from: values.from } : {}), ...(values.to !== undefined ? { to: values.to } : {}) };
  const request = (assetId?: string) =>
    parseInput(routes['registers.export'].input, {
      register: name,
      ...(values.format !== undefined ? { format: values.format } : {}),
      language: lang,
      filters: { ...filters, ...(assetId !== undefined ? { asset_id: assetId } : {}) },
    });
  // Checked before the records are opened; the device's tag is looked up once they are.
  request();
  // A report already at --out is somebody's: replaced only when --force says so.
  if (!values.force && existsSync(out)) throw new Refusal('file-exists', { file: out });
  const { exportRegisterToFile } = await import('../registers/export.ts');
  const { findAssetByTag } = await import('../assets/queries.ts');
  return withCore(path, (core) =>
    asUser(core, cx, user, async (token) => {
      const ctx = authorized(core, token, 'registers.export');
      const device = values.device === undefined ? undefined : (findAssetByTag(core.services.store, values.device.trim()) ?? refuse('asset-not-found'));
      const input = request(device?.id);
      const written = await exportRegisterToFile(ctx, input, out, { onProgress: (rows) => io.stderr.write(`\r${t('registers.progress', { rows })}`) });
      io.stderr.write('\n');
      io.stdout.write(`${t('registers.written', { file: written.path, rows: written.rows })}\n`);
      return 0;
    }),
  );
}

const guardedStreams = new WeakSet<object>();

/**
 * `daftari routes | head`: the reader has gone. Writing on is pointless and the error is no fault of
 * the user's, so the rest of the output is dropped quietly and the command ends with its own exit code.
 */
function quietOnClosedPipe(stream: NodeJS.WritableStream): void {
  if (guardedStreams.has(stream)) return;
  guardedStreams.add(stream);
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE' || error.code === 'ERR_STREAM_DESTROYED') return;
    // Nowhere left to say it: the output stream itself failed. Dropping it beats a stack trace.
  });
}

function firstLine(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text.split('\n')[0]?.trim() ?? '';
}

/** Every command but `init` and `demo`: each works as a signed-in user, or (`routes`) reads no records at all. */
const NO_OPERATOR: ReadonlySet<string> = new Set(['call', 'routes', 'verify', 'history', 'export', 'import', 'peers', 'report', 'register', 'backup', 'restore']);

async function dispatch(command: string | undefined, rest: string[], cx: Cx): Promise<number> {
  // Named before the generic "unknown option": a user who tries --operator elsewhere learns why not.
  if (command !== undefined && NO_OPERATOR.has(command) && rest.some((arg) => arg === '--operator' || arg.startsWith('--operator='))) {
    throw new UsageError('cli.usage.operator-only', { command });
  }
  switch (command) {
    case 'init':
      return init(rest, cx);
    case 'call':
      return call(rest, cx);
    case 'routes':
      return routesCommand(rest, cx);
    case 'verify':
      return verify(rest, cx);
    case 'history':
      return history(rest, cx);
    case 'backup':
      return backupCommand(rest, cx);
    case 'restore':
      return restoreCommand(rest, cx);
    case 'demo':
      return demo(rest, cx);
    case 'export':
      return exportCommand(rest, cx);
    case 'import':
      return importCommand(rest, cx);
    case 'peers':
      return peersCommand(rest, cx);
    case 'report':
      return reportCommand(rest, cx, 'report');
    // The older spelling, kept for scripts written before reports: the same command.
    case 'register':
      return reportCommand(rest, cx, 'register');
    case undefined:
    case 'help':
    case '--help':
    case '-h':
      cx.io.stdout.write(usage(cx.t));
      return command === undefined ? 2 : 0;
    default:
      throw new UsageError('cli.usage.unknown-command', { command });
  }
}

export async function main(argv: string[], io: CliIo): Promise<number> {
  quietOnClosedPipe(io.stdout);
  quietOnClosedPipe(io.stderr);
  const { lang, unknown } = languageOf(argv, io.env);
  const t = translator(lang);
  const [command, ...rest] = argv;
  try {
    if (unknown !== null) throw new UsageError('cli.usage.unknown-language', { language: unknown });
    if (rest.includes('--help') || rest.includes('-h')) {
      io.stdout.write(usage(t));
      return 0;
    }
    return await dispatch(command, rest, { io, lang, t });
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr.write(`daftari: ${t(error.key, error.params)}\n\n${usage(t)}`);
      return 2;
    }
    if (error instanceof CliFailure) {
      io.stderr.write(`${t(error.key, error.params)}\n`);
      for (const key of error.details) io.stderr.write(`  ${t(key)}\n`);
      return 1;
    }
    if (error instanceof Refusal || error instanceof Refused) {
      io.stderr.write(`${t(error.value.message, error.value.params)}\n`);
      for (const [field, key] of Object.entries(error.value.fields ?? {})) io.stderr.write(`  ${field}: ${t(key)}\n`);
      return 1;
    }
    // No stack trace ever reaches a user: one line in their language. DAFTARI_DEBUG=1 shows the rest.
    io.stderr.write(`${t('cli.unexpected', { detail: firstLine(error) })}\n`);
    if (io.env.DAFTARI_DEBUG && error instanceof Error && error.stack) io.stderr.write(`${error.stack}\n`);
    return 1;
  }
}
