// The demo's custody records, through the routes an ICT officer and the Accounting Officer use:
// handovers under the special permit (3.6.6, 3.6.14), off-premises permits (3.6.11), personal devices
// for office work (3.6.5) and the removable media register (3.6.7–3.6.10), in every state a working
// office has them. The ICT officer prepares, the head decides: never the same person.
import type { Call } from './batch.ts';
import { addDays, addMonths } from '../contract/days.ts';
import type { HandoverState } from '../handovers/contract.ts';
import type { MovementState } from '../movements/contract.ts';
import { isStorageMedium } from '../assets/contract.ts';
import { FIRST_NAMES, OTHER_INSTITUTIONS, SURNAMES } from './names.ts';
import type { Progress } from './progress.ts';

/** A device of the register as the custody part finds it after the log book. */
export interface CustodyDevice {
  id: string;
  category: string;
  status: string;
  custodian_id: string | null;
  classification: string;
}

interface Person {
  id: string;
  name: string;
}

export interface CustodyDemoOptions {
  handovers: number;
  off_premises: number;
  personal_devices: number;
  flash_disks: number;
  random: () => number;
  /** The day the records are entered: typed dates lie on or before it. */
  today: string;
  devices: CustodyDevice[];
  /** Staff who may receive a device or ask to take one out. */
  people: Person[];
  /** The head office's ICT officers, who sign for the store and witness. */
  officers: Person[];
  /** Where media are kept (3.6.10): the head office's store first, then the offices' own. */
  stores: string[];
  progress: Progress;
}

/** The lists of personal devices the demo fills; `expiring` is approved with an expiry within 30 days. */
export type PersonalDeviceOutcome = 'pending' | 'approved' | 'expiring' | 'rejected' | 'revoked';
/** How the demo's flash disks stand: issued now, lost, back but not wiped yet, or wiped in the store. */
export type FlashDiskOutcome = 'issued' | 'lost' | 'wipe_due' | 'stored';

export interface CustodyDemoSummary {
  handovers: number;
  handover_states: Record<HandoverState, number>;
  /** Handovers of more than one device. */
  multi_device_handovers: number;
  /** Devices given to another institution (never a storage medium, 3.6.14). */
  transferred_devices: number;
  off_premises: number;
  off_premises_states: Record<MovementState, number>;
  /** Checked out and not back by their due date. */
  overdue: number;
  personal_devices: Record<PersonalDeviceOutcome, number>;
  flash_disks: Record<FlashDiskOutcome, number>;
  media_issues: number;
  media_wipes: number;
}

type HandoverOutcome = 'received' | 'rejected' | 'cancelled' | 'pending' | 'approved';
type HandoverRoute = 'issue' | 'transfer' | 'return' | 'institution';
type MovementOutcome = 'requested' | 'approved' | 'rejected' | 'checked_out' | 'overdue' | 'returned' | 'revoked' | 'secret';

/** Devices of one kind, each drawn at random and taken out in O(1): tens of thousands at large scale. */
class Pool {
  readonly #items: string[] = [];
  readonly #at = new Map<string, number>();

  get size(): number {
    return this.#items.length;
  }

