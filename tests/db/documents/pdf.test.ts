// The forms' small print: shillings, the print date in Dar es Salaam, text the typeface can show,
// file names, line wrapping, and the typeface itself.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { sfntFromWoff } from '../../../db/documents/fonts.ts';
import { formatPrintDay, formatTzs, newDocument, printable, safeFilename, wrap } from '../../../db/documents/pdf.ts';

describe('the forms’ small print', () => {
  it('writes shillings with commas between thousands', () => {
    expect(formatTzs(0)).toBe('0');
    expect(formatTzs(999)).toBe('999');
    expect(formatTzs(1000)).toBe('1,000');
    expect(formatTzs(2_450_000)).toBe('2,450,000');
    expect(formatTzs(1_000_000_000_000)).toBe('1,000,000,000,000');
  });

  it('dates a print by the day in Dar es Salaam, not in UTC', () => {
    expect(formatPrintDay(new Date('2026-11-23T08:00:00Z'))).toBe('23/11/2026');
    expect(formatPrintDay(new Date('2026-11-23T21:30:00Z'))).toBe('24/11/2026');
    expect(formatPrintDay(new Date('2026-12-31T20:59:59Z'))).toBe('31/12/2026');
    expect(formatPrintDay(new Date('2026-12-31T21:00:00Z'))).toBe('01/01/2027');
  });

  it('keeps Swahili, Latin-1 names and punctuation, and never prints a glyph the typeface lacks', () => {
    const swahili = 'Kompyuta haiwaki – “TSh 15,000” • Müller, José, Ñandú; 50 €';
    expect(printable(swahili)).toBe(swahili);
    // Ł has no decomposition: it becomes "?"; ą and ń lose their marks; the emoji and control bytes go.
    expect(printable('Łódź Gdańsk ą\u0007 🙂')).toBe('?ódz Gdansk a ?');
    expect(printable('a\tb')).toBe('a b');
  });

  it('makes file names safe on Windows and Linux from tags with slashes', () => {
    expect(safeFilename('daftari-la-matengenezo-WF/IT/2024/0007.pdf')).toBe('daftari-la-matengenezo-WF-IT-2024-0007.pdf');
    expect(safeFilename('lebo: "A*B"?.pdf')).toBe('lebo-A-B.pdf');
  });

  it('wraps at spaces, and cuts a word too long for the line after a separator', async () => {
    const doc = await newDocument({ layout: 'portrait', language: 'sw', title: 't', author: 'a', subject: 's', now: new Date('2026-11-23T08:00:00Z') });
    doc.addPage();
    const lines = wrap(doc, { text: 'Feni imejaa vumbi; joto linazidi nyuzi 95.\nMstari wa pili.' }, 80, 9).map((l) => l.text);
    expect(lines.join(' ')).toBe('Feni imejaa vumbi; joto linazidi nyuzi 95. Mstari wa pili.');
    expect(lines.length).toBeGreaterThan(2);
    expect(lines).toContain('Mstari wa pili.');
    for (const line of lines) expect(doc.font('regular').fontSize(9).widthOfString(line)).toBeLessThanOrEqual(80);
    const tag = wrap(doc, { text: 'MAJI/ICT/2026/000123', bold: true }, 60, 12).map((l) => l.text);
    expect(tag.join('')).toBe('MAJI/ICT/2026/000123');
    expect(tag.length).toBeGreaterThan(1);
    expect(tag[0]?.endsWith('/')).toBe(true);
    expect(wrap(doc, { text: '' }, 80, 9)).toHaveLength(1);
  });

  it('unpacks the WOFF typeface into a TrueType font with every table', () => {
    const woff = readFileSync(createRequire(import.meta.url).resolve('@fontsource/noto-sans/files/noto-sans-latin-400-normal.woff'));
    const ttf = sfntFromWoff(woff);
    const count = woff.readUInt16BE(12);
    expect(ttf.readUInt32BE(0)).toBe(woff.readUInt32BE(4));
    expect(ttf.readUInt16BE(4)).toBe(count);
    expect(ttf.length).toBe(woff.readUInt32BE(16));
    const tags = Array.from({ length: count }, (_, i) => ttf.toString('latin1', 12 + i * 16, 16 + i * 16));
    expect(tags).toEqual(expect.arrayContaining(['cmap', 'glyf', 'head', 'hmtx', 'loca', 'name', 'post']));
    const head = tags.indexOf('head');
    const headOffset = ttf.readUInt32BE(12 + head * 16 + 8);
    // The magic number of a TrueType 'head' table.
    expect(ttf.readUInt32BE(headOffset + 12)).toBe(0x5f0f3cf5);
    expect(() => sfntFromWoff(ttf)).toThrow();
  });
});
