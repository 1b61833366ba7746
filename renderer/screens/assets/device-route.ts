// The register lives at `#/assets`; one device's page at `#/assets/<id>`, so the browser's back
// and a link from the log book both work.
export const ASSETS_HASH = '#/assets';

export function deviceHash(id: string): string {
  return `${ASSETS_HASH}/${encodeURIComponent(id)}`;
}

/** The device named in the address, or null on the register itself. */
export function deviceIdFromHash(hash: string): string | null {
  const match = /^#\/?assets\/([^/?#]+)/.exec(hash);
  if (!match?.[1]) return null;
  try {
    return decodeURIComponent(match[1]);
  } catch {
    return null;
  }
}
