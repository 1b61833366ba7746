// Installations of one institution that carry bundles between them, built on the typed test core;
// and a bundle codec written from docs/journal.md and db/sync/format.ts so tests can damage, forge and
// re-sign bundles the way a careless courier or an attacker would.
import { createHash, createPrivateKey, generateKeyPairSync, sign } from 'node:crypto';
import { gunzipSync, gzipSync } from 'node:zlib';
import { expect } from 'vitest';
import type { Result } from '../../db/contract/route.ts';
import { CLASSIFICATIONS } from '../../db/assets/contract.ts';
import type { RouteInput, RouteOutput } from '../../db/contract/routes.ts';
import type { Core } from '../../db/core.ts';
import type { ErrorValue } from '../../db/core/refusal.ts';
import type { Manifest } from '../../db/sync/format.ts';
import { memoryKeyStore, type KeyStore } from '../../db/sync/keys.ts';
import type { Store } from '../../db/store/open.ts';
import { ADMIN_PASSWORD, jcs, MINISTRY_OF_WATER, okValue, openTestCore, rowsOf, setUp, signIn, snapshotRows, START, YEAR_OF_IDLE, type Caller, type TestClock, type TestCore } from './core.ts';

/** The working day of START in Dar es Salaam, and of every clock tick the sync tests make. */
export const TODAY = '2025-03-03';

/** Projections every installation must agree on. */
export const SHARED_TABLES = [
  'institution',
  'people',
  'departments',
  'locations',
  'categories',
  'asset_settings',
  'assets',
  'storage_media',
  'procedures',
  'maintenance_plans',
  'providers',
  'maintenance_entries',
  'conflict_resolutions',
] as const;

/** This installation's own business; never compared across installations. */
export const LOCAL_TABLES = ['users', 'security_settings', 'peers', 'bundle_transfers', 'import_mappings'] as const;

/** One installation, signed in as its administrator: `call` and `ok` act as her. */
export interface Replica extends Caller {
  name: string;
  /** The same installation for calls as anyone else (another user, no session). */
  t: TestCore;
  core: Core;
  store: Store;
  clock: TestClock;
  keyStore: KeyStore;
  /** The shared origin: the id other installations know this one by. */
  origin: string;
}

export interface ReplicaOptions {
  path?: string;
  seed?: number;
  start?: string;
  keyStore?: KeyStore;
  /** Run first-run setup (default); false to reopen an initialized file and sign in. */
  initialize?: boolean;
  postalAddress?: string;
}

/** One installation of the Ministry of Water, set up on its own: accounts are local to it. */
export async function openReplica(name: string, options: ReplicaOptions = {}): Promise<Replica> {
  const keyStore = options.keyStore ?? memoryKeyStore();
  const t = await openTestCore({
    start: options.start ?? START,
    seed: options.seed ?? 1,
    keyStore,
    idleLimitMs: YEAR_OF_IDLE,
    ...(options.path !== undefined ? { path: options.path } : {}),
  });
  let token: string | null;
  if (options.initialize === false) {
    const signedIn = await signIn(t, 'asha', ADMIN_PASSWORD);
    okValue(signedIn.result);
    token = signedIn.token;
  } else {
    const institution = { ...MINISTRY_OF_WATER, postal_address: options.postalAddress ?? MINISTRY_OF_WATER.postal_address };
    token = (await setUp(t, { institution, admin: { display_name: `Asha (${name})` } })).token;
  }
  if (token === null) throw new Error(`${name}: no session`);
  return { ...t.as(token), name, t, core: t.core, store: t.store, clock: t.clock, keyStore, origin: t.core.services.identity.shared };
}

/** A bundle through the window's route: everything (peer null) or what `peer` has not acknowledged. */
export async function exportBundle(replica: Replica, peer: string | null = null): Promise<Buffer> {
  const value = await replica.ok('sync.export', { peer_id: peer });
  return Buffer.from(value.base64, 'base64');
}

export type Imported = RouteOutput<'sync.import'>;

