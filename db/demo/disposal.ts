// The demo's disposal records (3.6.12–3.6.14), through the routes an ICT officer, the records officer and
// the Accounting Officer use: candidates closed beyond repair in the log book or proposed as obsolete,
// for sale or for removal, and batches in every state a working office has them, each storage medium
// sanitised as NIST SP 800-88 asks. The records officer prepares, the Accounting Officer decides.
import { CLASSIFICATIONS, STORAGE_MEDIUM_CATEGORIES } from '../assets/contract.ts';
import type { Call } from './batch.ts';
import type { BatchState } from '../disposal/contract.ts';
import { addDays } from '../contract/days.ts';
import type { RouteInput, RouteOutput } from '../contract/routes.ts';
import { FIRST_NAMES, SURNAMES } from './names.ts';
import type { Progress } from './progress.ts';
import type { Store } from '../store/open.ts';

/** A device of the register as the disposal part finds it after the custody records: free to go. */
export interface DisposalDevice {
  id: string;
  tag: string;
  category: string;
  classification: string;
  /** Closed in the log book as beyond repair: a candidate already. */
  beyond_repair: boolean;
  /** Its storage media, installed or taken out (none for a printer that keeps nothing). */
  media: number;
}

export interface DisposalDemoOptions {
  /**
   * Disposed batches besides the one of each state. Every date a batch records falls on the demo's day:
   * a submission may not precede the approval, which the demo's clock enters that day.
   */
  batches: number;
  random: () => number;
  /** The day the records are entered: typed dates lie on or before it. */
  today: string;
  /** Devices no handover, permit, repair or issue holds, the written-off ones first. */
  devices: DisposalDevice[];
  /** The head office's ICT officers: they sanitise the media and verify each other's work. */
  officers: { name: string }[];
  progress: Progress;
}

export interface DisposalDemoSummary {
  /** Devices proposed by an ICT officer, a withdrawn proposal included. */
  proposals: number;
  /** Candidates no batch holds at the end: what the records officer still has to deal with. */
  waiting_candidates: number;
  batch_states: Record<BatchState, number>;
  disposed_devices: number;
  /** Storage media with a sanitisation record or the department's destruction recorded. */
  sanitised_media: number;
}

type Batch = RouteOutput<'disposal.create'>;
type Sanitise = RouteInput<'disposal.sanitise'>;

/**
 * The devices the disposal part may take, as the custody records left them: in service, in the store or
 * written off, out of repair and in the office, on no open handover or permit, not a storage medium of
 * the media register, with their media known when they can hold records. The written-off come first,
 * then the store's, then the oldest bought; `limit` keeps a ministry's read short.
 */
export function disposalDevices(store: Store, limit: number): DisposalDevice[] {
  const held = (sql: string) => new Set((store.sqlite.prepare(sql).all() as { id: string }[]).map((row) => row.id));
  const onHandover = held("SELECT DISTINCT j.value ->> '$.asset_id' AS id FROM handovers h, json_each(h.lines) j WHERE h.state IN ('pending', 'approved')");
  const onPermit = held("SELECT DISTINCT j.value ->> '$.asset_id' AS id FROM movements m, json_each(m.devices) j WHERE m.state IN ('requested', 'approved', 'checked_out')");
  const media = STORAGE_MEDIUM_CATEGORIES.map(() => '?').join(', ');
  const rows = store.sqlite
    .prepare(
      `SELECT a.id, a.tag, a.category, a.classification, a.status = 'awaiting_disposal' AS beyond_repair,
          (SELECT count(*) FROM storage_media m WHERE m.asset_id = a.id) AS media, a.can_hold_records
        FROM assets a
        WHERE a.status IN ('in_service', 'in_store', 'awaiting_disposal') AND a.repair_state = 'none' AND a.off_premises_id IS NULL
          AND a.category NOT IN (${media})
        ORDER BY a.status = 'awaiting_disposal' DESC, a.status = 'in_store' DESC, a.purchase_date, a.id`,
    )
    .all(...STORAGE_MEDIUM_CATEGORIES) as (Omit<DisposalDevice, 'beyond_repair'> & { beyond_repair: number; can_hold_records: number })[];
  return rows
    .filter((row) => !onHandover.has(row.id) && !onPermit.has(row.id) && (row.can_hold_records === 0 || row.media > 0))
    .slice(0, limit)
    .map(({ can_hold_records: _holds, ...row }) => ({ ...row, beyond_repair: row.beyond_repair === 1 }));
}

