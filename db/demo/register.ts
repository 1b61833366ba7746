// The demo's equipment register: the approved procedure in two versions, the providers, the preventive
// plans, and the devices with their storage media, spread over the head office and the regional offices.
import PDFDocument from 'pdfkit';
import type { Call } from './batch.ts';
import type { MediumInput } from '../assets/contract.ts';
import { addDays, daysBetween } from '../contract/days.ts';
import { PREVENTIVE } from './faults.ts';
import type { Progress } from './progress.ts';

interface Model {
  category: string;
  make: string;
  model: string;
  cost: number;
  media: MediumInput[];
}

/** How common each kind of device is in a ministry's register, per hundred. */
const CATEGORY_SHARE: [string, number][] = [
  ['desktop', 30],
  ['laptop', 28],
  ['printer', 10],
  ['ups', 9],
  ['phone', 5],
  ['tablet', 4],
  ['network', 4],
  ['scanner', 3],
  ['projector', 3],
  ['external_drive', 3],
  ['server', 1],
];

const MODELS: Model[] = [
  { category: 'desktop', make: 'HP', model: 'ProDesk 400 G7', cost: 1_850_000, media: [{ kind: 'ssd', capacity_gb: 256 }, { kind: 'hdd', capacity_gb: 1000 }] },
  { category: 'desktop', make: 'Dell', model: 'OptiPlex 7090', cost: 2_100_000, media: [{ kind: 'ssd', capacity_gb: 512 }] },
  { category: 'desktop', make: 'Lenovo', model: 'ThinkCentre M70t', cost: 1_950_000, media: [{ kind: 'ssd', capacity_gb: 256 }, { kind: 'hdd', capacity_gb: 1000 }] },
  { category: 'desktop', make: 'HP', model: 'EliteDesk 800 G6', cost: 2_250_000, media: [{ kind: 'ssd', capacity_gb: 512 }] },
  { category: 'laptop', make: 'HP', model: 'ProBook 450 G9', cost: 2_450_000, media: [{ kind: 'ssd', capacity_gb: 512 }] },
  { category: 'laptop', make: 'Lenovo', model: 'ThinkPad E14 Gen 4', cost: 2_300_000, media: [{ kind: 'ssd', capacity_gb: 256 }] },
  { category: 'laptop', make: 'Dell', model: 'Latitude 5420', cost: 2_600_000, media: [{ kind: 'ssd', capacity_gb: 512 }] },
  { category: 'laptop', make: 'HP', model: 'EliteBook 840 G8', cost: 3_100_000, media: [{ kind: 'ssd', capacity_gb: 512 }] },
  { category: 'server', make: 'Dell', model: 'PowerEdge R740', cost: 28_500_000, media: [{ kind: 'hdd', capacity_gb: 2000 }, { kind: 'hdd', capacity_gb: 2000 }, { kind: 'ssd', capacity_gb: 480 }] },
  { category: 'server', make: 'HP', model: 'ProLiant DL380 Gen10', cost: 26_000_000, media: [{ kind: 'ssd', capacity_gb: 960 }, { kind: 'ssd', capacity_gb: 960 }] },
  { category: 'printer', make: 'HP', model: 'LaserJet Pro M404dn', cost: 950_000, media: [] },
  { category: 'printer', make: 'Canon', model: 'imageRUNNER 2425', cost: 6_800_000, media: [{ kind: 'hdd', capacity_gb: 250 }] },
  { category: 'printer', make: 'HP', model: 'LaserJet Enterprise M507', cost: 1_900_000, media: [] },
  { category: 'printer', make: 'Epson', model: 'EcoTank L3150', cost: 650_000, media: [] },
  { category: 'scanner', make: 'Fujitsu', model: 'fi-7160', cost: 2_900_000, media: [] },
  { category: 'scanner', make: 'Canon', model: 'DR-C225 II', cost: 1_600_000, media: [] },
  { category: 'network', make: 'Cisco', model: 'Catalyst 2960-X 24', cost: 3_400_000, media: [] },
  { category: 'network', make: 'TP-Link', model: 'TL-SG1024', cost: 380_000, media: [] },
  { category: 'ups', make: 'APC', model: 'Back-UPS Pro 1500VA', cost: 780_000, media: [] },
  { category: 'ups', make: 'Mercury', model: 'Elite 1200 Pro', cost: 450_000, media: [] },
  { category: 'ups', make: 'APC', model: 'Smart-UPS 3000VA', cost: 4_200_000, media: [] },
  { category: 'projector', make: 'Epson', model: 'EB-X51', cost: 1_350_000, media: [] },
  { category: 'projector', make: 'BenQ', model: 'MX560', cost: 1_200_000, media: [] },
  { category: 'tablet', make: 'Samsung', model: 'Galaxy Tab A8', cost: 720_000, media: [{ kind: 'emmc', capacity_gb: 64 }] },
  { category: 'phone', make: 'Samsung', model: 'Galaxy A34', cost: 850_000, media: [{ kind: 'emmc', capacity_gb: 128 }, { kind: 'memory_card', capacity_gb: 64 }] },
  { category: 'phone', make: 'Tecno', model: 'Camon 20', cost: 520_000, media: [{ kind: 'emmc', capacity_gb: 256 }] },
  { category: 'external_drive', make: 'Seagate', model: 'Expansion 2TB', cost: 260_000, media: [{ kind: 'hdd', capacity_gb: 2000 }] },
  { category: 'external_drive', make: 'WD', model: 'Elements 1TB', cost: 190_000, media: [{ kind: 'hdd', capacity_gb: 1000 }] },
];

