// The submission pack (3.6.12, 4.3): the cover letter, the schedule as PDF and XLSX and a certificate of
// sanitisation per medium, drawn from the frozen snapshot: the same bytes whenever, by whomever.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { DAY, refusedWithoutWriting } from '../../helpers/core.ts';
import { readBack } from '../../helpers/printed-forms.ts';
import { witnessAt, witnessCode, witnessQrText } from '../../../db/documents/witness.ts';
import { submissionHead } from '../../../db/disposal/queries.ts';
import { openDisposalOffice, submittedBatch, type Batch, type DisposalOffice } from './fixture.ts';

const ROUTES = ['documents.disposal-letter', 'documents.disposal-schedule', 'documents.disposal-certificates', 'documents.disposal-schedule-xlsx'] as const;

let o: DisposalOffice;
let batch: Batch;
beforeEach(async () => {
  o = await openDisposalOffice();
  batch = await submittedBatch(o);
});
afterEach(() => o.core.close());

const pdfText = (base64: string) => Buffer.from(base64, 'base64').toString('latin1');

describe('the submission pack', () => {
  it('is the same bytes when regenerated later, by another reader, after the settings changed', async () => {
    const first = await Promise.all(ROUTES.map((route) => o.ok(o.records.token, route, { batch_id: batch.id })));
    o.clock.advance(30 * DAY);
    await o.ok(o.admin, 'disposal.set-settings', { addressee: 'Mtu mwingine', subject_sw: 'Somo jipya' });
    const again = await Promise.all(ROUTES.map((route) => o.ok(o.auditor.token, route, { batch_id: batch.id })));
    expect(again.map((d) => d.base64)).toEqual(first.map((d) => d.base64));
    expect(first.map((d) => d.filename)).toEqual([
      'barua-uondoaji-MAJI-UOND-2026-0001.pdf',
      'orodha-uondoaji-MAJI-UOND-2026-0001.pdf',
      'vyeti-usafishaji-MAJI-UOND-2026-0001.pdf',
      'orodha-uondoaji-MAJI-UOND-2026-0001.xlsx',
    ]);
    for (const document of first.slice(0, 3)) expect(pdfText(document.base64).startsWith('%PDF-')).toBe(true);
  });

  it('prints one certificate page per storage medium', async () => {
    const certificates = await o.ok(o.records.token, 'documents.disposal-certificates', { batch_id: batch.id });
    expect(pdfText(certificates.base64).match(/\/Type \/Page\b/g)).toHaveLength(batch.media.length);
  });

  it('is in English when asked', async () => {
    const sw = await o.ok(o.records.token, 'documents.disposal-letter', { batch_id: batch.id });
    const en = await o.ok(o.records.token, 'documents.disposal-letter', { batch_id: batch.id, language: 'en' });
    expect(en.filename).toBe('disposal-letter-MAJI-UOND-2026-0001.pdf');
    expect(en.base64).not.toBe(sw.base64);
  });

  it('lists every medium line in the spreadsheet schedule, with its sanitisation', async () => {
    const sheet = await o.ok(o.records.token, 'documents.disposal-schedule-xlsx', { batch_id: batch.id, language: 'en' });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(sheet.base64, 'base64') as unknown as ArrayBuffer);
    const rows = workbook.worksheets[0]!.getSheetValues().slice(1) as unknown[][];
    expect(rows).toHaveLength(4);
    const header = rows[0]!.slice(1);
    const at = (name: string) => header.indexOf(name) + 1;
    expect(rows.slice(1).map((row) => [row[at('Asset tag')], row[at('Medium S/N')], row[at('Sanitisation category')]])).toEqual([
      ['MAJI/ICT/2026/0001', 'S4EVNX0R123', 'Purge'],
      ['MAJI/ICT/2026/0002', 'WD-WCC6Y2', 'Not sanitised — to be destroyed by the department'],
      ['MAJI/ICT/2026/0003', 'KT-32-9981', 'Not sanitised — to be destroyed by the department'],
    ]);
  });

  it('titles a medium left to the department as not sanitised, not as a certificate of sanitisation', async () => {
    const sw = readBack(await o.ok(o.records.token, 'documents.disposal-certificates', { batch_id: batch.id }), 'disposal-certificates-sw');
    const en = readBack(await o.ok(o.records.token, 'documents.disposal-certificates', { batch_id: batch.id, language: 'en' }), 'disposal-certificates-en');
    // The laptop's SSD was purged; the desktop's disk and the flash disk go to the department unsanitised.
    expect(sw.pages).toHaveLength(3);
    expect(sw.pages[0]).toContain('CHETI CHA USAFISHAJI WA KITUNZA KUMBUKUMBU');
    for (const page of sw.pages.slice(1)) {
      expect(page).toContain('KITUNZA KUMBUKUMBU KISICHOSAFISHWA — KIHARIBIWE NA IDARA');
      expect(page).not.toContain('CHETI CHA USAFISHAJI');
      expect(page).not.toContain('NIST SP 800-88');
    }
    expect(en.pages[0]).toMatch(/CERTIFICATE OF SANITI[SZ]ATION/);
    expect(en.pages[2]?.replace(/\s+/g, ' ')).toContain('STORAGE MEDIUM NOT SANITISED — TO BE DESTROYED BY THE DEPARTMENT');
    expect(en.pages[2]).not.toMatch(/CERTIFICATE OF SANITI[SZ]ATION/);
  });

  it('carries on every page the witness of its submission, which the check of a printed page accepts', async () => {
    const head = submissionHead(o.core.services.store, batch.id, batch.snapshot_sha256);
    if (!head) throw new Error('the batch has no submission');
    // The batch and its three devices: few enough for the QR code to name them all.
    const witness = witnessAt(o.core.services.store, head, [batch.id, o.laptop.id, o.desktop.id, o.flash.id]);
    const code = witnessCode(witness);
    const pdfs = ['documents.disposal-letter', 'documents.disposal-schedule', 'documents.disposal-certificates'] as const;
    const papers = await Promise.all(pdfs.map((route) => o.ok(o.records.token, route, { batch_id: batch.id })));
    for (const [i, paper] of papers.entries()) {
      const { pages } = readBack(paper, `disposal-witness-${i}`);
      for (const page of pages) expect(page.replace(/\s+/g, ' ')).toContain(`Ushahidi: ${code}`);
    }
    // Later records (the department collects the batch) are new history, not a change to the papers.
    o.clock.advance(DAY);
    await o.ok(o.records.token, 'disposal.collected', { batch_id: batch.id, collected_on: '2026-11-25', collected_by: 'Bw. Salum Nassoro' });
    expect(await o.ok(o.auditor.token, 'documents.check', { page_code: code })).toMatchObject({ head: 'held', entries: 'not-checked' });
    expect(await o.ok(o.auditor.token, 'documents.check', { page_code: witnessQrText(witness) })).toMatchObject({ head: 'held', entries: 'unchanged', entities: 4 });
  });

  it('is refused for a batch not yet submitted', async () => {
    const draft = await o.ok(o.records.token, 'disposal.create', { lines: [] });
    for (const route of ROUTES) await refusedWithoutWriting(o, o.records.token, route, { batch_id: draft.id }, 'disposal-batch-not-frozen');
  });
});