/** What an ICT officer writes when proposing, by the proposal's reason. */
const PROPOSAL_NOTES = {
  obsolete: [
    'Kompyuta ya zamani; haiwezi kuendesha mifumo ya sasa ya Serikali (e-Office, MUSE) na haipati tena masasisho ya usalama.',
    'Mfumo wake wa uendeshaji hauhudumiwi tena na mtengenezaji; imebadilishwa na kifaa kipya kwa mpango wa mwaka wa fedha.',
    'Imepitwa na wakati: kumbukumbu (RAM) haiongezeki na vipuri vyake havipatikani sokoni.',
  ],
  sale: [
    'Inafanya kazi lakini haihitajiki tena baada ya kununuliwa printa za pamoja za idara; iuzwe kwa mnada wa hadhara.',
    'Kifaa kimezidi mahitaji ya ofisi; kiuzwe kwa mnada kupitia utaratibu wa Serikali wa uondoshaji wa mali.',
  ],
  removal: [
    'Kimeharibiwa na radi iliyopiga jengo; fundi amethibitisha hakitengenezeki.',
    'Kimeharibika kwa maji baada ya paa la stoo kuvuja; hakitengenezeki.',
  ],
} as const;

const BATCH_NOTES = [
  'Vifaa vilivyochakaa kutoka Stoo ya Vifaa, Makao Makuu Dodoma.',
  'Kompyuta na printa zilizoandikwa kuwa hazitengenezeki kwenye Daftari la Kumbukumbu za Matengenezo.',
  'Vifaa vya ofisi za mikoa vilivyorejeshwa Makao Makuu kwa ajili ya uondoshaji.',
  'Vifaa vilivyopitwa na wakati baada ya kuhamia mfumo mpya wa e-Office.',
];
const APPROVAL_NOTES = [
  'Imeidhinishwa. Hakikisheni vyeti vya usafishaji vinaambatana na barua ya kuwasilisha.',
  'Imeidhinishwa kwa mujibu wa kifungu 3.6.12 cha Mwongozo.',
  '',
];
const RETURN_REASONS = [
  'Idara imerudisha vifaa: orodha ya vitunza kumbukumbu haikusainiwa na Afisa Masuuli. Iwasilishwe upya pamoja na barua mpya.',
  'Idara haina nafasi ya kuhifadhi vifaa kwa sasa; imeomba viwasilishwe robo ijayo.',
];
const CANCEL_REASONS = [
  'Kundi liliandaliwa mara mbili kimakosa; vifaa vitawekwa kwenye kundi la robo ijayo.',
  'Mpango wa uondoshaji umebadilishwa na menejimenti; vifaa vitawasilishwa pamoja na vya ofisi za mikoa.',
];
const WITHDRAW_REASONS = ['Kifaa kimepangiwa kazi ya mafunzo kwa watumishi wapya; hakitaondoshwa kwa sasa.'];
const DISPOSAL_METHODS = [
  'Vitunza kumbukumbu vimesagwa (shredding) mbele ya mashahidi; mabaki ya vifaa yamechakatwa na mkandarasi wa taka za kielektroniki aliyesajiliwa na NEMC.',
  'Vifaa vimevunjwa na kuchakatwa upya; diski zimetobolewa na kusagwa na Idara.',
];

/** The department's officer who signs for the devices. */
const COLLECTORS = ['Elia Mwakyusa', 'Rose Mapunda', 'Yusufu Kombo'];

/** How a batch ends up, in the order the demo makes them: those that let their devices go come first. */
const STATE_ORDER: readonly BatchState[] = ['cancelled', 'returned', 'disposed', 'collected', 'submitted', 'approved', 'awaiting_approval', 'draft'];
/** How many devices each state's batch takes when the register has enough. */
const WANTED: Record<BatchState, number> = { cancelled: 2, returned: 2, disposed: 3, collected: 2, submitted: 2, approved: 2, awaiting_approval: 2, draft: 3 };
/** States whose batches let their devices go: those devices may go into another batch. */
const RELEASING: readonly BatchState[] = ['cancelled', 'returned'];
/** Candidates left waiting, proposed but in no batch, for the records officer's list. */
const WAITING = 3;

/** Devices that may be sold: nothing in them keeps records. */
const SALEABLE = new Set(['printer', 'scanner', 'projector', 'ups', 'network']);

