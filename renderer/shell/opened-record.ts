// One record opened inside its screen and named in the address (`#/<screen>/<id>`), so that a row of
// the dashboard, a link or the browser's back button opens it exactly as a click in the list does.
import { errorValueOf } from '../client/call-error.ts';
import { useHash } from './use-hash.ts';

/** `#/<area>/<id>` → the id; null on the area's list, on another area, or for an id that cannot be read. */
export function openedFrom(hash: string, area: string): string | null {
  const [, name, id] = /^#\/?([^/?#]+)\/([^/?#]+)/.exec(hash) ?? [];
  if (name !== area || !id) return null;
  try {
    return decodeURIComponent(id);
  } catch {
    return null;
  }
}

/** The address of one record of an area, or of the area's list when `id` is null. */
export function recordHash(area: string, id: string | null): string {
  return id === null ? `#/${area}` : `#/${area}/${encodeURIComponent(id)}`;
}

/** The core's answer says the address names no such record: an id it does not hold, or not an id at all. */
export function namesNoRecord(error: unknown): boolean {
  const { code } = errorValueOf(error);
  return code === 'invalid-input' || code.endsWith('-not-found');
}

/**
 * The record to show, given the id in the address and the look-up of that id: nothing until the record
 * is found, and nothing for an id the core does not know, so the list stays as it was. Any other refusal
 * opens the record's panel, where it is shown.
 */
export function shownRecord(id: string | null, lookup: { isSuccess: boolean; isError: boolean; error: unknown }): string | null {
  if (id === null) return null;
  if (lookup.isSuccess) return id;
  return lookup.isError && !namesNoRecord(lookup.error) ? id : null;
}

/** The id opened in `area`'s address, and how to open another (or, with null, go back to the list). */
export function useOpenedRecord(area: string): [string | null, (id: string | null) => void] {
  const [hash, setHash] = useHash();
  return [openedFrom(hash, area), (id) => setHash(recordHash(area, id))];
}
