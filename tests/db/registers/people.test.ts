// The register of people as a spreadsheet: everyone, those who left included, with what they hold.
import { beforeAll, describe, expect, it } from 'vitest';
import { csvColumn, exportRegister, openRegisterOffice, readCsv, readXlsx, type RegisterOffice } from '../../helpers/registers.ts';

let office: RegisterOffice;
beforeAll(async () => {
  office = await openRegisterOffice();
});

describe('the register of people', () => {
  it('is headed in Swahili, or in English when asked', async () => {
    expect(readCsv(await exportRegister(office, { register: 'people', format: 'csv', language: 'sw' })).headers).toEqual([
      'Jina kamili',
      'Namba ya cheki',
      'Cheo',
      'Idara',
      'Taasisi',
      'Simu',
      'Barua pepe',
      'Hali',
      'Vifaa alivyokabidhiwa',
      'Tarehe ya kusajiliwa',
    ]);
    expect(readCsv(await exportRegister(office, { register: 'people', format: 'csv', language: 'en' })).headers[0]).toBe('Full name');
  });

  it('holds everyone by name, those who left marked so, with the devices in their keeping', async () => {
    const exported = await exportRegister(office, { register: 'people', format: 'csv', language: 'sw' });
    const csv = readCsv(exported);
    expect(exported.rows).toBe(3);
    expect(exported.filename).toBe('rejista-ya-watumishi-2026-11-23.csv');
    expect(csvColumn(csv, 'Jina kamili')).toEqual(['Hamisi Juma', 'Rehema Mollel', 'Zuhura Said']);
    expect(csvColumn(csv, 'Hali')).toEqual(['Yupo', 'Ameondoka', 'Yupo']);
    expect(csvColumn(csv, 'Vifaa alivyokabidhiwa')).toEqual(['1', '1', '1']);
    expect(csvColumn(csv, 'Idara')).toEqual(['TEHAMA', 'Uhasibu', 'Uhasibu']);
  });

  it('makes a phone number starting with + inert rather than a sum', async () => {
    const csv = readCsv(await exportRegister(office, { register: 'people', format: 'csv', language: 'en' }));
    expect(csvColumn(csv, 'Phone')[2]).toBe("'+255 754 123 456");
  });

  it('holds only those the filters name', async () => {
    const names = async (filters: Record<string, string>) =>
      csvColumn(readCsv(await exportRegister(office, { register: 'people', format: 'csv', language: 'en', filters })), 'Full name');
    expect(await names({ status: 'active' })).toEqual(['Hamisi Juma', 'Zuhura Said']);
    expect(await names({ status: 'inactive' })).toEqual(['Rehema Mollel']);
    expect(await names({ search: 'zuhu' })).toEqual(['Zuhura Said']);
  });

  it('counts devices as numbers in XLSX', async () => {
    const sheet = (await readXlsx(await exportRegister(office, { register: 'people', format: 'xlsx', language: 'en' }))).worksheets[0];
    expect(sheet?.name).toBe('People register');
    expect(sheet?.getRow(2).getCell(9).value).toBe(1);
  });
});
