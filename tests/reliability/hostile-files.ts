// Hostile files made on the fly, so that no binary is kept in the repository: a zip container written
// by hand (to hold a bomb whose entry inflates to far more than the file's size, or lies about it),
// and small real PNG and PDF files to rename.
import { constants, crc32, deflateRawSync, deflateSync } from 'node:zlib';
import JSZip from 'jszip';

export interface ZipEntry {
  name: string;
  /** The entry's bytes as stored (deflated when `method` is 8). */
  stored: Buffer;
  method: 0 | 8;
  crc: number;
  /** The inflated size the zip declares; a bomb may declare less than it holds. */
  size: number;
}

const MEBIBYTE = 1024 * 1024;

/** A deflated entry from its plain bytes. */
export function deflatedEntry(name: string, data: Buffer): ZipEntry {
  return { name, stored: deflateRawSync(data), method: 8, crc: crc32(data), size: data.length };
}

/**
 * An entry of `head`, then `megabytes` MB of `fill`, then `tail`, deflated without ever holding the
 * inflated text: one MB of `fill` is deflated once (a sync flush keeps each part a run of complete
 * blocks that refer only to itself) and the part repeated. About 1 KB of zip per inflated MB.
 */
export function bombEntry(name: string, head: string, fill: string, megabytes: number, tail: string, declared?: number): ZipEntry {
  const flushed = (data: Buffer) => deflateRawSync(data, { finishFlush: constants.Z_SYNC_FLUSH });
  const block = Buffer.alloc(MEBIBYTE, fill);
  const filler = flushed(block);
  const parts: Buffer[] = [flushed(Buffer.from(head))];
  let crc = crc32(Buffer.from(head));
  for (let i = 0; i < megabytes; i += 1) {
    parts.push(filler);
    crc = crc32(block, crc);
  }
  parts.push(flushed(Buffer.from(tail)), Buffer.from([0x03, 0x00]));
  crc = crc32(Buffer.from(tail), crc);
  const size = Buffer.byteLength(head) + megabytes * MEBIBYTE + Buffer.byteLength(tail);
  return { name, stored: Buffer.concat(parts), method: 8, crc, size: declared ?? size };
}

/** A zip file of `entries`, with local headers, a central directory and its end record. */
export function zipOf(entries: readonly ZipEntry[]): Buffer {
  const locals: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = Buffer.from(entry.name);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(entry.method, 8);
    local.writeUInt32LE(entry.crc >>> 0, 14);
    local.writeUInt32LE(entry.stored.length, 18);
    local.writeUInt32LE(Math.min(entry.size, 0xfffffffe), 22);
    local.writeUInt16LE(name.length, 26);
    const record = Buffer.alloc(46);
    record.writeUInt32LE(0x02014b50, 0);
    record.writeUInt16LE(20, 4);
    record.writeUInt16LE(20, 6);
    record.writeUInt16LE(entry.method, 10);
    record.writeUInt32LE(entry.crc >>> 0, 16);
    record.writeUInt32LE(entry.stored.length, 20);
    record.writeUInt32LE(Math.min(entry.size, 0xfffffffe), 24);
    record.writeUInt16LE(name.length, 28);
    record.writeUInt32LE(offset, 42);
    locals.push(local, name, entry.stored);
    central.push(record, name);
    offset += local.length + name.length + entry.stored.length;
  }
  const directory = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

/** Every entry of a real workbook but its first sheet, deflated again, to surround a bomb. */
export async function workbookEntriesBut(workbook: Buffer, sheet: string): Promise<ZipEntry[]> {
  const zip = await JSZip.loadAsync(workbook);
  const entries: ZipEntry[] = [];
  for (const name of Object.keys(zip.files)) {
    const file = zip.files[name];
    if (!file || file.dir || name === sheet) continue;
    entries.push(deflatedEntry(name, await file.async('nodebuffer')));
  }
  return entries;
}

/** A 1×1 PNG, as a picture saved from a phone starts: signature, IHDR, IDAT, IEND, with NUL bytes. */
export function png(): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body) >>> 0);
    return Buffer.concat([length, body, crc]);
  };
  const header = Buffer.from([0, 0, 0, 1, 0, 0, 0, 1, 8, 2, 0, 0, 0]);
  const pixels = deflateSync(Buffer.from([0, 0x1f, 0x6f, 0xb4]));
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', header), chunk('IDAT', pixels), chunk('IEND', Buffer.alloc(0))]);
}
