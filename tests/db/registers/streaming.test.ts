// A large register leaves as a stream: 20,000 devices written to a file a page at a time, memory flat,
// and a cancelled or failed export leaves no half-written file behind.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '../../../db/core.ts';
import { Refusal } from '../../../db/core/refusal.ts';
import { exportRegisterToFile } from '../../../db/registers/export.ts';
import { tempDir } from '../../helpers/core.ts';
import { openEmptyOffice } from '../../helpers/registers.ts';

const DEVICES = 20_000;

// A collection on demand, so that what is measured is memory still held, not garbage not yet swept.
setFlagsFromString('--expose_gc');
const gc = runInNewContext('gc') as () => void;

let core: Core;
const folder = tempDir();

beforeAll(async () => {
  const office = await openEmptyOffice();
  core = office.core;
  const started = performance.now();
  for (let i = 1; i <= DEVICES; i += 1) {
    const result = await office.call(office.admin, 'assets.register', {
      category: i % 3 === 0 ? 'desktop' : 'laptop',
      make: 'Dell',
      model: `Latitude ${5400 + (i % 50)}`,
      serial: `DL-${String(i).padStart(6, '0')}`,
      purchase_date: '2025-01-02',
      cost_tzs: 1_500_000 + i,
      notes: i % 1000 === 0 ? '=SUM(A1:A9)' : `Kifaa namba ${i}, kimesajiliwa kwa ajili ya majaribio`,
      media: i % 10 === 0 ? [{ kind: 'ssd', capacity_gb: 256 }] : [],
    });
    if (!result.ok) throw new Error(JSON.stringify(result.error));
  }
  console.log(`registered ${DEVICES} devices through assets.register in ${Math.round(performance.now() - started)} ms`);
}, 300_000);

afterAll(() => {
  core?.close();
  folder.remove();
});

interface Measured {
  rows: number;
  ms: number;
  heapMb: number;
  buffersMb: number;
  progress: number[];
}

async function measure(format: 'csv' | 'xlsx', path: string): Promise<Measured> {
  gc();
  const base = process.memoryUsage();
  let heap = 0;
  let buffers = 0;
  const progress: number[] = [];
  const started = performance.now();
  const { rows } = await exportRegisterToFile(core.services, { register: 'devices', format, language: 'sw' }, path, {
    onProgress: (done) => {
      progress.push(done);
      if (progress.length % 5 !== 0) return;
      gc();
      const now = process.memoryUsage();
      heap = Math.max(heap, now.heapUsed - base.heapUsed);
      buffers = Math.max(buffers, now.arrayBuffers - base.arrayBuffers);
    },
  });
  const ms = Math.round(performance.now() - started);
  const measured = { rows, ms, heapMb: Math.round(heap / 1e5) / 10, buffersMb: Math.round(buffers / 1e5) / 10, progress };
  console.log(`${format}: ${rows} rows in ${ms} ms (with ${Math.floor(progress.length / 5)} forced collections), ${statSync(path).size} bytes, held at most +${measured.heapMb} MB heap, +${measured.buffersMb} MB buffers`);
  return measured;
}

describe('a register of 20,000 devices', () => {
  it('streams to an XLSX file a page at a time, holding little memory, every device in it', async () => {
    const path = join(folder.dir, 'rejista.xlsx');
    const measured = await measure('xlsx', path);
    expect(measured.rows).toBe(DEVICES);
    // Progress after every page of 500, then once at the end.
    expect(measured.progress.length).toBe(DEVICES / 500 + 1);
    expect(measured.progress.at(-1)).toBe(DEVICES);
    // Building the same sheet in memory holds about 110 MB; the stream should hold a small part of that.
    expect(measured.heapMb + measured.buffersMb).toBeLessThan(50);

    let rows = 0;
    let injected = 0;
    const reader = new ExcelJS.stream.xlsx.WorkbookReader(path, {});
    for await (const sheet of reader) {
      for await (const row of sheet) {
        rows += 1;
        const notes = row.getCell(19);
        if (typeof notes.value === 'string' && notes.value.startsWith("'=")) injected += 1;
        expect(notes.formula).toBeUndefined();
      }
    }
    expect(rows).toBe(1 + DEVICES);
    expect(injected).toBe(DEVICES / 1000);
  });

  it('streams to a CSV file with one line per device', async () => {
    const path = join(folder.dir, 'rejista.csv');
    const measured = await measure('csv', path);
    expect(measured.rows).toBe(DEVICES);
    const text = readFileSync(path, 'utf8');
    expect(text.startsWith('\uFEFFNamba ya kifaa,')).toBe(true);
    expect(text.split('\r\n').length - 1).toBe(1 + DEVICES);
    expect(measured.heapMb + measured.buffersMb).toBeLessThan(50);
  });

  it('leaves no file behind when cancelled part-way', async () => {
    const path = join(folder.dir, 'cancelled.xlsx');
    const controller = new AbortController();
    const exporting = exportRegisterToFile(core.services, { register: 'devices', format: 'xlsx' }, path, {
      signal: controller.signal,
      onProgress: (done) => {
        if (done >= 2_000) controller.abort();
      },
    });
    await expect(exporting).rejects.toThrow();
    expect(existsSync(path)).toBe(false);
    expect(readdirSync(folder.dir).filter((name) => name.startsWith('cancelled'))).toEqual([]);
  });
});

describe('exporting to a file', () => {
  it('fails at once into a folder that does not exist, writing nothing', async () => {
    const path = join(folder.dir, 'no-such-folder', 'rejista.csv');
    await expect(exportRegisterToFile(core.services, { register: 'people', format: 'csv' }, path)).rejects.toThrow(/ENOENT/);
    expect(existsSync(join(folder.dir, 'no-such-folder'))).toBe(false);
  });

  it('refuses options the route would refuse, naming the field', async () => {
    const path = join(folder.dir, 'bad.csv');
    const failure = await exportRegisterToFile(core.services, { register: 'devices', format: 'docx' } as never, path).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(Refusal);
    expect((failure as Refusal).value).toMatchObject({ code: 'invalid-input', fields: { format: 'validation.invalid_value' } });
    expect(existsSync(path)).toBe(false);
  });

  it('writes the file whole under the name asked for, with the name a download would get', async () => {
    const path = join(folder.dir, 'people.csv');
    const written = await exportRegisterToFile(core.services, { register: 'people', format: 'csv', language: 'en' }, path);
    expect(written).toEqual({ path, filename: 'people-register-2026-11-23.csv', rows: 0 });
    expect(readFileSync(path, 'utf8').startsWith('\uFEFFFull name,')).toBe(true);
  });
});
