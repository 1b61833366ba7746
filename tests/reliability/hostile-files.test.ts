// Imports fed hostile files (issue 12, "Bad input"): formula injection, broken encodings, huge cells and
// files, zip bombs, and files of another type renamed. Each is read as plain text or refused with a
// sentence both catalogues hold, never an internal error, and nothing is written.
import { gzipSync } from 'node:zlib';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { parse } from 'csv-parse/sync';
import PDFDocument from 'pdfkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { catalogues } from '../../db/contract/catalogues/index.ts';
import type { Result } from '../../db/contract/route.ts';
import { MAX_IMPORT_BYTES } from '../../db/import/contract.ts';
import { MAX_UNPACKED_BYTES, readSpreadsheet } from '../../db/import/read.ts';
import { okValue, snapshotRows } from '../helpers/core.ts';
import { csv, fileOf, openImportWorld, workbook, type ImportWorld, type PreviewValue } from '../helpers/import-files.ts';
import { everything, exportBundle, importBundle, openReplica, type Replica } from '../helpers/sync.ts';
import { bombEntry, png, workbookEntriesBut, zipOf } from './hostile-files.ts';

const HEADERS = ['Namba ya Kifaa', 'Aina', 'Mtengenezaji', 'Modeli', 'S/N', 'Msambazaji', 'Mahali', 'Mtumiaji'];

function row(tag: string, serial: string, overrides: Partial<Record<(typeof HEADERS)[number], string>> = {}): string[] {
  const base: Record<string, string> = {
    'Namba ya Kifaa': tag,
    Aina: 'Kompyuta Mpakato',
    Mtengenezaji: 'Lenovo',
    Modeli: 'ThinkPad T14',
    'S/N': serial,
    Msambazaji: 'Computer Centre Ltd',
    Mahali: 'Ghorofa 2',
    Mtumiaji: '100230',
    ...overrides,
  };
  return HEADERS.map((h) => base[h] as string);
}

// --- what every case must hold ---------------------------------------------------------------

function keyIn(catalogue: Record<string, unknown>, key: string): boolean {
  let node: unknown = catalogue;
  for (const part of key.split('.')) {
    if (typeof node !== 'object' || node === null) return false;
    node = (node as Record<string, unknown>)[part];
  }
  return typeof node === 'string' && node.trim() !== '';
}

/** A refusal a person can read: not an internal error, its sentence (and any field's) in both languages. */
function clearRefusal(result: Result<unknown>): { code: string; message: string } {
  if (result.ok) throw new Error(`expected a refusal, got ${JSON.stringify(result.value).slice(0, 400)}`);
  const error = result.error;
  expect(error.code).not.toBe('internal-error');
  for (const key of [error.message, ...Object.values(error.fields ?? {})]) {
    expect(keyIn(catalogues.sw, key), `sw ${key}`).toBe(true);
    expect(keyIn(catalogues.en, key), `en ${key}`).toBe(true);
  }
  return error;
}

/** Every row-level error a preview names: each with its sentence in both languages. */
function clearRowErrors(preview: PreviewValue): void {
  for (const bad of preview.invalid_rows) {
    expect(bad.row).toBeGreaterThan(0);
    expect(bad.errors.length).toBeGreaterThan(0);
    for (const { message } of bad.errors) {
      expect(keyIn(catalogues.sw, message), `sw ${message}`).toBe(true);
      expect(keyIn(catalogues.en, message), `en ${message}`).toBe(true);
    }
  }
}

let w: ImportWorld;
beforeAll(async () => {
  w = await openImportWorld();
});
afterAll(() => w.core.close());

/** Runs `call` and proves that no row of any table changed, the journal and the register included. */
async function unchanged<T>(call: () => Promise<T>): Promise<T> {
  const journal = w.journalCount();
  const assets = w.assetCount();
  const before = snapshotRows(w.t.store);
  const value = await call();
  expect(w.journalCount()).toBe(journal);
  expect(w.assetCount()).toBe(assets);
  expect(snapshotRows(w.t.store)).toEqual(before);
  return value;
}

const preview = (name: string, bytes: Uint8Array | string) => w.call('import.preview', { file: fileOf(name, bytes) });