  add(id: string): void {
    if (this.#at.has(id)) return;
    this.#at.set(id, this.#items.length);
    this.#items.push(id);
  }

  remove(id: string): void {
    const at = this.#at.get(id);
    if (at === undefined) return;
    const last = this.#items.pop() as string;
    if (last !== id) {
      this.#items[at] = last;
      this.#at.set(last, at);
    }
    this.#at.delete(id);
  }

  /** A member drawn at random that `fits`, within a few tries; undefined when none was found. */
  draw(random: () => number, fits: (id: string) => boolean = () => true, tries = 40): string | undefined {
    for (let i = 0; i < tries && this.#items.length > 0; i += 1) {
      const id = this.#items[Math.floor(random() * this.#items.length)] as string;
      if (fits(id)) return id;
    }
    return undefined;
  }

  /** The first member in order that fits: for the one record a demo must have, however small. */
  find(fits: (id: string) => boolean): string | undefined {
    return this.#items.find(fits);
  }
}

/** What goes with a device when it changes hands. */
const ACCESSORIES: Readonly<Record<string, readonly string[]>> = {
  laptop: ['Chaja na begi', 'Chaja', 'Chaja, begi na kipanya'],
  desktop: ['Kibodi, kipanya na waya wa umeme', 'Kibodi, kipanya, skrini na waya', 'Kibodi na kipanya'],
  phone: ['Chaja na kasha', 'Chaja'],
  tablet: ['Chaja na kasha', 'Chaja'],
  printer: ['Waya wa umeme na wa USB', 'Waya wa umeme'],
  scanner: ['Waya wa USB na adapta ya umeme'],
  projector: ['Rimoti, waya wa HDMI na begi', 'Rimoti na waya wa umeme'],
  external_drive: ['Waya wa USB na kasha'],
  ups: [''],
  network: ['Waya wa umeme'],
  server: ['Reli za kabati na waya mbili za umeme'],
};

const REASONS: Readonly<Record<HandoverRoute, readonly string[]>> = {
  issue: [
    'Mtumishi mpya wa idara amepangiwa kifaa cha kazi kutoka stoo.',
    'Kifaa cha awali kimeharibika; anapewa kingine kutoka stoo wakati kinatengenezwa.',
    'Kifaa cha kazi za ukusanyaji wa takwimu za maji vijijini.',
    'Mgawanyo wa vifaa kwa watumishi kwa mujibu wa mpango wa mwaka wa fedha.',
  ],
  transfer: [
    'Mtumishi amehamishwa idara; kifaa kinakabidhiwa kwa anayeshika nafasi yake.',
    'Makabidhiano ya kazi kabla ya likizo ya muda mrefu.',
    'Mgawanyo mpya wa vifaa ndani ya idara.',
    'Mtumishi amepandishwa cheo na kupewa kifaa kingine; hiki kinakabidhiwa kwa mwenzake.',
  ],
  return: [
    'Mtumishi amestaafu; anarejesha vifaa vyote stoo.',
    'Mtumishi amehamia taasisi nyingine; anarejesha vifaa vya ofisi.',
    'Kifaa kimepitwa na wakati; kinarejeshwa stoo kusubiri uamuzi.',
    'Mradi umekwisha; vifaa vyake vinarejeshwa stoo.',
  ],
  institution: [
    'Uhamisho wa kifaa kwa taasisi nyingine kwa mujibu wa barua ya Katibu Mkuu.',
    'Msaada wa vifaa kwa taasisi ya Serikali iliyoomba kwa barua rasmi.',
  ],
};
const REJECTION_REASONS = [
  'Barua ya uhamisho wa mtumishi haijaambatishwa; iletwe kwanza.',
  'Mpokeaji bado hajathibitishwa na Idara ya Utawala.',
  'Kifaa hiki kinahitajika idarani; mgawanyo upitiwe upya.',
];
const CANCEL_REASONS = ['Mpokeaji amehamishwa kabla ya kupokea kifaa.', 'Fomu iliandaliwa mara mbili kimakosa.', 'Mtumishi ameamua kubaki na kifaa chake cha awali.'];

const PURPOSES: readonly (readonly [string, string, string])[] = [
  ['Kikao cha kazi cha bajeti ya sekta ya maji', 'Ukumbi wa Hazina, Dodoma', 'Rasimu ya bajeti na takwimu za miradi'],
  ['Ukaguzi wa miradi ya maji vijijini', 'Wilaya ya Kongwa, Dodoma', 'Ramani na takwimu za visima'],
  ['Mafunzo ya mfumo wa GoT-HOMIS na e-Office', 'Chuo cha Utumishi wa Umma, Dar es Salaam', 'Nyaraka za mafunzo na barua pepe za ofisi'],
  ['Kufanya kazi nyumbani kumaliza taarifa ya robo mwaka', 'Makazi ya mtumishi, Dodoma', 'Taarifa ya utekelezaji ya robo mwaka'],
  ['Mkutano wa wadau wa bonde la maji', 'Ukumbi wa AICC, Arusha', 'Mawasilisho na orodha za wadau'],
  ['Uwasilishaji wa taarifa kwa Kamati ya Bunge', 'Ofisi za Bunge, Dodoma', 'Taarifa za Kamati na takwimu za fedha'],
];
const SECRET_PURPOSE = [
  'Uhakiki wa nakala rudufu ya mifumo ya Wizara katika kituo cha data',
  'Kituo cha Taifa cha Data, Dar es Salaam',
  'Nakala rudufu ya mifumo ya fedha na kumbukumbu za watumishi',
] as const;
const MOVEMENT_REJECTIONS = ['Kazi hii inaweza kufanyika ofisini; kifaa kibaki.', 'Tarehe ya kurudi haijaelezwa vizuri; omba upya.'];
const REVOKE_REASONS = ['Safari imeahirishwa na Katibu Mkuu.', 'Kikao kimefutwa; kibali hakihitajiki tena.'];

const PERSONAL_MODELS: readonly (readonly ['laptop' | 'phone' | 'tablet', string, string])[] = [
  ['laptop', 'HP', 'Pavilion 15'],
  ['laptop', 'Dell', 'Inspiron 14'],
  ['laptop', 'Lenovo', 'IdeaPad 3'],
  ['laptop', 'Apple', 'MacBook Air M1'],
  ['phone', 'Samsung', 'Galaxy S21'],
  ['phone', 'Apple', 'iPhone 12'],
  ['phone', 'Tecno', 'Spark 10'],
  ['tablet', 'Samsung', 'Galaxy Tab S6 Lite'],
  ['tablet', 'Apple', 'iPad (kizazi cha 9)'],
];
const PERSONAL_USES: readonly (readonly [string, string])[] = [
  ['Kusoma na kujibu barua pepe za ofisi akiwa safarini', 'Barua pepe ya Serikali (GovMail) pekee'],
  ['Kuandaa taarifa za idara nje ya saa za kazi', 'e-Office na nyaraka za idara zisizo za siri'],
  ['Kuhudhuria vikao kwa njia ya mtandao', 'Mfumo wa mikutano ya mtandao na kalenda ya ofisi'],
  ['Ufuatiliaji wa miradi ya maji akiwa kazini uwandani', 'Mfumo wa ufuatiliaji wa miradi (MAJIIS) kwa kusoma tu'],
];
const PERSONAL_REJECTIONS = ['Kifaa hakina mfumo wa uendeshaji unaopata masasisho ya usalama.', 'Kazi hii ifanyike kwa kifaa cha ofisi alichopewa.'];
const PERSONAL_REVOKES = ['Mtumishi amehamia taasisi nyingine.', 'Kifaa kimeripotiwa kuibiwa; ruhusa inasitishwa.'];

const FLASH_MODELS: readonly (readonly [string, string, number])[] = [
  ['Kingston', 'DataTraveler Exodia 32GB', 18_000],
  ['SanDisk', 'Ultra Flair 64GB', 28_000],
  ['HP', 'x796w 32GB', 22_000],
  ['Transcend', 'JetFlash 790 64GB', 26_000],
];
const MEDIA_PURPOSES = [
  'Kuhamisha taarifa za robo mwaka kwenda Ofisi ya Rais - TAMISEMI',
  'Kupeleka mawasilisho ya kikao cha menejimenti',
  'Kuhamisha ramani za miradi kutoka ofisi ya mkoa',
  'Kuhamisha kifurushi cha usawazishaji kati ya ofisi',
];
const LOSS_NOTES = [
  'Imepotea safarini kati ya Dodoma na Morogoro; mtumishi ametoa taarifa polisi.',
  'Haikuonekana baada ya kikao katika ukumbi wa mikutano; imetafutwa bila mafanikio.',
];

/** The outcomes every demo has at least once, in this order; the rest are drawn by weight. */
const HANDOVER_FIRST: readonly [HandoverRoute, HandoverOutcome, number][] = [
  ['issue', 'received', 2],
  ['transfer', 'received', 1],
  ['return', 'received', 1],
  ['institution', 'received', 1],
  ['issue', 'rejected', 1],
  ['transfer', 'cancelled', 1],
  ['issue', 'pending', 1],
  ['transfer', 'approved', 1],
  ['return', 'received', 2],
];
const HANDOVER_OUTCOMES: readonly (readonly [HandoverOutcome, number])[] = [
  ['received', 92],
  ['rejected', 4],
  ['cancelled', 4],
];
/**
 * The handovers still open are the latest ones, prepared in the last tenth: waiting for the permit or
 * for the receiver to sign (about 6% of all), the way an inbox holds the recent, not the old.
 */
const OPEN_TAIL = 0.1;
const RECENT_OUTCOMES: readonly (readonly [HandoverOutcome, number])[] = [
  ['received', 40],
  ['pending', 30],
  ['approved', 30],
];
const MOVEMENT_FIRST: readonly MovementOutcome[] = ['secret', 'requested', 'approved', 'rejected', 'checked_out', 'overdue', 'returned', 'revoked'];
const MOVEMENT_OUTCOMES: readonly (readonly [MovementOutcome, number])[] = [
  ['returned', 70],
  ['rejected', 5],
  ['revoked', 3],
  ['requested', 5],
  ['approved', 5],
  ['checked_out', 8],
  ['overdue', 4],
];
const PERSONAL_FIRST: readonly PersonalDeviceOutcome[] = ['approved', 'expiring', 'pending', 'rejected', 'revoked'];
const PERSONAL_OUTCOMES: readonly (readonly [PersonalDeviceOutcome, number])[] = [
  ['approved', 60],
  ['expiring', 12],
  ['pending', 12],
  ['rejected', 8],
  ['revoked', 8],
];
const FLASH_FIRST: readonly FlashDiskOutcome[] = ['issued', 'lost', 'wipe_due', 'stored'];
const FLASH_OUTCOMES: readonly (readonly [FlashDiskOutcome, number])[] = [
  ['stored', 70],
  ['issued', 20],
  ['wipe_due', 8],
  ['lost', 2],
];
/** Devices a servant takes out of the office for work. */
const PORTABLE = new Set(['laptop', 'tablet', 'phone', 'external_drive', 'projector']);

export async function custodyDemo(call: Call, head: Call, options: CustodyDemoOptions): Promise<CustodyDemoSummary> {
  const { random, today, progress } = options;
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
  const weighted = <T>(entries: readonly (readonly [T, number])[]): T => {
    let roll = random() * entries.reduce((sum, [, weight]) => sum + weight, 0);
    for (const [value, weight] of entries) {
      roll -= weight;
      if (roll < 0) return value;
    }
    return (entries[entries.length - 1] as readonly [T, number])[0];
  };
  const officer = () => pick(options.officers).name;

  const summary: CustodyDemoSummary = {
    handovers: 0,
    handover_states: { pending: 0, approved: 0, rejected: 0, received: 0, cancelled: 0 },
    multi_device_handovers: 0,
    transferred_devices: 0,
    off_premises: 0,
    off_premises_states: { requested: 0, approved: 0, rejected: 0, checked_out: 0, returned: 0, revoked: 0 },
    overdue: 0,
    personal_devices: { pending: 0, approved: 0, expiring: 0, rejected: 0, revoked: 0 },
    flash_disks: { issued: 0, lost: 0, wipe_due: 0, stored: 0 },
    media_issues: 0,
    media_wipes: 0,
  };
  const total = options.handovers + options.off_premises + options.personal_devices + options.flash_disks;
  let done = 0;
  const tick = () => {
    done += 1;
    progress.tick(done);
  };
  progress.start('custody', total);

  // Custody as it stands, kept here as the commands move it: who holds each device, and which are free
  // to go on a handover or a permit (in service or in the store, on no open handover or permit).
  const device = new Map(options.devices.map((d) => [d.id, d]));
  const holder = new Map<string, string | null>();
  const store = new Pool();
  const held = new Pool();
  const heldBy = new Map<string, Set<string>>();
  const free = (id: string) => {
    const custodian = holder.get(id) ?? null;
    if (custodian) {
      held.add(id);
      let own = heldBy.get(custodian);
      if (!own) heldBy.set(custodian, (own = new Set()));
      own.add(id);
    } else {
      store.add(id);
    }
  };
  const take = (id: string) => {
    store.remove(id);
    held.remove(id);
    const custodian = holder.get(id);
    if (custodian) heldBy.get(custodian)?.delete(id);
  };
  for (const d of options.devices) {
    holder.set(d.id, d.custodian_id);
    // Flash disks and external drives in the store are the media register's: issued there, not handed over.
    if ((d.status === 'in_service' || d.status === 'in_store') && !(d.status === 'in_store' && isStorageMedium(d.category))) free(d.id);
  }
  const active = new Set(options.people.map((p) => p.id));
  const receivers = options.people;

  // ---- Handovers (3.6.6) ----

  /** The devices of one handover, taken out of the pools, with the giver; undefined when the register has none to give. */
  const lines = (route: HandoverRoute, count: number): { from: string | null; ids: string[] } | undefined => {
    if (route === 'issue' || (route === 'institution' && store.size > 0)) {
      const first = store.draw(random, (id) => route !== 'institution' || !isStorageMedium(device.get(id)?.category ?? ''));
      if (!first) return undefined;
      const ids = [first];
      take(first);
      for (let i = 1; i < count; i += 1) {
        const next = store.draw(random, (id) => route !== 'institution' || !isStorageMedium(device.get(id)?.category ?? ''), 5);
        if (!next) break;
        ids.push(next);
        take(next);
      }
      return { from: null, ids };
    }
    const fits = (id: string) => route !== 'institution' || !isStorageMedium(device.get(id)?.category ?? '');
    const first = held.draw(random, fits);
    if (!first) return undefined;
    const from = holder.get(first) as string;
    const ids = [first];
    take(first);
    for (const other of [...(heldBy.get(from) ?? [])]) {
      if (ids.length >= count) break;
      if (!fits(other)) continue;
      ids.push(other);
      take(other);
    }
    return { from, ids };
  };

  for (let n = 0; n < options.handovers; n += 1) {
    const forced = HANDOVER_FIRST[n];
    let route: HandoverRoute = forced ? forced[0] : weighted<HandoverRoute>([['issue', 35], ['transfer', 35], ['return', 29.5], ['institution', 0.5]]);
    const recent = n >= options.handovers * (1 - OPEN_TAIL);
    const outcome = forced ? forced[1] : weighted(recent ? RECENT_OUTCOMES : HANDOVER_OUTCOMES);
    const count = forced ? forced[2] : random() < 0.15 ? 2 + Math.floor(random() * 3) : 1;
    // The store empties as devices are issued and fills as they come back: whichever way has devices.
    let chosen = lines(route, count);
    if (!chosen && route === 'issue') chosen = lines((route = 'transfer'), count);
    if (!chosen && route !== 'issue' && route !== 'institution') chosen = lines((route = 'issue'), count);
    if (!chosen) continue;
    const { from, ids } = chosen;
    let receiver: Person | undefined;
    let to: { type: 'person'; person_id: string } | { type: 'store' } | { type: 'institution'; institution_name: string; officer_name: string };
    if (route === 'return') {
      to = { type: 'store' };
    } else if (route === 'institution') {
      to = { type: 'institution', institution_name: pick(OTHER_INSTITUTIONS), officer_name: `${pick(FIRST_NAMES)} ${pick(SURNAMES)}` };
    } else {
      do receiver = pick(receivers);
      while (receiver.id === from && receivers.length > 1);
      if (receiver.id === from) {
        for (const id of ids) free(id);
        continue;
      }
      to = { type: 'person', person_id: receiver.id };
    }
    const handover = await call('handovers.prepare', {
      kind: route === 'return' ? 'return' : 'handover',
      from: from ? { type: 'person', person_id: from } : { type: 'store' },
      to,
      lines: ids.map((id) => {
        const category = device.get(id)?.category ?? '';
        return {
          asset_id: id,
          condition: weighted([['good', 70], ['fair', 22], ['poor', 8]] as const),
          accessories: pick(ACCESSORIES[category] ?? ['']),
        };
      }),
      reason: pick(REASONS[route]),
    });
    summary.handovers += 1;
    if (ids.length > 1) summary.multi_device_handovers += 1;
    if (outcome === 'rejected') {
      await head('handovers.decide', { handover_id: handover.id, decision: 'rejected', reason: pick(REJECTION_REASONS) });
    } else if (outcome !== 'pending' && (outcome !== 'cancelled' || random() < 0.5)) {
      // Half the cancelled ones were withdrawn before the permit was decided, half after.
      await head('handovers.decide', { handover_id: handover.id, decision: 'approved' });
    }
    if (outcome === 'cancelled') await call('handovers.cancel', { handover_id: handover.id, reason: pick(CANCEL_REASONS) });
    if (outcome === 'received') {
      const receivedBy = to.type === 'person' ? (receiver?.name ?? '') : to.type === 'institution' ? to.officer_name : officer();
      await call('handovers.receive', { handover_id: handover.id, received_on: today, received_by: receivedBy, witness: officer() });
      for (const id of ids) {
        if (to.type === 'institution') {
          holder.delete(id);
          summary.transferred_devices += 1;
          continue;
        }
        holder.set(id, to.type === 'person' ? to.person_id : null);
      }
    }
    summary.handover_states[outcome] += 1;
    // An open handover keeps its devices; any other gives them back to whoever holds them now.
    if (outcome !== 'pending' && outcome !== 'approved') for (const id of ids) if (holder.has(id)) free(id);
    tick();
  }

  // ---- Off-premises permits (3.6.11) ----

  const outsideSecret = (id: string) => {
    const d = device.get(id);
    return d !== undefined && (d.classification === 'secret' || d.classification === 'top_secret');
  };
  for (let n = 0; n < options.off_premises; n += 1) {
    const outcome = MOVEMENT_FIRST[n] ?? weighted(MOVEMENT_OUTCOMES);
    const wantSecret = outcome === 'secret';
    const fits = (id: string) => active.has(holder.get(id) ?? '') && (wantSecret ? outsideSecret(id) : PORTABLE.has(device.get(id)?.category ?? '') && !outsideSecret(id));
    // A secret device still in the store goes out with the ICT officer who takes it.
    const first =
      held.draw(random, fits) ??
      held.find(fits) ??
      (wantSecret ? store.find(outsideSecret) : held.draw(random, (id) => active.has(holder.get(id) ?? '') && !outsideSecret(id)));
    if (!first) continue;
    const holderId = holder.get(first) ?? pick(options.officers).id;
    const ids = [first];
    take(first);
    // Now and then a laptop goes out with the external drive or projector the same servant holds.
    if (!wantSecret && random() < 0.2) {
      const other = [...(heldBy.get(holderId) ?? [])].find((id) => PORTABLE.has(device.get(id)?.category ?? '') && !outsideSecret(id));
      if (other) {
        ids.push(other);
        take(other);
      }
    }
    const [purpose, destination, data] = wantSecret ? SECRET_PURPOSE : pick(PURPOSES);
    // Dates as asked: ahead for what has not gone yet, behind for what is out past its day.
    let dateOut = today;
    let dueOn = addDays(today, 2 + Math.floor(random() * 12));
    if (outcome === 'requested' || outcome === 'approved' || outcome === 'revoked') {
      dateOut = addDays(today, 1 + Math.floor(random() * 10));
      dueOn = addDays(dateOut, 1 + Math.floor(random() * 10));
    } else if (outcome === 'overdue') {
      dateOut = addDays(today, -(5 + Math.floor(random() * 20)));
      dueOn = addDays(today, -(1 + Math.floor(random() * 4)));
    } else if (outcome === 'rejected' || outcome === 'returned') {
      dateOut = addDays(today, -Math.floor(random() * 3));
      dueOn = addDays(today, Math.floor(random() * 10));
    }
    const request = await call('movements.request', { holder_id: holderId, asset_ids: ids, purpose, destination, date_out: dateOut, due_on: dueOn, data_held: data });
    summary.off_premises += 1;
    let state: MovementState = 'requested';
    if (outcome === 'rejected') {
      await head('movements.decide', { request_id: request.id, decision: 'rejected', reason: pick(MOVEMENT_REJECTIONS) });
      state = 'rejected';
    } else if (outcome !== 'requested') {
      // 3.2.3: a device classified secret leaves only with the Accounting Officer's written justification.
      const justification = ids.some(outsideSecret)
        ? 'Nakala rudufu inasafirishwa imesimbwa (encrypted) na afisa TEHAMA, ndani ya sanduku lililofungwa, moja kwa moja hadi kituo cha data.'
        : '';
      await head('movements.decide', { request_id: request.id, decision: 'approved', justification });
      state = 'approved';
      if (outcome === 'revoked') {
        await head('movements.revoke', { request_id: request.id, reason: pick(REVOKE_REASONS) });
        state = 'revoked';
      } else if (outcome !== 'approved') {
        await call('movements.check-out', { request_id: request.id, out_on: today });
        state = 'checked_out';
        if (outcome === 'overdue') summary.overdue += 1;
        if (outcome === 'returned' || outcome === 'secret') {
          await call('movements.check-in', { request_id: request.id, returned_on: today, condition: random() < 0.95 ? 'good' : 'damaged' });
          state = 'returned';
        }
      }
    }
    summary.off_premises_states[state] += 1;
    // Requested, approved and out: the devices stay on their permit.
    if (state === 'rejected' || state === 'returned' || state === 'revoked') for (const id of ids) free(id);
    tick();
  }

  // ---- Personal devices for office work (3.6.5) ----

  for (let n = 0; n < options.personal_devices; n += 1) {
    const outcome = PERSONAL_FIRST[n] ?? weighted(PERSONAL_OUTCOMES);
    const owner = pick(options.people);
    const [kind, make, model] = pick(PERSONAL_MODELS);
    const [purpose, scope] = pick(PERSONAL_USES);
    // Serial numbers as the makers print them, made unique by the count.
    const serial = `${make.slice(0, 2).toUpperCase()}${String(n).padStart(5, '0')}${Math.floor(random() * 90_000 + 10_000)}`;
    const registered = await call('personal-devices.register', { owner_id: owner.id, kind, make, model, serial, purpose, scope });
    if (outcome === 'rejected') {
      await head('personal-devices.decide', { device_id: registered.id, decision: 'rejected', reason: pick(PERSONAL_REJECTIONS) });
    } else if (outcome !== 'pending') {
      const expires =
        outcome === 'expiring' ? addDays(today, 1 + Math.floor(random() * 30)) : addDays(addMonths(today, 6 + Math.floor(random() * 18)), -Math.floor(random() * 20));
      await head('personal-devices.decide', { device_id: registered.id, decision: 'approved', expires_on: expires });
      if (outcome === 'revoked') await head('personal-devices.revoke', { device_id: registered.id, reason: pick(PERSONAL_REVOKES) });
    }
    summary.personal_devices[outcome] += 1;
    tick();
  }

  // ---- Removable media (3.6.7–3.6.10) ----

  const acknowledged = { government_work_only: true, no_personal_data: true, wipe_after_transfer: true };
  for (let n = 0; n < options.flash_disks; n += 1) {
    const outcome = FLASH_FIRST[n] ?? weighted(FLASH_OUTCOMES);
    const [make, model, cost] = pick(FLASH_MODELS);
    const purchased = addDays(today, -(120 + Math.floor(random() * 700)));
    const home = n < FLASH_FIRST.length || random() < 0.5 ? (options.stores[0] as string) : pick(options.stores);
    const disk = await call('assets.register', {
      category: 'flash_disk',
      make,
      model,
      serial: `${make.slice(0, 2).toUpperCase()}FD${purchased.slice(2, 4)}${String(10_000 + n)}`,
      purchase_date: purchased,
      supplier: 'GPSA — Wakala wa Huduma ya Ununuzi Serikalini',
      cost_tzs: cost,
      funding_source: 'Matumizi ya Kawaida (OC)',
      location_id: home,
      custodian_id: null,
      classification: 'internal',
    });
    // 3.6.10: kept in a known place while in the store.
    await call('media.store', { asset_id: disk.id, location_id: home });
    // Its past: issued for a transfer, back within days, wiped the day it came back (3.6.9).
    let day = addDays(purchased, 3 + Math.floor(random() * 10));
    const last = addDays(today, -20);
    const cycles = Math.floor(random() * 4);
    for (let c = 0; c < cycles && day < last; c += 1) {
      const person = pick(options.people);
      const issued = await call('media.issue', { asset_id: disk.id, person_id: person.id, purpose: pick(MEDIA_PURPOSES), issued_on: day, acknowledged });
      const back = addDays(day, 1 + Math.floor(random() * 7));
      const issueId = issued.issues[0]?.id ?? '';
      await call('media.return', { issue_id: issueId, returned_on: back, condition: 'good', location_id: home, note: '' });
      await call('media.wipe', { asset_id: disk.id, wiped_on: back, method: pick(['full_format', 'overwrite', 'quick_format'] as const), wiped_by: officer(), witness: officer() });
      summary.media_issues += 1;
      summary.media_wipes += 1;
      day = addDays(back, 5 + Math.floor(random() * 60));
    }
    if (outcome !== 'stored') {
      const person = pick(options.people);
      const issuedOn = outcome === 'issued' ? addDays(today, -Math.floor(random() * 5)) : addDays(today, -(3 + Math.floor(random() * 6)));
      const issued = await call('media.issue', { asset_id: disk.id, person_id: person.id, purpose: pick(MEDIA_PURPOSES), issued_on: issuedOn, acknowledged });
      summary.media_issues += 1;
      if (outcome === 'wipe_due') {
        await call('media.return', { issue_id: issued.issues[0]?.id ?? '', returned_on: today, condition: 'good', location_id: home, note: '' });
      } else if (outcome === 'lost') {
        await call('media.report', { asset_id: disk.id, kind: 'lost', reported_on: today, note: pick(LOSS_NOTES) });
      }
    }
    summary.flash_disks[outcome] += 1;
    tick();
  }
  progress.finish();
  return summary;
}
