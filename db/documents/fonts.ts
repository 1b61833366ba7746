// The forms' typeface, Noto Sans (Latin), read from @fontsource's WOFF files. WOFF is TrueType with
// each table deflated; unpacking it once here spares every document fontkit's pure-JS inflate, which
// otherwise takes most of the time of a small form.
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, join } from 'node:path';
import { inflateSync } from 'node:zlib';

const FILES = {
  regular: '@fontsource/noto-sans/files/noto-sans-latin-400-normal.woff',
  bold: '@fontsource/noto-sans/files/noto-sans-latin-700-normal.woff',
} as const;
export type FontName = keyof typeof FILES;

/** The TrueType font inside a WOFF 1.0 file (W3C WOFF, section 4–5). */
export function sfntFromWoff(woff: Buffer): Buffer {
  if (woff.toString('latin1', 0, 4) !== 'wOFF') throw new Error('not a WOFF file');
  const flavor = woff.readUInt32BE(4);
  const count = woff.readUInt16BE(12);
  const tables = Array.from({ length: count }, (_, i) => {
    const at = 44 + i * 20;
    const offset = woff.readUInt32BE(at + 4);
    const compressed = woff.readUInt32BE(at + 8);
    const length = woff.readUInt32BE(at + 12);
    const stored = woff.subarray(offset, offset + compressed);
    return { tag: woff.subarray(at, at + 4), checksum: woff.readUInt32BE(at + 16), data: compressed < length ? inflateSync(stored) : stored };
  });
  const power = 2 ** Math.floor(Math.log2(count));
  const head = Buffer.alloc(12 + 16 * count);
  head.writeUInt32BE(flavor, 0);
  head.writeUInt16BE(count, 4);
  head.writeUInt16BE(power * 16, 6);
  head.writeUInt16BE(Math.log2(power), 8);
  head.writeUInt16BE(count * 16 - power * 16, 10);
  const parts: Buffer[] = [head];
  let offset = head.length;
  tables.forEach((table, i) => {
    const record = 12 + i * 16;
    table.tag.copy(head, record);
    head.writeUInt32BE(table.checksum, record + 4);
    head.writeUInt32BE(offset, record + 8);
    head.writeUInt32BE(table.data.length, record + 12);
    const padded = (table.data.length + 3) & ~3;
    parts.push(table.data, Buffer.alloc(padded - table.data.length));
    offset += padded;
  });
  return Buffer.concat(parts);
}

/** Where the WOFF file is: beside the bundle when the app is packaged, else in node_modules. */
function fontFile(name: FontName): string {
  // The Electron bundle is CommonJS, ships no node_modules and has no import.meta.url: its build copies
  // the two files into fonts/ beside it.
  if (typeof __dirname === 'string') {
    const beside = join(__dirname, 'fonts', basename(FILES[name]));
    if (existsSync(beside)) return beside;
  }
  return createRequire(import.meta.url).resolve(FILES[name]);
}

const cache = new Map<FontName, Buffer>();

export function fontBytes(name: FontName): Buffer {
  let bytes = cache.get(name);
  if (!bytes) {
    bytes = sfntFromWoff(readFileSync(fontFile(name)));
    cache.set(name, bytes);
  }
  return bytes;
}
