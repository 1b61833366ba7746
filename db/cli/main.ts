// `daftari`: the contract from a shell. Same routes, same checks as the app: there is no back door.
// Exit codes: 0 done, 1 refused or invalid (the error printed), 2 usage error.
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { resolve } from 'node:path';
import { z } from 'zod';
import { catalogues, DEFAULT_LANGUAGE, translator, type Language, type Translate } from '../contract/catalogues/index.ts';
import { describeEvent } from '../contract/describe.ts';
import { routes } from '../contract/routes.ts';
import type { Result } from '../contract/route.ts';
import { openCore, type Core } from '../core.ts';
import { Refusal, type ErrorValue } from '../core/refusal.ts';
import { runDemo } from '../demo/demo.ts';
import type { HistoryEntry } from '../history/queries.ts';
import type { VerifyResult } from '../journal/verify.ts';
import type { RegisterExportInput } from '../contract/register-export-schemas.ts';

export interface CliIo {
  env: NodeJS.ProcessEnv;
  stdin: NodeJS.ReadableStream & { isTTY?: boolean };
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
}

class UsageError extends Error {}

const USAGE = `daftari — the ICT unit's register and Service Maintenance Log Book

  daftari init --db FILE --institution NAME --code CODE --admin USERNAME [--admin-name NAME]
               [--address TEXT] [--accounting-officer-title TEXT] [--head-title TEXT]
  daftari call ROUTE --db FILE --user USERNAME [--input JSON | --input -]
  daftari routes [--json]
  daftari verify --db FILE
  daftari history --db FILE ENTITY_ID
  daftari demo --db FILE [--scale small|large] [--seed N]
  daftari export --db FILE --out BUNDLE [--peer ORIGIN]
  daftari import --db FILE BUNDLE [--accept-new-peer] [--preview]
  daftari peers --db FILE
  daftari register --db FILE --register devices|log-book|people --out FILE [--format xlsx|csv]
                   [--from YYYY-MM-DD --to YYYY-MM-DD]

The bundle-signing key is kept beside the database in FILE.key, readable by its owner only (0600).

Passwords come from DAFTARI_PASSWORD, or are asked for when a terminal is attached.
Messages are in Swahili; add --lang en (or set DAFTARI_LANG=en) for English.
`;

const COMMON = { db: { type: 'string' }, lang: { type: 'string' }, help: { type: 'boolean', short: 'h' } } as const;

function parse<O extends ParseArgsConfig['options']>(args: string[], options: O) {
  try {
    return parseArgs({ args, options: { ...COMMON, ...options }, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
}

function language(io: CliIo, flag: unknown): Language {
  const wanted = typeof flag === 'string' ? flag : io.env.DAFTARI_LANG;
  if (wanted === undefined) return DEFAULT_LANGUAGE;
  if (wanted in catalogues) return wanted as Language;
  throw new UsageError(`unknown language "${wanted}" (sw or en)`);
}

function requireDb(values: { db?: string | undefined }): string {
  if (!values.db) throw new UsageError('--db FILE is required');
  return resolve(values.db);
}

async function readAll(stream: NodeJS.ReadableStream): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as string));
  return Buffer.concat(chunks).toString('utf8');
}

