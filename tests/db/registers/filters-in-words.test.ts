// A printed report says under its title what it was filtered by, in words a reader knows (the
// department's name, the state as the screen's menu says it), in the language asked; a report of
// everything says only that. One small office, each report printed and read back with poppler.
import { beforeAll, describe, expect, it } from 'vitest';
import type { RouteInput } from '../../../db/contract/routes.ts';
import { issueOf, registerFlashDisk } from '../media/fixtures.ts';
import { addUser, present } from '../../helpers/core.ts';
import { openOffice, registerDevice, registerLaptop, type Office } from '../../helpers/office.ts';
import { readBack } from '../../helpers/printed-forms.ts';
import { exportRegister } from '../../helpers/registers.ts';

const WHOLE = { sw: 'Kumbukumbu zote hadi siku ya kuchapisha', en: 'All records to the day of printing' } as const;

let o: Office;
let camera: string;

beforeAll(async () => {
  o = await openOffice();
  const accountant = await addUser(o, o.admin, 'masuuli', ['accounting_officer'], 'Bi. Rehema Kweka');
  const laptop = await registerLaptop(o, { tag: 'MAJI-LAP-0007' });
  const printer = await registerDevice(o, o.officer.token, {
    tag: 'MAJI-PRN-0003',
    category: 'printer',
    make: 'HP',
    model: 'LaserJet Pro M404dn',
    custodian_id: o.people.hamisi,
    department_id: o.departments.ict,
    location_id: o.locations.store,
    classification: 'confidential',
  });
  camera = present(await o.ok(o.admin, 'categories.create', { name_sw: 'Kamera ya usalama', name_en: 'Security camera', can_hold_records: true }), 'the category').id;
  await registerDevice(o, o.officer.token, { tag: 'MAJI-CAM-0004', category: camera, make: 'Hikvision', model: 'DS-2CD1043', location_id: o.locations.floor2 });

  const flash = await registerFlashDisk(o, { tag: 'MAJI-FD-0011' });
  await o.ok(o.officer.token, 'media.issue', issueOf(flash.id, o.people.zuhura));

  // Zuhura takes her laptop to a workshop in Arusha: approved, not yet out.
  const request = await o.ok(o.officer.token, 'movements.request', {
    holder_id: o.people.zuhura,
    asset_ids: [laptop.id],
    purpose: 'Warsha ya bajeti ya mwaka 2027/28',
    destination: 'AICC, Arusha',
    date_out: '2026-11-24',
    due_on: '2026-11-28',
    data_held: 'Makadirio ya bajeti ya Wizara (rasimu)',
  });
  await o.ok(accountant.token, 'movements.decide', { request_id: request.id, decision: 'approved', justification: '' });

  // Hamisi hands the printer to Zuhura: prepared, awaiting the permit.
  await o.ok(o.officer.token, 'handovers.prepare', {
    kind: 'handover',
    from: { type: 'person', person_id: o.people.hamisi },
    to: { type: 'person', person_id: o.people.zuhura },
    lines: [{ asset_id: printer.id, condition: 'good', accessories: 'Waya wa umeme' }],
    reason: 'Printa inahamia ofisi ya Uhasibu.',
  });

  await o.ok(o.admin, 'people.deactivate', { person_id: o.people.rehema });
}, 60_000);

/** The printed report's text, every page run together. */
async function printed(input: RouteInput<'registers.export'>, name: string): Promise<string> {
  const exported = await exportRegister(o, { ...input, format: 'pdf' });
  expect(exported.mime).toBe('application/pdf');
  return readBack({ filename: exported.filename, mime: 'application/pdf', base64: exported.base64 }, name).flat;
}

