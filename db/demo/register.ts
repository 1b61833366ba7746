// The demo's equipment register and Service Maintenance Log Book: devices with their storage media,
// two procedure versions, providers, preventive plans, and repairs of every outcome, some off-site.
import PDFDocument from 'pdfkit';
import type { Core } from '../core.ts';
import type { RouteInput, RouteName, RouteOutput } from '../contract/routes.ts';
import type { MediumInput } from '../assets/contract.ts';
import { Refusal } from '../core/refusal.ts';
import { addDays, daysBetween } from '../contract/days.ts';

type Call = <K extends RouteName>(route: K, input: RouteInput<K>) => Promise<RouteOutput<K>>;

export function caller(core: Core, token: string | null): Call {
  return async (route, input) => {
    const { result } = await core.call(token, route, input);
    if (!result.ok) throw new Refusal(result.error.code, result.error.params, result.error.fields);
    return result.value as never;
  };
}

interface Model {
  category: string;
  make: string;
  model: string;
  cost: number;
  media: MediumInput[];
}

const MODELS: Model[] = [
  { category: 'desktop', make: 'HP', model: 'ProDesk 400 G7', cost: 1_850_000, media: [{ kind: 'ssd', capacity_gb: 256 }, { kind: 'hdd', capacity_gb: 1000 }] },
  { category: 'desktop', make: 'Dell', model: 'OptiPlex 7090', cost: 2_100_000, media: [{ kind: 'ssd', capacity_gb: 512 }] },
  { category: 'laptop', make: 'HP', model: 'ProBook 450 G9', cost: 2_450_000, media: [{ kind: 'ssd', capacity_gb: 512 }] },
  { category: 'laptop', make: 'Lenovo', model: 'ThinkPad E14 Gen 4', cost: 2_300_000, media: [{ kind: 'ssd', capacity_gb: 256 }] },
  { category: 'laptop', make: 'Dell', model: 'Latitude 5420', cost: 2_600_000, media: [{ kind: 'ssd', capacity_gb: 512 }] },
  { category: 'server', make: 'Dell', model: 'PowerEdge R740', cost: 28_500_000, media: [{ kind: 'hdd', capacity_gb: 2000 }, { kind: 'hdd', capacity_gb: 2000 }, { kind: 'ssd', capacity_gb: 480 }] },
  { category: 'printer', make: 'HP', model: 'LaserJet Pro M404dn', cost: 950_000, media: [] },
  { category: 'printer', make: 'Canon', model: 'imageRUNNER 2425', cost: 6_800_000, media: [{ kind: 'hdd', capacity_gb: 250 }] },
  { category: 'scanner', make: 'Fujitsu', model: 'fi-7160', cost: 2_900_000, media: [] },
  { category: 'network', make: 'Cisco', model: 'Catalyst 2960-X 24', cost: 3_400_000, media: [] },
  { category: 'ups', make: 'APC', model: 'Back-UPS Pro 1500VA', cost: 780_000, media: [] },
  { category: 'projector', make: 'Epson', model: 'EB-X51', cost: 1_350_000, media: [] },
  { category: 'tablet', make: 'Samsung', model: 'Galaxy Tab A8', cost: 720_000, media: [{ kind: 'emmc', capacity_gb: 64 }] },
  { category: 'phone', make: 'Samsung', model: 'Galaxy A34', cost: 850_000, media: [{ kind: 'emmc', capacity_gb: 128 }, { kind: 'memory_card', capacity_gb: 64 }] },
  { category: 'external_drive', make: 'Seagate', model: 'Expansion 2TB', cost: 260_000, media: [{ kind: 'hdd', capacity_gb: 2000 }] },
];

