import { describe, expect, it } from 'vitest';
import { translator } from '../../db/contract/catalogues/index.ts';
import { callableBy, type RouteName } from '../../db/contract/routes.ts';
import type { Role } from '../../db/users/contract.ts';
import { canFrom } from '../../renderer/shell/access.ts';
import {
  conflictCount,
  conflictDevices,
  divergedCustodians,
  eventTypeName,
  fingerprintLines,
  formatSize,
  groupHash,
  revealedConflicts,
  syncTabFromHash,
  syncTabHash,
  syncTabsFor,
  totals,
  typeRows,
} from '../../renderer/screens/sync/sync-helpers.ts';

/** What the core tells the window for these roles (auth.me's `may_call`). */
const canOf = (roles: readonly Role[]) => canFrom(callableBy(roles));
const sw = translator('sw');
const en = translator('en');

describe('who reaches which part of sync', () => {
  // The tabs follow the route table (tests/renderer/access.test.ts checks every role); these are the
  // same answers in the user's words.
  it('lets an ICT officer carry bundles but not decide on installations or conflicts', () => {
    const can = canOf(['ict_officer']);
    expect(syncTabsFor(can)).toEqual(['send', 'receive', 'peers', 'conflicts', 'wipes']);
    expect(can('peers.trust-again')).toBe(false);
    expect(can('conflicts.resolve')).toBe(false);
  });

  it('shows an auditor only the installations and the conflicts, to read', () => {
    expect(syncTabsFor(canOf(['auditor']))).toEqual(['peers', 'conflicts']);
  });

  it('leaves accepting, revoking and resolving to the administrator', () => {
    const admin = canOf(['admin']);
    expect(['peers.trust-again', 'peers.revoke', 'conflicts.resolve'].every((route) => admin(route as RouteName))).toBe(true);
    const others = canOf(['accounting_officer', 'auditor']);
    expect(['peers.trust-again', 'peers.revoke', 'conflicts.resolve'].some((route) => others(route as RouteName))).toBe(false);
  });
});

describe('the tab in the address', () => {
  const all = syncTabsFor(canOf(['admin']));

  it('opens the tab the address names', () => {
    expect(syncTabFromHash('#/sync/receive', all)).toBe('receive');
    expect(syncTabFromHash(syncTabHash('wipes'), all)).toBe('wipes');
  });

  it('falls back to the first tab for a bare, unknown or unreachable one', () => {
    expect(syncTabFromHash('#/sync', all)).toBe('send');
    expect(syncTabFromHash('#/sync/nonsense', all)).toBe('send');
    expect(syncTabFromHash('#/sync/send', syncTabsFor(canOf(['auditor'])))).toBe('peers');
  });
});

describe('a preview’s counts by type of event', () => {
  const counts = {
    'people.registered': { new: 2, held: 0 },
    'assets.registered': { new: 3, held: 1 },
    'institution.configured': { new: 0, held: 1 },
  };

  it('names each type in words, in both languages', () => {
    expect(eventTypeName('assets.registered', sw)).toBe('Kifaa cha TEHAMA kimesajiliwa');
    expect(eventTypeName('assets.registered', en)).toBe('ICT device registered');
  });

  it('shows a type a newer Daftari added as it is written rather than a broken key', () => {
    expect(eventTypeName('handovers.recorded', en)).toBe('handovers.recorded');
  });

  it('puts the types that will change something first and adds them up', () => {
    const rows = typeRows(counts, en);
    expect(rows.map((row) => row.type)).toEqual(['assets.registered', 'people.registered', 'institution.configured']);
    expect(rows[0]).toMatchObject({ label: 'ICT device registered', fresh: 3, held: 1 });
    expect(totals(rows)).toEqual({ fresh: 5, held: 2 });
  });

  it('counts only conflicts the bundle adds as revealed', () => {
    expect(revealedConflicts(3, 1)).toBe(2);
    expect(revealedConflicts(1, 1)).toBe(0);
    expect(revealedConflicts(0, 2)).toBe(0);
  });
});

describe('what a conflict is about', () => {
  it('names every device of a duplicate tag or serial', () => {
    const conflict = { kind: 'duplicate-tag', entities: ['a1', 'a2'], detail: { tag: 'WF/LT/0001' } };
    expect(conflictDevices(conflict)).toEqual(['a1', 'a2']);
    expect(conflictCount(conflict)).toBe(2);
  });

  it('names the one device of two open repairs and counts its entries', () => {
    const conflict = { kind: 'two-open-repairs', entities: ['a1', 'e1', 'e2'], detail: { entries: ['e1', 'e2'] } };
    expect(conflictDevices(conflict)).toEqual(['a1']);
    expect(conflictCount(conflict)).toBe(2);
  });

  it('counts the storage media left inside a device that is away', () => {
    const conflict = { kind: 'storage-inside-away', entities: ['a1', 'm1'], detail: { media: ['m1'] } };
    expect(conflictDevices(conflict)).toEqual(['a1']);
    expect(conflictCount(conflict)).toBe(1);
  });

  it('reads the two custodians of a divergence, "nobody" included', () => {
    expect(divergedCustodians({ kind: 'custodian-diverged', entities: ['a1'], detail: { custodians: ['', 'p2'] } })).toEqual(['', 'p2']);
    expect(divergedCustodians({ kind: 'custodian-diverged', entities: ['a1'], detail: {} })).toEqual(['', '']);
  });
});

describe('numbers a person reads out', () => {
  it('groups a content hash in eights', () => {
    const hash = 'a'.repeat(8) + 'b'.repeat(8) + 'c'.repeat(48);
    const grouped = groupHash(hash);
    expect(grouped.split(' ')).toHaveLength(8);
    expect(grouped.startsWith('aaaaaaaa bbbbbbbb ')).toBe(true);
  });

  it('breaks a key fingerprint into two lines of five groups for a narrow column', () => {
    expect(fingerprintLines('2338 6706 5A71 F8AB CFA7 0EAA 8350 62C9 CD11 FF22')).toEqual(['2338 6706 5A71 F8AB CFA7', '0EAA 8350 62C9 CD11 FF22']);
    expect(fingerprintLines('2338 6706')).toEqual(['2338 6706']);
  });

  it('gives a file size in bytes, kilobytes or megabytes', () => {
    expect(formatSize(812)).toBe('812 B');
    expect(formatSize(14_540)).toBe('14.2 KB');
    expect(formatSize(3_565_158)).toBe('3.4 MB');
  });
});