/** Devices a person is issued for their own work; the others serve an office and are held for it. */
const PERSONAL = new Set(['desktop', 'laptop', 'phone', 'tablet', 'external_drive']);
/** Devices the office's ICT officer answers for. */
const OFFICE_KEPT = new Set(['server', 'network', 'ups']);

/** The providers the log book sends work to (3.6.2), each serving the regions it names ('all': the whole country). */
export interface DemoProvider {
  id: string;
  name: string;
  code: string;
  regions: readonly string[] | 'all';
}

const PROVIDERS = [
  { code: 'DCS', regions: ['Dodoma', 'Singida', 'Manyara'], name: 'Dodoma Computer Services Ltd', registration_number: 'BRELA 145872', contact_name: 'Baraka Mollel', phone: '+255 754 210 330', email: 'huduma@dodomacomputers.co.tz', address: 'Mtaa wa Jamhuri, S.L.P. 1123, Dodoma' },
  { code: 'TOS', regions: 'all', name: 'Tanzania Office Solutions', registration_number: 'BRELA 098114', contact_name: 'Rehema Lyimo', phone: '+255 713 440 118', email: 'service@tos.co.tz', address: 'Barabara ya Nyerere, Dar es Salaam' },
  { code: 'MTS', regions: ['Mwanza', 'Geita', 'Simiyu', 'Mara', 'Kagera', 'Shinyanga'], name: 'Mwanza Tech Solutions Ltd', registration_number: 'BRELA 167330', contact_name: 'Emmanuel Magesa', phone: '+255 768 301 552', email: 'info@mwanzatech.co.tz', address: 'Barabara ya Kenyatta, S.L.P. 2210, Mwanza' },
  { code: 'ACW', regions: ['Arusha', 'Kilimanjaro', 'Manyara'], name: 'Arusha Computer World', registration_number: 'BRELA 121905', contact_name: 'Upendo Urassa', phone: '+255 787 114 903', email: 'service@acw.co.tz', address: 'Mtaa wa Sokoine, Arusha' },
  { code: 'SHI', regions: ['Mbeya', 'Iringa', 'Njombe', 'Songwe', 'Rukwa', 'Ruvuma'], name: 'Southern Highlands ICT Services', registration_number: 'BRELA 178442', contact_name: 'Frank Mwakyusa', phone: '+255 755 882 017', email: 'huduma@shict.co.tz', address: 'Mtaa wa Karume, S.L.P. 815, Mbeya' },
  { code: 'CTL', regions: ['Dar es Salaam', 'Pwani', 'Morogoro', 'Tanga', 'Lindi', 'Mtwara'], name: 'Coast Technologies Ltd', registration_number: 'BRELA 133067', contact_name: 'Saida Chande', phone: '+255 716 550 240', email: 'support@coasttech.co.tz', address: 'Barabara ya Morogoro, Dar es Salaam' },
  { code: 'WZC', regions: ['Kigoma', 'Tabora', 'Katavi'], name: 'Western Zone Computers', registration_number: 'BRELA 189251', contact_name: 'Idrisa Kapinga', phone: '+255 762 409 338', email: 'wzc@wzcomputers.co.tz', address: 'Mtaa wa Lumumba, Kigoma' },
] as const;

