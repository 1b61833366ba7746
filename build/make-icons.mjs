// Draws the app icon (a white open log book on a dark green rounded square) and writes
// build/icons/{512x512,256x256}.png and icon.ico, or into the folder given as the first argument.
// Plain zlib, no image library: the output is byte-for-byte reproducible.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { crc32, deflateSync } from 'node:zlib';

const GREEN = [0x14, 0x53, 0x2d];
const WHITE = [0xff, 0xff, 0xff];
const SAMPLES = 4;

/** Shapes in a 1×1 square, painted in order; each is [inside(x, y), colour]. */
function insideRoundedSquare(x, y) {
  const margin = 0.04;
  const radius = 0.2;
  if (x < margin || y < margin || x > 1 - margin || y > 1 - margin) return false;
  const cx = Math.min(Math.max(x, margin + radius), 1 - margin - radius);
  const cy = Math.min(Math.max(y, margin + radius), 1 - margin - radius);
  return (x - cx) ** 2 + (y - cy) ** 2 <= radius ** 2;
}

function insidePolygon(points) {
  return (x, y) => {
    let inside = false;
    for (let i = 0, j = points.length - 1; i < points.length; j = i++) {
      const [xi, yi] = points[i];
      const [xj, yj] = points[j];
      if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
    }
    return inside;
  };
}

const leftPage = insidePolygon([[0.2, 0.3], [0.485, 0.36], [0.485, 0.76], [0.2, 0.7]]);
const rightPage = insidePolygon([[0.515, 0.36], [0.8, 0.3], [0.8, 0.7], [0.515, 0.76]]);

/** Ruled lines across both pages, following the slope of their top edges. */
function onRuledLine(x, y) {
  const onLeft = x > 0.25 && x < 0.445;
  const onRight = x > 0.555 && x < 0.75;
  if (!onLeft && !onRight) return false;
  const slope = onLeft ? (x - 0.2) * (0.06 / 0.285) : (0.8 - x) * (0.06 / 0.285);
  for (const base of [0.42, 0.5, 0.58]) {
    const lineY = base + slope;
    if (Math.abs(y - lineY) < 0.012) return true;
  }
  return false;
}

const shapes = [
  [insideRoundedSquare, GREEN],
  [(x, y) => leftPage(x, y) || rightPage(x, y), WHITE],
  [(x, y) => onRuledLine(x, y) && (leftPage(x, y) || rightPage(x, y)), GREEN],
];

function draw(size) {
  const rgba = new Uint8Array(size * size * 4);
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let r = 0;
      let g = 0;
      let b = 0;
      let a = 0;
      for (let sy = 0; sy < SAMPLES; sy++) {
        for (let sx = 0; sx < SAMPLES; sx++) {
          const x = (px + (sx + 0.5) / SAMPLES) / size;
          const y = (py + (sy + 0.5) / SAMPLES) / size;
          let colour = null;
          for (const [inside, fill] of shapes) if (inside(x, y)) colour = fill;
          if (colour) {
            r += colour[0];
            g += colour[1];
            b += colour[2];
            a += 1;
          }
        }
      }
      const offset = (py * size + px) * 4;
      if (a > 0) {
        rgba[offset] = Math.round(r / a);
        rgba[offset + 1] = Math.round(g / a);
        rgba[offset + 2] = Math.round(b / a);
      }
      rgba[offset + 3] = Math.round((a * 255) / (SAMPLES * SAMPLES));
    }
  }
  return rgba;
}

function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const typed = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(typed));
  return Buffer.concat([length, typed, crc]);
}

export function png(size) {
  const rgba = draw(size);
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8; // bits per channel
  header[9] = 6; // RGBA
  const rows = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) {
    rows[y * (size * 4 + 1)] = 0; // filter: none
    rows.set(rgba.subarray(y * size * 4, (y + 1) * size * 4), y * (size * 4 + 1) + 1);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(rows, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** An ICO holding PNG images (Windows Vista and later read them); 256 is written as 0. */
export function ico(images) {
  const header = Buffer.alloc(6);
  header.writeUInt16LE(0, 0);
  header.writeUInt16LE(1, 2);
  header.writeUInt16LE(images.length, 4);
  let offset = 6 + 16 * images.length;
  const entries = images.map(({ size, data }) => {
    const entry = Buffer.alloc(16);
    entry[0] = size >= 256 ? 0 : size;
    entry[1] = size >= 256 ? 0 : size;
    entry.writeUInt16LE(1, 4); // colour planes
    entry.writeUInt16LE(32, 6); // bits per pixel
    entry.writeUInt32LE(data.length, 8);
    entry.writeUInt32LE(offset, 12);
    offset += data.length;
    return entry;
  });
  return Buffer.concat([header, ...entries, ...images.map((image) => image.data)]);
}

const outdir = resolve(fileURLToPath(new URL('.', import.meta.url)), process.argv[2] ?? 'icons');
mkdirSync(outdir, { recursive: true });
const images = [256, 48, 32, 16].map((size) => ({ size, data: png(size) }));
writeFileSync(join(outdir, '512x512.png'), png(512));
writeFileSync(join(outdir, '256x256.png'), images[0].data);
writeFileSync(join(outdir, 'icon.ico'), ico(images));
