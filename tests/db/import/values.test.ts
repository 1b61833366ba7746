// The words and numbers registers use, as the import reads them.
import { describe, expect, it } from 'vitest';
import { BUILTIN_CATEGORIES } from '../../../db/contract/register-schemas.ts';
import { fold, headerSetKey, suggestMapping } from '../../../db/import/mapping.ts';
import { decodeText, detectDelimiter } from '../../../db/import/read.ts';
import { categoryResolver, toCapacity, toClassification, toDate, toShillings, toYesNo } from '../../../db/import/values.ts';

const value = <T>(result: { ok: true; value: T } | { ok: false }) => (result.ok ? result.value : 'refused');

describe('costs', () => {
  it.each([
    ['2,450,000', 2_450_000],
    ['TSh 2,450,000/=', 2_450_000],
    ['Tshs. 2,450,000/-', 2_450_000],
    ['2450000.00', 2_450_000],
    ['2 450 000', 2_450_000],
    ['2.450.000', 2_450_000],
    ['2,450,000 TZS', 2_450_000],
    [2_450_000, 2_450_000],
    [2_450_000.0000001, 2_450_000],
    ['', null],
  ] as const)('reads %j as whole shillings', (cell, shillings) => {
    expect(value(toShillings(cell))).toBe(shillings);
  });

  it.each(['2450000.50', 'elfu mbili', '-5000', '2,45,000'])('refuses %j rather than guess', (cell) => {
    expect(toShillings(cell)).toMatchObject({ ok: false, message: 'validation.money' });
  });
});

describe('dates', () => {
  it.each([
    ['12/03/2023', '2023-03-12'],
    ['2023-03-12', '2023-03-12'],
    ['2023-03-12 00:00:00', '2023-03-12'],
    ['12.03.2023', '2023-03-12'],
    ['1/7/23', '2023-07-01'],
    ['12 Mar 2023', '2023-03-12'],
    ['12-Machi-2023', '2023-03-12'],
    ['March 12, 2023', '2023-03-12'],
    [45000, '2023-03-15'],
    [44997.75, '2023-03-12'],
    ['', ''],
  ] as const)('reads %j as %s', (cell, day) => {
    expect(value(toDate(cell))).toBe(day);
  });

  it.each(['31/02/2023', '12/31/2023', '2023-02-29', 'jana', '2023'])('refuses %j', (cell) => {
    expect(toDate(cell)).toMatchObject({ ok: false, message: 'validation.date' });
  });
});

describe('categories', () => {
  const category = categoryResolver(BUILTIN_CATEGORIES, [{ id: 'custom-1', name_sw: 'Runinga', name_en: 'Television' }]);
  it.each([
    ['Kompyuta ya Mezani', 'desktop'],
    ['Desktop', 'desktop'],
    ['Laptop', 'laptop'],
    ['Laptops', 'laptop'],
    ['Kompyuta Mpakato', 'laptop'],
    ['Printer', 'printer'],
    ['PRINTA', 'printer'],
    ['UPS', 'ups'],
    ['Switch', 'network'],
    ['Router', 'network'],
    ['Flash', 'flash_disk'],
    ['External HDD', 'external_drive'],
    ['Diski ngumu ya nje', 'external_drive'],
    ['Kishikwambi', 'tablet'],
    ['Runinga', 'custom-1'],
    ['television', 'custom-1'],
  ])('reads %j as %s', (cell, id) => {
    expect(value(category(cell))).toBe(id);
  });

  it('refuses a category nobody defined, naming it', () => {
    expect(category('Kibaniko')).toEqual({ ok: false, message: 'errors.category-not-found', params: { value: 'Kibaniko' } });
  });
});