describe('the equipment register printed', () => {
  it('names the department, place, custodian, category, status and classification it was filtered by, and quotes the search', async () => {
    const text = await printed(
      {
        register: 'devices',
        language: 'sw',
        filters: {
          search: 'LaserJet',
          category: 'printer',
          status: 'in_service',
          classification: 'confidential',
          department_id: o.departments.ict,
          location_id: o.locations.store,
          custodian_id: o.people.hamisi,
          sort: 'updated_desc',
        },
      },
      'filters-devices-sw',
    );
    expect(text).toContain(
      'Utafutaji: “LaserJet” · Aina ya kifaa: Printa · Hali ya kifaa: Kinatumika · Uainishaji: Siri · Idara: TEHAMA · Mahali: Stoo ya TEHAMA · Mtunzaji: Hamisi Juma (100231)',
    );
    expect(text).toContain('MAJI-PRN-0003');
    expect(text).not.toContain('MAJI-LAP-0007');
    expect(text).not.toContain(WHOLE.sw);
  }, 30_000);

  it('names an institution’s own category in English as it was named in English', async () => {
    const text = await printed({ register: 'devices', language: 'en', filters: { category: camera } }, 'filters-devices-en');
    expect(text).toContain('Category: Security camera');
    expect(text).toContain('MAJI-CAM-0004');
  }, 30_000);

  it('says nothing more than “all records” when only the order was chosen', async () => {
    const text = await printed({ register: 'devices', language: 'en', filters: { sort: 'tag_desc' } }, 'filters-devices-none');
    expect(text).toContain(WHOLE.en);
    expect(text).not.toMatch(/Category:|Status:|Department:|Location:|Custodian:|Classification:|Search:/);
  }, 30_000);
});

describe('the register of people printed', () => {
  it('says it holds only those who left, in Swahili, and the search and current staff in English', async () => {
    const left = await printed({ register: 'people', language: 'sw', filters: { status: 'inactive' } }, 'filters-people-sw');
    expect(left).toContain('Hali: Walioondoka');
    expect(left).toContain('Rehema Mollel');
    expect(left).not.toContain('Zuhura Said');

    const found = await printed({ register: 'people', language: 'en', filters: { search: 'Zuhura', status: 'active' } }, 'filters-people-en');
    expect(found).toContain('Search: “Zuhura” · Status: Current');

    const everyone = await printed({ register: 'people', language: 'sw', filters: { status: 'all' } }, 'filters-people-none');
    expect(everyone).toContain(WHOLE.sw);
    expect(everyone).not.toMatch(/Hali: |Utafutaji:/);
  }, 30_000);
});

describe('the removable media register printed', () => {
  it('names the list it holds in the screen’s words, and nothing for all of them', async () => {
    const issued = await printed({ register: 'media', language: 'sw', filters: { list: 'issued' } }, 'filters-media-sw');
    expect(issued).toContain('Orodha: Vimetolewa');
    expect(issued).toContain('MAJI-FD-0011');
    expect((await printed({ register: 'media', language: 'en', filters: { list: 'wipe_due' } }, 'filters-media-en'))).toContain('List: Wipe due');

    const all = await printed({ register: 'media', language: 'en', filters: { list: 'all' } }, 'filters-media-none');
    expect(all).toContain(WHOLE.en);
    expect(all).not.toContain('List:');
  }, 30_000);
});

describe('the off-premises permits printed', () => {
  it('names the list after the period, and nothing for all of them', async () => {
    const open = await printed({ register: 'movements', language: 'sw', filters: { from: '2026-11-01', to: '2026-11-30', filter: 'open' } }, 'filters-movements-sw');
    expect(open).toContain('Kipindi: 01/11/2026 hadi 30/11/2026 · Orodha: Yaliyo wazi');
    expect(open).toContain('AICC, Arusha');
    expect(await printed({ register: 'movements', language: 'en', filters: { filter: 'overdue' } }, 'filters-movements-en')).toContain('List: Overdue');

    const all = await printed({ register: 'movements', language: 'sw', filters: { filter: 'all' } }, 'filters-movements-none');
    expect(all).toContain(WHOLE.sw);
    expect(all).not.toContain('Orodha:');
  }, 30_000);
});

describe('the register of handovers printed', () => {
  it('names the open ones and each state in words, and nothing for all of them', async () => {
    const open = await printed({ register: 'handovers', language: 'sw', filters: { state: 'open' } }, 'filters-handovers-sw');
    expect(open).toContain('Hali: Yanayoendelea');
    expect(open).toContain('MAJI-PRN-0003');
    expect(await printed({ register: 'handovers', language: 'en', filters: { state: 'pending' } }, 'filters-handovers-en')).toContain('State: Awaiting permit');

    const all = await printed({ register: 'handovers', language: 'en', filters: { state: 'all' } }, 'filters-handovers-none');
    expect(all).toContain(WHOLE.en);
    expect(all).not.toContain('State:');
  }, 30_000);
});
