// Reports printed: the one PDF layout every report shares, read back as text (poppler) and kept as
// PNG pages under test-results/documents to be looked at.
import { Writable } from 'node:stream';
import { beforeAll, describe, expect, it } from 'vitest';
import type { PrintedDocument } from '../../../db/documents/pdf.ts';
import { writePdf } from '../../../db/registers/pdf.ts';
import { periodWords, wordsIn, type CellValue } from '../../../db/registers/register.ts';
import { alignOf, type Printing } from '../../../db/registers/print.ts';
import { readBack } from '../../helpers/printed-forms.ts';
import { exportRegister, openRegisterOffice, type RegisterOffice } from '../../helpers/registers.ts';
import { registerDevice } from '../../helpers/office.ts';

const DEVICES = 320;

function asPdf(exported: { filename: string; mime: string; base64: string }): PrintedDocument {
  expect(exported.mime).toBe('application/pdf');
  return { filename: exported.filename, mime: 'application/pdf', base64: exported.base64 };
}

let office: RegisterOffice;
beforeAll(async () => {
  office = await openRegisterOffice();
  // A register long enough to run over many pages; every tenth device with a long note that must wrap.
  for (let i = 1; i <= DEVICES; i += 1) {
    await registerDevice(office, office.admin, {
      tag: `MAJI-LAP-${String(i + 100).padStart(4, '0')}`,
      serial: `SN-${i}`,
      department_id: office.departments.finance,
      ...(i % 10 === 0 ? { notes: 'Kompyuta hii imetumika katika ofisi ya mhasibu mkuu kwa miaka mitatu na imehamishwa mara mbili kati ya ghorofa ya pili na stoo ya TEHAMA.' } : {}),
    });
  }
}, 120_000);

describe('the equipment register printed', () => {
  it('carries the institution, the title, who printed it and when, and numbers every page of a long register', async () => {
    const exported = await exportRegister(office, { register: 'devices', format: 'pdf', language: 'sw' });
    expect(exported.filename).toBe('rejista-ya-vifaa-2026-11-23.pdf');
    expect(exported.rows).toBe(DEVICES + 4);
    const read = readBack(asPdf(exported), 'report-devices-sw');
    expect(read.pages.length).toBeGreaterThan(5);
    const first = read.pages[0]?.replace(/\s+/g, ' ') ?? '';
    expect(first).toContain('JAMHURI YA MUUNGANO WA TANZANIA');
    expect(first).toContain('WIZARA YA MAJI');
    expect(first).toContain('REJISTA YA VIFAA VYA TEHAMA');
    expect(first).toContain('Kumbukumbu zote hadi siku ya kuchapisha');
    const pages = read.pages.length;
    read.pages.forEach((page, i) => {
      const flat = page.replace(/\s+/g, ' ');
      expect(flat).toContain(`Ukurasa ${i + 1} kati ya ${pages}`);
      expect(flat).toContain('Imechapishwa tarehe 23/11/2026 na Asha Mrisho');
      // The witness of the records in the corner, and the headings again, on every page.
      expect(flat).toMatch(/Ushahidi: \d+-[0-9a-f]{4}-/);
      expect(flat).toContain('Namba ya kifaa');
    });
    // Every device is there, the last one too; the long note is printed whole, wrapped.
    expect(read.flat).toContain(`MAJI-LAP-${String(DEVICES + 100).padStart(4, "0")}`);
    expect(read.flat).toContain('stoo ya TEHAMA.');
    expect(read.info).toMatch(/Title:\s+Rejista ya Vifaa vya TEHAMA/);
    expect(read.fonts).toContain('NotoSans');
  }, 60_000);

  it('prints the same in English when asked', async () => {
    const read = readBack(asPdf(await exportRegister(office, { register: 'devices', format: 'pdf', language: 'en' })), 'report-devices-en');
    const pages = read.pages.length;
    expect(read.flat).toContain('ICT EQUIPMENT REGISTER');
    expect(read.flat).toContain(`Page ${pages} of ${pages}`);
    expect(read.flat).toContain('Printed on 23/11/2026 by Asha Mrisho');
  }, 60_000);
});

describe('the maintenance cost report printed', () => {
  it('names its period, prints money in shillings and adds up the totals', async () => {
    const exported = await exportRegister(office, { register: 'maintenance-cost', format: 'pdf', language: 'en', filters: { from: '2026-01-01', to: '2026-12-31' } });
    const read = readBack(asPdf(exported), 'report-maintenance-cost-en');
    expect(read.pages).toHaveLength(1);
    expect(read.flat).toContain('MAINTENANCE COST BY CATEGORY, DEPARTMENT AND PROVIDER');
    expect(read.flat).toContain('Period: 01/01/2026 to 31/12/2026');
    expect(read.flat).toContain('Techno Brain Ltd');
    expect(read.flat).toContain('170,000');
    // 35,000 in-house + 170,000 outside + the open repair at nothing.
    expect(read.flat).toMatch(/Total 3 145,000 60,000 205,000/);
    expect(read.flat).toContain('Page 1 of 1');
  });

  it('says the same in Swahili, and says so when the period holds nothing', async () => {
    const read = readBack(asPdf(await exportRegister(office, { register: 'maintenance-cost', format: 'pdf', language: 'sw', filters: { from: '2026-01-01', to: '2026-12-31' } })), 'report-maintenance-cost-sw');
    expect(read.flat).toContain('Kipindi: 01/01/2026 hadi 31/12/2026');
    expect(read.flat).toMatch(/Jumla 3 145,000 60,000 205,000/);
    const empty = readBack(asPdf(await exportRegister(office, { register: 'maintenance-cost', format: 'pdf', language: 'sw', filters: { from: '2025-01-01', to: '2025-12-31' } })), 'report-maintenance-cost-empty');
    expect(empty.flat).toContain('Hakuna kumbukumbu katika ripoti hii.');
    expect(empty.flat).not.toContain('Jumla 0');
  });
});

