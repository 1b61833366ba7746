// A long printed report lets each page go once the next begins (db/documents/pdf.ts,
// sealPagesAsTheyFill): its drawing is compressed and written out, its footer still drawn at the end,
// and the typefaces forget the words of pages long past. The file reads back whole.
import { describe, expect, it } from 'vitest';
import { newDocument, sealPagesAsTheyFill, toBuffer, type Pdf } from '../../../db/documents/pdf.ts';
import { readBack } from '../../helpers/printed-forms.ts';

const PAGES = 40;
const WORDS_A_PAGE = 200;

type Internal = { _pageBuffer: { content: { buffer: unknown[] } }[]; _fontFamilies: Record<string, { layoutCache?: Record<string, unknown> }> };

async function longDocument(sealed: boolean): Promise<{ doc: Pdf; held: number[]; cached: number }> {
  const doc = await newDocument({ layout: 'landscape', language: 'sw', title: 'Rejista', author: 'Wizara ya Maji', subject: '', now: new Date('2026-11-23T08:00:00Z') });
  if (sealed) sealPagesAsTheyFill(doc);
  const internal = doc as unknown as Internal;
  const held: number[] = [];
  for (let page = 1; page <= PAGES; page += 1) {
    doc.addPage();
    // What the pages before this one still hold of their drawing, in buffers.
    held.push(internal._pageBuffer.slice(0, -1).reduce((sum, p) => sum + p.content.buffer.length, 0));
    doc.font('regular').fontSize(6);
    // Words seen once each, as a register's tags and serial numbers are.
    const words = Array.from({ length: WORDS_A_PAGE }, (_, i) => `MAJI/ICT/${page}/${String(i).padStart(4, '0')}`);
    doc.text(`Ukurasa wa kazi ${page}: ${words.join(' ')}`, 40, 60, { width: 760 });
  }
  for (let i = 0; i < PAGES; i += 1) {
    doc.switchToPage(i);
    doc.font('bold').fontSize(8).text(`Ukurasa ${i + 1} kati ya ${PAGES}`, 40, 560);
  }
  const cached = Math.max(...Object.values(internal._fontFamilies).map((font) => Object.keys(font.layoutCache ?? {}).length));
  return { doc, held, cached };
}

describe('a long document whose pages are let go as they fill', () => {
  it('holds none of the drawing of pages already filled, and reads back whole with every footer', async () => {
    const { doc, held, cached } = await longDocument(true);
    expect(Math.max(...held)).toBe(0);
    // 8,000 words seen once: the typeface keeps a bounded few of them.
    expect(cached).toBeLessThan(PAGES * WORDS_A_PAGE / 2);
    const base64 = (await toBuffer(doc)).toString('base64');
    const { pages } = readBack({ filename: 'sealed.pdf', mime: 'application/pdf', base64 }, 'sealed-pages');
    expect(pages).toHaveLength(PAGES);
    pages.forEach((text, i) => {
      const flat = text.replace(/\s+/g, ' ');
      expect(flat).toContain(`Ukurasa wa kazi ${i + 1}:`);
      expect(flat).toContain(`MAJI/ICT/${i + 1}/0199`);
      expect(flat).toContain(`Ukurasa ${i + 1} kati ya ${PAGES}`);
    });
  });

  it('is what PDFKit alone does not do: every page held to the end, every word remembered', async () => {
    const { doc, held, cached } = await longDocument(false);
    expect(held.at(-1)).toBeGreaterThan(PAGES * 10);
    expect(cached).toBeGreaterThanOrEqual(PAGES * WORDS_A_PAGE);
    await toBuffer(doc);
  });
});
