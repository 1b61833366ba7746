// The snapshot's fingerprint is the SHA-256 of the rows' canonical JSON (docs/journal.md), however it is
// computed: hashed in parts, it must give the digest of the whole text, for any number of rows.
import { describe, expect, it } from 'vitest';
import { canonicalJson, sha256Hex } from '../../../db/journal/hash.ts';
import type { ExpectedRow } from '../../../db/stocktake/events.ts';
import { inTagOrder, snapshotHash } from '../../../db/stocktake/snapshot.ts';

function rows(n: number): ExpectedRow[] {
  return Array.from({ length: n }, (_, i) => ({
    asset_id: `a${i}`,
    tag: `MAJI/ICT/2026/${String(i).padStart(5, '0')}`,
    make: i % 2 ? 'Dell' : 'HP "Elite"',
    model: 'Latitude 5420',
    category: 'laptop',
    serial: `SN-${i}`,
    location_id: i % 3 ? `l${i % 3}` : null,
    location_name: i % 3 ? 'Ghorofa ya 2, Chumba 204' : '',
    department_id: null,
    department_name: '',
    custodian_id: i % 5 ? `p${i}` : null,
    custodian_name: i % 5 ? 'Zuhura Saïd' : '',
    status: 'in_service',
  }));
}

describe('the snapshot’s fingerprint', () => {
  it.each([0, 1, 999, 1000, 1001, 2500])('of %i rows is the SHA-256 of their canonical JSON', (n) => {
    const list = inTagOrder(rows(n));
    expect(snapshotHash(list)).toBe(sha256Hex(canonicalJson(list)));
  });
});
