// The sync area's pure parts: which tabs the route table opens to the user, the tab in the address,
// readable event types, the counts table of a preview, and what a conflict is about and how it reads.
import type { RouteName } from '../../../db/contract/routes.ts';
import { BATCH_NUMBER_TWICE, describeDisposalConflict, DISPOSAL_CONFLICT_KINDS, disposalConflictLink, disposalConflictTitle } from '../../../db/disposal/contract.ts';
import { describeHandoverConflict, HANDOVER_CONFLICT_KINDS, NUMBER_TWICE } from '../../../db/handovers/contract.ts';
import { describeMediaConflict, MEDIA_ISSUED_TWICE } from '../../../db/media/contract.ts';
import { describeMovementConflict, MOVEMENT_CONFLICT_KINDS } from '../../../db/movements/contract.ts';
import { COUNTED_IN_TWO_PLACES, describeStocktakeConflict, STOCKTAKE_CONFLICT_KINDS } from '../../../db/stocktake/contract.ts';
import type { Can } from '../../shell/access.ts';

export const SYNC_TABS = ['send', 'receive', 'peers', 'conflicts', 'wipes'] as const;
export type SyncTab = (typeof SYNC_TABS)[number];

/** The route each tab stands on: a tab shows when the user may call it. */
export const SYNC_TAB_ROUTES: Record<SyncTab, RouteName> = {
  send: 'sync.export',
  receive: 'sync.import',
  peers: 'peers.list',
  conflicts: 'conflicts.list',
  wipes: 'sync.transfers',
};

/** An auditor reads the installations and the conflicts; carrying bundles is for those the table lets. */
export function syncTabsFor(can: Can): SyncTab[] {
  return SYNC_TABS.filter((tab) => can(SYNC_TAB_ROUTES[tab]));
}

