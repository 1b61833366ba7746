// Asset labels: sheets of QR labels whose codes hold exactly the tag, read back from the printed pixels.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import QRCode from 'qrcode';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LABEL_PRESET_NAMES, LABEL_PRESETS, type LabelPreset } from '../../../db/assets/contract.ts';
import { labelBox, QUIET_MODULES, qrRuns } from '../../../db/assets/labels-form.ts';
import type { RouteInput } from '../../../db/contract/routes.ts';
import type { PrintedDocument } from '../../../db/documents/pdf.ts';
import { expectRefused, okValue } from '../../helpers/core.ts';
import { buildFixture, DESKTOP_TAG, greyPixels, LAPTOP_TAG, readBack, type Fixture } from '../../helpers/printed-forms.ts';

let f: Fixture;
beforeAll(async () => {
  f = await buildFixture();
});
afterAll(() => f.t.core.close());

function labels(input: RouteInput<'documents.labels'>): Promise<PrintedDocument> {
  return f.t.ok(f.token, 'documents.labels', input);
}

function matrixOf(tag: string): boolean[][] {
  const { modules } = QRCode.create(tag, { errorCorrectionLevel: 'M' });
  return Array.from({ length: modules.size }, (_, row) => Array.from({ length: modules.size }, (_, col) => modules.get(row, col) === 1));
}

/** Reads the modules of the QR code of label `index` back from the page's pixels, quiet zone included. */
function readModules(pixels: ReturnType<typeof greyPixels>, dpi: number, preset: LabelPreset, index: number, size: number): boolean[][] {
  const box = labelBox(preset, index, size);
  const scale = dpi / 72;
  const all = size + 2 * QUIET_MODULES;
  return Array.from({ length: all }, (_, row) =>
    Array.from({ length: all }, (_, col) => pixels.at((box.qr.x + (col + 0.5) * box.qr.module) * scale, (box.qr.y + (row + 0.5) * box.qr.module) * scale) < 128),
  );
}

function withQuietZone(matrix: boolean[][]): boolean[][] {
  const all = matrix.length + 2 * QUIET_MODULES;
  return Array.from({ length: all }, (_, row) => Array.from({ length: all }, (_, col) => matrix[row - QUIET_MODULES]?.[col - QUIET_MODULES] ?? false));
}