/** A preview and a commit of the same hostile file: each refused, and nothing written. */
async function refusedBoth(name: string, bytes: Uint8Array | string): Promise<string> {
  const first = clearRefusal(await unchanged(() => preview(name, bytes)));
  const second = clearRefusal(await unchanged(() => w.call('import.commit', { file: fileOf(name, bytes), mapping: { category: 'Aina', make: 'Mtengenezaji', model: 'Modeli' } })));
  expect(second.code).toBe(first.code);
  return first.code;
}

// --- formula injection --------------------------------------------------------------------------

const HOSTILE = {
  hyperlink: '=HYPERLINK("http://x","y")',
  dde: "=cmd|' /C calc'!A0",
  plus: '+255 754 000 111',
  minus: '-2+3+cmd|\' /C calc\'!A0',
  at: '@SUM(1+1)*cmd|\' /C calc\'!A0',
};

describe('formula injection: text that starts like a formula is kept as text and exported inert', () => {
  const registered = (serial: string) =>
    w.t.store.sqlite.prepare('SELECT model, supplier, serial FROM assets WHERE serial = ?').get(serial) as { model: string; supplier: string; serial: string } | undefined;

  it('imports a CSV whose cells start with =, +, - and @ as the very text typed, and exports it neutralised in CSV and XLSX', async () => {
    const rows = [
      HEADERS,
      row('FX/ICT/001', 'FX-1', { Modeli: HOSTILE.hyperlink, Msambazaji: HOSTILE.dde }),
      row('FX/ICT/002', 'FX-2', { Modeli: HOSTILE.plus, Msambazaji: HOSTILE.minus }),
      row('FX/ICT/003', 'FX-3', { Modeli: HOSTILE.at, Msambazaji: '=1+1' }),
    ];
    const file = fileOf('rejista.csv', csv(rows));
    const { mapping, rows: counted } = okValue(await w.call('import.preview', { file }));
    expect(counted).toMatchObject({ total: 3, valid: 3 });
    const result = okValue(await w.call('import.commit', { file, mapping }));
    expect(result).toMatchObject({ imported: 3 });
    expect(registered('FX-1')).toEqual({ model: HOSTILE.hyperlink, supplier: HOSTILE.dde, serial: 'FX-1' });
    expect(registered('FX-2')).toEqual({ model: HOSTILE.plus, supplier: HOSTILE.minus, serial: 'FX-2' });
    // Never evaluated: "=1+1" is the text typed, not 2.
    expect(registered('FX-3')).toEqual({ model: HOSTILE.at, supplier: '=1+1', serial: 'FX-3' });

    const exported = okValue(await w.call('registers.export', { register: 'devices', format: 'csv', language: 'en' }));
    const text = Buffer.from(exported.base64, 'base64').toString('utf8').replace(/^\uFEFF/, '');
    const cells = (parse(text, { relax_column_count: true, delimiter: detect(text) }) as string[][]).flat();
    for (const hostile of [...Object.values(HOSTILE), '=1+1']) {
      expect(cells).toContain(`'${hostile}`);
      expect(cells).not.toContain(hostile);
    }
    for (const cell of cells) expect(cell, cell).not.toMatch(/^[=+\-@\t\r]/);

    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(okValue(await w.call('registers.export', { register: 'devices', format: 'xlsx', language: 'en' })).base64, 'base64') as unknown as ArrayBuffer);
    const values: unknown[] = [];
    book.worksheets[0]?.eachRow((r) => r.eachCell((c) => values.push(c.value)));
    for (const value of values) {
      // A string cell, never a formula cell, and never text Excel would take for one once saved as CSV.
      expect(typeof value === 'object' && value !== null && 'formula' in value).toBe(false);
      if (typeof value === 'string') expect(value).not.toMatch(/^[=+\-@\t\r]/);
    }
    expect(values).toContain(`'${HOSTILE.dde}`);
  });

  it('takes a workbook formula cell as its cached result, and formula-looking text cells as text', async () => {
    const bytes = await workbook([
      HEADERS,
      [...row('FX/ICT/010', 'FX-10').slice(0, 3), { formula: 'HYPERLINK("http://x","y")', result: 'Latitude 5440' }, 'FX-10', 'Computer Centre Ltd', 'Ghorofa 2', '100230'],
      row('FX/ICT/011', 'FX-11', { Modeli: HOSTILE.dde, Msambazaji: HOSTILE.at }),
    ]);
    const file = fileOf('rejista.xlsx', bytes);
    const { mapping } = okValue(await w.call('import.preview', { file }));
    okValue(await w.call('import.commit', { file, mapping }));
    expect(registered('FX-10')?.model).toBe('Latitude 5440');
    expect(registered('FX-11')).toEqual({ model: HOSTILE.dde, supplier: HOSTILE.at, serial: 'FX-11' });
  });
});