/** `#/sync/receive` → 'receive' when this user has it; otherwise their first tab. */
export function syncTabFromHash(hash: string, allowed: readonly SyncTab[]): SyncTab {
  const name = hash.replace(/^#\/?/, '').split(/[/?]/)[1] ?? '';
  return allowed.find((tab) => tab === name) ?? allowed[0] ?? 'peers';
}

export function syncTabHash(tab: SyncTab): string {
  return `#/sync/${tab}`;
}

type Translate = (key: string, params?: Record<string, string | number>) => string;

/** `assets.registered` in words; a type this window does not know (a newer Daftari's) as it is written. */
export function eventTypeName(type: string, t: Translate): string {
  const key = `syncUi.types.${type}`;
  const text = t(key);
  return text === key ? type : text;
}

export interface TypeRow {
  type: string;
  label: string;
  fresh: number;
  held: number;
}

/** A preview's counts as rows: most new events first, then by name, so what will change leads. */
export function typeRows(counts: Record<string, { new: number; held: number }>, t: Translate): TypeRow[] {
  return Object.entries(counts)
    .map(([type, count]) => ({ type, label: eventTypeName(type, t), fresh: count.new, held: count.held }))
    .sort((a, b) => b.fresh - a.fresh || a.label.localeCompare(b.label));
}

export function totals(rows: readonly TypeRow[]): { fresh: number; held: number } {
  return rows.reduce((sum, row) => ({ fresh: sum.fresh + row.fresh, held: sum.held + row.held }), { fresh: 0, held: 0 });
}

/** A file's size as people read it: 812 B, 14.2 KB, 3.4 MB. */
export function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

/** A 64-digit hash in groups of eight, so a person can read it out or compare it by eye. */
export function groupHash(hex: string): string {
  return hex.match(/.{1,8}/g)?.join(' ') ?? hex;
}

export const CONFLICT_KINDS = ['duplicate-tag', 'duplicate-serial', 'two-open-repairs', 'storage-inside-away', 'custodian-diverged'] as const;
export type ConflictKind = (typeof CONFLICT_KINDS)[number];

export function isConflictKind(kind: string): kind is ConflictKind {
  return (CONFLICT_KINDS as readonly string[]).includes(kind);
}

export interface ConflictLike {
  kind: string;
  entities: string[];
  detail: Record<string, unknown>;
}

type Describe = (conflict: Pick<ConflictLike, 'kind' | 'detail'>, t: Translate) => string;

/** The screen where an area's conflict is set right (its folder under renderer/screens). */
export type ConflictScreen = 'handovers' | 'movements' | 'media' | 'disposal' | 'stocktake';

interface AreaConflict {
  describe: Describe;
  screen: ConflictScreen;
  /** The heading and the link's words, when the area's contract.ts gives them rather than this screen's catalogue. */
  title?: (kind: string, t: Translate) => string;
  link?: (t: Translate) => string;
}

/**
 * Conflicts an area's rules find (its conflicts.ts), told in the area's own words by the description
 * its contract.ts exports, the same sentence its own screen shows.
 */
const AREA_CONFLICTS: Readonly<Record<string, AreaConflict>> = {
  ...Object.fromEntries(HANDOVER_CONFLICT_KINDS.map((kind) => [kind, { describe: describeHandoverConflict, screen: 'handovers' as const }])),
  ...Object.fromEntries(MOVEMENT_CONFLICT_KINDS.map((kind) => [kind, { describe: describeMovementConflict, screen: 'movements' as const }])),
  [MEDIA_ISSUED_TWICE]: { describe: describeMediaConflict, screen: 'media' },
  ...Object.fromEntries(
    DISPOSAL_CONFLICT_KINDS.map((kind) => [kind, { describe: describeDisposalConflict, screen: 'disposal' as const, title: disposalConflictTitle, link: disposalConflictLink }]),
  ),
  ...Object.fromEntries(
    STOCKTAKE_CONFLICT_KINDS.map((kind) => [
      kind,
      { describe: describeStocktakeConflict, screen: 'stocktake' as const, title: (_: string, t: Translate) => t('stocktake_ui.conflicts.title'), link: (t: Translate) => t('stocktake_ui.conflicts.open-area') },
    ]),
  ),
};

export const AREA_CONFLICT_KINDS: readonly string[] = Object.keys(AREA_CONFLICTS);

/** The conflict's heading: its kind in words, or, for a kind this window does not know, the kind as written. */
export function conflictTitle(kind: string, t: Translate): string {
  const area = Object.hasOwn(AREA_CONFLICTS, kind) ? AREA_CONFLICTS[kind] : undefined;
  if (area?.title) return area.title(kind, t);
  return isConflictKind(kind) || area ? t(`syncUi.conflicts.kinds.${kind}.title`) : t('syncUi.conflicts.kinds.other.title', { kind });
}

/** An area's conflict in its own words; null for the sync screen's own kinds and unknown ones. */
export function areaConflictText(conflict: Pick<ConflictLike, 'kind' | 'detail'>, t: Translate): string | null {
  return Object.hasOwn(AREA_CONFLICTS, conflict.kind) ? (AREA_CONFLICTS[conflict.kind] as { describe: Describe }).describe(conflict, t) : null;
}

/** The area screen where the records behind a conflict are set right, if an area owns it. */
export function conflictScreen(kind: string): ConflictScreen | null {
  return Object.hasOwn(AREA_CONFLICTS, kind) ? (AREA_CONFLICTS[kind] as { screen: ConflictScreen }).screen : null;
}

/** The words of the link to the area screen where a conflict's records are set right; null when no area owns it. */
export function conflictScreenLink(kind: string, t: Translate): string | null {
  if (!Object.hasOwn(AREA_CONFLICTS, kind)) return null;
  const area = AREA_CONFLICTS[kind] as AreaConflict;
  return area.link ? area.link(t) : t(`syncUi.conflicts.open-area.${area.screen}`);
}

/** A medium issued twice is closed by voiding the wrong issue (media.void-issue), besides a recorded decision. */
export function voidsIssue(kind: string): boolean {
  return kind === MEDIA_ISSUED_TWICE;
}

/**
 * The devices a conflict is about (db/sync/conflicts.ts and the areas' rules): every entity of a
 * duplicate; none for two handovers or batches sharing a number (its entities are those); otherwise the
 * first entity is the device and the rest are its log book entries, storage media, permits, handovers,
 * issues or disposal batches.
 */
export function conflictDevices(conflict: ConflictLike): string[] {
  if (conflict.kind === 'duplicate-tag' || conflict.kind === 'duplicate-serial') return conflict.entities;
  // A device counted in two places: the stocktake, then the device, then its counts.
  if (conflict.kind === COUNTED_IN_TWO_PLACES) return conflict.entities.slice(1, 2);
  if (conflict.kind === NUMBER_TWICE || conflict.kind === BATCH_NUMBER_TWICE) return [];
  return conflict.entities.slice(0, 1);
}

/**
 * The records whose installations tell where a conflict arose: every entity of a duplicate or of
 * handovers or batches sharing a number; otherwise those after the device (entries, permits, handovers,
 * issues, batches).
 */
export function conflictRecords(conflict: ConflictLike): string[] {
  if (conflict.kind === 'duplicate-tag' || conflict.kind === 'duplicate-serial' || conflict.kind === NUMBER_TWICE || conflict.kind === BATCH_NUMBER_TWICE) return conflict.entities;
  if (conflict.kind === COUNTED_IN_TWO_PLACES) return conflict.entities.slice(2);
  return conflict.entities.slice(1);
}

/** Which installation recorded one record of a conflict (conflict-origins.list). */
export interface RecordOrigin {
  entity: string;
  origin: string;
  self: boolean;
  name: string | null;
}

/** "Recorded on: this installation, Ofisi ya Dodoma", or null when the conflict's records name none. */
export function conflictInstallations(conflict: ConflictLike, origins: readonly RecordOrigin[], t: Translate): string | null {
  const records = new Set(conflictRecords(conflict));
  const names = new Map<string, string>();
  for (const row of origins) {
    if (!records.has(row.entity) || !row.origin || names.has(row.origin)) continue;
    names.set(row.origin, row.self ? t('syncUi.conflicts.this-installation') : (row.name ?? t('syncUi.conflicts.other-installation', { id: row.origin.slice(0, 8) })));
  }
  return names.size === 0 ? null : t('syncUi.conflicts.installations', { names: [...names.values()].join(', ') });
}

function strings(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
}

/** What the sentence of a conflict counts: devices, open entries or storage media. */
export function conflictCount(conflict: ConflictLike): number {
  switch (conflict.kind) {
    case 'two-open-repairs':
      return strings(conflict.detail.entries).length || Math.max(conflict.entities.length - 1, 0);
    case 'storage-inside-away':
      return strings(conflict.detail.media).length || Math.max(conflict.entities.length - 1, 0);
    default:
      return conflictDevices(conflict).length;
  }
}

/** The two custodians a divergence is between (person ids; '' for "nobody"). */
export function divergedCustodians(conflict: ConflictLike): [string, string] {
  const [first = '', second = ''] = strings(conflict.detail.custodians);
  return [first, second];
}

/** Open conflicts a bundle adds: the preview counts every open conflict after the merge. */
export function revealedConflicts(after: number, now: number): number {
  return Math.max(after - now, 0);
}

/** A fingerprint's ten groups as two lines of five, for a narrow column. */
export function fingerprintLines(fingerprint: string): string[] {
  const groups = fingerprint.split(/\s+/).filter(Boolean);
  if (groups.length <= 5) return [groups.join(' ')];
  const half = Math.ceil(groups.length / 2);
  return [groups.slice(0, half).join(' '), groups.slice(half).join(' ')];
}