describe('asset labels', () => {
  it('draws exactly the modules of the QR code of the tag, as runs along each row', () => {
    for (const tag of [LAPTOP_TAG, DESKTOP_TAG, 'wf-2026-00001', 'WIZARA-YA-FEDHA/TEHAMA/KOMPYUTA-MPAKATO/2026/000123']) {
      const { size, runs } = qrRuns(tag);
      const drawn = Array.from({ length: size }, () => Array.from({ length: size }, () => false));
      for (const run of runs) for (let col = run.col; col < run.col + run.length; col += 1) (drawn[run.row] as boolean[])[col] = true;
      expect(drawn).toEqual(matrixOf(tag));
    }
  });

  it('prints QR codes that read back, module for module, from the printed page, with a blank quiet zone', async () => {
    const dpi = 300;
    // The first and the last label of a sheet, on each preset: the corners are where printers clip.
    for (const preset of LABEL_PRESET_NAMES) {
      const sheet = LABEL_PRESETS[preset];
      const perSheet = sheet.across * sheet.down;
      const document = await labels({ asset_ids: [f.laptop, f.desktop], preset, skip: perSheet - 2 });
      // skip perSheet - 2: the laptop takes the sheet's second-last place, the desktop its last.
      const pixels = greyPixels(document, 1, dpi);
      for (const [tag, index] of [
        [LAPTOP_TAG, perSheet - 2],
        [DESKTOP_TAG, perSheet - 1],
      ] as const) {
        const matrix = matrixOf(tag);
        expect([preset, tag, readModules(pixels, dpi, preset, index, matrix.length)]).toEqual([preset, tag, withQuietZone(matrix)]);
      }
      const first = await labels({ asset_ids: [f.printer], preset });
      const matrix = matrixOf('WF-PRN-0003');
      expect([preset, readModules(greyPixels(first, 1, dpi), dpi, preset, 0, matrix.length)]).toEqual([preset, withQuietZone(matrix)]);
    }
  });

  // A real scanner, where the machine has one (Debian: zbar-tools); the module-for-module test above
  // holds everywhere.
  const zbar = spawnSync('zbarimg', ['--version']).status === 0;
  it.skipIf(!zbar)('scans back to exactly the tag, label by label, with zbar', async () => {
    const tags = [LAPTOP_TAG, DESKTOP_TAG, 'WF-PRN-0003'];
    const dir = mkdtempSync(join(tmpdir(), 'daftari-zbar-'));
    try {
      for (const preset of LABEL_PRESET_NAMES) {
        const document = await labels({ asset_ids: [f.laptop, f.desktop, f.printer], preset, skip: 1 });
        const pdf = join(dir, `${preset}.pdf`);
        writeFileSync(pdf, Buffer.from(document.base64, 'base64'));
        const dpi = 150;
        const px = (pt: number) => String(Math.round((pt * dpi) / 72));
        tags.forEach((tag, i) => {
          const box = labelBox(preset, 1 + i, matrixOf(tag).length);
          const png = join(dir, `${preset}-${i}`);
          execFileSync('pdftoppm', ['-png', '-r', String(dpi), '-f', '1', '-l', '1', '-x', px(box.x), '-y', px(box.y), '-W', px(box.width), '-H', px(box.height), '-singlefile', pdf, png]);
          const read = spawnSync('zbarimg', ['--quiet', '--raw', `${png}.png`], { encoding: 'utf8' }).stdout.trim();
          expect([preset, read]).toEqual([preset, tag]);
        });
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('keeps every QR code inside its label, the modules no smaller than 0.8 mm, and the text beside it', () => {
    for (const preset of LABEL_PRESET_NAMES) {
      const sheet = LABEL_PRESETS[preset];
      for (let index = 0; index < sheet.across * sheet.down; index += 1) {
        for (const modules of [21, 25, 29]) {
          const box = labelBox(preset, index, modules);
          expect(box.qr.x).toBeGreaterThanOrEqual(box.x);
          expect(box.qr.y).toBeGreaterThanOrEqual(box.y - 0.01);
          expect(box.qr.y + box.qr.side).toBeLessThanOrEqual(box.y + box.height + 0.01);
          expect(box.qr.module).toBeGreaterThanOrEqual((0.8 * 72) / 25.4);
          expect(box.text.x).toBeGreaterThanOrEqual(box.qr.x + box.qr.side);
          expect(box.text.x + box.text.width).toBeLessThanOrEqual(box.x + box.width);
          expect(box.text.width).toBeGreaterThan((25 * 72) / 25.4);
        }
      }
    }
  });

  it('fills A4 sheets of 3 × 8, 3 × 7 and 2 × 7, after the labels already used', async () => {
    const thirty = Array.from({ length: 30 }, (_, i) => [f.laptop, f.desktop, f.printer][i % 3] as string);
    const cases: [LabelPreset, number, number, number][] = [
      ['a4-3x8', 24, 0, 1],
      ['a4-3x8', 25, 0, 2],
      ['a4-3x8', 30, 0, 2],
      ['a4-3x8', 5, 20, 2],
      ['a4-3x7', 21, 0, 1],
      ['a4-3x7', 22, 0, 2],
      ['a4-2x7', 30, 0, 3],
    ];
    for (const [preset, count, skip, pages] of cases) {
      const document = await labels({ asset_ids: thirty.slice(0, count), preset, skip });
      const back = readBack(document, `labels-${preset}-${count}-${skip}`);
      expect([preset, count, skip, back.pages.length]).toEqual([preset, count, skip, pages]);
      expect(back.info).toMatch(/Page size:\s+595.28 x 841.89 pts \(A4\)/);
    }
  });

  it('prints on each label the tag, the institution and the category, in the language asked for', async () => {
    const sw = readBack(await labels({ asset_ids: [f.laptop, f.desktop, f.printer], language: 'sw' }), 'labels-sw');
    expect(sw.pages).toHaveLength(1);
    for (const text of [LAPTOP_TAG, DESKTOP_TAG, 'WF-PRN-0003', 'Kompyuta mpakato', 'Kompyuta ya mezani', 'Printa', 'MALI YA SERIKALI']) expect(sw.flat).toContain(text);
    expect(sw.flat.split('Wizara ya Fedha').length - 1).toBe(3);
    const en = readBack(await labels({ asset_ids: [f.laptop], language: 'en', preset: 'a4-2x7' }), 'labels-en');
    expect(en.flat).toContain('Laptop');
    expect(en.flat).toContain('GOVERNMENT PROPERTY');
    expect(en.flat).not.toContain('Kompyuta');
  });

  it('refuses a device not in the register, more than 500 labels, and a skip of a whole sheet', async () => {
    const unknown = expectRefused(await f.t.call(f.token, 'documents.labels', { asset_ids: [f.laptop, 'no-such-device'] }), 'asset-not-found');
    expect(unknown.fields).toEqual({ asset_ids: 'errors.asset-not-found' });
    const many = expectRefused(await f.t.call(f.token, 'documents.labels', { asset_ids: Array.from({ length: 501 }, () => f.laptop) }), 'invalid-input');
    expect(many.fields).toEqual({ asset_ids: 'validation.too_big' });
    const none = expectRefused(await f.t.call(f.token, 'documents.labels', { asset_ids: [] }), 'invalid-input');
    expect(none.fields).toEqual({ asset_ids: 'validation.required' });
    const skip = expectRefused(await f.t.call(f.token, 'documents.labels', { asset_ids: [f.laptop], preset: 'a4-3x7', skip: 21 }), 'invalid-input');
    expect(skip.fields).toEqual({ skip: 'documents.validation.skip' });
    okValue(await f.t.call(f.auditorToken, 'documents.labels', { asset_ids: Array.from({ length: 500 }, () => f.laptop) }));
  });
});