const FAULTS: { symptoms: string; diagnosis: string; actions: string; part?: [string, number]; offsite?: boolean }[] = [
  { symptoms: 'Kompyuta haiwaki; taa ya umeme haiwaki kabisa.', diagnosis: 'Power supply imeungua.', actions: 'Power supply imebadilishwa na kupimwa.', part: ['Power supply 300W', 145_000] },
  { symptoms: 'Skrini inaonyesha mistari na inazima yenyewe.', diagnosis: 'Waya wa skrini (LCD cable) umelegea.', actions: 'Waya umebadilishwa; skrini imepimwa saa 2.', part: ['LCD cable', 65_000], offsite: true },
  { symptoms: 'Betri haishiki chaji; inavimba.', diagnosis: 'Betri imeharibika.', actions: 'Betri mpya imewekwa.', part: ['Betri ya laptop', 180_000], offsite: true },
  { symptoms: 'Printa inakwama karatasi kila ukurasa.', diagnosis: 'Roller za kuvuta karatasi zimechakaa.', actions: 'Roller zimebadilishwa na printa imesafishwa.', part: ['Pickup roller kit', 95_000] },
  { symptoms: 'Kompyuta ni nzito mno na inajizima.', diagnosis: 'Feni imejaa vumbi; joto kali.', actions: 'Usafishaji wa ndani na kuweka thermal paste mpya.' },
  { symptoms: 'Mtumiaji analalamika mtandao hauunganishi.', diagnosis: 'Hakuna hitilafu kwenye kifaa; waya wa mtandao ulikuwa umechomolewa.', actions: 'Waya umechomekwa na mtumiaji ameelekezwa.' },
  { symptoms: 'Ubao mama (motherboard) umeungua baada ya radi.', diagnosis: 'Motherboard na power supply vimeharibika; gharama ya kutengeneza inazidi thamani ya kifaa.', actions: 'Tathmini imefanywa; kifaa kinapendekezwa kuondoshwa.', offsite: true },
  { symptoms: 'UPS inalia mfululizo na haihifadhi umeme.', diagnosis: 'Betri za UPS zimekwisha muda.', actions: 'Betri mbili za 12V 9Ah zimebadilishwa.', part: ['Betri 12V 9Ah', 85_000] },
];

const PROVIDERS = [
  { name: 'Dodoma Computer Services Ltd', registration_number: 'BRELA 145872', contact_name: 'Baraka Mollel', phone: '+255 754 210 330', email: 'huduma@dodomacomputers.co.tz', address: 'Mtaa wa Jamhuri, S.L.P. 1123, Dodoma' },
  { name: 'Tanzania Office Solutions', registration_number: 'BRELA 098114', contact_name: 'Rehema Lyimo', phone: '+255 713 440 118', email: 'service@tos.co.tz', address: 'Barabara ya Nyerere, Dar es Salaam' },
];

async function procedureDocument(version: string): Promise<string> {
  const doc = new PDFDocument({ size: 'A4', info: { Title: `Utaratibu wa Ndani wa Matengenezo ya Vifaa vya TEHAMA ${version}` } });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const ended = new Promise((done) => doc.on('end', done));
  doc.fontSize(16).text('WIZARA YA MAJI', { align: 'center' });
  doc.moveDown().fontSize(14).text(`Utaratibu wa Ndani wa Matengenezo ya Vifaa vya TEHAMA — Toleo ${version}`, { align: 'center' });
  doc.moveDown().fontSize(11).text('1. Kila hitilafu inaripotiwa Kitengo cha TEHAMA na kuandikwa katika Daftari la Kumbukumbu za Matengenezo.');
  doc.text('2. Vifaa vinavyohitaji utaalamu maalumu vinapelekwa kwa mtoa huduma aliyeidhinishwa, chini ya usimamizi wa Afisa TEHAMA.');
  doc.text('3. Kitunza kumbukumbu kinaondolewa kabla kifaa hakijatoka nje ya taasisi kwa matengenezo.');
  doc.text('4. Matengenezo kinga: kompyuta kila miezi 6; UPS kila miezi 3; seva kila miezi 3.');
  doc.end();
  await ended;
  return Buffer.concat(chunks).toString('base64');
}

export interface RegisterDemoOptions {
  devices: number;
  random: () => number;
  peopleIds: string[];
  locationIds: string[];
  departmentIds: string[];
  /** Signs in as the Head of Institution (procedure approval is theirs alone, 3.6.1). */
  head: Call;
  say: (line: string) => void;
}

export interface RegisterDemoSummary {
  devices: number;
  entries: number;
  offsite_repairs: number;
  procedures: number;
}

// Repairs are dated within a fixed past window, so a seed always yields the same book.
const BOOK_START = '2024-07-01';
const BOOK_DAYS = 840;