function detect(text: string): string {
  const first = text.split(/\r?\n/, 1)[0] ?? '';
  return [';', '\t', ','].find((d) => first.includes(d)) ?? ',';
}

// --- broken encodings ------------------------------------------------------------------------------

describe('broken encodings: read correctly or refused with a clear message', () => {
  const text = csv([HEADERS, row('EN/ICT/001', 'EN-1', { Msambazaji: 'Café – Ltd' })]);

  it('refuses UTF-16 without its BOM (a NUL in every other byte) as unreadable, writing nothing', async () => {
    expect(await refusedBoth('rejista.csv', Buffer.from(text, 'utf16le'))).toBe('import-unreadable');
  });

  it('refuses a file with a NUL in the middle of a cell', async () => {
    const bytes = Buffer.from(csv([HEADERS, row('EN/ICT/002', 'EN-2', { Modeli: 'Think\u0000Pad' })]), 'utf8');
    expect(await refusedBoth('rejista.csv', bytes)).toBe('import-unreadable');
  });

  it('reads Windows-1252 bytes as the letters they stand for', async () => {
    const latin = csv([[...HEADERS, 'Maelezo – Café'], [...row('EN/ICT/001', 'EN-1'), 'Skrini – sawa']]);
    const bytes = Buffer.from([...latin].map((c) => ({ '–': 0x96 })[c] ?? c.charCodeAt(0)));
    const p = okValue(await unchanged(() => preview('rejista.csv', bytes)));
    expect(p.rows).toMatchObject({ total: 1, valid: 1 });
    expect(p.headers).toContain('Maelezo – Café');
    expect(JSON.stringify(p)).not.toContain('\uFFFD');
  });

  it('reads invalid UTF-8 (a lone continuation byte, a cut sequence, an overlong NUL) as Windows-1252, without a crash', async () => {
    const bytes = Buffer.concat([Buffer.from(text.slice(0, -2), 'utf8'), Buffer.from([0x80, 0xe2, 0x82, 0xc0, 0x80]), Buffer.from('\r\n')]);
    // Not UTF-8, so read as Windows-1252 (every byte a letter there): one device, nothing lost or refused.
    const p = okValue(await unchanged(() => preview('rejista.csv', bytes)));
    expect(p.rows).toMatchObject({ total: 1 });
    clearRowErrors(p);
  });

  it('refuses a workbook whose shared strings are not XML as unreadable', async () => {
    const zip = await JSZip.loadAsync(await workbook([HEADERS, row('EN/ICT/003', 'EN-3')]));
    zip.file('xl/worksheets/sheet1.xml', Buffer.from([0xff, 0xfe, 0x00, 0x3c, 0x80, 0x81, 0x00]));
    expect(await refusedBoth('rejista.xlsx', await zip.generateAsync({ type: 'nodebuffer' }))).toBe('import-unreadable');
  });
});

// --- huge cells and files ---------------------------------------------------------------------

