// The register lives at `#/equipment`; one device's page at `#/equipment/<id>`, so the browser's back
// and a link from the log book both work.
export const EQUIPMENT_HASH = '#/equipment';

export function deviceHash(id: string): string {
  return `${EQUIPMENT_HASH}/${encodeURIComponent(id)}`;
}

/** The device named in the address, or null on the register itself. */
export function deviceIdFromHash(hash: string): string | null {
  const match = /^#\/?equipment\/([^/?#]+)/.exec(hash);
  if (!match?.[1]) return null;
  try {
    return decodeURIComponent(match[1]);
  } catch {
    return null;
  }
}