async function password(io: CliIo, prompt: string): Promise<string> {
  const fromEnv = io.env.DAFTARI_PASSWORD;
  if (fromEnv) return fromEnv;
  if (!io.stdin.isTTY) throw new UsageError('set DAFTARI_PASSWORD (no terminal to ask on)');
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

async function signIn(core: Core, io: CliIo, username: string): Promise<{ token: string | null; failure: Result<unknown> | null }> {
  const outcome = await core.call(null, 'auth.sign-in', { username, password: await password(io, `Nenosiri la ${username}: `) });
  if (!outcome.result.ok) return { token: null, failure: outcome.result };
  return { token: outcome.session ?? null, failure: null };
}

async function init(args: string[], io: CliIo): Promise<number> {
  const { values } = parse(args, {
    institution: { type: 'string' },
    code: { type: 'string' },
    admin: { type: 'string' },
    'admin-name': { type: 'string' },
    address: { type: 'string' },
    'accounting-officer-title': { type: 'string' },
    'head-title': { type: 'string' },
  });
  const t = translator(language(io, values.lang));
  const path = requireDb(values);
  if (!values.institution || !values.code || !values.admin) throw new UsageError('--institution, --code and --admin are required');
  const secret = await password(io, 'Nenosiri la msimamizi: ');
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

async function call(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parse(args, { user: { type: 'string' }, input: { type: 'string' } });
  const t = translator(language(io, values.lang));
  const route = positionals[0];
  if (!route) throw new UsageError('call needs a ROUTE (see: daftari routes)');
  if (!Object.hasOwn(routes, route)) throw new UsageError(`unknown route "${route}" (see: daftari routes)`);
  const path = requireDb(values);
  if (!values.user) throw new UsageError('--user USERNAME is required');
  let input: unknown = {};
  if (values.input !== undefined) {
    const text = values.input === '-' ? await readAll(io.stdin) : values.input;
    try {
      input = JSON.parse(text);
    } catch {
      throw new UsageError('--input is not valid JSON');
    }
  }
  return withCore(path, async (core) => {
    const { token, failure } = await signIn(core, io, values.user as string);
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

function routesCommand(args: string[], io: CliIo): number {
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

async function verify(args: string[], io: CliIo): Promise<number> {
  const { values } = parse(args, {});
  const t = translator(language(io, values.lang));
  const path = requireDb(values);
  const { verifyStore } = await import('../journal/verify.ts');
  return withCore(path, async (core) => {
    const result = await verifyStore(core.services.store, core.services.domain);
    (result.ok ? io.stdout : io.stderr).write(`${verifyMessage(result, t)}\n`);
    return result.ok ? 0 : 1;
  });
}

async function history(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parse(args, {});
  const t = translator(language(io, values.lang));
  const path = requireDb(values);
  const entity = positionals[0];
  if (!entity) throw new UsageError('history needs an ENTITY_ID');
  const { entityHistory } = await import('../history/queries.ts');
  const { formatDateTime } = await import('../core/dates.ts');
  return withCore(path, async (core) => {
    // The file's owner reads it from a shell: the whole history, accounts included.
    const entries: HistoryEntry[] = entityHistory(core.services.store, core.services.domain, entity, { includeLocal: true });
    for (const entry of entries) io.stdout.write(`${formatDateTime(entry.at)}  ${describeEvent(entry, t)}\n`);
    return 0;
  });
}

async function demo(args: string[], io: CliIo): Promise<number> {
  const { values } = parse(args, { scale: { type: 'string' }, seed: { type: 'string' } });
  const path = requireDb(values);
  const scale = values.scale ?? 'small';
  if (scale !== 'small' && scale !== 'large') throw new UsageError('--scale is small or large');
  const seed = values.seed === undefined ? 1 : Number(values.seed);
  if (!Number.isInteger(seed)) throw new UsageError('--seed is a whole number');
  const summary = await runDemo({ path, scale, seed, progress: (line) => io.stderr.write(`${line}\n`) });
  printJson(io.stdout, summary);
  return 0;
}

// The command line acts as the file's owner, like `verify`: what it writes is journaled as the app's own.
const CLI_ACTOR = { id: 'system', name: 'Daftari (mstari wa amri)' };

async function exportCommand(args: string[], io: CliIo): Promise<number> {
  const { values } = parse(args, { out: { type: 'string' }, peer: { type: 'string' } });
  const t = translator(language(io, values.lang));
  const path = requireDb(values);
  if (!values.out) throw new UsageError('--out BUNDLE is required');
  const { exportToFile } = await import('../sync/service.ts');
  return withCore(path, async (core) => {
    const summary = await exportToFile(core.services, CLI_ACTOR, values.peer ?? null, resolve(values.out as string));
    io.stdout.write(`${t('cli.exported', { file: summary.file_name, count: summary.event_count, hash: summary.content_sha256 })}\n${t('cli.wipe-reminder')}\n`);
    return 0;
  });
}

async function importCommand(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parse(args, { 'accept-new-peer': { type: 'boolean' }, preview: { type: 'boolean' } });
  const t = translator(language(io, values.lang));
  const path = requireDb(values);
  const bundle = positionals[0];
  if (!bundle) throw new UsageError('import needs a BUNDLE file');
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

async function peersCommand(args: string[], io: CliIo): Promise<number> {
  const { values } = parse(args, { json: { type: 'boolean' } });
  const t = translator(language(io, values.lang));
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

async function registerCommand(args: string[], io: CliIo): Promise<number> {
  const { values } = parse(args, {
    register: { type: 'string' },
    format: { type: 'string' },
    out: { type: 'string' },
    from: { type: 'string' },
    to: { type: 'string' },
  });
  const lang = language(io, values.lang);
  const t = translator(lang);
  const path = requireDb(values);
  if (!values.register) throw new UsageError('--register devices|log-book|people is required');
  if (!values.out) throw new UsageError('--out FILE is required');
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

export async function main(argv: string[], io: CliIo): Promise<number> {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case 'init':
        return await init(rest, io);
      case 'call':
        return await call(rest, io);
      case 'routes':
        return routesCommand(rest, io);
      case 'verify':
        return await verify(rest, io);
      case 'history':
        return await history(rest, io);
      case 'demo':
        return await demo(rest, io);
      case 'export':
        return await exportCommand(rest, io);
      case 'import':
        return await importCommand(rest, io);
      case 'peers':
        return await peersCommand(rest, io);
      case 'register':
        return await registerCommand(rest, io);
      case undefined:
      case 'help':
      case '--help':
      case '-h':
        io.stdout.write(USAGE);
        return command === undefined ? 2 : 0;
      default:
        throw new UsageError(`unknown command "${command}"`);
    }
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr.write(`daftari: ${error.message}\n\n${USAGE}`);
      return 2;
    }
    if (error instanceof Refusal) {
      const t = translator(language(io, undefined));
      io.stderr.write(`${t(error.value.message, error.value.params)}\n`);
      return 1;
    }
    throw error;
  }
}
