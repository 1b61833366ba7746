import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { inflateSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';

const icons = fileURLToPath(new URL('../../build/icons/', import.meta.url));
const script = fileURLToPath(new URL('../../build/make-icons.mjs', import.meta.url));
const scratch = mkdtempSync(join(tmpdir(), 'daftari-icons-'));

afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

function pngHeader(data: Buffer): { width: number; height: number; colourType: number } {
  expect(data.subarray(0, 8).equals(PNG_SIGNATURE)).toBe(true);
  expect(data.toString('ascii', 12, 16)).toBe('IHDR');
  return { width: data.readUInt32BE(16), height: data.readUInt32BE(20), colourType: data[25] as number };
}

/** The filtered scanlines of a PNG: its IDAT chunks, inflated. */
function pixelsOf(png: Buffer): Buffer {
  const parts: Buffer[] = [];
  for (let at = 8; at < png.length; ) {
    const length = png.readUInt32BE(at);
    if (png.toString('ascii', at + 4, at + 8) === 'IDAT') parts.push(png.subarray(at + 8, at + 8 + length));
    at += 12 + length;
  }
  return inflateSync(Buffer.concat(parts));
}

function icoImages(ico: Buffer): Buffer[] {
  return Array.from({ length: ico.readUInt16LE(4) }, (_, i) => {
    const at = 6 + 16 * i;
    const offset = ico.readUInt32LE(at + 12);
    return ico.subarray(offset, offset + ico.readUInt32LE(at + 8));
  });
}

describe('the app icons', () => {
  it.each([512, 256])('include a %i×%i PNG with transparency', (size) => {
    expect(pngHeader(readFileSync(join(icons, `${size}x${size}.png`)))).toEqual({ width: size, height: size, colourType: 6 });
  });

  it('include a Windows icon whose 256×256 image is the PNG', () => {
    const ico = readFileSync(join(icons, 'icon.ico'));
    expect([ico.readUInt16LE(0), ico.readUInt16LE(2)]).toEqual([0, 1]);
    const count = ico.readUInt16LE(4);
    const entries = Array.from({ length: count }, (_, i) => {
      const at = 6 + 16 * i;
      return { size: ico[at] === 0 ? 256 : (ico[at] as number), length: ico.readUInt32LE(at + 8), offset: ico.readUInt32LE(at + 12) };
    });
    expect(entries.map((entry) => entry.size)).toContain(256);
    for (const entry of entries) {
      const image = ico.subarray(entry.offset, entry.offset + entry.length);
      expect(pngHeader(image)).toMatchObject({ width: entry.size, height: entry.size });
    }
    const large = entries.find((entry) => entry.size === 256);
    expect(large && ico.subarray(large.offset, large.offset + large.length).equals(readFileSync(join(icons, '256x256.png')))).toBe(true);
  });

  // Pixels, not bytes: another zlib may compress the same pixels differently.
  it('are what build/make-icons.mjs draws', async () => {
    await promisify(execFile)(process.execPath, [script, scratch]);
    for (const file of ['512x512.png', '256x256.png']) {
      expect(pixelsOf(readFileSync(join(scratch, file))).equals(pixelsOf(readFileSync(join(icons, file)))), file).toBe(true);
    }
    const drawn = readFileSync(join(scratch, 'icon.ico'));
    const committed = readFileSync(join(icons, 'icon.ico'));
    expect(icoImages(drawn).map(pixelsOf)).toEqual(icoImages(committed).map(pixelsOf));
  });
});
