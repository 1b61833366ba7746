// The export route and the words every register needs, in both languages.
import { describe, expect, it } from 'vitest';
import { leafKeys } from '../../../db/contract/catalogues/index.ts';
import enRegisters from '../../../db/contract/catalogues/en/registers.json' with { type: 'json' };
import swRegisters from '../../../db/contract/catalogues/sw/registers.json' with { type: 'json' };
import { REGISTER_KEYS, RegisterExportInput } from '../../../db/registers/contract.ts';
import { devicesRegister } from '../../../db/assets/register-sheet.ts';
import { handoversRegister } from '../../../db/handovers/handovers-sheet.ts';
import { logBookRegister } from '../../../db/maintenance/log-book-sheet.ts';
import { mediaRegister } from '../../../db/media/media-sheet.ts';
import { movementsRegister } from '../../../db/movements/movements-sheet.ts';
import { peopleRegister } from '../../../db/people/register-sheet.ts';
import { wordsIn } from '../../../db/registers/register.ts';
import { maintenanceCostRegister } from '../../../db/maintenance/cost-sheet.ts';
import { personalDevicesRegister } from '../../../db/personal-devices/register-sheet.ts';
import { disposalBatchesRegister } from '../../../db/disposal/batches-sheet.ts';
import { registerRoutes } from '../../../db/registers/routes.ts';
import { complianceRegister } from '../../../db/dashboard/compliance-sheet.ts';
import { exportRegister, openEmptyOffice } from '../../helpers/registers.ts';

const REGISTERS = [devicesRegister, logBookRegister, maintenanceCostRegister, movementsRegister, handoversRegister, personalDevicesRegister, mediaRegister, disposalBatchesRegister, peopleRegister, complianceRegister];

describe('the registers.export route', () => {
  it('is open to everyone signed in, auditors included: an export changes nothing', () => {
    expect(Object.keys(registerRoutes)).toEqual(['registers.export']);
    expect(registerRoutes['registers.export'].access).toBe('signed-in');
  });

  it('knows every register the contract names', () => {
    expect(REGISTERS.map((register) => register.key).sort()).toEqual([...REGISTER_KEYS].sort());
  });

  it('gives XLSX in Swahili unless told otherwise, every filter optional', () => {
    expect(RegisterExportInput.parse({ register: 'devices' })).toMatchObject({ format: 'xlsx', language: 'sw', filters: { sort: 'tag_asc', status: null } });
    expect(RegisterExportInput.parse({ register: 'people' })).toMatchObject({ filters: { status: 'all', search: '' } });
    expect(RegisterExportInput.parse({ register: 'log-book' })).toMatchObject({ filters: { from: '', to: '' } });
  });

  it('refuses a register, a format or a language it does not know', () => {
    for (const input of [{ register: 'stocktake' }, { register: 'devices', format: 'docx' }, { register: 'devices', language: 'fr' }, { register: 'devices', filters: { status: 'stolen' } }]) {
      expect([input, RegisterExportInput.safeParse(input).success]).toEqual([input, false]);
    }
  });

  it('returns the file as base64 with its name and type, for an empty register too', async () => {
    const office = await openEmptyOffice();
    const exported = await exportRegister(office, { register: 'devices', format: 'xlsx', language: 'en' });
    expect(exported).toMatchObject({ filename: 'equipment-register-2026-11-23.xlsx', mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', rows: 0 });
    // A zip: what Excel opens.
    expect(Buffer.from(exported.base64, 'base64').subarray(0, 2).toString('latin1')).toBe('PK');
    office.core.close();
  });
});

describe('the words of the registers', () => {
  it('hold the same keys in Swahili and English, under the one top-level key `registers`', () => {
    expect(Object.keys(swRegisters)).toEqual(['registers']);
    expect(Object.keys(enRegisters)).toEqual(['registers']);
    expect(leafKeys(swRegisters).sort()).toEqual(leafKeys(enRegisters).sort());
  });

  it('leave the same blanks in both languages, and fill them', () => {
    const blanks = (text: string) => [...text.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1]).sort();
    for (const key of leafKeys(swRegisters)) {
      const at = (catalogue: unknown) => key.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown>)[part], catalogue) as string;
      expect([key, blanks(at(swRegisters))]).toEqual([key, blanks(at(enRegisters))]);
    }
    expect(wordsIn('en').t('registers.written', { file: 'rejista.xlsx', rows: 12 })).toBe('Report written to rejista.xlsx: 12 rows.');
    expect(wordsIn('sw').t('registers.written', { file: 'rejista.xlsx', rows: 12 })).toBe('Ripoti imeandikwa kwenye rejista.xlsx: safu 12.');
  });

  it('name every heading, title, sheet and file of every register in both languages', () => {
    for (const language of ['sw', 'en'] as const) {
      const { t } = wordsIn(language);
      for (const register of REGISTERS) {
        for (const key of [register.title, register.sheet, register.file, ...register.columns.map((column) => column.header)]) {
          expect([language, key, t(key) !== key && t(key).trim() !== '']).toEqual([language, key, true]);
        }
        // Excel refuses longer sheet names or these characters.
        expect(t(register.sheet).length).toBeLessThanOrEqual(31);
        expect(t(register.sheet)).not.toMatch(/[[\]:*?/\\]/);
        expect(t(register.file)).toMatch(/^[a-z0-9-]+$/);
        const headers = register.columns.map((column) => t(column.header));
        expect(new Set(headers).size).toBe(headers.length);
      }
    }
  });
});