describe('other values', () => {
  it('reads yes and no in both languages, blank as the category default', () => {
    expect(['Ndiyo', 'hapana', 'Yes', 'NO', true, ''].map((c) => value(toYesNo(c)))).toEqual([true, false, true, false, true, null]);
    expect(toYesNo('labda')).toMatchObject({ ok: false });
  });

  it('reads classifications by id or name in either language', () => {
    expect(['Siri', 'Top secret', 'siri kuu', 'Ya ndani', 'public', ''].map((c) => value(toClassification(c)))).toEqual([
      'confidential',
      'top_secret',
      'top_secret',
      'internal',
      'public',
      undefined,
    ]);
  });

  it('reads capacities in GB or TB', () => {
    expect(['500', '500 GB', '1TB', 256, ''].map((c) => value(toCapacity(c)))).toEqual([500, 500, 1000, 256, null]);
  });
});

describe('headings', () => {
  it('suggests a mapping from Swahili headings and their variants', () => {
    expect(suggestMapping(['Namba ya Kifaa', 'Aina', 'Mtengenezaji', 'Modeli', 'Namba ya Utambulisho', 'Tarehe ya Kununua', 'Bei', 'Mahali', 'Idara', 'Mtumiaji', 'Maelezo'])).toEqual({
      tag: 'Namba ya Kifaa',
      category: 'Aina',
      make: 'Mtengenezaji',
      model: 'Modeli',
      serial: 'Namba ya Utambulisho',
      purchase_date: 'Tarehe ya Kununua',
      cost_tzs: 'Bei',
      location: 'Mahali',
      department: 'Idara',
      custodian: 'Mtumiaji',
      notes: 'Maelezo',
    });
  });

  it('suggests a mapping from English headings and their variants', () => {
    expect(suggestMapping(['Tag', 'Category', 'Make', 'Model', 'S/N', 'Purchase Date', 'Cost', 'Location', 'Department', 'Assigned To', 'Remarks', 'Colour'])).toEqual({
      tag: 'Tag',
      category: 'Category',
      make: 'Make',
      model: 'Model',
      serial: 'S/N',
      purchase_date: 'Purchase Date',
      cost_tzs: 'Cost',
      location: 'Location',
      department: 'Department',
      custodian: 'Assigned To',
      notes: 'Remarks',
    });
    expect(suggestMapping(['Serial No', 'Asset Tag'])).toEqual({ tag: 'Asset Tag', serial: 'Serial No' });
  });

  it('keys a remembered mapping by the set of headings, whatever their order or case', () => {
    expect(headerSetKey(['Aina', 'Bei', 'Mahali'])).toBe(headerSetKey(['MAHALI', 'aina', ' Bei ']));
    expect(headerSetKey(['Aina', 'Bei'])).not.toBe(headerSetKey(['Aina', 'Bei', 'Mahali']));
    expect(fold('  S/N ')).toBe('s n');
  });
});

describe('CSV text', () => {
  it('finds the delimiter that splits every line alike, even when costs hold commas', () => {
    expect(detectDelimiter('Aina;Bei;Mahali\nLaptop;2,450,000;Ghorofa 2\nUPS;1,100,000;Stoo\n')).toBe(';');
    expect(detectDelimiter('Aina,Bei,Mahali\nLaptop,"2,450,000",Ghorofa 2\n')).toBe(',');
    expect(detectDelimiter('Aina\tBei\nLaptop\t2,450,000\n')).toBe('\t');
  });

  it('decodes UTF-8 with or without a BOM, UTF-16, and falls back to Windows-1252', () => {
    expect(decodeText(Buffer.from('\uFEFFAina;Bei', 'utf8'))).toBe('Aina;Bei');
    expect(decodeText(Buffer.from('Société', 'utf8'))).toBe('Société');
    expect(decodeText(Buffer.from([0x53, 0x6f, 0x63, 0x69, 0xe9, 0x74, 0xe9, 0x20, 0x80]))).toBe('Société €');
    expect(decodeText(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('Aina\tBei', 'utf16le')]))).toBe('Aina\tBei');
  });
});