export interface DemoLocation {
  id: string;
  region: string;
  /** The head office's server room takes its servers and switches. */
  serverRoom: boolean;
  headOffice: boolean;
}

export interface DemoDevice {
  id: string;
  category: string;
  media: { id: string; kind: string }[];
  purchased: string;
  warranty_end: string;
  region: string;
  supplier: string;
  /** Who holds it, by name, for the fault reports they make; null for an office's shared device. */
  holder: string | null;
}

export interface DemoPlan {
  id: string;
  interval_months: number;
}

/** The signed procedure as a PDF, dated the day it was approved (never today: the same seed gives the same bytes). */
async function procedureDocument(version: string, approvalDate: string): Promise<string> {
  const doc = new PDFDocument({
    size: 'A4',
    info: { Title: `Utaratibu wa Ndani wa Matengenezo ya Vifaa vya TEHAMA ${version}`, CreationDate: new Date(`${approvalDate}T06:00:00Z`) },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const ended = new Promise((done) => doc.on('end', done));
  doc.fontSize(16).text('WIZARA YA MAJI', { align: 'center' });
  doc.moveDown().fontSize(14).text(`Utaratibu wa Ndani wa Matengenezo ya Vifaa vya TEHAMA — Toleo ${version}`, { align: 'center' });
  doc.moveDown().fontSize(11).text('1. Kila hitilafu inaripotiwa Kitengo cha TEHAMA na kuandikwa katika Daftari la Kumbukumbu za Matengenezo.');
  doc.text('2. Vifaa vinavyohitaji utaalamu maalumu vinapelekwa kwa mtoa huduma aliyeidhinishwa, chini ya usimamizi wa Afisa TEHAMA.');
  doc.text('3. Kitunza kumbukumbu kinaondolewa kabla kifaa hakijatoka nje ya taasisi kwa matengenezo.');
  doc.text('4. Matengenezo kinga: kompyuta na printa kila miezi 6; UPS na seva kila miezi 3; mtandao kila mwaka.');
  doc.end();
  await ended;
  return Buffer.concat(chunks).toString('base64');
}

export interface ProceduresDemo {
  providers: DemoProvider[];
  plans: Map<string, DemoPlan>;
}

/**
 * 3.6.1: the first version in force from the day the book begins, the second approved part way
 * through; 3.6.2: the providers; the preventive plans, one per kind of device that has them.
 */
export async function proceduresDemo(call: Call, head: Call, book: { start: string; end: string }, progress: Progress): Promise<ProceduresDemo> {
  const total = 2 + PROVIDERS.length + Object.keys(PREVENTIVE).length;
  progress.start('procedures', total);
  const secondEffective = addDays(book.start, Math.floor(daysBetween(book.start, book.end) * 0.6));
  const versions = [
    { version: '1.0', approval_date: addDays(book.start, -17), effective_date: book.start },
    { version: '2.0', approval_date: addDays(secondEffective, -12), effective_date: secondEffective },
  ];
  for (const { version, approval_date, effective_date } of versions) {
    await head('procedures.approve', {
      title: 'Utaratibu wa Ndani wa Matengenezo ya Vifaa vya TEHAMA',
      version,
      approved_by: 'Eng. Mwajuma Waziri, Katibu Mkuu',
      approval_date,
      effective_date,
      document: { name: `utaratibu-matengenezo-${version}.pdf`, mime: 'application/pdf', base64: await procedureDocument(version, approval_date) },
    });
  }
  const providers: DemoProvider[] = [];
  for (const { code, regions, ...provider } of PROVIDERS) {
    const registered = await call('providers.register', provider);
    providers.push({ id: registered.id, name: registered.name, code, regions });
  }
  const plans = new Map<string, DemoPlan>();
  for (const [category, { task, interval_months }] of Object.entries(PREVENTIVE)) {
    const plan = await call('plans.create', { category, task, interval_months });
    plans.set(category, { id: plan.id, interval_months });
  }
  progress.finish();
  return { providers, plans };
}

export interface DevicesDemoOptions {
  devices: number;
  random: () => number;
  /** The day the records are entered: every device was bought before it. */
  today: string;
  /** How many years back the oldest purchase lies. */
  years: number;
  people: { id: string; name: string }[];
  /** Each region's ICT officers, who hold the devices that serve a whole office. */
  officers: Map<string, { id: string; name: string }[]>;
  locations: DemoLocation[];
  departmentIds: string[];
  providers: DemoProvider[];
  progress: Progress;
}

function weighted<T>(random: () => number, entries: readonly (readonly [T, number])[]): T {
  let roll = random() * entries.reduce((sum, [, weight]) => sum + weight, 0);
  for (const [value, weight] of entries) {
    roll -= weight;
    if (roll < 0) return value;
  }
  return (entries[entries.length - 1] as readonly [T, number])[0];
}

export async function devicesDemo(call: Call, options: DevicesDemoOptions): Promise<DemoDevice[]> {
  const { random, progress } = options;
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
  const headOffice = options.locations.filter((l) => l.headOffice && !l.serverRoom);
  const serverRoom = options.locations.find((l) => l.serverRoom);
  const offices = options.locations.filter((l) => !l.headOffice);
  // Purchases reach back past the log book: a ministry's register holds devices older than its book.
  const firstPurchase = addDays(options.today, -Math.round(365.25 * (options.years + 4)));
  const purchaseDays = daysBetween(firstPurchase, addDays(options.today, -20));
  progress.start('devices', options.devices);
  const devices: DemoDevice[] = [];
  for (let i = 0; i < options.devices; i += 1) {
    // Every kind appears at least once, however small the demo; then each as common as in a ministry.
    const category = i < CATEGORY_SHARE.length ? (CATEGORY_SHARE[i] as [string, number])[0] : weighted(random, CATEGORY_SHARE);
    const model = pick(MODELS.filter((m) => m.category === category));
    const purchased = addDays(firstPurchase, Math.floor(random() * purchaseDays));
    const atHeadOffice = offices.length === 0 || random() < 0.35;
    const location = (category === 'server' || category === 'network') && atHeadOffice && serverRoom ? serverRoom : atHeadOffice ? pick(headOffice) : pick(offices);
    const local = options.providers.filter((p) => p.regions === 'all' || p.regions.includes(location.region));
    const supplier = random() < 0.3 ? 'GPSA — Wakala wa Huduma ya Ununuzi Serikalini' : pick(local).name;
    // Every device in service has someone who answers for it; the rest wait in the store to be issued.
    const officers = options.officers.get(location.region) ?? [];
    const issued = random() < (PERSONAL.has(category) ? 0.9 : 0.95);
    const holder = !issued ? null : OFFICE_KEPT.has(category) && officers.length > 0 ? pick(officers) : pick(options.people);
    const serialPrefix = model.make.slice(0, 2).toUpperCase();
    const asset = await call('assets.register', {
      category: model.category,
      make: model.make,
      model: model.model,
      serial: `${serialPrefix}${purchased.slice(2, 4)}${String(100000 + i)}${Math.floor(random() * 10)}`,
      purchase_date: purchased,
      supplier,
      cost_tzs: model.cost,
      funding_source: pick(['Bajeti ya Maendeleo', 'Matumizi ya Kawaida (OC)', 'Mradi wa Maji Vijijini (RUWASA)']),
      warranty_end: addDays(purchased, 365 * (random() < 0.5 ? 1 : 3)),
      location_id: location.id,
      department_id: pick(options.departmentIds),
      custodian_id: holder?.id ?? null,
      classification: model.category === 'server' ? 'secret' : random() < 0.05 ? 'top_secret' : pick(['internal', 'internal', 'confidential', 'public']),
      media: model.media.map((m, n) => ({ ...m, serial: `${m.kind.toUpperCase()}${String(i).padStart(6, '0')}${n}` })),
    });
    devices.push({
      id: asset.id,
      category: model.category,
      media: asset.media.map((m) => ({ id: m.id, kind: m.kind })),
      purchased,
      warranty_end: asset.warranty_end,
      region: location.region,
      supplier,
      holder: holder?.name ?? null,
    });
    progress.tick(i + 1);
  }
  progress.finish();
  return devices;
}