export function importBundle(replica: Replica, bytes: Buffer, acceptNewPeer = false, name = 'bundle.daftari'): Promise<Result<Imported>> {
  return replica.call('sync.import', { file: { name, base64: bytes.toString('base64') }, accept_new_peer: acceptNewPeer });
}

export function knowsPeer(replica: Replica, origin: string): boolean {
  return replica.store.sqlite.prepare('SELECT 1 FROM peers WHERE id = ?').get(origin) !== undefined;
}

/** `from`'s bundle carried to `to`; a never-seen installation is accepted, as an administrator would. */
export async function carry(from: Replica, to: Replica, options: { onlyUnacknowledged?: boolean } = {}): Promise<Imported> {
  const peer = options.onlyUnacknowledged && knowsPeer(from, to.origin) ? to.origin : null;
  const bytes = await exportBundle(from, peer);
  return okValue(await importBundle(to, bytes, !knowsPeer(to, from.origin)));
}

// --- the bundle file, taken apart and put back together ---------------------------------------

export interface Header {
  format: string;
  version: number;
  manifest: Manifest;
  signature: string;
}

export interface EventLine {
  origin: string;
  origin_seq: number;
  hlc: string;
  actor: string;
  type: string;
  entity: string;
  payload: Record<string, unknown>;
  prev_hash: string;
  hash: string;
}

export interface Unpacked {
  header: Header;
  /** The event lines as written, without their newlines. */
  lines: string[];
}

export function unpack(bytes: Buffer): Unpacked {
  const text = gunzipSync(bytes).toString('utf8');
  const [header, ...rest] = text.split('\n');
  expect(rest.at(-1)).toBe('');
  return { header: JSON.parse(header as string) as Header, lines: rest.slice(0, -1) };
}

export function eventsOf(bytes: Buffer): EventLine[] {
  return unpack(bytes).lines.map((line) => JSON.parse(line) as EventLine);
}

export function pack(bundle: Unpacked): Buffer {
  return gzipSync(`${JSON.stringify(bundle.header)}\n${bundle.lines.map((line) => `${line}\n`).join('')}`);
}

export function sha256(text: string | Buffer): string {
  return createHash('sha256').update(text).digest('hex');
}

/** The journal's hash rule, from docs/journal.md, independently of the core's code. */
export function hashOf(event: Omit<EventLine, 'hash'>): string {
  const { origin, origin_seq, hlc, actor, type, entity, payload, prev_hash } = event;
  return sha256(jcs({ origin, origin_seq, hlc, actor, type, entity, payload, prev_hash }));
}

export function signManifest(manifest: Manifest, privateKeyPem: string): string {
  return sign(null, Buffer.from(jcs(manifest), 'utf8'), createPrivateKey(privateKeyPem)).toString('base64');
}

/** A key pair no installation knows: its PKCS#8 PEM and its raw public key in base64. */
export function strangerKey(): { pem: string; publicKey: string } {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  const jwk = publicKey.export({ format: 'jwk' }) as { x: string };
  return { pem: privateKey.export({ format: 'pem', type: 'pkcs8' }).toString(), publicKey: Buffer.from(jwk.x, 'base64url').toString('base64') };
}

/**
 * Rewrites a bundle from edited events as an honest exporter holding `privateKeyPem` would: each
 * event's hash and the chain after it recomputed (an origin's first event keeps its prev_hash),
 * ranges, count and content hash recomputed, the manifest signed again.
 */
export function reseal(header: Header, events: EventLine[], privateKeyPem: string, options: { rechain?: boolean } = {}): Buffer {
  const last = new Map<string, string>();
  const lines = events.map((event) => {
    let next = event;
    if (options.rechain !== false) {
      const prev = last.get(event.origin) ?? event.prev_hash;
      const { hash: _old, ...fields } = { ...event, prev_hash: prev };
      next = { ...fields, hash: hashOf(fields) };
      last.set(event.origin, next.hash);
    }
    return jcs(next);
  });
  const ranges: Record<string, [number, number]> = {};
  for (const event of events) {
    const range = ranges[event.origin];
    ranges[event.origin] = range ? [range[0], event.origin_seq] : [event.origin_seq, event.origin_seq];
  }
  const manifest: Manifest = {
    ...header.manifest,
    ranges,
    event_count: lines.length,
    content_sha256: sha256(lines.map((line) => `${line}\n`).join('')),
  };
  return pack({ header: { ...header, manifest, signature: signManifest(manifest, privateKeyPem) }, lines });
}