export async function registerDemo(call: Call, options: RegisterDemoOptions): Promise<RegisterDemoSummary> {
  const { random, say } = options;
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;

  say('procedure, providers, plans');
  await options.head('procedures.approve', {
    title: 'Utaratibu wa Ndani wa Matengenezo ya Vifaa vya TEHAMA',
    version: '1.0',
    approved_by: 'Eng. Mwajuma Waziri, Katibu Mkuu',
    approval_date: '2024-06-14',
    effective_date: '2024-07-01',
    document: { name: 'utaratibu-matengenezo-1.0.pdf', mime: 'application/pdf', base64: await procedureDocument('1.0') },
  });
  await options.head('procedures.approve', {
    title: 'Utaratibu wa Ndani wa Matengenezo ya Vifaa vya TEHAMA',
    version: '2.0',
    approved_by: 'Eng. Mwajuma Waziri, Katibu Mkuu',
    approval_date: '2025-12-19',
    effective_date: '2026-01-01',
    document: { name: 'utaratibu-matengenezo-2.0.pdf', mime: 'application/pdf', base64: await procedureDocument('2.0') },
  });
  const providers = [];
  for (const provider of PROVIDERS) providers.push(await call('providers.register', provider));
  const plans = new Map<string, string>();
  plans.set('desktop', (await call('plans.create', { category: 'desktop', task: 'Usafishaji wa ndani na ukaguzi wa feni', interval_months: 6 }))?.id as string);
  plans.set('laptop', (await call('plans.create', { category: 'laptop', task: 'Usafishaji na ukaguzi wa betri', interval_months: 6 }))?.id as string);
  plans.set('ups', (await call('plans.create', { category: 'ups', task: 'Kupima betri za UPS', interval_months: 3 }))?.id as string);
  plans.set('server', (await call('plans.create', { category: 'server', task: 'Ukaguzi wa seva, diski na kumbukumbu za mfumo', interval_months: 3 }))?.id as string);

  say(`devices (${options.devices})`);
  const devices: { id: string; category: string; media: string[]; purchased: string }[] = [];
  for (let i = 0; i < options.devices; i += 1) {
    const model = pick(MODELS);
    const purchased = addDays('2019-01-01', Math.floor(random() * 2300));
    const issued = random() < 0.8;
    const serialPrefix = model.make.slice(0, 2).toUpperCase();
    const asset = await call('assets.register', {
      category: model.category,
      make: model.make,
      model: model.model,
      serial: `${serialPrefix}${purchased.slice(2, 4)}${String(100000 + i)}${Math.floor(random() * 10)}`,
      purchase_date: purchased,
      supplier: pick(['Dodoma Computer Services Ltd', 'Tanzania Office Solutions', 'GPSA — Wakala wa Huduma ya Ununuzi Serikalini']),
      cost_tzs: model.cost,
      funding_source: pick(['Bajeti ya Maendeleo', 'Matumizi ya Kawaida (OC)', 'Mradi wa Maji Vijijini (RUWASA)']),
      warranty_end: addDays(purchased, 365 * (random() < 0.5 ? 1 : 3)),
      location_id: pick(options.locationIds),
      department_id: pick(options.departmentIds),
      custodian_id: issued && model.category !== 'server' && model.category !== 'network' ? pick(options.peopleIds) : null,
      classification: model.category === 'server' ? 'secret' : random() < 0.05 ? 'top_secret' : pick(['internal', 'internal', 'confidential', 'public']),
      media: model.media.map((m, n) => ({ ...m, serial: `${m.kind.toUpperCase()}${String(i).padStart(5, '0')}${n}` })),
    });
    devices.push({ id: asset.id, category: model.category, media: asset.media.map((m) => m.id), purchased });
    if ((i + 1) % 1000 === 0) say(`  ${i + 1}`);
  }

  say('log book');
  let entries = 0;
  let offsite = 0;
  const withBook = devices.filter(() => random() < 0.35);
  for (const [n, device] of withBook.entries()) {
    // One to four entries a device, in date order; only a device's last may still be open.
    const count = 1 + Math.floor(random() * 4);
    // Issue 7: no fault is reported before the device was bought.
    const start = device.purchased > BOOK_START ? device.purchased : BOOK_START;
    const span = Math.max(1, BOOK_DAYS - daysBetween(BOOK_START, start));
    const dates = Array.from({ length: count }, () => addDays(start, Math.floor(random() * span))).sort();
    for (const [j, reported] of dates.entries()) {
      const last = j === count - 1;
      const stillOpen = last && n % 11 === 5;
      const plan = plans.get(device.category);
      if (plan && !last && random() < 0.5) {
        const entry = await call('maintenance.report', {
          asset_id: device.id,
          kind: 'preventive',
          plan_id: plan,
          reported_on: reported,
          reported_by: 'Kitengo cha TEHAMA',
          symptoms: 'Matengenezo kinga kwa mujibu wa mpango.',
        });
        entries += 1;
        await call('maintenance.assign', { entry_id: entry.id, technician: { type: 'internal', name: pick(['Juma Ally', 'Neema Kweka']) } });
        await call('maintenance.record-work', { entry_id: entry.id, actions: 'Usafishaji wa ndani, ukaguzi wa feni na nyaya; kifaa kimepimwa.', hours: 1 });
        await call('maintenance.close', { entry_id: entry.id, closed_on: reported, outcome: 'repaired' });
        continue;
      }
      // A report made twice by mistake is closed as cancelled, with the reason (issue 7).
      if (!last && random() < 0.04) {
        const duplicate = await call('maintenance.report', { asset_id: device.id, reported_on: reported, reported_by: 'Mtumiaji wa kifaa', symptoms: 'Kifaa hakifanyi kazi.' });
        entries += 1;
        await call('maintenance.close', {
          entry_id: duplicate.id,
          closed_on: reported,
          outcome: 'cancelled',
          reason: 'Hitilafu hii iliripotiwa mara mbili; kazi imefanyika chini ya ingizo lingine.',
        });
        continue;
      }
      // A device written off is written off once, at the end of its book.
      const choices = last ? FAULTS : FAULTS.filter((f) => !f.symptoms.startsWith('Ubao mama'));
      const fault = pick(choices);
      const entry = await call('maintenance.report', {
        asset_id: device.id,
        reported_on: reported,
        reported_by: 'Mtumiaji wa kifaa',
        symptoms: fault.symptoms,
        warranty: random() < 0.15,
      });
      entries += 1;
      await call('maintenance.diagnose', { entry_id: entry.id, diagnosis: fault.diagnosis });
      const goesOut = Boolean(fault.offsite) && device.media.length > 0;
      if (goesOut) {
        const provider = pick(providers);
        await call('maintenance.assign', {
          entry_id: entry.id,
          technician: { type: 'external', provider_id: provider?.id as string, job_ref: `JC-${reported.slice(0, 4)}-${100 + n}`, supervisor_name: 'Juma Ally' },
        });
        // 3.6.3: every medium out before the device leaves.
        for (const medium of device.media) {
          await call('drives.remove', {
            medium_id: medium,
            removed_by: 'Juma Ally',
            witnessed_by: 'Neema Kweka',
            kept_at: 'Kabati la chuma lenye kufuli, Ofisi ya TEHAMA',
            removed_on: reported,
            entry_id: entry.id,
          });
        }
        await call('maintenance.send-offsite', { entry_id: entry.id, sent_on: addDays(reported, 1) });
        offsite += 1;
        if (stillOpen) break;
        await call('maintenance.return', { entry_id: entry.id, returned_on: addDays(reported, 6) });
        for (const medium of device.media) {
          await call('drives.reinstall', { medium_id: medium, reinstalled_by: 'Juma Ally', reinstalled_on: addDays(reported, 6), entry_id: entry.id });
        }
      } else {
        await call('maintenance.assign', { entry_id: entry.id, technician: { type: 'internal', name: pick(['Juma Ally', 'Neema Kweka', 'Hamisi Said']) } });
        if (stillOpen) break;
      }
      const parts = fault.part ? [{ name: fault.part[0], quantity: 1, unit_cost_tzs: fault.part[1] }] : [];
      // Some job cards give no hours: the book leaves them blank, never 0 (issue 7).
      const hours = random() < 0.15 ? null : 1 + Math.floor(random() * 6);
      await call('maintenance.record-work', { entry_id: entry.id, actions: fault.actions, parts, labour_cost_tzs: goesOut ? 60_000 : 0, hours });
      const outcome = fault.symptoms.startsWith('Ubao mama') ? 'beyond_repair' : fault.diagnosis.startsWith('Hakuna hitilafu') ? 'no_fault' : fault.part ? 'part_replaced' : 'repaired';
      const closedOn = goesOut ? addDays(reported, 7) : addDays(reported, 1 + Math.floor(random() * 3));
      // The next fault cannot be reported before this one closed.
      if (!last && (dates[j + 1] as string) < closedOn) dates[j + 1] = closedOn;
      // Issue 7: "no fault found" says why; the other outcomes rest on the work recorded above.
      await call('maintenance.close', { entry_id: entry.id, closed_on: closedOn, outcome, reason: outcome === 'no_fault' ? fault.diagnosis : '' });
    }
  }
  return { devices: devices.length, entries, offsite_repairs: offsite, procedures: 2 };
}
