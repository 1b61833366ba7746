// `daftari`: the contract from a shell. Same routes, same checks as the app: there is no back door.
// Exit codes: 0 done, 1 refused or invalid (the error printed), 2 usage error.
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { existsSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { z } from 'zod';
import { catalogues, DEFAULT_LANGUAGE, translator, type Language, type Translate } from '../contract/catalogues/index.ts';
import { describeEvent } from '../contract/describe.ts';
import { routes } from '../contract/routes.ts';
import type { Result } from '../contract/route.ts';
import { openCore, type Core } from '../core.ts';
import { Refusal, type ErrorValue } from '../core/refusal.ts';
import { DEMO_ADMIN, runDemo } from '../demo/demo.ts';
import { passwordRules, Username } from '../contract/schemas.ts';
import type { HistoryEntry } from '../history/queries.ts';
import type { VerifyResult } from '../journal/verify.ts';
import type { RegisterExportInput } from '../contract/register-export-schemas.ts';

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
const SYNOPSIS = `  daftari init --db FILE --institution NAME --code CODE --admin USERNAME [--admin-name NAME]
               [--address TEXT] [--accounting-officer-title TEXT] [--head-title TEXT]
  daftari call ROUTE --db FILE --user USERNAME [--input JSON | --input -]
  daftari routes [--json]
  daftari verify --db FILE
  daftari history --db FILE ENTITY_ID
  daftari demo --db FILE [--scale small|large] [--seed N] [--admin USERNAME] [--password PASSWORD]
  daftari export --db FILE --out BUNDLE [--peer ORIGIN] [--force]
  daftari import --db FILE BUNDLE [--accept-new-peer] [--preview]
  daftari peers --db FILE
  daftari register --db FILE --register devices|log-book|people --out FILE [--format xlsx|csv]
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

async function signIn(core: Core, cx: Cx, username: string): Promise<{ token: string | null; failure: Result<unknown> | null }> {
  const secret = await password(cx.io, cx.t('cli.password-prompt', { username }));
  const outcome = await core.call(null, 'auth.sign-in', { username, password: secret });
  if (!outcome.result.ok) return { token: null, failure: outcome.result };
  return { token: outcome.session ?? null, failure: null };
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
  });
  const path = requireDb(values, true);
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

async function call(args: string[], cx: Cx): Promise<number> {
  const { io, t } = cx;
  const { values, positionals } = parse(args, { user: { type: 'string' }, input: { type: 'string' } });
  const route = positionals[0];
  if (!route) throw new UsageError('cli.usage.route-required');
  if (!Object.hasOwn(routes, route)) throw new UsageError('cli.usage.unknown-route', { route });
  const path = requireDb(values);
  if (!values.user) throw new UsageError('cli.usage.user-required');
  let input: unknown = {};
  if (values.input !== undefined) {
    const text = values.input === '-' ? await readAll(io.stdin) : values.input;
    try {
      input = JSON.parse(text);
    } catch {
      throw new UsageError('cli.usage.input-not-json');
    }
  }
  return withCore(path, async (core) => {
    const { token, failure } = await signIn(core, cx, values.user as string);
    if (failure && !failure.ok) {
      printError(io, t, failure.error);
      return 1;
    }
    const outcome = await core.call(token, route, input);
    if (token) await core.call(token, 'auth.sign-out', {});
    if (!outcome.result.ok) {
      printError(io, t, outcome.result.error);
      return 1;
    }
    printJson(io.stdout, outcome.result);
    return 0;
  });
}

function routesCommand(args: string[], cx: Cx): number {
  const { io } = cx;
  const { values } = parse(args, { json: { type: 'boolean' } });
  const table = Object.entries(routes).map(([name, definition]) => ({
    name,
    access: definition.access,
    input: z.toJSONSchema(definition.input, { io: 'input', unrepresentable: 'any' }),
  }));
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
  const { values } = parse(args, {});
  const path = requireDb(values);
  const { verifyStore } = await import('../journal/verify.ts');
  return withCore(path, async (core) => {
    const result = await verifyStore(core.services.store, core.services.domain);
    (result.ok ? io.stdout : io.stderr).write(`${verifyMessage(result, t)}\n`);
    return result.ok ? 0 : 1;
  });
}

async function history(args: string[], cx: Cx): Promise<number> {
  const { io, t } = cx;
  const { values, positionals } = parse(args, {});
  const path = requireDb(values);
  const entity = positionals[0];
  if (!entity) throw new UsageError('cli.usage.entity-required');
  const { entityHistory } = await import('../history/queries.ts');
  const { formatDateTime } = await import('../core/dates.ts');
  return withCore(path, async (core) => {
    // The file's owner reads it from a shell: the whole history, accounts included.
    const entries: HistoryEntry[] = entityHistory(core.services.store, core.services.domain, entity, { includeLocal: true });
    for (const entry of entries) io.stdout.write(`${formatDateTime(entry.at)}  ${describeEvent(entry, t)}\n`);
    return 0;
  });
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
  const { values } = parse(args, { scale: { type: 'string' }, seed: { type: 'string' }, admin: { type: 'string' }, password: { type: 'string' } });
  const path = requireDb(values, true);
  const scale = values.scale ?? 'small';
  if (scale !== 'small' && scale !== 'large') throw new UsageError('cli.usage.scale');
  const seed = values.seed === undefined ? 1 : Number(values.seed);
  if (!Number.isInteger(seed)) throw new UsageError('cli.usage.seed');
  const admin = demoAdmin(values);
  const summary = await runDemo({ path, scale, seed, admin, progress: (line) => io.stderr.write(`${line}\n`) });
  printJson(io.stdout, summary);
  // The JSON is for scripts; a person needs the sign-in in words (on stderr, so stdout stays JSON).
  io.stderr.write(`${t('cli.demo-sign-in', { username: summary.admin.username, password: summary.admin.password })}\n`);
  return 0;
}

// The command line acts as the file's owner, like `verify`: what it writes is journaled as the app's own.
const CLI_ACTOR = { id: 'system', name: 'Daftari (mstari wa amri)' };

async function exportCommand(args: string[], cx: Cx): Promise<number> {
  const { io, t } = cx;
  const { values } = parse(args, { out: { type: 'string' }, peer: { type: 'string' }, force: { type: 'boolean' } });
  const path = requireDb(values);
  if (!values.out) throw new UsageError('cli.usage.out-required');
  const out = resolve(values.out);
  const { exportToFile } = await import('../sync/service.ts');
  return withCore(path, async (core) => {
    // A file already at --out is refused (`file-exists`, whose sentence offers --force) unless --force says replace it.
    const summary = await exportToFile(core.services, CLI_ACTOR, values.peer ?? null, out, { overwrite: Boolean(values.force) });
    io.stdout.write(`${t('cli.exported', { file: summary.file_name, count: summary.event_count, hash: summary.content_sha256 })}\n${t('cli.wipe-reminder')}\n`);
    return 0;
  });
}

async function importCommand(args: string[], cx: Cx): Promise<number> {
  const { io, t } = cx;
  const { values, positionals } = parse(args, { 'accept-new-peer': { type: 'boolean' }, preview: { type: 'boolean' } });
  const path = requireDb(values);
  const bundle = positionals[0];
  if (!bundle) throw new UsageError('cli.usage.bundle-required');
  const { stageFromFile, preview, apply } = await import('../sync/service.ts');
  const { basename } = await import('node:path');
  return withCore(path, async (core) => {
    const shown = preview(core.services, await stageFromFile(core.services, resolve(bundle)), CLI_ACTOR);
    io.stdout.write(
      `${t('cli.preview', { institution: shown.institution.name, origin: shown.origin, created: shown.created_at, count: shown.event_count, fresh: shown.new_events, held: shown.held_events })}\n`,
    );
    if (shown.peer.status === 'new' && !values['accept-new-peer']) {
      io.stderr.write(`${t('cli.new-peer', { fingerprint: shown.peer.fingerprint })}\n`);
      return 1;
    }
    if (values.preview) return 0;
    const result = apply(core.services, await stageFromFile(core.services, resolve(bundle)), CLI_ACTOR, Boolean(values['accept-new-peer']), basename(bundle));
    io.stdout.write(`${t('cli.imported', { fresh: result.new_events, held: result.held_events, conflicts: result.open_conflicts })}\n${t('cli.wipe-reminder')}\n`);
    return 0;
  });
}

async function peersCommand(args: string[], cx: Cx): Promise<number> {
  const { io, t } = cx;
  const { values } = parse(args, { json: { type: 'boolean' } });
  const path = requireDb(values);
  const { listPeers } = await import('../sync/service.ts');
  return withCore(path, async (core) => {
    const peers = listPeers(core.services);
    if (values.json) {
      printJson(io.stdout, peers);
      return 0;
    }
    const key = core.services.signingKey();
    io.stdout.write(`${t('cli.identity', { origin: core.services.identity.shared, fingerprint: key.fingerprint })}\n`);
    if (peers.length === 0) io.stdout.write(`${t('cli.no-peers')}\n`);
    for (const peer of peers) {
      io.stdout.write(`${peer.id}  ${peer.status.padEnd(8)} ${peer.fingerprint}  ${peer.name} (${peer.institution_name})\n`);
    }
    return 0;
  });
}

async function registerCommand(args: string[], cx: Cx): Promise<number> {
  const { io, t, lang } = cx;
  const { values } = parse(args, {
    register: { type: 'string' },
    format: { type: 'string' },
    out: { type: 'string' },
    from: { type: 'string' },
    to: { type: 'string' },
  });
  const path = requireDb(values);
  if (!values.register) throw new UsageError('cli.usage.register-required');
  if (!values.out) throw new UsageError('cli.usage.out-required');
  const { exportRegisterToFile } = await import('../registers/export.ts');
  const filters = values.register === 'log-book' ? { from: values.from ?? '', to: values.to ?? '' } : {};
  return withCore(path, async (core) => {
    const written = await exportRegisterToFile(
      core.services,
      { register: values.register, format: values.format ?? 'xlsx', language: lang, filters } as RegisterExportInput,
      resolve(values.out as string),
      { onProgress: (rows) => io.stderr.write(`\r${t('registers.progress', { rows })}`) },
    );
    io.stderr.write('\n');
    io.stdout.write(`${t('registers.written', { file: written.path, rows: written.rows })}\n`);
    return 0;
  });
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

async function dispatch(command: string | undefined, rest: string[], cx: Cx): Promise<number> {
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
    case 'demo':
      return demo(rest, cx);
    case 'export':
      return exportCommand(rest, cx);
    case 'import':
      return importCommand(rest, cx);
    case 'peers':
      return peersCommand(rest, cx);
    case 'register':
      return registerCommand(rest, cx);
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
    if (error instanceof Refusal) {
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
