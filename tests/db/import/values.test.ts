// The words and numbers registers use, as the import reads them.
import { describe, expect, it } from 'vitest';
import { BUILTIN_CATEGORIES } from '../../../db/assets/contract.ts';
import { translator } from '../../../db/contract/catalogues/index.ts';
import { fold, headerSetKey, suggestMapping, unmappedLookalikes } from '../../../db/import/mapping.ts';
import { closest, confident, similarity } from '../../../db/import/matching.ts';
import { decodeText, detectDelimiter } from '../../../db/import/read.ts';
import { categoryResolver, monthFirstSeen, toCapacity, toClassification, toDate, toShillings, toYesNo } from '../../../db/import/values.ts';

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

  it.each(['2450000.50', 'elfu mbili', '2,45,000'])('refuses %j rather than guess', (cell) => {
    expect(toShillings(cell)).toMatchObject({ ok: false, message: 'validation.money' });
  });

  it.each([['1,250,000', 1_250_000], ['1 250 000', 1_250_000], ['TZS 1,250,000/=', 1_250_000], ['1\u00a0250\u00a0000', 1_250_000]] as const)(
    'reads %j, as registers write a cost, as whole shillings',
    (cell, shillings) => {
      expect(value(toShillings(cell))).toBe(shillings);
    },
  );

  it.each(['-5000', '-1,250,000', '(1,250,000)', 'TZS -1,250,000/=', -5000] as const)('says a negative cost %j cannot be negative, not only that it is unreadable', (cell) => {
    expect(toShillings(cell)).toMatchObject({ ok: false, message: 'import.errors.cost-negative' });
    const said = translator('en')('import.errors.cost-negative', { value: String(cell), cell: 'G7' });
    expect(said).toContain('cannot be negative');
    expect(translator('sw')('import.errors.cost-negative', { value: String(cell), cell: 'G7' })).toContain('chini ya sifuri');
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

  it.each(['31/02/2023', '12/31/2023', '2023-02-29', '31.04.2024'])('refuses %j, a day the calendar lacks', (cell) => {
    expect(toDate(cell)).toMatchObject({ ok: false, message: 'import.errors.date-impossible' });
  });

  it.each(['jana', '2023', 2023, 'Q3 2023'] as const)('refuses %j, which is no date at all', (cell) => {
    expect(toDate(cell)).toMatchObject({ ok: false, message: 'import.errors.date-unreadable' });
  });

  it('reads a day-first date as such, until the column shows month-first dates too: then asks rather than guesses', () => {
    const column = ['05/03/2023', '12/31/2023', '25/03/2023'];
    expect(monthFirstSeen(column)).toBe(true);
    expect(monthFirstSeen(['05/03/2023', '25/03/2023', '2023-12-31'])).toBe(false);
    expect(toDate('05/03/2023', { monthFirstSeen: true })).toMatchObject({ ok: false, message: 'import.errors.date-ambiguous' });
    // Unambiguous days stay readable: 25 can only be a day, 07/07 reads the same both ways.
    expect(value(toDate('25/03/2023', { monthFirstSeen: true }))).toBe('2023-03-25');
    expect(value(toDate('07/07/2023', { monthFirstSeen: true }))).toBe('2023-07-07');
    expect(value(toDate('05/03/2023'))).toBe('2023-03-05');
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

  it('suggests the serial field for headings that mix the languages, and other widened headings', () => {
    expect(
      suggestMapping([
        'Na.',
        'Aina ya Kifaa',
        'Mtengenezaji',
        'Modeli',
        'Namba ya Utambulisho (Serial No.)',
        'Tarehe ya Ununuzi',
        'Gharama (TZS)',
        'Mahali',
        'Idara',
        'Mtumiaji',
      ]),
    ).toEqual({
      category: 'Aina ya Kifaa',
      make: 'Mtengenezaji',
      model: 'Modeli',
      serial: 'Namba ya Utambulisho (Serial No.)',
      purchase_date: 'Tarehe ya Ununuzi',
      cost_tzs: 'Gharama (TZS)',
      location: 'Mahali',
      department: 'Idara',
      custodian: 'Mtumiaji',
    });
    for (const heading of ['Namba ya Serial', 'S/N', 'Serial Number', 'Serial No.', 'SERIAL NO']) expect(suggestMapping([heading])).toEqual({ serial: heading });
    expect(suggestMapping(['Bei / Cost (TZS)'])).toEqual({ cost_tzs: 'Bei / Cost (TZS)' });
  });

  it('does not take a "S/N" column of running numbers 1, 2, 3 for the serial', () => {
    expect(suggestMapping(['S/N', 'Aina'], [[1, 'Laptop'], [2, 'UPS'], [3, 'Printa']])).toEqual({ category: 'Aina' });
    expect(suggestMapping(['S/N', 'Aina'], [['5CD1', 'Laptop'], ['PF2K', 'UPS']])).toEqual({ serial: 'S/N', category: 'Aina' });
  });

  it("maps Snipe-IT's \"Checked Out To\" columns to the custodian", () => {
    const headers = ['Asset Tag', 'Checked Out To: Username', 'Checked Out To: First Name', 'Checked Out To: Last Name', 'Checked Out To: Email'];
    expect(suggestMapping(headers)).toEqual({
      tag: 'Asset Tag',
      custodian: 'Checked Out To: First Name',
      custodian_last_name: 'Checked Out To: Last Name',
      custodian_email: 'Checked Out To: Email',
    });
    expect(suggestMapping(['Asset Tag', 'Checked Out To: Username'])).toEqual({ tag: 'Asset Tag', custodian: 'Checked Out To: Username' });
  });

  it('warns of a column that looks like a known field left unmapped', () => {
    const headers = ['Aina', 'Namba ya Serial', 'Mahali', 'Rangi'];
    expect(unmappedLookalikes(headers, { category: 'Aina', location: 'Mahali' })).toEqual([{ column: 'Namba ya Serial', field: 'serial' }]);
    expect(unmappedLookalikes(headers, { category: 'Aina', location: 'Mahali', serial: 'Namba ya Serial' })).toEqual([]);
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

describe('close matches for values that match nothing', () => {
  const categories = [
    { id: 'external_drive', label: 'Diski ngumu ya nje', keys: ['Diski ngumu ya nje', 'External drive'] },
    { id: 'flash_disk', label: 'Diski mweko (flash)', keys: ['Diski mweko (flash)', 'Flash disk'] },
    { id: 'desktop', label: 'Kompyuta ya mezani', keys: ['Kompyuta ya mezani', 'Desktop computer'] },
  ];

  it('suggests "Diski ngumu ya nje" for "Diski ya Nje", surely enough to take it without asking', () => {
    const found = closest('Diski ya Nje', categories);
    expect(found[0]?.id).toBe('external_drive');
    expect(confident(found)).toBe(true);
  });

  it('reads case, accents, spacing and titles of address as the same name', () => {
    expect(similarity('  STOO   kuu ', 'Stoo Kuu')).toBe(1);
    expect(similarity('Bw. Juma Hassan', 'Juma Hassan')).toBeGreaterThanOrEqual(0.9);
    expect(similarity('Ofisi ya Mhasibu Mkuu', 'Ofisi ya Mhásibu Mkuu')).toBe(1);
    expect(similarity('Uhasbu', 'Uhasibu')).toBeGreaterThanOrEqual(0.8);
  });

  it('never takes one numbered place for another', () => {
    expect(similarity('Ghorofa 9', 'Ghorofa 2')).toBe(0);
    expect(closest('Ghorofa 9', [{ id: 'g2', label: 'Ghorofa 2', keys: ['Ghorofa 2'] }])).toEqual([]);
  });

  it('leaves a value between two near-equal entries to the user', () => {
    const found = closest('Kompyuta', [...categories, { id: 'laptop', label: 'Kompyuta mpakato', keys: ['Kompyuta mpakato'] }]);
    expect(found.map((s) => s.id).slice(0, 2).sort()).toEqual(['desktop', 'laptop']);
    expect(confident(found)).toBe(false);
  });
});