describe('a huge cell or file is refused by the size limit before anything is parsed', () => {
  it('refuses a file just over the limit at the route, before it is decoded', async () => {
    // Base64 text longer than the limit allows; a 100 MB file is refused by the same check.
    const started = performance.now();
    const result = await unchanged(() => w.call('import.preview', { file: { name: 'rejista.csv', base64: 'QUFB'.repeat(Math.ceil(MAX_IMPORT_BYTES / 3) + 8) } }));
    const error = clearRefusal(result);
    expect(error.code).toBe('invalid-input');
    expect(Object.values((result as { error: { fields?: Record<string, string> } }).error.fields ?? {})).toContain('validation.file-too-large');
    expect(performance.now() - started).toBeLessThan(2000);
  });

  it('the reader refuses bytes over the limit by their length alone: a 100 MB cell is never parsed', async () => {
    // Past the route, the reader's own check: one byte over, and the answer does not depend on what the bytes hold.
    const bytes = Buffer.alloc(MAX_IMPORT_BYTES + 1, 0x41);
    const started = performance.now();
    await expect(readSpreadsheet({ name: 'rejista.csv', bytes })).rejects.toMatchObject({ value: { code: 'file-too-large' } });
    expect(performance.now() - started).toBeLessThan(50);
  });

  it('a cell of 9 MB inside the limit is named as a bad row in the preview, and the commit refused, never a crash', async () => {
    const huge = 'A'.repeat(9 * 1024 * 1024);
    const result = await unchanged(() => preview('rejista.csv', csv([HEADERS, row('HG/ICT/001', 'HG-1', { Modeli: huge }), row('HG/ICT/002', 'HG-2')])));
    const p = okValue(result);
    expect(p.rows).toMatchObject({ total: 2, valid: 1, invalid: 1 });
    expect(p.invalid_rows.map((r) => r.row)).toEqual([2]);
    // The cell is named where it is, and not sent back whole to the window.
    expect(p.invalid_rows[0]?.errors).toEqual([expect.objectContaining({ cell: 'D2', message: 'import.errors.too-long' })]);
    for (const error of p.invalid_rows[0]?.errors ?? []) expect(error.value.length).toBeLessThan(1000);
    clearRowErrors(p);
    const committed = await unchanged(() => w.call('import.commit', { file: fileOf('rejista.csv', csv([HEADERS, row('HG/ICT/001', 'HG-1', { Modeli: huge })])), mapping: { tag: 'Namba ya Kifaa', category: 'Aina', make: 'Mtengenezaji', model: 'Modeli', serial: 'S/N' } }));
    expect(clearRefusal(committed).code).toBe('import-has-errors');
  });

  it('a workbook holding one 300 MB cell, deflated into a small file, is refused for what it unpacks to', async () => {
    const sheetHead = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>';
    const entries = await workbookEntriesBut(await workbook([HEADERS]), 'xl/worksheets/sheet1.xml');
    const bytes = zipOf([...entries, bombEntry('xl/worksheets/sheet1.xml', sheetHead, 'A', MAX_UNPACKED_BYTES / (1024 * 1024) + 44, '</t></is></c></row></sheetData></worksheet>')]);
    expect(bytes.length).toBeLessThan(1024 * 1024);
    const started = performance.now();
    expect(await refusedBoth('rejista.xlsx', bytes)).toBe('import-unpacked-too-large');
    expect(performance.now() - started).toBeLessThan(15_000);
  });
});

// --- zip bombs ---------------------------------------------------------------------------------

describe('zip bombs: refused quickly, memory bounded, nothing written', () => {
  async function bomb(declared?: number): Promise<Buffer> {
    const entries = await workbookEntriesBut(await workbook([HEADERS, row('ZB/ICT/001', 'ZB-1')]), 'xl/sharedStrings.xml');
    // Shared strings are read whole by the reader: 2 GB of them, in about 2 MB of zip.
    return zipOf([...entries, bombEntry('xl/sharedStrings.xml', '<?xml version="1.0"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>', ' ', 2048, '</t></si></sst>', declared)]);
  }

  for (const [label, declared] of [['declaring its real size', undefined], ['declaring 300 bytes (a lie)', 300]] as const) {
    it(`refuses an .xlsx whose entry inflates to 2 GB, ${label}`, async () => {
      const bytes = await bomb(declared);
      expect(bytes.length).toBeLessThan(4 * 1024 * 1024);
      global.gc?.();
      const rss = process.memoryUsage().rss;
      const started = performance.now();
      expect(await refusedBoth('rejista.xlsx', bytes)).toBe('import-unpacked-too-large');
      const ms = performance.now() - started;
      const grown = (process.memoryUsage().rss - rss) / (1024 * 1024);
      console.info(`[hostile] xlsx bomb ${label}: ${(bytes.length / 1024).toFixed(0)} KB, 2 GB inflated; refused twice in ${ms.toFixed(0)} ms, rss +${grown.toFixed(1)} MB`);
      expect(ms).toBeLessThan(20_000);
      expect(grown).toBeLessThan(200);
    });
  }
});

// --- wrong file type renamed -----------------------------------------------------------------------

async function pdf(): Promise<Buffer> {
  const doc = new PDFDocument({ size: 'A4' });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<void>((resolve) => doc.on('end', () => resolve()));
  doc.fontSize(12).text('Namba ya Kifaa, Aina, Mtengenezaji, Modeli\nWF/ICT/001, Laptop, HP, ProBook 450');
  doc.end();
  await done;
  return Buffer.concat(chunks);
}

