// One cell at a time: what makes text inert, how CSV quotes, and that numbers stay numbers.
import { describe, expect, it } from 'vitest';
import { csvText, neutralise } from '../../../db/registers/cells.ts';
import { csvField, csvLine } from '../../../db/registers/csv.ts';
import { sheetName, xlsxValue } from '../../../db/registers/xlsx.ts';

describe('a text cell', () => {
  it('gets a leading quote when it starts with =, +, -, @, a tab or a carriage return', () => {
    for (const text of ['=1+1', '+255 754 123 456', '-2+3', '@SUM(A1)', '\t=1', '\r=1', "=cmd|' /C calc'!A0"]) expect(neutralise(text)).toBe(`'${text}`);
  });

  it('is left alone otherwise, a formula-like character further in included', () => {
    for (const text of ['Dell Latitude 5440', 'HP =HYPERLINK("x")', '', "'already quoted", ' =1', '100230']) expect(neutralise(text)).toBe(text);
  });
});

describe('a number cell', () => {
  it('stays a plain number in CSV, a negative one too', () => {
    expect(csvText(-2500, 'money')).toBe('-2500');
    expect(csvText(2_450_000, 'money')).toBe('2450000');
    expect(csvText(1.5, 'number')).toBe('1.5');
    expect(csvText(-3, 'number')).toBe('-3');
  });

  it('stays a number in XLSX, a negative one too, while the same text in a text column is made inert', () => {
    expect(xlsxValue(-2500, 'money')).toBe(-2500);
    expect(xlsxValue(0, 'money')).toBe(0);
    expect(xlsxValue(-2, 'number')).toBe(-2);
    expect(xlsxValue('-2', 'text')).toBe("'-2");
  });

  it('arriving as text in a number column is treated as text', () => {
    expect(csvText('=1+1', 'money')).toBe("'=1+1");
    expect(xlsxValue('=1+1', 'money')).toBe("'=1+1");
  });
});

describe('a date cell', () => {
  it('reads dd/MM/yyyy in CSV and is a date at midnight UTC in XLSX', () => {
    expect(csvText('2025-07-14', 'day')).toBe('14/07/2025');
    expect((xlsxValue('2025-07-14', 'day') as Date).toISOString()).toBe('2025-07-14T00:00:00.000Z');
    expect(csvText('', 'day')).toBe('');
    expect(xlsxValue('', 'day')).toBeNull();
  });
});

describe('a CSV field', () => {
  it('is quoted only when it holds a comma, a quote or a line break, its quotes doubled', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('Ina "stika"')).toBe('"Ina ""stika"""');
    expect(csvField('line\nbreak')).toBe('"line\nbreak"');
    expect(csvField('cr\rhere')).toBe('"cr\rhere"');
    expect(csvLine(['a', 'b,c', ''])).toBe('a,"b,c",\r\n');
  });
});

describe('a sheet name', () => {
  it('keeps to what Excel accepts: 31 characters, none of []:*?/\\', () => {
    expect(sheetName('Rejista ya Vifaa')).toBe('Rejista ya Vifaa');
    expect(sheetName('Daftari la Kumbukumbu za Matengenezo')).toHaveLength(31);
    expect(sheetName('A/B: [C]?')).toBe('A B C');
  });
});
