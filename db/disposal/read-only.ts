// 3.6.12: a device the department has disposed of is read-only history. Every command that would change
// it or its custody asks here first (particulars, drives, repairs, handovers, permits, media issues), so
// each refuses it the same way, naming the device. It stays findable in the register and its history.
import { refuse } from '../core/refusal.ts';
import type { AssetRow } from '../store/schema.ts';

/** Refuses a disposed device, naming it by its tag; `field` marks the form field that chose it. */
export function refuseDisposed(asset: Pick<AssetRow, 'tag' | 'disposed_on'>, field?: string): void {
  if (asset.disposed_on) refuse('device-disposed', { tag: asset.tag }, field ? { [field]: 'errors.device-disposed' } : undefined);
}