describe('the one layout every report is printed in', () => {
  /** 340 repairs of a made-up report, with a money column and a number column that add up. */
  async function longReport(language: 'sw' | 'en'): Promise<PrintedDocument> {
    const words = wordsIn(language);
    const rows: CellValue[][] = Array.from({ length: 340 }, (_, i) => [`MAJI-LAP-${String(i + 1).padStart(4, '0')}`, '2026-03-14', i % 7 === 0 ? 'Skrini imevunjika; imebadilishwa na fundi wa nje baada ya kibali cha Afisa Masuuli kupatikana.' : 'Betri', 25_000, 1]);
    const columns = [
      { key: 'tag', kind: 'text' },
      { key: 'reported-on', kind: 'day' },
      { key: 'actions', kind: 'text' },
      { key: 'total-cost', kind: 'money' },
      { key: 'downtime', kind: 'number' },
    ] as const;
    // A plain report: columns sized from their text, the cost and the days added up.
    const printing: Printing = {
      heading: {},
      clause: '',
      lead: null,
      columns: columns.map(({ key, kind }) => ({ header: words.t(`registers.log-book.columns.${key}`), kind, weight: null, align: alignOf(kind), totalled: kind !== 'text' && kind !== 'day' })),
      rows: rows.map((values) => ({ values, runs: values.map(() => null) })),
      totalsLabel: () => words.t('registers.totals'),
      empty: words.t('registers.pdf.empty'),
      summary: () => null,
      footnote: () => '',
      signers: ['registers.pdf.prepared-by', 'registers.pdf.checked-by'],
      statement: 'registers.pdf.statement',
      witnessed: [],
      size: null,
    };
    const chunks: Buffer[] = [];
    const out = new Writable({
      write(chunk: Buffer, _encoding, done) {
        chunks.push(chunk);
        done();
      },
    });
    const written = await writePdf(printing, out, {
      t: words.t,
      language,
      institution: { id: 'i', name: 'Wizara ya Maji', code: 'MAJI', postal_address: 'S.L.P. 456, Dodoma', accounting_officer_title: 'Katibu Mkuu', head_title: 'Waziri', configured_at: '', updated_at: '' },
      title: words.t('registers.log-book.title'),
      filters: periodWords({ from: '2026-01-01', to: '2026-03-31' }, words),
      printedOn: '23/11/2026',
      printedBy: 'Asha Mrisho',
      witness: null,
      now: new Date('2026-11-23T08:00:00Z'),
      total: rows.length,
      pageSize: 100,
    });
    expect(written).toBe(340);
    return { filename: 'long.pdf', mime: 'application/pdf', base64: Buffer.concat(chunks).toString('base64') };
  }

  it('repeats the headings, numbers every page, names the period and adds up the totals once at the end', async () => {
    const read = readBack(await longReport('en'), 'report-long-en');
    const pages = read.pages.length;
    expect(pages).toBeGreaterThan(5);
    expect(read.pages[0]).toContain('SERVICE MAINTENANCE LOG BOOK');
    expect(read.pages[0]).toContain('Period: 01/01/2026 to 31/03/2026');
    read.pages.forEach((page, i) => {
      const flat = page.replace(/\s+/g, ' ');
      expect(flat).toContain(`Page ${i + 1} of ${pages}`);
      expect(flat).toContain('Asset tag');
      expect(flat).toContain('Printed on 23/11/2026 by Asha Mrisho');
    });
    // Money in shillings on every row; the totals after the last row only.
    expect(read.flat.match(/25,000/g)).toHaveLength(340);
    expect(read.flat).toMatch(/MAJI-LAP-0340 .*Total 8,500,000 340/);
    expect(read.flat.match(/Total 8,500,000/g)).toHaveLength(1);
    // A long action is printed whole, wrapped over lines, never cut.
    expect(read.flat).toContain('kibali cha Afisa Masuuli kupatikana.');
    // Room for the signatures under the report.
    expect(read.flat).toContain('CERTIFICATION');
    expect(read.flat).toContain('Prepared by');
    expect(read.flat).toContain('Checked by');
  });

  it('says the same in Swahili', async () => {
    const read = readBack(await longReport('sw'), 'report-long-sw');
    const pages = read.pages.length;
    expect(read.pages[0]).toContain('Kipindi: 01/01/2026 hadi 31/03/2026');
    expect(read.flat).toContain(`Ukurasa ${pages} kati ya ${pages}`);
    expect(read.flat).toMatch(/Jumla 8,500,000 340/);
    expect(read.flat).toContain('Imeandaliwa na');
  });
});
