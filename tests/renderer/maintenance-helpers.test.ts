// The procedure tab's own judgements and the tag preview of the register settings, without a window.
import { describe, expect, it } from 'vitest';
import { formatTag } from '../../db/assets/contract.ts';
import { ProcedureInput } from '../../db/maintenance/contract.ts';
import { documentProblem, MAX_DOCUMENT_MEGABYTES, pdfDocument, procedureStatus } from '../../renderer/screens/maintenance/procedure-helpers.ts';
import { isUsableFormat } from '../../renderer/screens/maintenance/tag-format.ts';

const PDF = '%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n';

describe('a procedure version’s status', () => {
  const today = '2025-03-10';
  it('is in force when the core names it so', () => {
    expect(procedureStatus({ id: 'b', effective_date: '2025-01-01' }, 'b', today)).toBe('in-force');
  });
  it('is still to come when it takes effect after today', () => {
    expect(procedureStatus({ id: 'c', effective_date: '2025-07-01' }, 'b', today)).toBe('upcoming');
  });
  it('is superseded when it took effect before the one in force', () => {
    expect(procedureStatus({ id: 'a', effective_date: '2023-07-01' }, 'b', today)).toBe('superseded');
  });
});

describe('the signed procedure document', () => {
  it('travels as the base64 of its exact bytes, named as chosen, as a PDF', async () => {
    const bytes = new Uint8Array([...new TextEncoder().encode(PDF), 0, 255, 128, 7]);
    const checked = await pdfDocument(new File([bytes], 'Utaratibu wa Matengenezo v2.pdf', { type: '' }));
    expect(checked.ok).toBe(true);
    if (!checked.ok) return;
    expect(checked.value.name).toBe('Utaratibu wa Matengenezo v2.pdf');
    expect(checked.value.mime).toBe('application/pdf');
    expect(Buffer.from(checked.value.base64, 'base64')).toEqual(Buffer.from(bytes));
    // …and is what the core's own schema takes.
    expect(ProcedureInput.shape.document.safeParse(checked.value).success).toBe(true);
  });

  it('keeps every byte of a file larger than one conversion chunk', async () => {
    const bytes = new Uint8Array(200_000).map((_, i) => (i * 31) % 256);
    bytes.set(new TextEncoder().encode('%PDF-'), 0);
    const checked = await pdfDocument(new File([bytes], 'big.pdf'));
    expect(checked.ok && Buffer.from(checked.value.base64, 'base64').equals(Buffer.from(bytes))).toBe(true);
  });

  it('refuses a file that is not a PDF, whatever its name says, with the core’s sentence', async () => {
    const problem = await documentProblem(new File(['Utaratibu.docx bytes'], 'utaratibu.pdf'));
    expect(problem).toEqual({ message: 'errors.document-not-pdf' });
    expect(await pdfDocument(new File(['PK\u0003\u0004'], 'utaratibu.pdf'))).toEqual({ ok: false, message: 'errors.document-not-pdf' });
  });

  it('refuses an empty file and one over the core’s limit before sending it', async () => {
    expect(await documentProblem(new File([], 'tupu.pdf'))).toEqual({ message: 'errors.file-empty' });
    const big = new File([new Uint8Array(MAX_DOCUMENT_MEGABYTES * 1024 * 1024 + 1)], 'kubwa.pdf');
    expect(await documentProblem(big)).toEqual({ message: 'errors.file-too-large', params: { megabytes: 15 } });
  });
});

describe('the asset tag preview', () => {
  const values = { code: 'WF', category: 'external_drive', year: 2025, seq: 42 };

  it('is the tag the core gives, for every placeholder', () => {
    expect(formatTag('{CODE}/ICT/{YYYY}/{SEQ}', values)).toBe('WF/ICT/2025/00042');
    expect(formatTag('{CODE}-{CAT}-{SEQ}', values)).toBe('WF-EXTERN-00042');
  });

  it('accepts only formats the core would accept: {SEQ} present, at most 60 characters', () => {
    expect(isUsableFormat('{CODE}/ICT/{YYYY}/{SEQ}')).toBe(true);
    expect(isUsableFormat('{CODE}/ICT/{YYYY}')).toBe(false);
    expect(isUsableFormat('   ')).toBe(false);
    expect(isUsableFormat(`${'X'.repeat(56)}{SEQ}`)).toBe(false);
    expect(isUsableFormat('{CODE}\u0000{SEQ}')).toBe(false);
  });
});