export function privateKeyOf(replica: Replica): string {
  const pem = replica.keyStore.read();
  if (!pem) throw new Error(`${replica.name} has no key yet`);
  return pem;
}

// --- comparing installations ------------------------------------------------------------------

/** Each shared projection's rows, sorted by id, as one SHA-256 per table. */
export function sharedDigest(store: Store): Record<string, string> {
  return Object.fromEntries(SHARED_TABLES.map((table) => [table, sha256(JSON.stringify(rowsOf(store, table)))]));
}

/** The open conflicts as the conflicts screen lists them, whether stored or computed when asked for. */
export async function conflictsOf(replica: Replica): Promise<RouteOutput<'conflicts.list'>> {
  const list = await replica.ok('conflicts.list');
  return [...list].sort((x, y) => x.id.localeCompare(y.id));
}

export function sharedJournalCount(store: Store): number {
  return (
    store.sqlite.prepare("SELECT count(*) AS n FROM journal j JOIN origins o ON o.origin = j.origin WHERE o.scope = 'shared'").get() as { n: number }
  ).n;
}

/** Everything a refused import must leave alone: every row of every table, and the peer list. */
export async function everything(replica: Replica): Promise<{ rows: ReturnType<typeof snapshotRows>; peers: unknown }> {
  return { rows: snapshotRows(replica.store), peers: await replica.ok('peers.list') };
}

/** Imports `bytes` into `replica`, expects refusal `code`, and proves nothing at all changed. */
export async function refusedUnchanged(replica: Replica, bytes: Buffer, code: string | readonly string[], acceptNewPeer = true): Promise<ErrorValue> {
  const before = await everything(replica);
  const result = await importBundle(replica, bytes, acceptNewPeer);
  if (result.ok) throw new Error(`expected refusal ${String(code)}, the bundle was applied: ${JSON.stringify(result.value)}`);
  if (typeof code === 'string') expect(result.error.code).toBe(code);
  else expect(code).toContain(result.error.code);
  expect(result.error.message).toBe(`errors.${result.error.code}`);
  expect(await everything(replica)).toEqual(before);
  return result.error;
}

/** Registers a device through the route with sensible particulars; `fields` override any. */
export function registerDevice(replica: Replica, fields: Partial<RouteInput<'assets.register'>> = {}): Promise<RouteOutput<'assets.register'>> {
  return replica.ok('assets.register', { category: 'laptop', make: 'Dell', model: 'Latitude 5440', serial: '', media: [], ...fields });
}

/** The fields assets.update needs, from the device as the installation holds it, with `changes` applied. */
export async function deviceUpdate(replica: Replica, assetId: string, changes: Partial<RouteInput<'assets.update'>>): Promise<RouteInput<'assets.update'>> {
  const device = await replica.ok('assets.get', { asset_id: assetId });
  return {
    asset_id: assetId,
    tag: device.tag,
    category: device.category,
    make: device.make,
    model: device.model,
    serial: device.serial,
    purchase_date: device.purchase_date,
    supplier: device.supplier,
    cost_tzs: device.cost_tzs,
    funding_source: device.funding_source,
    warranty_end: device.warranty_end,
    location_id: device.location_id,
    department_id: device.department_id,
    custodian_id: device.custodian_id,
    // The row keeps the word as text; the route takes one of the schema's words.
    classification: CLASSIFICATIONS.find((word) => word === device.classification),
    can_hold_records: device.can_hold_records,
    notes: device.notes,
    ...changes,
  };
}