describe('a file of another type renamed is refused as unreadable', () => {
  for (const [kind, make] of [['PDF', pdf], ['PNG', async () => png()]] as const) {
    for (const name of ['rejista.xlsx', 'rejista.csv', 'rejista.xls']) {
      it(`refuses a ${kind} renamed ${name}`, async () => {
        expect(await refusedBoth(name, await make())).toBe('import-unreadable');
      });
    }
  }

  it('refuses a zip that is not a workbook (a bundle of documents) renamed .xlsx', async () => {
    const zip = new JSZip();
    zip.file('barua.txt', 'Ndugu, ...');
    expect(await refusedBoth('rejista.xlsx', await zip.generateAsync({ type: 'nodebuffer' }))).toBe('import-unreadable');
  });
});

// --- bundles ------------------------------------------------------------------------------------

describe('a hostile bundle file is refused by preview and import alike, and changes nothing', () => {
  let a: Replica;
  let b: Replica;
  let genuine: Buffer;
  beforeAll(async () => {
    a = await openReplica('A', { seed: 31 });
    await a.ok('departments.create', { name: 'Uhasibu', code: 'UH' });
    genuine = await exportBundle(a);
    b = await openReplica('B', { seed: 32, start: '2025-03-03T09:00:00.000Z' });
  });
  afterAll(() => {
    a.core.close();
    b.core.close();
  });

  async function refusedBundle(bytes: Buffer, name = 'bundle.daftari'): Promise<string> {
    const before = await everything(b);
    const previewed = clearRefusal(await b.call('sync.preview', { file: { name, base64: bytes.toString('base64') } }));
    expect(await everything(b)).toEqual(before);
    const imported = clearRefusal(await importBundle(b, bytes, true, name));
    expect(await everything(b)).toEqual(before);
    expect(imported.code).toBe(previewed.code);
    return imported.code;
  }

  it('the genuine bundle previews, so each case below is refused for what it holds', async () => {
    okValue(await b.call('sync.preview', { file: { name: 'bundle.daftari', base64: genuine.toString('base64') } }));
  });

  for (const [kind, make] of [
    ['a PDF', pdf],
    ['a PNG', async () => png()],
    ['an Excel workbook', () => workbook([HEADERS, row('WF/ICT/001', 'S-1')])],
    ['a CSV register', async () => Buffer.from(csv([HEADERS, row('WF/ICT/001', 'S-1')]))],
  ] as const) {
    it(`refuses ${kind} renamed .daftari`, async () => {
      expect(await refusedBundle(await make())).toBe('bundle-unreadable');
    });
  }

  it('refuses a gzip of UTF-16 text, of invalid UTF-8 and of a NUL-broken header', async () => {
    const header = '{"format":"daftari-bundle","version":1}\n';
    for (const body of [Buffer.from(header, 'utf16le'), Buffer.from([0xff, 0xfe, 0x80, 0xc0, 0x0a]), Buffer.from(`{"format":"daftari\u0000-bundle"}\n`)]) {
      expect(await refusedBundle(gzipSync(body))).toBe('bundle-unreadable');
    }
  });

  it('refuses a gzip bomb (a line of 300 MB of zeros in about 300 KB) quickly', async () => {
    const { deflated } = gzipBomb(300);
    const started = performance.now();
    // The first line passes the line limit long before the expansion limit: refused by the one it meets first.
    expect(['bundle-line-too-long', 'bundle-too-large']).toContain(await refusedBundle(deflated));
    expect(performance.now() - started).toBeLessThan(20_000);
  });
});

/** A gzip whose one member inflates to `megabytes` MB of zeros, made from one deflated MB repeated. */
function gzipBomb(megabytes: number): { deflated: Buffer } {
  const entry = bombEntry('x', '', '0', megabytes, '');
  const head = Buffer.from([0x1f, 0x8b, 0x08, 0, 0, 0, 0, 0, 0, 0xff]);
  const trailer = Buffer.alloc(8);
  trailer.writeUInt32LE(entry.crc >>> 0, 0);
  trailer.writeUInt32LE(entry.size >>> 0, 4);
  return { deflated: Buffer.concat([head, entry.stored, trailer]) };
}