export async function disposalDemo(officer: Call, records: Call, head: Call, options: DisposalDemoOptions): Promise<DisposalDemoSummary> {
  const { random, today, progress } = options;
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
  const year = today.slice(0, 4);
  const summary: DisposalDemoSummary = {
    proposals: 0,
    waiting_candidates: 0,
    batch_states: { draft: 0, awaiting_approval: 0, approved: 0, submitted: 0, collected: 0, disposed: 0, returned: 0, cancelled: 0 },
    disposed_devices: 0,
    sanitised_media: 0,
  };

  // The batches to make: one of each state while the register has devices for them, then more disposed.
  const plan: BatchState[] = [...STATE_ORDER, ...Array.from({ length: Math.max(options.batches, 0) }, () => 'disposed' as const)];
  progress.start('disposal', plan.length);

  // One device written off in the log book stays waiting, as the records officer first meets a candidate.
  const waits = options.devices.filter((d) => d.beyond_repair).slice(-1);
  const pool = options.devices.filter((d) => !waits.includes(d));
  /** Devices a batch may take now: candidates not held by a batch. */
  const free: DisposalDevice[] = [];
  const proposed = new Set<string>();

  /** Makes a device a candidate: one written off already is; any other is proposed by an ICT officer. */
  const candidate = async (device: DisposalDevice): Promise<string | null> => {
    if (device.beyond_repair || proposed.has(device.id)) return null;
    const reason = SALEABLE.has(device.category) && device.media === 0 && random() < 0.5 ? 'sale' : random() < 0.75 ? 'obsolete' : 'removal';
    const route = reason === 'sale' ? 'sale' : SALEABLE.has(device.category) && device.media === 0 ? 'recycling' : 'destruction';
    const proposal = await officer('disposal.propose', { asset_id: device.id, reason, route, note: pick(PROPOSAL_NOTES[reason]) });
    proposed.add(device.id);
    summary.proposals += 1;
    return proposal.id;
  };

  /**
   * Up to `count` devices for a batch: those let go by an earlier batch first, then new candidates; those
   * that `prefer` picks before the rest.
   */
  const take = async (count: number, prefer: (d: DisposalDevice) => boolean = () => true): Promise<DisposalDevice[]> => {
    const chosen: DisposalDevice[] = [];
    for (const wanted of [prefer, () => true]) {
      for (const from of [free, pool]) {
        let at = from.findIndex(wanted);
        while (chosen.length < count && at >= 0) {
          const [device] = from.splice(at, 1) as [DisposalDevice];
          await candidate(device);
          chosen.push(device);
          at = from.findIndex(wanted);
        }
      }
    }
    return chosen;
  };

  const officerPair = () => {
    const performer = pick(options.officers).name;
    const others = options.officers.filter((o) => o.name !== performer);
    return { performer, verifier: others.length > 0 ? pick(others).name : `${pick(FIRST_NAMES)} ${pick(SURNAMES)}` };
  };

  /** NIST SP 800-88 for one medium line, as an ICT officer would do it for its kind. */
  const sanitisation = (batch: Batch, medium: Batch['media'][number], classification: string): Sanitise => {
    const before = CLASSIFICATIONS.find((c) => c === classification) ?? 'internal';
    const { performer, verifier } = officerPair();
    const performed = addDays(today, -(3 + Math.floor(random() * 25)));
    const verified = addDays(performed, Math.floor(random() * 3));
    const base = { batch_id: batch.id, line_id: medium.line_id, confidentiality_before: before };
    const work = {
      performed_by: { name: performer, title: 'Afisa TEHAMA', date: performed },
      verified_by: { name: verifier, title: 'Afisa TEHAMA Mkuu', date: verified },
      confidentiality_after: 'public' as const,
    };
    const roll = random();
    if (medium.kind === 'ssd' && roll < 0.85) {
      return {
        ...base,
        ...work,
        category: 'purge',
        method: 'crypto_erase',
        tool: 'Parted Magic (ATA Sanitize Crypto Scramble)',
        tool_version: '2024.05.15',
        verification: 'full',
        notes: 'Amri ya ATA Sanitize Crypto Scramble imetekelezwa; usomaji wa sekta zote baada yake haukuonyesha data yoyote.',
      };
    }
    if (medium.kind === 'hdd' && roll < 0.55) {
      const log = [
        `nwipe 0.35 — ${medium.serial}`,
        `Method: Zero Fill, 1 round, final blanking and verification pass`,
        `Started ${performed} 09:14, finished ${performed} 13:52`,
        'Result: Erased — verification PASS, 0 errors',
      ].join('\n');
      return {
        ...base,
        ...work,
        category: 'clear',
        method: 'overwrite',
        tool: 'nwipe (ShredOS)',
        tool_version: '0.35',
        verification: 'full',
        report: { name: `nwipe-${medium.serial || medium.line_id}.log`, mime: 'text/plain', base64: Buffer.from(log).toString('base64') },
        notes: 'Mzunguko mmoja wa kuandika sifuri kwenye diski nzima, pamoja na uhakiki wa mwisho (NIST SP 800-88, Clear).',
      };
    }
    if (medium.kind === 'hdd' && roll < 0.8) {
      return {
        ...base,
        ...work,
        category: 'purge',
        method: 'degauss',
        tool: 'Garner HD-3WXL degausser',
        tool_version: 'HD-3WXL',
        verification: 'sample',
        notes: 'Diski imefutwa kwa sumaku (degauss) mara mbili; sampuli ya sekta ilithibitisha haisomeki tena.',
      };
    }
    // A drive that no longer spins, or one soldered to the board: the department destroys it.
    return {
      ...base,
      category: 'not_sanitised_to_be_destroyed_by_department',
      notes:
        medium.kind === 'hdd' || medium.kind === 'ssd'
          ? 'Diski imeharibika na haisomeki; haiwezi kusafishwa kwa programu. Iharibiwe na Idara kwa kusagwa.'
          : 'Kitunza kumbukumbu kimeunganishwa kwenye ubao mama; kiharibiwe na Idara pamoja na kifaa.',
    };
  };

  const classificationOf = new Map(options.devices.map((d) => [d.id, d.classification]));
  const sanitise = async (batch: Batch, count = batch.media.length): Promise<Batch> => {
    let current = batch;
    for (const medium of batch.media.slice(0, count)) {
      current = await records('disposal.sanitise', sanitisation(batch, medium, classificationOf.get(medium.asset_id) ?? 'internal'));
      summary.sanitised_media += 1;
    }
    return current;
  };

  let letters = 0;
  let certificates = 0;
  let made = 0;
  for (const state of plan) {
    made += 1;
    // The batch of each state shows its media sanitised; the further disposed ones take whatever waits.
    const devices = await take(WANTED[state], made <= STATE_ORDER.length && state !== 'cancelled' ? (d) => d.media > 0 : undefined);
    if (devices.length === 0) {
      progress.tick(made);
      continue;
    }
    const condition = (d: DisposalDevice) => (d.beyond_repair ? 'unserviceable' : random() < 0.7 ? 'obsolete' : 'damaged');
    let batch = await records('disposal.create', { note: pick(BATCH_NOTES), lines: devices.map((d) => ({ asset_id: d.id, condition: condition(d) })) });
    if (state === 'cancelled') {
      await records('disposal.cancel', { batch_id: batch.id, reason: pick(CANCEL_REASONS) });
    } else if (state === 'draft') {
      // Work under way: some media sanitised, the rest still to do.
      await sanitise(batch, Math.floor(batch.media.length / 2));
    } else {
      batch = await sanitise(batch);
      await records('disposal.send', { batch_id: batch.id });
      if (state !== 'awaiting_approval') {
        await head('disposal.decide', { batch_id: batch.id, decision: 'approved', reason: pick(APPROVAL_NOTES) });
        if (state !== 'approved') {
          letters += 1;
          await records('disposal.submit', { batch_id: batch.id, submitted_on: today, letter_ref: `WM/ICT/DSP/${year}/${String(letters).padStart(2, '0')}` });
          if (state === 'returned') {
            await records('disposal.returned', { batch_id: batch.id, returned_on: today, reason: pick(RETURN_REASONS) });
          } else if (state !== 'submitted') {
            const collector = pick(COLLECTORS);
            await records('disposal.collected', { batch_id: batch.id, collected_on: today, collected_by: `${collector}, Afisa Kumbukumbu — Idara ya Kumbukumbu na Nyaraka za Taifa` });
            if (state === 'disposed') {
              certificates += 1;
              await records('disposal.disposed', {
                batch_id: batch.id,
                disposed_on: today,
                certificate_ref: `IKNT/UT/${year}/${String(100 + certificates)}`,
                method: pick(DISPOSAL_METHODS),
              });
              summary.disposed_devices += devices.length;
            }
          }
        }
      }
    }
    summary.batch_states[state] += 1;
    if (RELEASING.includes(state)) free.push(...devices);
    progress.tick(made);
  }

  // Candidates still waiting for a batch, and one proposal withdrawn when the device found other work.
  for (const device of [...waits, ...free, ...pool.splice(0, WAITING)]) await candidate(device);
  const spare = pool.find((d) => !d.beyond_repair);
  const withdrawn = spare ? await candidate(spare) : null;
  if (withdrawn) await officer('disposal.withdraw', { proposal_id: withdrawn, reason: pick(WITHDRAW_REASONS) });
  const waiting = await records('disposal.candidates', {});
  summary.waiting_candidates = waiting.filter((c) => c.batch_id === null).length;
  progress.finish();
  return summary;
}
