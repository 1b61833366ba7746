// The sync screens build some keys from values (event types, conflict kinds, tabs, statuses): each one
// must exist in both languages, or a person would read a raw key.
import { describe, expect, it } from 'vitest';
import { LANGUAGES, translator } from '../../db/contract/catalogues/index.ts';
import enSyncUi from '../../db/contract/catalogues/en/sync-ui.json' with { type: 'json' };
import swSyncUi from '../../db/contract/catalogues/sw/sync-ui.json' with { type: 'json' };
import { domain } from '../../db/domain.ts';
import { CONFLICT_KINDS, SYNC_TABS } from '../../renderer/screens/sync/sync-helpers.ts';

/** The event types a bundle can carry: only shared ones travel (db/sync/import.ts). */
const sharedTypes = [...domain.events.values()].filter((event) => event.scope === 'shared').map((event) => event.type);

describe('the sync screens’ catalogue', () => {
  it('keeps to its own top-level key', () => {
    expect(Object.keys(swSyncUi)).toEqual(['syncUi']);
    expect(Object.keys(enSyncUi)).toEqual(['syncUi']);
  });

  for (const language of LANGUAGES) {
    const t = translator(language);
    const missing = (keys: string[]) => keys.filter((key) => t(key) === key);

    it(`names every event type a bundle can carry, in ${language}`, () => {
      expect(sharedTypes.length).toBeGreaterThan(20);
      expect(missing(sharedTypes.map((type) => `syncUi.types.${type}`))).toEqual([]);
    });

    it(`describes every kind of conflict, in ${language}`, () => {
      expect(missing(CONFLICT_KINDS.flatMap((kind) => [`syncUi.conflicts.kinds.${kind}.title`, `syncUi.conflicts.kinds.${kind}.text`]))).toEqual([]);
    });

    it(`labels every tab, installation status and transfer direction, in ${language}`, () => {
      expect(
        missing([
          ...SYNC_TABS.map((tab) => `syncUi.tabs.${tab}`),
          ...['trusted', 'revoked'].map((status) => `syncUi.peers.status.${status}`),
          ...['export', 'import'].map((direction) => `syncUi.wipes.direction.${direction}`),
        ]),
      ).toEqual([]);
    });
  }

  it('fills the conflict sentences from the conflict’s detail', () => {
    const sw = translator('sw');
    expect(sw('syncUi.conflicts.kinds.duplicate-tag.text', { count: 2, tag: 'WF/LT/0001' })).toContain('WF/LT/0001');
    expect(translator('en')('syncUi.conflicts.kinds.custodian-diverged.text', { first: 'Zuhura Said', second: 'Hamisi Juma', current: 'Hamisi Juma' })).toBe(
      'Two installations gave this device a different custodian at the same time: Zuhura Said and Hamisi Juma. The register now shows Hamisi Juma. Confirm who actually holds it, then correct the custodian in the equipment register if needed.',
    );
  });
});
